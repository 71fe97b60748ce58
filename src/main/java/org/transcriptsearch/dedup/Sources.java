package org.transcriptsearch.dedup;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.transcriptsearch.model.Source;

/**
 * Lists of a story's sources: one per copy, oldest first. A copy is known by its address when it has one (an
 * identical copy on another site has the same id but is another source; the same page read again after a correction
 * is the same source under its new id), else by its own id and site.
 */
final class Sources {
  /** Stable: copies first seen in the same second stay in the order they were met. */
  private static final Comparator<Source> OLDEST_FIRST =
      Comparator.comparing(Source::firstSeen, Comparator.nullsLast(Comparator.naturalOrder()));

  private Sources() {}

  /**
   * {@code existing} with the copies of {@code incoming}, those first seen {@code now} unless they say when; a copy
   * already listed keeps when it was first seen, and takes the id it has now.
   */
  static List<Source> merge(List<Source> existing, List<Source> incoming, Instant now) {
    Map<String, Source> byId = new LinkedHashMap<>();
    existing.forEach(s -> byId.put(key(s), s.seenAt(now)));
    incoming.forEach(
        s ->
            byId.merge(
                key(s),
                s.seenAt(now),
                (old, read) -> new Source(read.id(), read.site(), read.url(), old.firstSeen())));
    List<Source> merged = new ArrayList<>(byId.values());
    merged.sort(OLDEST_FIRST);
    return List.copyOf(merged);
  }

  /** Whether {@code sources} lists any of the copies {@code copies}. */
  static boolean containsAny(List<Source> sources, List<Source> copies) {
    return copies.stream().map(Sources::key).anyMatch(k -> sources.stream().map(Sources::key).anyMatch(k::equals));
  }

  private static String key(Source s) {
    return s.url() != null ? "url\t" + s.url() : "id\t" + s.id() + '\t' + s.site();
  }
}
