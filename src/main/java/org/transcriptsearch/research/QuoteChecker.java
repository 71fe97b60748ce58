package org.transcriptsearch.research;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.transcriptsearch.index.Schema;
import org.transcriptsearch.index.TranscriptIndex;
import org.transcriptsearch.research.QuoteResults.QuoteCheck;
import org.transcriptsearch.research.QuoteResults.QuoteMatch;
import org.transcriptsearch.research.QuoteResults.Thresholds;
import org.transcriptsearch.research.QuoteResults.Verdict;
import org.transcriptsearch.search.BadRequestException;
import org.transcriptsearch.search.Results.Hit;
import org.transcriptsearch.search.SearchRequest;
import org.transcriptsearch.search.SearchService;

/**
 * Checks a quote as remembered or as printed elsewhere against what was said: the closest utterances, best first,
 * each with a similarity and a word diff, and a verdict. Thread-safe.
 *
 * <p>Candidates come from one Lucene query over the quote's words: every word, plus every pair of neighbouring words
 * as a sloppy phrase, so turns that say the words together rank first. Each candidate is aligned word by word
 * ({@link Alignment}); a quote that runs over into the speaker's next turn is aligned with both turns joined.
 */
public final class QuoteChecker {
  /** The similarity from which a quote counts as said, measured (see the README's quote check section). */
  public static final double SAID = 0.95;

  /** The similarity from which a quote counts as close to what was said. */
  public static final double CLOSE = 0.6;

  /** The longest quote checked, in characters. */
  public static final int MAX_LENGTH = 2_000;

  public static final int DEFAULT_SIZE = 5;
  public static final int MAX_SIZE = 20;

  /** Candidate utterances aligned per check. */
  static final int CANDIDATES = 40;

  /** Distinct words of the quote sent as terms, at most (a long quote needs no more to find its turn). */
  static final int MAX_TERMS = 300;

  /** Word pairs of the quote sent as phrases, at most (a long quote needs no more to find its turn). */
  static final int MAX_PAIRS = 60;

  /** A joined pair of turns replaces a single turn only when it scores at least this much better. */
  static final double JOIN_GAIN = 0.02;

  private final SearchService search;
  private final double said;
  private final double close;

  /** Quote checks over the index of {@code search}, with its filters and time limit. */
  public QuoteChecker(SearchService search) {
    this(search, SAID, CLOSE);
  }

  /** Quote checks with other thresholds, for measuring where they belong. */
  QuoteChecker(SearchService search, double said, double close) {
    this.search = search;
    this.said = said;
    this.close = close;
  }

  /**
   * The closest utterances to {@code text} among those that pass {@code filters}' filters (its query is ignored),
   * at most {@code size}, best first; where the same words were said in several transcripts the earliest comes first
   * and names the others.
   *
   * @throws BadRequestException when the text is blank, has no words, is too long, or size is out of range
   */
  public QuoteCheck check(String text, SearchRequest filters, int size) throws IOException {
    if (text == null || text.isBlank()) {
      throw new BadRequestException("text is required: the quote to check");
    }
    if (text.length() > MAX_LENGTH) {
      throw new BadRequestException("text has " + text.length() + " characters; the limit is " + MAX_LENGTH);
    }
    if (size < 1 || size > MAX_SIZE) {
      throw new BadRequestException("size must be between 1 and " + MAX_SIZE + ", was " + size);
    }
    Words quote = Words.of(search.schema().analyzer(), text.strip());
    if (quote.size() == 0) {
      throw new BadRequestException("text has no words to check");
    }
    SearchRequest onlyFilters = filtersOf(filters);
    List<QuoteMatch> matches = search.withView(view -> matches(view, quote, onlyFilters, size));
    Verdict verdict =
        matches.isEmpty()
            ? Verdict.NOT_FOUND
            : matches.get(0).similarity() >= said ? Verdict.SAID : Verdict.CLOSE;
    return new QuoteCheck(text, verdict, matches, new Thresholds(said, close));
  }

  private static SearchRequest filtersOf(SearchRequest request) {
    SearchRequest r = request == null ? SearchRequest.of("") : request;
    return SearchRequest.builder()
        .speakers(r.speakers())
        .programs(r.programs())
        .topics(r.topics())
        .roles(r.roles())
        .from(r.from())
        .to(r.to())
        .build();
  }

  private List<QuoteMatch> matches(TranscriptIndex.View view, Words quote, SearchRequest filters, int size)
      throws IOException {
    if (view.facets() == null) {
      return List.of();
    }
    IndexSearcher searcher = search.timed(view.searcher());
    Query words = candidateQuery(quote);
    Query query =
        new BooleanQuery.Builder()
            .add(words, Occur.MUST)
            .add(search.query(view, filters), Occur.FILTER)
            .build();
    ScoreDoc[] top = searcher.search(query, CANDIDATES).scoreDocs;
    SearchService.checkTime(searcher);
    Weights weights = new Weights(searcher.getIndexReader());
    Turns turns = new Turns(searcher);
    Map<String, Candidate> byIds = new LinkedHashMap<>();
    Map<Integer, Float> scores = new HashMap<>();
    for (ScoreDoc sd : top) {
      scores.put(sd.doc, sd.score);
      Candidate c = align(quote, turns, sd.doc, weights);
      if (c.alignment().similarity() >= close) {
        byIds.merge(c.key(), c, (a, b) -> a.alignment().similarity() >= b.alignment().similarity() ? a : b);
      }
    }
    SearchService.checkTime(searcher);
    List<Candidate> ordered = ordered(new ArrayList<>(byIds.values()));
    List<Candidate> shown = ordered.subList(0, Math.min(size, ordered.size()));
    return toMatches(searcher, words, shown, ordered, scores);
  }

