package org.transcriptsearch.query;

import java.util.List;

/** The speakers of an index, as a question may name them; the search side answers from the index it searches. */
public interface KnownSpeakers {
  /**
   * A speaker a question may name.
   *
   * @param key the speaker's key across the index
   * @param name the display name
   * @param host whether most of the speaker's turns are a host's
   */
  record Speaker(String key, String name, boolean host) {}

  /**
   * The speakers whose name ends with {@code words} (folded, lower case): "lavrov" or "sergey lavrov" for Sergey
   * Lavrov; never unidentified speakers.
   */
  List<Speaker> named(List<String> words);

  /** No speakers: questions are read literally. */
  KnownSpeakers NONE = words -> List.of();
}
