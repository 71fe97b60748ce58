package org.transcriptsearch.search;

import java.io.IOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.ExitableDirectoryReader;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.transcriptsearch.index.Schema;
import org.transcriptsearch.search.Results.Highlight;
import org.transcriptsearch.search.Results.Match;

/**
 * Marks a query's matches in utterance text with Lucene's unified highlighter, reading offsets from the postings.
 * A phrase is marked as one unit. Text is HTML-escaped; the only markup added is {@code <mark>}.
 */
final class Highlighting {
  /** Utterances up to this many characters are shown whole rather than as passages. */
  static final int WHOLE_LIMIT = 400;

  private static final int ALL_PASSAGES = 10_000;

  /** Lucene's passage scores, worked out with less garbage; stateless, so shared. */
  private static final PassageScores SCORER = new PassageScores();

  private Highlighting() {}

  /**
   * The highlights of {@code fieldText} for each of {@code docIds}: one whole-text highlight for a short utterance,
   * else its best {@code passages} passages of about {@code fragmentSize} characters, in text order.
   */
  static List<List<Highlight>> of(
      IndexSearcher searcher,
      Analyzer analyzer,
      Query query,
      int[] docIds,
      List<String> texts,
      int passages,
      int fragmentSize)
      throws IOException {
    // Every passage with a match comes back; the formatter keeps a long text's best few, a short text whole.
    Object[] formatted =
        highlighter(searcher, analyzer, fragmentSize, passages, docIds, texts).bounded(query, docIds);
    List<List<Highlight>> result = new ArrayList<>(docIds.length);
    for (int i = 0; i < docIds.length; i++) {
      @SuppressWarnings("unchecked")
      List<Highlight> highlights = (List<Highlight>) formatted[i];
      boolean none = highlights == null || highlights.isEmpty();
      result.add(none ? List.of(plain(texts.get(i), fragmentSize)) : highlights);
    }
    return result;
  }

  /** All of {@code text} with every match of {@code query} marked. */
  static Highlight whole(IndexSearcher searcher, Analyzer analyzer, Query query, int docId, String text)
      throws IOException {
    return whole(searcher, analyzer, query, new int[] {docId}, List.of(text)).get(0);
  }

  /** For each of {@code docIds}, all of its text with every match of {@code query} marked; one highlighter pass. */
  static List<Highlight> whole(
      IndexSearcher searcher, Analyzer analyzer, Query query, int[] docIds, List<String> texts) throws IOException {
    // Every passage with a match is kept: a long text's matches are spread over several of them.
    Object[] formatted =
        highlighter(searcher, analyzer, Integer.MAX_VALUE, Integer.MAX_VALUE, docIds, texts).bounded(query, docIds);
    List<Highlight> result = new ArrayList<>(docIds.length);
    for (int i = 0; i < docIds.length; i++) {
      @SuppressWarnings("unchecked")
      List<Highlight> highlights = (List<Highlight>) formatted[i];
      String text = texts.get(i);
      result.add(
          highlights == null || highlights.isEmpty()
              ? new Highlight(escape(text), 0, text.length(), List.of())
              : wholeText(text, highlights.stream().flatMap(h -> h.matches().stream()).toList()));
    }
    return result;
  }

  private static FieldHighlighter highlighter(
      IndexSearcher searcher,
      Analyzer analyzer,
      int fragmentSize,
      int passages,
      int[] docIds,
      List<String> texts)
      throws IOException {
    Deadline deadline = searcher.getTimeout() instanceof Deadline d ? d : null;
    UnifiedHighlighter.Builder builder =
        UnifiedHighlighter.builder(exitable(searcher, deadline), analyzer)
            .withFormatter(new Formatter(passages, fragmentSize, deadline))
            .withScorer(SCORER)
            .withMaxNoHighlightPassages(0)
            .withMaxLength(Integer.MAX_VALUE - 1)
            .withWeightMatches(true)
            .withHighlightPhrasesStrictly(true);
    if (fragmentSize != Integer.MAX_VALUE) {
      builder.withBreakIterator(
          () -> LengthGoalBreakIterator.createClosestToLength(
              BreakIterator.getSentenceInstance(Locale.ROOT), fragmentSize, 0.5f));
    }
    Map<Integer, String> byDoc = new HashMap<>();
    for (int i = 0; i < docIds.length; i++) {
      byDoc.put(docIds[i], texts.get(i));
    }
    return new FieldHighlighter(builder, byDoc, deadline);
  }

