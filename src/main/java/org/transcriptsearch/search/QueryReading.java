package org.transcriptsearch.search;

import java.util.List;
import java.util.Locale;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.Query;
import org.transcriptsearch.index.Schema;
import org.transcriptsearch.query.Describe;
import org.transcriptsearch.query.KnownSpeakers;
import org.transcriptsearch.query.QueryNode;
import org.transcriptsearch.query.Reading;
import org.transcriptsearch.search.Results.QueryRead;
import org.transcriptsearch.topics.TopicTaxonomy;

/**
 * How a search reads its request, for a backend other than the embedded index: the same reading of the typed text
 * into the query model (questions that name a speaker, variants, partial readings) that {@link SearchService} runs,
 * so every backend runs the same model. Thread-safe.
 */
public final class QueryReading {
  /** The weight of an utterance's length in its score (see {@code QueryPlanner}). */
  public static final float LENGTH_WEIGHT = QueryPlanner.LENGTH_WEIGHT;

  /** The length in words at which the length feature gives half its weight. */
  public static final float LENGTH_PIVOT = QueryPlanner.LENGTH_PIVOT;

  /** How sharply the length feature rises around its pivot. */
  public static final float LENGTH_EXPONENT = QueryPlanner.LENGTH_EXPONENT;

  private final QueryPlanner planner;

  /** Reads queries for an index of {@code schema} within {@code limits}. */
  public QueryReading(Schema schema, SearchLimits limits) {
    this.planner = new QueryPlanner(schema, limits, TopicTaxonomy.bundled());
  }

  /**
   * The model of {@code typed}; blank is everything.
   *
   * @throws BadRequestException saying where and why when it cannot be read, or when it is too long
   */
  public QueryNode typed(String typed) {
    return planner.typed(typed);
  }

  /** How {@code request}'s query reads, with speakers named as {@code speakers} knows them. */
  public Reading read(SearchRequest request, KnownSpeakers speakers) {
    return planner.read(request, speakers);
  }

  /** The plain reading of a query: variants, no speaker read into it. */
  public Reading plain(String query) {
    return planner.plain(query);
  }

  /** Whether {@code node} asks for words, not only filters; only then is relevance ranked. */
  public static boolean hasWords(QueryNode node) {
    return QueryPlanner.hasWords(node);
  }

  /**
   * The Lucene query the highlighter marks for {@code node} and the {@code topics} filtered on, its wildcards
   * standing for the words of {@code reader} they match.
   */
  public Query marks(QueryNode node, List<String> topics, IndexReader reader) {
    return planner.highlight(node, topics, reader);
  }

  /** How {@code request} was read, as a search response says; {@code words} tells whether relevance ranked it. */
  public static QueryRead described(SearchRequest request, Reading reading, boolean words) {
    return new QueryRead(request.query(), Describe.of(reading.query()), reading.expansions(), reading.ignored(),
        words ? request.sort().name().toLowerCase(Locale.ROOT) : "newest");
  }
}
