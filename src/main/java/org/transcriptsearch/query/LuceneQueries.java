package org.transcriptsearch.query;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.WildcardQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;
import org.transcriptsearch.index.Schema;
import org.transcriptsearch.query.QueryNode.AnyOf;
import org.transcriptsearch.query.QueryNode.Bool;
import org.transcriptsearch.query.QueryNode.Boosted;
import org.transcriptsearch.query.QueryNode.Clause;
import org.transcriptsearch.query.QueryNode.ConstantScore;
import org.transcriptsearch.query.QueryNode.DateRange;
import org.transcriptsearch.query.QueryNode.Fuzzy;
import org.transcriptsearch.query.QueryNode.MatchAll;
import org.transcriptsearch.query.QueryNode.Phrase;
import org.transcriptsearch.query.QueryNode.Prefix;
import org.transcriptsearch.query.QueryNode.SpeakerIs;
import org.transcriptsearch.query.QueryNode.Term;
import org.transcriptsearch.query.QueryNode.Wildcard;

/**
 * Renders the query model for Lucene over the index's {@link Schema}: the one place where the model meets Lucene.
 * Words are analysed as the index analysed them (a word the analyzer splits, "9/11" or "e-mail", is matched as a
 * phrase); wildcards and prefixes run over the unstemmed words ({@link Schema#TEXT_SURFACE}). A part that analyses
 * to nothing ("!!!") is left out. Thread-safe.
 */
public final class LuceneQueries {
  /** Words a wildcard stands for that the highlighter marks, at most; the search itself has no such limit. */
  static final int MAX_MARKED_EXPANSIONS = 64;

  private final Analyzer analyzer;
  private final QueryBuilder builder;

  /** Renders for an index of {@code schema}. */
  public LuceneQueries(Schema schema) {
    this.analyzer = schema.analyzer();
    this.builder = new QueryBuilder(analyzer);
  }

  /**
   * The Lucene query that finds what {@code node} describes; a query of nothing but punctuation finds nothing.
   *
   * @throws IllegalArgumentException from Lucene when a wildcard is too complex to run (the typist's mistake)
   */
  public Query search(QueryNode node) {
    Query q = render(node, null);
    return q == null ? new BooleanQuery.Builder().build() : q;
  }

  /**
   * The query the highlighter marks in the text: as {@link #search}, but a wildcard or prefix stands for the spoken
   * words of {@code reader} it matches, as the text field indexes them, so that they can be marked.
   */
  public Query highlight(QueryNode node, IndexReader reader) {
    Query q = render(node, reader);
    return q == null ? new BooleanQuery.Builder().build() : q;
  }

  private Query render(QueryNode node, IndexReader reader) {
    return switch (node) {
      case Term t -> builder.createPhraseQuery(field(t.field()), t.text(), 0);
      case Phrase p -> builder.createPhraseQuery(field(p.field()), p.text(), p.slop());
      case Prefix p -> multiTerm(p.field(), new Prefix(p.field(), p.prefix()), reader);
      case Wildcard w -> multiTerm(w.field(), w, reader);
      case Fuzzy f -> new FuzzyQuery(new org.apache.lucene.index.Term(field(f.field()), normalize(f.field(), f.text())), f.edits());
      case DateRange d ->
          LongPoint.newRangeQuery(
              Schema.DATE,
              d.from() == null ? Long.MIN_VALUE : d.from().toEpochDay(),
              d.to() == null ? Long.MAX_VALUE : d.to().toEpochDay());
      case SpeakerIs s -> new TermQuery(new org.apache.lucene.index.Term(Schema.SPEAKER_KEY, s.key()));
      case AnyOf any -> anyOf(any, reader);
      case Bool b -> bool(b, reader);
      case MatchAll m -> new MatchAllDocsQuery();
      case Boosted b -> boost(render(b.node(), reader), b.boost());
      case ConstantScore c -> {
        Query inner = render(c.node(), reader);
        yield inner == null ? null : new BoostQuery(new ConstantScoreQuery(inner), c.score());
      }
    };
  }

