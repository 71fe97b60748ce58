package org.transcriptsearch.alerts;

import java.time.Instant;
import java.util.List;

/**
 * What an alert has matched: how many utterances in all, when last, and the latest ones, newest first.
 *
 * @param matches utterances matched since the alert was saved (an utterance indexed again counts once)
 * @param lastMatch when the latest match was made, or null
 * @param entries the latest matches, newest first, at most {@link #SIZE}
 */
public record Feed(long matches, Instant lastMatch, List<FeedEntry> entries) {
  /** How many entries a feed keeps. */
  public static final int SIZE = 100;

  /** A feed with nothing in it. */
  static final Feed EMPTY = new Feed(0, null, List.of());

  public Feed {
    entries = entries == null ? List.of() : List.copyOf(entries);
  }
}
