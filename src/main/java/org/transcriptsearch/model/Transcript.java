package org.transcriptsearch.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;
import org.transcriptsearch.text.Utf16;

/**
 * One episode or story: its metadata and its ordered turns.
 *
 * @param id stable id; the same speech gets the same id wherever it was published
 * @param title the story title
 * @param program the program's usual name ("All Things Considered"), or null when unknown
 * @param date the air date, or null when unknown
 * @param url where the transcript was published, or null; with several sources, the address of the copy whose
 *     text is kept
 * @param source the site or collection it came from (a station, "npr.org", "mediasum"), or null; with several
 *     sources, the site of the copy whose text is kept
 * @param topics the transcript's main topics
 * @param turns the turns in broadcast order, numbered from 1
 * @param sources every copy of the story indexed as this transcript (mirrors on other sites), oldest first; empty
 *     for a transcript that was read but not yet indexed, and then left out of its JSON
 */
public record Transcript(
    String id,
    String title,
    String program,
    LocalDate date,
    String url,
    String source,
    List<String> topics,
    List<Turn> turns,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Source> sources) {
  public Transcript {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("the transcript id is missing");
    }
    title = Utf16.wellFormed(title);
    topics = topics == null ? List.of() : List.copyOf(topics);
    turns = turns == null ? List.of() : List.copyOf(turns);
    sources = sources == null ? List.of() : List.copyOf(sources);
  }

  /** A transcript with no sources listed yet, as a reader makes it. */
  public Transcript(
      String id,
      String title,
      String program,
      LocalDate date,
      String url,
      String source,
      List<String> topics,
      List<Turn> turns) {
    this(id, title, program, date, url, source, topics, turns, List.of());
  }

  /** The same transcript with other main topics. */
  public Transcript withTopics(List<String> newTopics) {
    return new Transcript(id, title, program, date, url, source, newTopics, turns, sources);
  }

  /** The same transcript with other turns. */
  public Transcript withTurns(List<Turn> newTurns) {
    return new Transcript(id, title, program, date, url, source, topics, newTurns, sources);
  }

  /** The same transcript under another id with these sources (a mirror group's kept copy). */
  public Transcript withIdAndSources(String newId, List<Source> newSources) {
    return new Transcript(newId, title, program, date, url, source, topics, turns, newSources);
  }

  /**
   * The copies this transcript stands for: its sources, or when none are listed, the one copy it is (its own id,
   * site and address, not yet seen).
   */
  public List<Source> sourcesOrSelf() {
    return sources.isEmpty() ? List.of(new Source(id, source, url, null)) : sources;
  }
}
