package org.transcriptsearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

class PassageScoresTest {
  private static final String[] WORDS = {"crimea", "lavrov", "aleppo", "the", "said", "sanctions", "a"};

  @Test
  void scoresEveryPassageAsLucenesScorerToTheBit() {
    Random random = new Random(20261202);
    PassageScorer lucene = new PassageScorer();
    PassageScores ours = new PassageScores();
    for (int round = 0; round < 20_000; round++) {
      int matches = 1 + random.nextInt(round % 10 == 0 ? 3 * PassageScores.LINEAR_LIMIT : 12);
      Passage passage = passage(random, matches);
      int contentLength = passage.getEndOffset() + random.nextInt(5_000);
      float expected = lucene.score(passage, contentLength);
      float actual = ours.score(passage, contentLength);
      assertEquals(Float.floatToRawIntBits(expected), Float.floatToRawIntBits(actual),
          "passage " + round + " (" + passage + "): Lucene " + expected + ", ours " + actual);
    }
  }

  @Test
  void aTermRepeatedInThePassageCountsOnceWithItsFrequencyThere() {
    Passage passage = new Passage();
    passage.setStartOffset(100);
    passage.setEndOffset(180);
    passage.addMatch(100, 106, new BytesRef("crimea"), 3);
    passage.addMatch(120, 126, new BytesRef("lavrov"), 1);
    passage.addMatch(150, 156, new BytesRef("crimea"), 3);
    PassageScorer s = new PassageScorer();
    double sum = s.tf(2, 80) * s.weight(1_000, 3);
    sum += s.tf(1, 80) * s.weight(1_000, 1);
    assertEquals((float) (sum * s.norm(100)), new PassageScores().score(passage, 1_000));
  }

  private static Passage passage(Random random, int matches) {
    int start = random.nextInt(10_000);
    int[] starts = new int[matches];
    String[] words = new String[matches];
    int offset = start;
    int vocabulary = 1 + random.nextInt(WORDS.length);
    for (int i = 0; i < matches; i++) {
      offset += 1 + random.nextInt(20);
      starts[i] = offset;
      words[i] = WORDS[random.nextInt(vocabulary)];
      offset += words[i].length();
    }
    Passage passage = new Passage();
    passage.setStartOffset(start);
    passage.setEndOffset(offset + random.nextInt(50));
    for (int i = 0; i < matches; i++) {
      // A BytesRef into a larger array: terms are compared by their bytes, not by identity or offset.
      byte[] padded = ("xx" + words[i] + "yy").getBytes(StandardCharsets.UTF_8);
      passage.addMatch(starts[i], starts[i] + words[i].length(), new BytesRef(padded, 2, words[i].length()),
          1 + random.nextInt(40));
    }
    return passage;
  }
}
