package org.transcriptsearch.dedup;

import java.util.Comparator;
import org.transcriptsearch.model.Attribution;
import org.transcriptsearch.model.Transcript;

/**
 * Which copy of a story is the most complete, and so gives the story its text: the one with the most words (a
 * truncated copy loses, a copy with a paragraph more wins), then the most labelled turns (a copy that lost a label
 * loses), then the most turns. A teaser or boilerplate that the page reader did not recognise counts as words too;
 * the page reader removes the kinds it knows.
 */
final class Completeness {
  private static final Comparator<MirrorGroups.Copy> ORDER =
      Comparator.<MirrorGroups.Copy>comparingInt(c -> c.signature().words())
          .thenComparingLong(c -> labelled(c.transcript()))
          .thenComparingInt(c -> c.transcript().turns().size());

  private Completeness() {}

  /** Positive when {@code a} is more complete than {@code b}, 0 when they are as complete. */
  static int compare(MirrorGroups.Copy a, MirrorGroups.Copy b) {
    return ORDER.compare(a, b);
  }

  private static long labelled(Transcript transcript) {
    return transcript.turns().stream().filter(t -> t.attribution() == Attribution.LABELLED).count();
  }
}
