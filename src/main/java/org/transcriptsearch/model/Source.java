package org.transcriptsearch.model;

import java.time.Instant;

/**
 * One place a transcript was published: a copy of the story on one site. The same story mirrored on several
 * station sites is one transcript with one source per copy.
 *
 * @param id the id the copy has on its own (its {@link TranscriptIds#of exact id}), by which a re-read copy is
 *     recognised; never null
 * @param site the site or collection it came from (a station, "npr.org", "mediasum"), or null
 * @param url where the copy was published, or null
 * @param firstSeen when the copy was first indexed, or null when it has not been indexed yet
 */
public record Source(String id, String site, String url, Instant firstSeen) {
  public Source {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("the source id is missing");
    }
  }

  /** The same source, first seen at {@code when} unless it already says when. */
  public Source seenAt(Instant when) {
    return firstSeen != null ? this : new Source(id, site, url, when);
  }
}
