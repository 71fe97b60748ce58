package org.transcriptsearch.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class VocabularyTest {
  private final Vocabulary bundled = Vocabulary.bundled();

  @Test
  void bundledListHasOverAThousandDistinctWords() {
    java.util.Set<String> words = new HashSet<>();
    for (int i = 0; i < bundled.size(); i++) {
      words.add(bundled.word(i));
    }
    assertThat(bundled.size()).isGreaterThan(1_000);
    assertThat(words).hasSize(bundled.size());
    assertThat(bundled.word(0)).isEqualTo("the");
  }

  /** Zipf-Mandelbrot with shift 2.7: rank 1 is drawn (10 + 2.7) / (1 + 2.7) = 3.4 times as often as rank 10. */
  @Test
  void drawsFollowAZipfLikeLaw() {
    int[] counts = new int[bundled.size()];
    SplittableRandom rng = new SplittableRandom(1);
    for (int i = 0; i < 1_000_000; i++) {
      counts[bundled.drawIndex(rng)]++;
    }
    assertThat((double) counts[0] / counts[9]).isBetween(3.0, 3.9);
    assertThat((double) counts[0] / counts[99]).isBetween(20.0, 35.0);
    assertThat(counts[bundled.size() - 1]).isPositive();
  }

  @Test
  void aOneWordVocabularyAlwaysDrawsThatWord() {
    Vocabulary one = Vocabulary.of(List.of("radio"));
    assertThat(one.draw(new SplittableRandom(3))).isEqualTo("radio");
  }

}
