package org.transcriptsearch.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.transcriptsearch.index.Schema;

/**
 * Lucene's classic query syntax over the transcript fields: AND by default (a newsroom search box: "kerry lavrov"
 * wants both), text by default, only the schema's queryable fields; bounded: no leading or short wildcards, no
 * regular expressions, a length limit, fuzzy edits of at most 2. Not thread-safe: make one per query through
 * {@link #parse(Analyzer, String, SearchLimits)}.
 */
final class TranscriptQueryParser extends QueryParser {
  private final SearchLimits limits;

  private TranscriptQueryParser(Analyzer analyzer, SearchLimits limits) {
    super(Schema.TEXT, analyzer);
    this.limits = limits;
    setDefaultOperator(Operator.AND);
    setAllowLeadingWildcard(false);
    setSplitOnWhitespace(true);
  }

  /**
   * Parses {@code query}; blank means every utterance.
   *
   * @throws BadRequestException with the parser's message and position when the syntax is wrong or a field unknown
   */
  static Query parse(Analyzer analyzer, String query, SearchLimits limits) {
    if (query.isBlank()) {
      return new MatchAllDocsQuery();
    }
    if (query.length() > limits.maxQueryLength()) {
      throw new BadRequestException(
          "bad query: " + query.length() + " characters, the limit is " + limits.maxQueryLength());
    }
    try {
      return new TranscriptQueryParser(analyzer, limits).parse(query);
    } catch (ParseException e) {
      throw new BadRequestException("bad query: " + firstLine(e.getMessage()), e);
    } catch (IndexSearcher.TooManyClauses e) {
      throw new BadRequestException(
          "bad query: more than " + IndexSearcher.getMaxClauseCount() + " clauses", e);
    } catch (RuntimeException e) {
      // The parser's own errors (a bad fuzzy distance, an automaton too complex to build) are the query's fault.
      throw new BadRequestException("bad query: " + e.getMessage(), e);
    }
  }

  private static String firstLine(String message) {
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  private static void checkField(String field) throws ParseException {
    if (!Schema.QUERYABLE_FIELDS.contains(field)) {
      throw new ParseException(
          "unknown field '" + field + "'; fields are " + String.join(", ", Schema.QUERYABLE_FIELDS));
    }
  }

  @Override
  protected Query getFieldQuery(String field, String queryText, boolean quoted) throws ParseException {
    checkField(field);
    return super.getFieldQuery(field, queryText, quoted);
  }

  @Override
  protected Query getFieldQuery(String field, String queryText, int slop) throws ParseException {
    checkField(field);
    return super.getFieldQuery(field, queryText, slop);
  }

  @Override
  protected Query getRangeQuery(String field, String part1, String part2, boolean startInclusive, boolean endInclusive)
      throws ParseException {
    checkField(field);
    return super.getRangeQuery(field, part1, part2, startInclusive, endInclusive);
  }

  /**
   * Speech and titles are indexed stemmed ("cease" as "ceas"), so a typed prefix is cut to what it shares with its
   * own stem: "cease*" looks for "ceas*" and finds cease, ceased and ceasing.
   */
  @Override
  protected Query getPrefixQuery(String field, String termStr) throws ParseException {
    checkField(field);
    checkWildcardPrefix(termStr + "*");
    if (!field.equals(Schema.TEXT) && !field.equals(Schema.TITLE)) {
      return super.getPrefixQuery(field, termStr);
    }
    String normalized = getAnalyzer().normalize(field, termStr).utf8ToString();
    String stem = stem(field, normalized);
    int common = 0;
    while (common < Math.min(stem.length(), normalized.length())
        && stem.charAt(common) == normalized.charAt(common)) {
      common++;
    }
    return super.getPrefixQuery(field, common == 0 ? normalized : normalized.substring(0, common));
  }

  private String stem(String field, String word) {
    try (TokenStream tokens = getAnalyzer().tokenStream(field, word)) {
      CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
      tokens.reset();
      String first = tokens.incrementToken() ? term.toString() : word;
      boolean single = !tokens.incrementToken();
      tokens.end();
      return single ? first : word;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  protected Query getWildcardQuery(String field, String termStr) throws ParseException {
    checkField(field);
    checkWildcardPrefix(termStr);
    return super.getWildcardQuery(field, termStr);
  }

  private void checkWildcardPrefix(String termStr) throws ParseException {
    int wildcard = 0;
    while (wildcard < termStr.length() && termStr.charAt(wildcard) != '*' && termStr.charAt(wildcard) != '?') {
      wildcard++;
    }
    if (wildcard < limits.minWildcardPrefix()) {
      throw new ParseException(
          "'" + termStr + "': a wildcard needs at least " + limits.minWildcardPrefix() + " characters before it");
    }
  }

  @Override
  protected Query getFuzzyQuery(String field, String termStr, float minSimilarity) throws ParseException {
    checkField(field);
    return super.getFuzzyQuery(field, termStr, minSimilarity);
  }

  /** Regular expressions can cost without bound; a newsroom search box has no need of them. */
  @Override
  protected Query getRegexpQuery(String field, String termStr) throws ParseException {
    throw new ParseException("regular expressions (/" + termStr + "/) are not supported; use quotes or wildcards");
  }
}
