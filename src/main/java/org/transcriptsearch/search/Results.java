package org.transcriptsearch.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.transcriptsearch.model.Source;

/** The values the search service answers with: the JSON shapes of the HTTP API and of {@code search --json}. */
public final class Results {
  private Results() {}

  /**
   * A ranked page of utterances with facet counts; {@code nextCursor} is null on the last page. {@code total} counts
   * every matching utterance; {@code collapsed} says how many hits of this page were left out as copies of a hit
   * shown above them (the same words aired in another story: see {@link Hit#alsoIn()}), so a page can hold fewer
   * hits than asked for.
   *
   * @param total every matching utterance when {@code totalRelation} is "eq"; when it is "gte", the hits really
   *     found, a lower bound (a search of 20,000 hits or more whose count is not known beforehand counts a sample
   *     of its hits, not every one)
   * @param totalRelation "eq" (exact) or "gte" (at least {@code total})
   * @param estimatedTotal with "gte", the number of hits estimated from the sample (absent when exact): the
   *     hits the sample found over the share of the index it covered
   * @param query how the query was read
   * @param interpreted the speaker a question was read to name, or null
   * @param partial true when nothing matched every required word and these hits match most of them
   * @param didYouMean spellings of the words and names that the index holds, each with its hit count
   * @param help when there are no hits (or only partial ones): what would give results, each with its hit count
   * @param approximateFacets the facet dimensions whose counts are estimates: counted over a random sample of their
   *     hits because there were 20,000 or more (each count scaled up to the whole); empty when all are exact
   * @param shards present only when some shards of a SolrCloud collection did not answer: the counts, facets and
   *     hits are those of the shards that did; null (absent from the JSON) on the embedded index and whenever every
   *     shard answered
   */
  public record SearchResponse(
      long total,
      String totalRelation,
      @JsonInclude(JsonInclude.Include.NON_NULL) Long estimatedTotal,
      List<Hit> hits,
      Map<String, List<FacetValue>> facets,
      String nextCursor,
      int collapsed,
      QueryRead query,
      Interpreted interpreted,
      boolean partial,
      List<Alternative> didYouMean,
      List<Alternative> help,
      List<String> approximateFacets,
      @JsonInclude(JsonInclude.Include.NON_NULL) Shards shards) {
    public SearchResponse {
      approximateFacets = approximateFacets == null ? List.of() : List.copyOf(approximateFacets);
    }
  }

  /**
   * How many shards of a SolrCloud collection an answer was asked of, and how many answered: sent only when fewer
   * answered (every replica of a shard down), so that the answer is shown as leaving those shards' utterances out.
   *
   * @param asked the collection's shards that the answer needed
   * @param answered those that answered, at least 1 and fewer than {@code asked}
   */
  public record Shards(int asked, int answered) {
    public Shards {
      if (answered < 1 || answered >= asked) {
        throw new IllegalArgumentException("answered must be from 1 to asked - 1: " + answered + " of " + asked);
      }
    }
  }

  /**
   * How a query was read.
   *
   * @param typed the query as typed
   * @param read the query as it ran, in the query syntax
   * @param expansions words matched with their variants (the {@code exact} parameter or quotes turn them off)
   * @param ignored stop words and question words left out of the required words
   * @param order how hits are ordered: "relevance", "date" (newest first), or "newest" (a query of filters only:
   *     the newest transcript first, each transcript's turns in spoken order)
   */
  public record QueryRead(
      String typed, String read, List<org.transcriptsearch.query.Reading.Expansion> expansions, List<String> ignored,
      String order) {}

  /**
   * A question read as naming a speaker: their own turns that match {@code words} rank first, then the turns that
   * mention them.
   *
   * @param literal the query read literally, as words of speech only
   */
  public record Interpreted(String speaker, List<String> words, Alternative literal) {}

