package org.transcriptsearch.dedup;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.transcriptsearch.model.Source;

/**
 * Lists of a story's sources: one per copy, oldest first. A copy is known by its own id, site and address together:
 * an identical copy on another site has the same id but is another source.
 */
final class Sources {
  /** Stable: copies first seen in the same second stay in the order they were met. */
  private static final Comparator<Source> OLDEST_FIRST =
      Comparator.comparing(Source::firstSeen, Comparator.nullsLast(Comparator.naturalOrder()));

  private Sources() {}

  /**
   * {@code existing} with the copies of {@code incoming} it lacks, those first seen {@code now} unless they say
   * when; a copy already listed keeps its entry and when it was first seen.
   */
  static List<Source> merge(List<Source> existing, List<Source> incoming, Instant now) {
    Map<String, Source> byId = new LinkedHashMap<>();
    existing.forEach(s -> byId.put(key(s), s.seenAt(now)));
    incoming.forEach(s -> byId.putIfAbsent(key(s), s.seenAt(now)));
    List<Source> merged = new ArrayList<>(byId.values());
    merged.sort(OLDEST_FIRST);
    return List.copyOf(merged);
  }

  /** Whether {@code sources} lists any of the copies {@code copies}. */
  static boolean containsAny(List<Source> sources, List<Source> copies) {
    return copies.stream().map(Sources::key).anyMatch(k -> sources.stream().map(Sources::key).anyMatch(k::equals));
  }

  private static String key(Source s) {
    return s.id() + '\t' + s.site() + '\t' + s.url();
  }
}