  /**
   * A searcher whose reader gives up at {@code deadline}: the highlighter rewrites the query for every document it
   * marks (a fuzzy or prefix term enumerates the term dictionary each time), so it is checked inside those
   * enumerations, not only between documents.
   */
  private static IndexSearcher exitable(IndexSearcher searcher, Deadline deadline) throws IOException {
    if (deadline == null || !(searcher.getIndexReader() instanceof DirectoryReader reader)) {
      return searcher;
    }
    IndexSearcher exitable = new IndexSearcher(ExitableDirectoryReader.wrap(reader, deadline));
    exitable.setTimeout(deadline);
    return exitable;
  }

  /**
   * The start of a long utterance (or all of a short one) with nothing marked: a hit that matched elsewhere. A long
   * one is cut at the last word boundary within {@code fragmentSize}, and an ellipsis says so.
   */
  private static Highlight plain(String text, int fragmentSize) {
    if (text.length() <= WHOLE_LIMIT) {
      return new Highlight(escape(text), 0, text.length(), List.of());
    }
    int end = wordEndBefore(text, fragmentSize, 0);
    return new Highlight(escape(text.substring(0, end)) + ELLIPSIS, 0, end, List.of());
  }

  /** Shown where a passage was cut from its text. */
  static final String ELLIPSIS = "…";