  private static Query boost(Query q, float boost) {
    return q == null ? null : new BoostQuery(q, boost);
  }

  private Query anyOf(AnyOf any, IndexReader reader) {
    List<Query> parts = new ArrayList<>();
    for (QueryNode alternative : any.alternatives()) {
      Query q = render(alternative, reader);
      if (q != null && !parts.contains(q)) {
        parts.add(q);
      }
    }
    if (parts.size() <= 1) {
      return parts.isEmpty() ? null : parts.get(0);
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    parts.forEach(q -> b.add(q, BooleanClause.Occur.SHOULD));
    return b.build();
  }

  private Query bool(Bool bool, IndexReader reader) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    boolean positive = false;
    boolean any = false;
    for (Clause clause : bool.clauses()) {
      Query q = render(clause.node(), reader);
      if (q == null) {
        continue;
      }
      BooleanClause.Occur occur = BooleanClause.Occur.valueOf(clause.occur().name());
      b.add(q, occur);
      positive |= occur != BooleanClause.Occur.MUST_NOT;
      any = true;
    }
    if (!any) {
      return null;
    }
    if (!positive) {
      b.add(new MatchAllDocsQuery(), BooleanClause.Occur.MUST);
    }
    b.setMinimumNumberShouldMatch(bool.minimumShouldMatch());
    return b.build();
  }

  /** Wildcards and prefixes of speech over the spoken words; the highlighter is given those words in the text field. */
  private Query multiTerm(Field field, QueryNode node, IndexReader reader) {
    boolean speech = field == Field.TEXT;
    String target = speech ? Schema.TEXT_SURFACE : field(field);
    MultiTermQuery q =
        switch (node) {
          case Prefix p -> new PrefixQuery(new org.apache.lucene.index.Term(target, normalize(field, p.prefix())));
          case Wildcard w -> new WildcardQuery(new org.apache.lucene.index.Term(target, normalize(field, w.pattern())));
          default -> throw new IllegalStateException("not a wildcard: " + node);
        };
    return speech && reader != null ? markedWords(q, reader) : q;
  }

  /** The words of the text field that the spoken words {@code q} matches stand for, as one query to mark. */
  private Query markedWords(MultiTermQuery q, IndexReader reader) {
    try {
      Terms terms = MultiTerms.getTerms(reader, Schema.TEXT_SURFACE);
      BooleanQuery.Builder words = new BooleanQuery.Builder();
      if (terms != null) {
        TermsEnum matching = q.getTermsEnum(terms);
        int n = 0;
        for (BytesRef t = matching.next(); t != null && n < MAX_MARKED_EXPANSIONS; t = matching.next(), n++) {
          for (String stem : analyzed(Schema.TEXT, t.utf8ToString())) {
            words.add(new TermQuery(new org.apache.lucene.index.Term(Schema.TEXT, stem)), BooleanClause.Occur.SHOULD);
          }
        }
      }
      return words.build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private List<String> analyzed(String field, String text) {
    List<String> out = new ArrayList<>();
    try (TokenStream tokens = analyzer.tokenStream(field, text)) {
      CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
      tokens.reset();
      while (tokens.incrementToken()) {
        out.add(term.toString());
      }
      tokens.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  private String normalize(Field field, String text) {
    return analyzer.normalize(field(field), text).utf8ToString();
  }

  /** The schema field of a query field. */
  public static String field(Field field) {
    return switch (field) {
      case TEXT -> Schema.TEXT;
      case SPEAKER -> Schema.SPEAKER;
      case PROGRAM -> Schema.PROGRAM;
      case TOPIC -> Schema.TOPIC;
      case ROLE -> Schema.ROLE;
      case TITLE -> Schema.TITLE;
      case DATE, FROM, TO -> Schema.DATE;
    };
  }
}