  /** Every word of the quote, and each pair of neighbours as a phrase that may have a word between or swap. */
  private static Query candidateQuery(Words quote) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    List<String> terms = quote.indexTerms();
    new LinkedHashSet<>(terms).stream()
        .limit(MAX_TERMS)
        .forEach(term -> b.add(new TermQuery(new Term(Schema.TEXT, term)), Occur.SHOULD));
    for (int i = 0; i + 1 < terms.size() && i < MAX_PAIRS; i++) {
      PhraseQuery pair = new PhraseQuery(2, Schema.TEXT, terms.get(i), terms.get(i + 1));
      b.add(new BoostQuery(pair, 2f), Occur.SHOULD);
    }
    return b.build();
  }

  /** One candidate: the turns it spans, their alignment with the quote, and the date of their transcript. */
  private record Candidate(List<Turns.Turn> turns, Alignment alignment) {
    String key() {
      return String.join(" ", turns.stream().map(Turns.Turn::id).toList());
    }

    Turns.Turn first() {
      return turns.get(0);
    }
  }

  /**
   * The candidate turn aligned alone, and joined with the same speaker's turn before or after it (the next turn of
   * theirs, past one interjection of someone else's); the joined pair wins only when it scores clearly better.
   */
  private Candidate align(Words quote, Turns turns, int docId, Weights weights) throws IOException {
    Turns.Turn turn = turns.of(docId);
    Candidate best = candidate(quote, List.of(turn), weights);
    if (best.alignment().similarity() >= said) {
      return best;
    }
    List<List<Turns.Turn>> joins = new ArrayList<>();
    Turns.Turn next = turns.sameSpeaker(turn, +1);
    Turns.Turn previous = turns.sameSpeaker(turn, -1);
    if (next != null) {
      joins.add(List.of(turn, next));
    }
    if (previous != null) {
      joins.add(List.of(previous, turn));
    }
    for (List<Turns.Turn> join : joins) {
      Candidate joined = candidate(quote, join, weights);
      if (joined.alignment().parts().size() == 2
          && joined.alignment().similarity() >= best.alignment().similarity() + JOIN_GAIN) {
        best = joined;
      }
    }
    return best;
  }

  private Candidate candidate(Words quote, List<Turns.Turn> spanned, Weights weights) {
    List<String> texts = spanned.stream().map(Turns.Turn::text).toList();
    var said = Words.joined(search.schema().analyzer(), texts);
    if (Alignment.upperBound(quote.terms(), said, weights::of) < close) {
      return new Candidate(spanned, Alignment.NONE);
    }
    return new Candidate(spanned, Alignment.of(quote, said, texts, weights::of));
  }

  /**
   * Best first; the same words said in several transcripts form one group, placed by its similarity and listed
   * earliest first, undated last.
   */
  private static List<Candidate> ordered(List<Candidate> candidates) {
    Comparator<Candidate> earliest =
        Comparator.comparing((Candidate c) -> c.first().date() == null)
            .thenComparing(c -> c.first().date() == null ? 0L : c.first().date().toEpochDay())
            .thenComparing(Candidate::key);
    Map<String, List<Candidate>> groups = new LinkedHashMap<>();
    for (Candidate c : candidates) {
      groups.computeIfAbsent(groupKey(c), k -> new ArrayList<>()).add(c);
    }
    List<List<Candidate>> sorted = new ArrayList<>(groups.values());
    sorted.forEach(g -> g.sort(earliest));
    sorted.sort(
        Comparator.comparingDouble((List<Candidate> g) -> -g.get(0).alignment().similarity())
            .thenComparing(g -> g.get(0), earliest));
    return sorted.stream().flatMap(List::stream).toList();
  }

  private static String groupKey(Candidate c) {
    return c.alignment().similarity() + "|" + c.alignment().saidKey();
  }

  private List<QuoteMatch> toMatches(
      IndexSearcher searcher, Query words, List<Candidate> shown, List<Candidate> all, Map<Integer, Float> scores)
      throws IOException {
    ScoreDoc[] docs =
        shown.stream()
            .map(c -> new ScoreDoc(c.first().docId(), scores.getOrDefault(c.first().docId(), 0f)))
            .toArray(ScoreDoc[]::new);
    List<Hit> hits = search.hits(searcher, words, docs, SearchRequest.of(""));
    Map<String, List<String>> repeats = new HashMap<>();
    for (Candidate c : all) {
      repeats.computeIfAbsent(groupKey(c), k -> new ArrayList<>()).add(c.first().id());
    }
    List<QuoteMatch> matches = new ArrayList<>();
    for (int i = 0; i < shown.size(); i++) {
      Candidate c = shown.get(i);
      List<String> group = repeats.get(groupKey(c));
      List<String> also = group.get(0).equals(c.first().id()) ? group.subList(1, group.size()) : List.of();
      matches.add(
          new QuoteMatch(
              c.first().id(),
              c.turns().stream().map(Turns.Turn::id).toList(),
              c.alignment().similarity(),
              c.alignment().diff(),
              hits.get(i),
              List.copyOf(also)));
    }
    return matches;
  }

  /** Word weights: the idf of each analysed term in the text field, computed once per check. */
  private static final class Weights {
    private final IndexReader reader;
    private final Map<String, Double> cache = new HashMap<>();

    Weights(IndexReader reader) {
      this.reader = reader;
    }

    double of(String term) {
      return cache.computeIfAbsent(term, this::idf);
    }

    /** Lucene's BM25 idf: a word in every turn weighs almost nothing, a word in none weighs the most. */
    private double idf(String term) {
      try {
        long n = reader.numDocs();
        int df = reader.docFreq(new Term(Schema.TEXT, term));
        return Math.log(1 + (n - df + 0.5) / (df + 0.5));
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }
}
