package org.transcriptsearch.search;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.FeatureField;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.automaton.TooComplexToDeterminizeException;
import org.transcriptsearch.index.Schema;
import org.transcriptsearch.index.TranscriptIndex;
import org.transcriptsearch.query.Field;
import org.transcriptsearch.query.KnownSpeakers;
import org.transcriptsearch.query.LuceneQueries;
import org.transcriptsearch.query.QueryNode;
import org.transcriptsearch.query.QueryReader;
import org.transcriptsearch.query.QuerySyntaxException;
import org.transcriptsearch.query.Reading;
import org.transcriptsearch.query.TypedQuery;
import org.transcriptsearch.query.Variants;
import org.transcriptsearch.topics.Topic;
import org.transcriptsearch.topics.TopicTaxonomy;

/**
 * Turns the text of a request into what runs: the typed text read into the query model, read as a question, and
 * rendered for Lucene with the ranking features. Only the typist's mistakes become {@link BadRequestException}s; a
 * bug stays a bug. Thread-safe.
 */
final class QueryPlanner {
  /** The weight of an utterance's length in its score: enough to rank a substantive turn above a courtesy. */
  static final float LENGTH_WEIGHT = 2.0f;

  /** The length in words at which the length feature gives half its weight. */
  static final float LENGTH_PIVOT = 5f;

  /**
   * How sharply the length feature rises around its pivot: a turn of 3 words gets 18% of the weight, of 8 words 80%,
   * of 12 words or more (the feature's cap) 93%, so it separates courtesies from answers and never orders answers
   * among themselves.
   */
  static final float LENGTH_EXPONENT = 3f;

  private final SearchLimits limits;
  private final LuceneQueries lucene;
  private final QueryReader reader;
  private final TopicTaxonomy taxonomy;

  QueryPlanner(Schema schema, SearchLimits limits, TopicTaxonomy taxonomy) {
    this.limits = limits;
    this.lucene = new LuceneQueries(schema);
    this.reader = new QueryReader(Variants.of(taxonomy));
    this.taxonomy = taxonomy;
  }

  /**
   * The model of {@code typed}; blank is everything.
   *
   * @throws BadRequestException saying where and why when it cannot be read, or when it is too long
   */
  QueryNode typed(String typed) {
    String text = typed == null ? "" : typed;
    if (text.length() > limits.maxQueryLength()) {
      throw new BadRequestException(
          "bad query: " + text.length() + " characters, the limit is " + limits.maxQueryLength());
    }
    try {
      return TypedQuery.parse(text, limits.minWildcardPrefix());
    } catch (QuerySyntaxException e) {
      throw new BadRequestException("bad query: Cannot parse '" + text + "': " + e.getMessage(), e);
    }
  }

  /** How {@code request}'s query reads, with speakers named as {@code speakers} knows them. */
  Reading read(SearchRequest request, KnownSpeakers speakers) {
    QueryNode parsed = typed(request.query());
    var options = new QueryReader.Options(request.exact(), request.literal(), !request.speakers().isEmpty());
    return reader.read(parsed, options, speakers);
  }

  /** The plain reading of a query: variants, no speaker read into it. */
  Reading plain(String query) {
    return reader.read(typed(query), new QueryReader.Options(false, true, false), KnownSpeakers.NONE);
  }

  /**
   * The Lucene query of a model.
   *
   * @throws BadRequestException when a wildcard is too complex to run
   */
  Query lucene(QueryNode node) {
    try {
      return lucene.search(node);
    } catch (TooComplexToDeterminizeException e) {
      throw new BadRequestException("bad query: a wildcard is too complex to run; give it more letters", e);
    }
  }

  /**
   * {@code query} ranked for people: when it has words, a longer turn gains up to {@link #LENGTH_WEIGHT}, so that
   * "Thank you, Audie." does not outrank a substantive answer that matches as well (BM25 alone favours the short one).
   */
  static Query ranked(Query query, boolean words) {
    if (!words) {
      return query;
    }
    return new PriorSum(query, FeatureField.newSigmoidQuery(
        Schema.Ranking.FIELD, Schema.Ranking.WORDS, LENGTH_WEIGHT, LENGTH_PIVOT, LENGTH_EXPONENT));
  }

  /** What the highlighter marks: the query's words, and the words of every topic filtered on. */
  Query highlight(QueryNode node, List<String> topics, IndexReader indexReader) {
    List<QueryNode> marks = new ArrayList<>(List.of(node));
    List<String> named = new ArrayList<>(topics);
    topicsIn(node, named);
    for (String name : named) {
      taxonomy.topics().stream()
          .filter(t -> t.name().equalsIgnoreCase(name))
          .findFirst()
          .ifPresent(t -> marks.add(topicWords(t)));
    }
    List<QueryNode.Clause> clauses = new ArrayList<>();
    marks.forEach(m -> clauses.add(new QueryNode.Clause(QueryNode.Occur.SHOULD, m)));
    try {
      return lucene.highlight(marks.size() == 1 ? node : new QueryNode.Bool(clauses), indexReader);
    } catch (TooComplexToDeterminizeException e) {
      throw new BadRequestException("bad query: a wildcard is too complex to run; give it more letters", e);
    }
  }

  /** The topics {@code node} asks for ({@code topic:Crimea}), excluded ones left out. */
  private static void topicsIn(QueryNode node, List<String> out) {
    switch (node) {
      case QueryNode.Term t when t.field() == Field.TOPIC -> out.add(t.text());
      case QueryNode.Phrase p when p.field() == Field.TOPIC -> out.add(p.text());
      case QueryNode.Bool b ->
          b.clauses().stream().filter(c -> c.occur() != QueryNode.Occur.MUST_NOT).forEach(c -> topicsIn(c.node(), out));
      case QueryNode.AnyOf a -> a.alternatives().forEach(n -> topicsIn(n, out));
      case QueryNode.Boosted b -> topicsIn(b.node(), out);
      default -> {}
    }
  }

  /** The phrases that mention a topic: its name and aliases. */
  private static QueryNode topicWords(Topic topic) {
    List<QueryNode> phrases = new ArrayList<>();
    phrases.add(new QueryNode.Phrase(Field.TEXT, topic.name(), 0));
    topic.aliases().forEach(a -> phrases.add(new QueryNode.Phrase(Field.TEXT, a, 0)));
    return new QueryNode.AnyOf(phrases);
  }

  /** Whether {@code node} asks for words (of speech or titles), not only filters; only then is relevance ranked. */
  static boolean hasWords(QueryNode node) {
    return switch (node) {
      case QueryNode.Term t -> t.field() == Field.TEXT || t.field() == Field.TITLE;
      case QueryNode.Phrase p -> p.field() == Field.TEXT || p.field() == Field.TITLE;
      case QueryNode.Prefix p -> p.field() == Field.TEXT || p.field() == Field.TITLE;
      case QueryNode.Wildcard w -> w.field() == Field.TEXT || w.field() == Field.TITLE;
      case QueryNode.Fuzzy f -> f.field() == Field.TEXT || f.field() == Field.TITLE;
      case QueryNode.AnyOf a -> a.alternatives().stream().anyMatch(QueryPlanner::hasWords);
      case QueryNode.Bool b ->
          b.clauses().stream().anyMatch(c -> c.occur() != QueryNode.Occur.MUST_NOT && hasWords(c.node()));
      case QueryNode.Boosted b -> hasWords(b.node());
      case QueryNode.ConstantScore c -> hasWords(c.node());
      default -> false;
    };
  }
}
