package org.transcriptsearch.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.transcriptsearch.search.FacetLabelsFolding;
import org.transcriptsearch.speakers.SpeakerNames;

/** One folding everywhere: the same name folds the same in queries, speaker keys, facet labels and topics. */
class FoldingTest {
  @ParameterizedTest
  @CsvSource({
    "Wałęsa, walesa",
    "WAŁĘSA, walesa",
    "Erdoğan, erdogan",
    "Øresund, oresund",
    "Straße, strasse",
    "Martínez, martinez",
    "Michèle, michele",
    "Ærø, aero",
    "İstanbul, istanbul",
    "Đoković, dokovic",
    "Œuvre, oeuvre",
    "Zelenskyy, zelenskyy",
  })
  void namesFoldAlike(String name, String folded) {
    assertThat(Folding.fold(name)).isEqualTo(folded);
    assertThat(SpeakerNames.key(name)).isEqualTo(folded);
    assertThat(FacetLabelsFolding.fold(name)).isEqualTo(folded);
  }

  @ParameterizedTest
  @CsvSource({"Wałęsa, Walesa", "Erdoğan, Erdogan", "Côte, Cote", "Kyiv, Kyiv"})
  void asciiKeepsCase(String name, String folded) {
    assertThat(Folding.ascii(name)).isEqualTo(folded);
  }

  @org.junit.jupiter.api.Test
  void aDecomposedAccentFoldsLikeAComposedOne() {
    assertThat(Folding.fold("Mich\u0065\u0300le")).isEqualTo("michele");
  }

  @org.junit.jupiter.api.Test
  void asciiTextIsItsOwnCompositionAndComesBackAsItIs() {
    java.util.Random random = new java.util.Random(3);
    for (int round = 0; round < 5_000; round++) {
      char[] chars = new char[random.nextInt(40)];
      for (int i = 0; i < chars.length; i++) {
        chars[i] = (char) random.nextInt(0x80);
      }
      String text = new String(chars);
      assertThat(Folding.ascii(text)).isSameAs(text).isEqualTo(java.text.Normalizer.normalize(text,
          java.text.Normalizer.Form.NFC));
    }
  }
}