  /** The end of the last whole word at or before {@code limit} (never before {@code from} plus one word). */
  static int wordEndBefore(String text, int limit, int from) {
    if (limit >= text.length()) {
      return text.length();
    }
    int end = limit;
    while (end > from && !(Character.isWhitespace(text.charAt(end)) && !Character.isWhitespace(text.charAt(end - 1)))) {
      end--;
    }
    if (end <= from) { // one word longer than the limit: end after it
      end = limit;
      while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
        end++;
      }
    }
    return end;
  }

  /** The start of the first whole word at or after {@code at}. */
  static int wordStartAfter(String text, int at) {
    if (at <= 0) {
      return 0;
    }
    int start = at;
    while (start < text.length() && !Character.isWhitespace(text.charAt(start - 1))) {
      start++;
    }
    while (start < text.length() && Character.isWhitespace(text.charAt(start))) {
      start++;
    }
    return start;
  }

  private static Highlight wholeText(String text, List<Match> matches) {
    return new Highlight(markup(text, 0, text.length(), matches), 0, text.length(), matches);
  }

  /** HTML of text[start, end) with {@code <mark>} around each match; overlapping matches are merged away. */
  static String markup(String text, int start, int end, List<Match> matches) {
    StringBuilder html = new StringBuilder(end - start + 16 * matches.size());
    int pos = start;
    for (Match m : matches) {
      if (m.start() < pos || m.end() > end) {
        continue;
      }
      html.append(escape(text.substring(pos, m.start())))
          .append("<mark>")
          .append(escape(text.substring(m.start(), m.end())))
          .append("</mark>");
      pos = m.end();
    }
    return html.append(escape(text.substring(pos, end))).toString();
  }

  /** Escapes the five characters that matter in HTML text and attributes. */
  static String escape(String s) {
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * Exposes the per-document, per-field object highlighting of the unified highlighter for the text field. The
   * caller has already read each document's text, so the highlighter takes it from there instead of reading the
   * stored fields a second time; and the text field's offsets are known to be in its postings (the schema puts
   * them there), so the highlighter does not merge the index's field infos on every request to find that out.
   */
  private static final class FieldHighlighter extends UnifiedHighlighter {
    private final Map<Integer, String> texts;
    private final Deadline deadline;

    FieldHighlighter(Builder builder, Map<Integer, String> texts, Deadline deadline) {
      super(builder);
      this.texts = texts;
      this.deadline = deadline;
    }

    /** {@link #highlight}, stopped with a {@link SearchTimeoutException} when the deadline passes. */
    Object[] bounded(Query query, int[] docIds) throws IOException {
      try {
        return highlight(query, docIds);
      } catch (ExitableDirectoryReader.ExitingReaderException e) {
        throw deadline == null ? new SearchTimeoutException(e.getMessage()) : deadline.timeout();
      }
    }

    @Override
    protected OffsetSource getOffsetSource(String field) {
      return Schema.TEXT.equals(field) ? OffsetSource.POSTINGS : super.getOffsetSource(field);
    }

    @Override
    protected List<CharSequence[]> loadFieldValues(
        String[] fields, DocIdSetIterator docIter, int cacheCharsThreshold) throws IOException {
      List<CharSequence[]> values = new ArrayList<>();
      for (int doc = docIter.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docIter.nextDoc()) {
        values.add(new CharSequence[] {texts.get(doc)});
      }
      return values;
    }

    Object[] highlight(Query query, int[] docIds) throws IOException {
      Map<String, Object[]> byField =
          highlightFieldsAsObjects(new String[] {Schema.TEXT}, query, docIds, new int[] {ALL_PASSAGES});
      return byField.get(Schema.TEXT);
    }
  }

  /**
   * Formats passages as {@link Highlight}s: a short text becomes one highlight of the whole text; a long one its
   * best-scoring passages, in text order.
   */
  private static final class Formatter extends PassageFormatter {
    private final int keep;
    private final int fragmentSize;
    private final Deadline deadline;

    Formatter(int keep, int fragmentSize, Deadline deadline) {
      this.keep = keep;
      this.fragmentSize = fragmentSize;
      this.deadline = deadline;
    }

    @Override
    public Object format(Passage[] all, String content) {
      if (deadline != null) {
        deadline.check(); // once per document highlighted
      }
      List<Highlight> out = new ArrayList<>(all.length);
      if (all.length == 0) {
        return out;
      }
      if (content.length() <= WHOLE_LIMIT) {
        List<Match> matches = new ArrayList<>();
        for (Passage p : all) {
          matches.addAll(matches(p));
        }
        out.add(wholeText(content, matches));
        return out;
      }
      for (Passage p : best(all)) {
        out.add(snippet(content, p.getStartOffset(), p.getEndOffset(), matches(p)));
      }
      return out;
    }

    /**
     * A passage as shown: a sentence much longer than the fragment size is cut to about that size around its first
     * match, on word boundaries; an ellipsis marks each end that is not the end of the text.
     */
    private Highlight snippet(String content, int start, int end, List<Match> matches) {
      if (fragmentSize != Integer.MAX_VALUE && end - start > fragmentSize * 3 / 2 && !matches.isEmpty()) {
        Match first = matches.get(0);
        int from = Math.max(start, first.start() - fragmentSize / 4);
        start = from == start ? start : Math.min(first.start(), wordStartAfter(content, from));
        end = Math.max(first.end(), Math.min(end, wordEndBefore(content, start + fragmentSize, first.end())));
        int s = start;
        int e = end;
        matches = matches.stream().filter(m -> m.start() >= s && m.end() <= e).toList();
      }
      String html =
          (start > 0 ? ELLIPSIS : "")
              + markup(content, start, end, matches).strip()
              + (end < content.length() ? ELLIPSIS : "");
      return new Highlight(html, start, end, matches);
    }

    private List<Passage> best(Passage[] all) {
      return Arrays.stream(all)
          .sorted(Comparator.comparingDouble(Passage::getScore).reversed())
          .limit(keep)
          .sorted(Comparator.comparingInt(Passage::getStartOffset))
          .toList();
    }

    private static List<Match> matches(Passage p) {
      List<Match> matches = new ArrayList<>(p.getNumMatches());
      int lastEnd = -1;
      for (int i = 0; i < p.getNumMatches(); i++) {
        int start = p.getMatchStarts()[i];
        int end = p.getMatchEnds()[i];
        if (start >= lastEnd) {
          matches.add(new Match(start, end));
          lastEnd = end;
        }
      }
      return matches;
    }
  }
}
