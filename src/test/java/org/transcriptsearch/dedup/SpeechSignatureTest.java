package org.transcriptsearch.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.transcriptsearch.generate.CorpusGenerator;
import org.transcriptsearch.generate.MirrorCopies;
import org.transcriptsearch.model.Transcript;
import org.transcriptsearch.model.Turn;

/** The signature worked out directly is the one Lucene's ShingleFilter and MinHashFilter make, to the bit. */
class SpeechSignatureTest {
  @Test
  void generatedTranscriptsAndTheirMirrorsHaveTheFiltersSignatures() {
    CorpusGenerator generator = new CorpusGenerator(7);
    int compared = 0;
    for (long i = 0; i < 300; i++) {
      List<String> speeches = new ArrayList<>();
      speeches.add(speech(generator.transcript(i)));
      for (MirrorCopies.Copy copy : generator.published(i, 0.5)) {
        speeches.add(speech(copy.transcript()));
      }
      for (String speech : speeches) {
        assertSameAsFilters(speech);
        compared++;
      }
    }
    assertThat(compared).isGreaterThan(300);
  }

  @Test
  void shortAndOddSpeechesHaveTheFiltersSignatures() {
    List<String> speeches =
        List.of(
            "",
            "   ",
            "...!?",
            "yes",
            "Yes, sir.",
            "one two three four",
            "one two three four five",
            "one two three four five six",
            "Café crème, naïve façade: ÆSIR Straße ﬁnal",
            "the the the the the the the the the the the the the the the",
            "emoji 😀 and 😀😀 in words: a😀b, \uD83D\uDE00x",
            "lone \uD83D surrogates \uDE00 here, and x\uD83Dy z\uDE00w in words",
            "日本語のテキスト と 中文 文本 and Ελληνικά κείμενα in one speech here",
            "a".repeat(300) + " long words " + "b".repeat(600) + " split by the tokenizer",
            "numbers 1,000 and 3.14 and e-mail x@y.org and http://example.com/path in the speech");
    for (String speech : speeches) {
      assertSameAsFilters(speech);
    }
  }

  @Test
  void randomTextOfMixedScriptsHasTheFiltersSignature() {
    Random random = new Random(42);
    String alphabet = "abcdeéèüßæøå ,.;:'\"-!?日本中文ελ\uD83D\uDE00\uD83D\uDE00\uD800\uDC00\uDBFF 0123456789\n\t";
    for (int round = 0; round < 2_000; round++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(round % 20 == 0 ? 3_000 : 200);
      for (int i = 0; i < length; i++) {
        text.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      assertSameAsFilters(text.toString());
    }
  }

  private static void assertSameAsFilters(String speech) {
    SpeechSignature direct = SpeechSignature.of(speech);
    SpeechSignature filters = SpeechSignature.throughFilters(speech);
    assertThat(direct.words()).as("words of %s", abbreviated(speech)).isEqualTo(filters.words());
    assertThat(direct.hashes()).as("hashes of %s", abbreviated(speech)).containsExactly(filters.hashes());
  }

  private static String abbreviated(String speech) {
    return '"' + (speech.length() > 80 ? speech.substring(0, 80) + "..." : speech) + '"';
  }

  private static String speech(Transcript transcript) {
    StringBuilder speech = new StringBuilder();
    for (Turn turn : transcript.turns()) {
      speech.append(turn.text()).append('\n');
    }
    return speech.toString();
  }
}
