package org.transcriptsearch.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.transcriptsearch.dedup.SpeechSignature;
import org.transcriptsearch.model.Turn;

/**
 * The time the speech signatures of N transcripts take, as ingest works them out ({@link SpeechSignature#of}) and
 * through Lucene's ShingleFilter and MinHashFilter ({@link SpeechSignature#throughFilters}), in alternated rounds
 * after a warm-up, one thread; and whether the two agree on every signature. Reports each round and the median.
 *
 * <pre>{@code signatures JSONL N ROUNDS}</pre>
 */
final class Signatures {
  private Signatures() {}

  public static void main(String[] args) throws Exception {
    Path jsonl = Path.of(args[0]);
    int n = Integer.parseInt(args[1]);
    int rounds = Integer.parseInt(args[2]);
    List<String> speeches = new ArrayList<>();
    Corpus.each(
        jsonl,
        t -> {
          if (speeches.size() < n) {
            StringBuilder speech = new StringBuilder();
            for (Turn turn : t.turns()) {
              speech.append(turn.text()).append('\n');
            }
            speeches.add(speech.toString());
          }
        });
    int differing = 0;
    for (String speech : speeches) {
      SpeechSignature direct = SpeechSignature.of(speech);
      SpeechSignature filters = SpeechSignature.throughFilters(speech);
      if (direct.words() != filters.words() || !Arrays.equals(direct.hashes(), filters.hashes())) {
        differing++;
      }
    }
    long[] direct = new long[rounds];
    long[] filters = new long[rounds];
    long sink = 0;
    for (int warm = 0; warm < 2; warm++) {
      for (String speech : speeches) {
        sink += SpeechSignature.of(speech).hashes()[0] + SpeechSignature.throughFilters(speech).hashes()[0];
      }
    }
    for (int r = 0; r < rounds; r++) {
      long start = System.nanoTime();
      for (String speech : speeches) {
        sink += SpeechSignature.of(speech).hashes()[0];
      }
      direct[r] = System.nanoTime() - start;
      start = System.nanoTime();
      for (String speech : speeches) {
        sink += SpeechSignature.throughFilters(speech).hashes()[0];
      }
      filters[r] = System.nanoTime() - start;
      System.out.printf("round %d: direct %d ms, through the filters %d ms%n", r + 1, direct[r] / 1_000_000,
          filters[r] / 1_000_000);
    }
    Arrays.sort(direct);
    Arrays.sort(filters);
    long d = direct[rounds / 2];
    long f = filters[rounds / 2];
    System.out.printf(
        "signatures of %d transcripts: median direct %d ms, through the filters %d ms (%.2fx); %d of %d differ (%d)%n",
        speeches.size(), d / 1_000_000, f / 1_000_000, d / (double) f, differing, speeches.size(), sink & 1);
  }
}
