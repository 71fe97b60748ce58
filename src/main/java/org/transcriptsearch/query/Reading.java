package org.transcriptsearch.query;

import java.util.List;

/**
 * How a query was read: the query to run, and what the reading did to the words typed.
 *
 * @param query the query to run
 * @param literal the query without the speaker interpretation (the same as {@code query} when there is none)
 * @param partial the best partial reading (most of the required words), or null when the query has fewer than two
 * @param interpreted the speaker the question names, or null
 * @param expansions words matched with their variants
 * @param ignored stop words and question words left out
 */
public record Reading(
    QueryNode query,
    QueryNode literal,
    QueryNode partial,
    Interpretation interpreted,
    List<Expansion> expansions,
    List<String> ignored) {
  public Reading {
    expansions = List.copyOf(expansions);
    ignored = List.copyOf(ignored);
  }

  /** A query read as it is, with nothing interpreted. */
  public static Reading of(QueryNode query) {
    return new Reading(query, query, null, null, List.of(), List.of());
  }

  /**
   * A question read as naming a speaker: their own turns that match the other words rank first.
   *
   * @param speaker the speaker's display name ("Sarah Goldstein or David Goldstein" for namesakes)
   * @param key the (first) speaker's key
   * @param words the other words, as typed
   */
  public record Interpretation(String speaker, String key, List<String> words) {}

  /** A word and the variants it was matched with. */
  public record Expansion(String word, List<String> variants) {}
}
