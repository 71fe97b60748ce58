package org.transcriptsearch.topics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokensTest {
  private static List<String> words(String text) {
    Tokens tokens = Tokens.of(text);
    List<String> words = new ArrayList<>();
    for (int i = 0; i < tokens.size(); i++) {
      words.add(tokens.word(i));
    }
    return words;
  }

  @Test
  void possessivesAreDroppedAndInitialsKept() {
    assertThat(words("Syria's U.S. U.A.E. al-Assad Erdoğan")).containsExactly("Syria", "U.S", "U.A.E", "al",
        "Assad", "Erdogan");
  }

  @Test
  void joinsTellSpacesAndHyphensFromPunctuation() {
    Tokens tokens = Tokens.of("al-Assad, St. Petersburg - Moscow\n\nKiev");
    assertThat(tokens.join(1)).isEqualTo(Tokens.JOINED);
    assertThat(tokens.join(2)).isEqualTo(Tokens.BREAK);
    assertThat(tokens.join(3)).isEqualTo(Tokens.PERIOD_JOINED);
    assertThat(tokens.join(4)).isEqualTo(Tokens.BREAK);
    assertThat(tokens.join(5)).isEqualTo(Tokens.BREAK);
  }

  @Test
  void phraseKeysAgreeAcrossHyphensAndSpaces() {
    assertThat(Tokens.phraseKey("Kim Jong-un")).isEqualTo(Tokens.phraseKey("Kim Jong un"));
    assertThat(Tokens.phraseKey("St. Petersburg")).isEqualTo("St .Petersburg");
    assertThat(Tokens.phraseKey("Tripoli, Lebanon")).isNull();
  }
}
