package org.transcriptsearch.speakers;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@link SpeakerLabel#parse} with a memory of the strings it has taken apart: a collection repeats its speaker
 * strings (MediaSum has 718,483 distinct ones among 13.9 million utterances), and the grammar costs tens of
 * microseconds a string. Holds at most {@link #CAPACITY} strings, the least recently used let go first.
 *
 * <p>Not thread-safe: one per reader, on the reader's thread.
 */
public final class SpeakerLabels {
  /** Strings remembered at most: about a megabyte or two. */
  static final int CAPACITY = 10_000;

  private final Map<String, Optional<SpeakerLabel>> parsed =
      new LinkedHashMap<>(CAPACITY * 4 / 3 + 1, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Optional<SpeakerLabel>> eldest) {
          return size() > CAPACITY;
        }
      };

  /** As {@link SpeakerLabel#parse}. */
  public SpeakerLabel parse(String label) {
    if (label == null) {
      return null;
    }
    return parsed.computeIfAbsent(label, l -> Optional.ofNullable(SpeakerLabel.parse(l))).orElse(null);
  }
}
