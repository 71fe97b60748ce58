package org.transcriptsearch.search;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The values the search service answers with: the JSON shapes of the HTTP API and of {@code search --json}. */
public final class Results {
  private Results() {}

  /** A ranked page of utterances with facet counts; {@code nextCursor} is null on the last page. */
  public record SearchResponse(
      long total,
      String totalRelation,
      List<Hit> hits,
      Map<String, List<FacetValue>> facets,
      String nextCursor) {}

  /**
   * One matching utterance.
   *
   * @param citation the utterance cited as a newsroom would ("Michele Kelemen, correspondent, on All Things
   *     Considered, March 5, 2014"): only what the index knows, never an invented title
   * @param permalink the web page's address of this turn in its transcript, relative to the server
   */
  public record Hit(
      String id,
      EpisodeRef episode,
      int turn,
      SpeakerRef speaker,
      List<String> topics,
      float score,
      String text,
      List<Highlight> highlights,
      String citation,
      String permalink) {
    /** A hit without citation and permalink. */
    public Hit(
        String id,
        EpisodeRef episode,
        int turn,
        SpeakerRef speaker,
        List<String> topics,
        float score,
        String text,
        List<Highlight> highlights) {
      this(id, episode, turn, speaker, topics, score, text, highlights, null, null);
    }
  }

  /** The episode an utterance belongs to. */
  public record EpisodeRef(String id, String title, String program, LocalDate date, String url) {}

  /** Who said an utterance. */
  public record SpeakerRef(String name, String role, String title) {}

  /**
   * A passage of an utterance with the query's matches marked.
   *
   * @param html the passage text HTML-escaped, with only {@code <mark>} and {@code </mark>} added
   * @param start where the passage starts in the utterance text
   * @param end where it ends
   * @param matches each match's offsets into the utterance text
   */
  public record Highlight(String html, int start, int end, List<Match> matches) {}

  /** A match: {@code text.substring(start, end)} is what matched. */
  public record Match(int start, int end) {}

  /** One value of a facet dimension and how many utterances have it. */
  public record FacetValue(String value, long count) {}

  /** One utterance in full, as the context and episode views show it. */
  public record Utterance(
      String id,
      String episodeId,
      int turn,
      SpeakerView speaker,
      String attribution,
      String text,
      List<String> cues,
      List<String> topics) {}

  /** A speaker with everything printed about them. */
  public record SpeakerView(String name, String label, String role, String title, String affiliation) {}

  /** An utterance with the turns around it. */
  public record UtteranceInContext(
      EpisodeRef episode, Utterance utterance, List<Utterance> before, List<Utterance> after) {}

  /**
   * A whole transcript; with a query, {@code highlights} holds every turn in which it matches, in turn order, with
   * the matches marked (empty without a query).
   */
  public record Episode(
      String id,
      String title,
      String program,
      LocalDate date,
      String url,
      String source,
      List<String> topics,
      List<Utterance> turns,
      List<TurnHighlight> highlights) {}

  /** One turn of a transcript in full with every match of a query marked; offsets are into the turn's text. */
  public record TurnHighlight(String id, int turn, String html, List<Match> matches) {}

  /** One utterance in full with every match of a query marked. */
  public record HighlightedUtterance(String id, String text, String html, List<Match> matches) {}

  /** The state of the index. */
  public record Health(String status, long utterances, long transcripts, long indexVersion) {}
}
