package org.transcriptsearch.model;

import java.time.LocalDate;
import java.util.List;

/**
 * One episode or story: its metadata and its ordered turns.
 *
 * @param id stable id; the same speech gets the same id wherever it was published
 * @param title the story title
 * @param program the program's usual name ("All Things Considered"), or null when unknown
 * @param date the air date, or null when unknown
 * @param url where the transcript was published, or null
 * @param source the site or collection it came from (a station, "npr.org", "mediasum"), or null
 * @param topics the transcript's main topics
 * @param turns the turns in broadcast order, numbered from 1
 */
public record Transcript(
    String id,
    String title,
    String program,
    LocalDate date,
    String url,
    String source,
    List<String> topics,
    List<Turn> turns) {
  public Transcript {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("the transcript id is missing");
    }
    topics = topics == null ? List.of() : List.copyOf(topics);
    turns = turns == null ? List.of() : List.copyOf(turns);
  }

  /** The same transcript with other main topics. */
  public Transcript withTopics(List<String> newTopics) {
    return new Transcript(id, title, program, date, url, source, newTopics, turns);
  }

  /** The same transcript with other turns. */
  public Transcript withTurns(List<Turn> newTurns) {
    return new Transcript(id, title, program, date, url, source, topics, newTurns);
  }
}
