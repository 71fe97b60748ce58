package org.transcriptsearch.solr;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.solr.client.solrj.util.ClientUtils;
import org.transcriptsearch.index.Schema;
import org.transcriptsearch.query.Field;
import org.transcriptsearch.query.LuceneQueries;
import org.transcriptsearch.query.QueryNode;
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
import org.transcriptsearch.search.QueryReading;

/**
 * Renders the query model for Solr, as {@link LuceneQueries} renders it for Lucene: the same Lucene query on each
 * shard, written in Solr's JSON Query DSL. Compound nodes become {@code bool} and {@code boost} objects; each leaf is
 * one clause of Solr's standard syntax whose user text is always quoted or escaped ({@link ClientUtils}), never
 * spliced in raw. Words are analysed by the collection with the same chains the embedded index uses; a part that
 * analyses to nothing here ("!!!") is left out, as there. Thread-safe.
 */
final class SolrQueries {
  /** Everything: Solr's MatchAllDocsQuery. */
  static final String ALL = "*:*";

  /** Nothing. */
  static final String NOTHING = "-" + ALL;

  /** The most combinations a minimum of optional clauses is spelled out with. */
  static final int MAX_COMBINATIONS = 256;

  private final Analyzer analyzer;

  /** Renders for a collection of {@code schema}. */
  SolrQueries(Schema schema) {
    this.analyzer = schema.analyzer();
  }

  /** The JSON query (a string or a map) that finds what {@code node} describes; nothing for a query of punctuation. */
  Object search(QueryNode node) {
    Object q = render(node);
    return q == null ? NOTHING : q;
  }

  /**
   * {@code query} ranked as the embedded index ranks it: when it has words, a longer turn gains up to the length
   * weight through the same sigmoid of the same feature (a RankField is a Lucene feature field).
   */
  static Object ranked(Object query, boolean words) {
    if (!words) {
      return query;
    }
    String length = "{!rank f=" + Schema.Ranking.WORDS + " function=sigm weight=" + QueryReading.LENGTH_WEIGHT
        + " pivot=" + QueryReading.LENGTH_PIVOT + " exponent=" + QueryReading.LENGTH_EXPONENT + "}";
    return bool(List.of(query), List.of(length), List.of(), List.of());
  }

  private Object render(QueryNode node) {
    return switch (node) {
      case Term t -> phrase(t.field(), t.text(), 0);
      case Phrase p -> phrase(p.field(), p.text(), p.slop());
      case Prefix p -> multiTermField(p.field()) + ":" + ClientUtils.escapeQueryChars(normalize(p.field(), p.prefix()))
          + "*";
      case Wildcard w -> multiTermField(w.field()) + ":" + wildcard(normalize(w.field(), w.pattern()));
      case Fuzzy f -> LuceneQueries.field(f.field()) + ":" + ClientUtils.escapeQueryChars(normalize(f.field(), f.text()))
          + "~" + f.edits();
      case DateRange d -> Schema.DATE + ":[" + (d.from() == null ? "*" : d.from().toEpochDay()) + " TO "
          + (d.to() == null ? "*" : d.to().toEpochDay()) + "]";
      case SpeakerIs s -> Schema.SPEAKER_KEY + ":" + quoted(s.key());
      case AnyOf any -> anyOf(any);
      case Bool b -> bool(b);
      case MatchAll m -> ALL;
      case Boosted b -> boost(render(b.node()), b.boost());
      case ConstantScore c -> constant(render(c.node()), c.score());
    };
  }

  /** Words in order, analysed by the field's chain: one word is a term, several a phrase (as Lucene's builder). */
  private String phrase(Field field, String text, int slop) {
    String name = LuceneQueries.field(field);
    if (!analyses(name, text)) {
      return null;
    }
    return name + ":" + quoted(text) + (slop > 0 ? "~" + slop : "");
  }

  private static Object boost(Object q, float boost) {
    if (q == null) {
      return null;
    }
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("query", q);
    params.put("b", Float.toString(boost));
    return Map.of("boost", params);
  }

  /** Exactly {@code score} for every match of {@code q}: a filter beside a constant-scored everything. */
  private static Object constant(Object q, float score) {
    return q == null ? null : bool(List.of(ALL + "^=" + score), List.of(), List.of(), List.of(q));
  }

  private Object anyOf(AnyOf any) {
    List<Object> parts = new ArrayList<>();
    List<Object> seen = new ArrayList<>();
    for (QueryNode alternative : any.alternatives()) {
      Object q = render(alternative);
      // Alternatives that analyse alike ("Russian", "russian") are one query in Lucene's renderer: one clause here.
      Object key = analysedKey(alternative, q);
      if (q != null && !seen.contains(key)) {
        parts.add(q);
        seen.add(key);
      }
    }
    if (parts.size() <= 1) {
      return parts.isEmpty() ? null : parts.get(0);
    }
    return bool(List.of(), parts, List.of(), List.of());
  }

