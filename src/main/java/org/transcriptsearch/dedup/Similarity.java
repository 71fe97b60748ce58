package org.transcriptsearch.dedup;

import java.util.List;

/**
 * When two copies are one story. Distinct stories, even on one subject and with the same host's opening, share a
 * few percent of their shingles at most; copies of one story share most of them, or one copy holds nearly all of a
 * truncated other.
 */
final class Similarity {
  /** Estimated Jaccard similarity at or above which two copies are one story. */
  static final double SAME_STORY = 0.5;

  /** Or the estimated share of the smaller copy's shingles found in the larger one (a truncated copy). */
  static final double CONTAINED = 0.8;

  private Similarity() {}

  /** Whether {@code a} and {@code b} are copies of one story. */
  static boolean same(SpeechSignature a, SpeechSignature b) {
    return a.usable() && b.usable() && (a.jaccard(b) >= SAME_STORY || a.containment(b) >= CONTAINED);
  }

  /**
   * How close {@code copy} is to the closest of a story's copies: 0 when it is a copy of none of them, else the sum
   * of the two estimates, so the best of several candidate stories can be chosen.
   */
  static double score(SpeechSignature copy, List<SpeechSignature> copies) {
    double best = 0;
    for (SpeechSignature other : copies) {
      if (same(copy, other)) {
        best = Math.max(best, copy.jaccard(other) + copy.containment(other));
      }
    }
    return best;
  }
}
