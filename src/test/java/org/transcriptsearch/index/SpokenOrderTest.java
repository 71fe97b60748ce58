package org.transcriptsearch.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The spoken-order sort key is the episode id, a NUL and the turn zero-padded to seven digits, as it always was. */
class SpokenOrderTest {
  private static String formatted(String episode, int turn) {
    return episode + '\u0000' + String.format(Locale.ROOT, "%07d", turn);
  }

  @Test
  void everyTurnIsPaddedAsStringFormatPadsIt() {
    int[] edges = {0, 1, 9, 10, 99, 100, 999_999, 1_000_000, 9_999_999, 10_000_000, 123_456_789, Integer.MAX_VALUE,
        -1, -42, Integer.MIN_VALUE};
    for (int turn : edges) {
      assertThat(UtteranceDocuments.spokenOrder("ep-1", turn)).as("turn %d", turn).isEqualTo(formatted("ep-1", turn));
    }
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 10_000; i++) {
      int turn = i % 2 == 0 ? random.nextInt(2_000) : random.nextInt();
      assertThat(UtteranceDocuments.spokenOrder("x", turn)).isEqualTo(formatted("x", turn));
    }
  }

  @Test
  void keysSortInSpokenOrderWithinAnEpisode() {
    assertThat(UtteranceDocuments.spokenOrder("a", 9)).isLessThan(UtteranceDocuments.spokenOrder("a", 10));
    assertThat(UtteranceDocuments.spokenOrder("a", 999)).isLessThan(UtteranceDocuments.spokenOrder("a", 1_000));
    assertThat(UtteranceDocuments.spokenOrder("a", 5)).isEqualTo("a\u00000000005");
  }
}