  private Object bool(Bool bool) {
    List<Object> must = new ArrayList<>();
    List<Object> should = new ArrayList<>();
    List<Object> mustNot = new ArrayList<>();
    List<Object> filter = new ArrayList<>();
    for (Clause clause : bool.clauses()) {
      Object q = render(clause.node());
      if (q == null) {
        continue;
      }
      switch (clause.occur()) {
        case MUST -> must.add(q);
        case SHOULD -> should.add(q);
        case MUST_NOT -> mustNot.add(q);
        case FILTER -> filter.add(q);
      }
    }
    if (must.isEmpty() && should.isEmpty() && mustNot.isEmpty() && filter.isEmpty()) {
      return null;
    }
    if (must.isEmpty() && should.isEmpty() && filter.isEmpty()) {
      must.add(ALL); // only exclusions: everything else, as Lucene's renderer adds
    }
    int mm = bool.minimumShouldMatch();
    if (mm > 1 || (mm == 1 && !(must.isEmpty() && filter.isEmpty()))) {
      if (mm > should.size()) {
        return NOTHING;
      }
      Object most = atLeast(should, mm);
      if (most == null) {
        return NOTHING;
      }
      filter.add(most);
    }
    return bool(must, should, mustNot, filter);
  }

  /**
   * A filter of the documents that match at least {@code k} of {@code clauses}: Solr 9's {@code bool} parser has no
   * minimum of optional clauses, so it is spelled out as any {@code k} of them together. The clauses still score as
   * optional ones beside it, so matches and scores are those of Lucene's minimum-should-match. Null when that would
   * take more than {@value #MAX_COMBINATIONS} combinations (a partial reading of a very long query).
   */
  private static Object atLeast(List<Object> clauses, int k) {
    List<List<Object>> combinations = new ArrayList<>();
    choose(clauses, k, 0, new ArrayList<>(), combinations);
    if (combinations.size() > MAX_COMBINATIONS) {
      return null;
    }
    List<Object> any = combinations.stream().map(c -> (Object) bool(List.of(), List.of(), List.of(), c)).toList();
    return bool(List.of(), any, List.of(), List.of());
  }

  private static void choose(List<Object> from, int k, int start, List<Object> chosen, List<List<Object>> out) {
    if (out.size() > MAX_COMBINATIONS) {
      return;
    }
    if (chosen.size() == k) {
      out.add(List.copyOf(chosen));
      return;
    }
    for (int i = start; i < from.size(); i++) {
      chosen.add(from.get(i));
      choose(from, k, i + 1, chosen, out);
      chosen.remove(chosen.size() - 1);
    }
  }

  private static Map<String, Object> bool(
      List<Object> must, List<Object> should, List<Object> mustNot, List<Object> filter) {
    Map<String, Object> params = new LinkedHashMap<>();
    putIfAny(params, "must", must);
    putIfAny(params, "should", should);
    putIfAny(params, "must_not", mustNot);
    putIfAny(params, "filter", filter);
    return Map.of("bool", params);
  }

  private static void putIfAny(Map<String, Object> params, String occur, List<Object> clauses) {
    if (!clauses.isEmpty()) {
      params.put(occur, List.copyOf(clauses));
    }
  }

  /** What a rendered node stands for after analysis: its field, tokens and slop for words, else itself. */
  private Object analysedKey(QueryNode node, Object rendered) {
    return switch (node) {
      case Term t -> List.of(LuceneQueries.field(t.field()), tokens(LuceneQueries.field(t.field()), t.text()), 0);
      case Phrase p -> List.of(LuceneQueries.field(p.field()), tokens(LuceneQueries.field(p.field()), p.text()),
          p.slop());
      default -> rendered == null ? List.of() : rendered;
    };
  }

  /** Wildcards and prefixes of speech run over the spoken words, as in the embedded index. */
  private static String multiTermField(Field field) {
    return field == Field.TEXT ? Schema.TEXT_SURFACE : LuceneQueries.field(field);
  }

  /** A wildcard pattern with every special character escaped but its {@code *} and {@code ?}. */
  static String wildcard(String pattern) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      out.append(c == '*' || c == '?' ? String.valueOf(c) : ClientUtils.escapeQueryChars(String.valueOf(c)));
    }
    return out.toString();
  }

  /** {@code text} as one quoted term of the standard syntax: its quotes and backslashes escaped. */
  static String quoted(String text) {
    return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }

  private boolean analyses(String field, String text) {
    return !tokens(field, text).isEmpty();
  }

  /** The tokens of {@code text} as {@code field} analyses it, each with its position increment. */
  private List<String> tokens(String field, String text) {
    List<String> out = new ArrayList<>();
    try (TokenStream tokens = analyzer.tokenStream(field, text)) {
      CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute increment = tokens.addAttribute(PositionIncrementAttribute.class);
      tokens.reset();
      while (tokens.incrementToken()) {
        out.add(increment.getPositionIncrement() + ":" + term);
      }
      tokens.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // analysing a string in memory
    }
    return out;
  }

  private String normalize(Field field, String text) {
    return analyzer.normalize(LuceneQueries.field(field), text).utf8ToString();
  }
}