  /**
   * Another search to try and how many hits it has.
   *
   * @param message what it is, in plain words
   * @param q the query to send, or null for the same query
   * @param params the parameters to change ("" to remove one), e.g. {"speaker": ""} or {"literal": "true"}
   * @param hits how many utterances it finds
   */
  public record Alternative(String message, String q, Map<String, String> params, long hits) {}

  /**
   * One matching utterance; {@code alsoIn} is present when the same words aired in other stories (a reused
   * soundbite), and absent otherwise.
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
      String permalink,
      @JsonInclude(JsonInclude.Include.NON_NULL) AlsoIn alsoIn) {
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
      this(id, episode, turn, speaker, topics, score, text, highlights, null, null, null);
    }

    /** A hit whose words aired in no other story. */
    public Hit(
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
      this(id, episode, turn, speaker, topics, score, text, highlights, citation, permalink, null);
    }

    /** The same hit, also aired as {@code also}. */
    public Hit withAlsoIn(AlsoIn also) {
      return new Hit(id, episode, turn, speaker, topics, score, text, highlights, citation, permalink, also);
    }
  }

  /**
   * Where else an utterance's words aired: the same text (case, punctuation and accents aside) in other transcripts.
   *
   * @param stories how many other transcripts have it
   * @param atLeast true when there were too many to count: {@code stories} is then a lower bound
   * @param episodes the ids of up to ten of them, in id order
   * @param collapsed the ids of the hits of this page that were these copies and are not listed separately
   */
  public record AlsoIn(int stories, boolean atLeast, List<String> episodes, List<String> collapsed) {}

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
   * the matches marked (empty without a query). {@code sources} lists every copy of the story indexed as this
   * transcript (mirrors on other sites), oldest first; {@code url} and {@code source} are those of the copy whose
   * text is shown.
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
      List<TurnHighlight> highlights,
      List<Source> sources) {
    /** An episode with no sources listed. */
    public Episode(
        String id,
        String title,
        String program,
        LocalDate date,
        String url,
        String source,
        List<String> topics,
        List<Utterance> turns,
        List<TurnHighlight> highlights) {
      this(id, title, program, date, url, source, topics, turns, highlights, List.of());
    }
  }

  /** One turn of a transcript in full with every match of a query marked; offsets are into the turn's text. */
  public record TurnHighlight(String id, int turn, String html, List<Match> matches) {}

  /** One utterance in full with every match of a query marked. */
  public record HighlightedUtterance(String id, String text, String html, List<Match> matches) {}

  /**
   * The state of the index; on SolrCloud also each node given to {@code --solr} ({@code nodes}, absent on the
   * embedded index).
   */
  public record Health(
      String status,
      long utterances,
      long transcripts,
      long indexVersion,
      @JsonInclude(JsonInclude.Include.NON_NULL) List<SolrNode> nodes) {
    /** The state of an index of one machine: no nodes. */
    public Health(String status, long utterances, long transcripts, long indexVersion) {
      this(status, utterances, transcripts, indexVersion, null);
    }
  }

  /**
   * One SolrCloud node the server was given: whether it answers Solr's health check now, whether requests are
   * passing it over since it failed one (tried again every few seconds), and what went wrong when it does not answer.
   */
  public record SolrNode(
      String url, boolean answers, boolean skipped, @JsonInclude(JsonInclude.Include.NON_NULL) String problem) {}

  /**
   * The results cache of a server: how many answers it keeps per index snapshot (0: it is off), how many searches it
   * answered ({@code hits}) and had to work out ({@code misses}) since the server started, and of the searches
   * worked out, how many sets of facet counts it had kept ({@code countHits}) and had to count ({@code countMisses}).
   * A cache that is off counts nothing.
   */
  public record CacheStats(int entries, long hits, long misses, long countHits, long countMisses) {
    /** Counters of the answers alone. */
    public CacheStats(int entries, long hits, long misses) {
      this(entries, hits, misses, 0, 0);
    }
  }
}
