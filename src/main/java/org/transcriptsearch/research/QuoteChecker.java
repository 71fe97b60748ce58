package org.transcriptsearch.research;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.apache.lucene.search.Query;
import org.transcriptsearch.research.QuoteResults.QuoteCheck;
import org.transcriptsearch.research.QuoteResults.QuoteMatch;
import org.transcriptsearch.research.QuoteResults.Thresholds;
import org.transcriptsearch.research.QuoteResults.Verdict;
import org.transcriptsearch.research.QuoteSource.Found;
import org.transcriptsearch.research.QuoteSource.QuoteQuery;
import org.transcriptsearch.research.QuoteSource.Reads;
import org.transcriptsearch.research.QuoteSource.Turn;
import org.transcriptsearch.search.BadRequestException;
import org.transcriptsearch.search.Results.Hit;
import org.transcriptsearch.search.SearchRequest;
import org.transcriptsearch.search.SearchService;

/**
 * Checks a quote as remembered or as printed elsewhere against what was said: the closest utterances, best first,
 * each with a similarity and a word diff, and a verdict. Thread-safe.
 *
 * <p>Candidates come from one query over the quote's words ({@link QuoteQuery}): every word, plus every pair of
 * neighbouring words as a sloppy phrase, so turns that say the words together rank first. Each candidate is aligned
 * word by word ({@link Alignment}); a quote that runs over into the speaker's next turn is aligned with both turns
 * joined. Only the retrieval runs on the store ({@link QuoteSource}); the check is the same on every backend.
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

  private final QuoteSource source;
  private final double said;
  private final double close;

  /** Quote checks over the embedded index of {@code search}, with its filters and time limit. */
  public QuoteChecker(SearchService search) {
    this(new EmbeddedQuoteSource(search));
  }

  /** Quote checks over what {@code source} reads (the embedded index or a SolrCloud collection). */
  public QuoteChecker(QuoteSource source) {
    this(source, SAID, CLOSE);
  }

  /** Quote checks with other thresholds, for measuring where they belong. */
  QuoteChecker(SearchService search, double said, double close) {
    this(new EmbeddedQuoteSource(search), said, close);
  }

  private QuoteChecker(QuoteSource source, double said, double close) {
    this.source = source;
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
    Words quote = Words.of(source.schema().analyzer(), text.strip());
    if (quote.size() == 0) {
      throw new BadRequestException("text has no words to check");
    }
    List<QuoteMatch> matches = source.read(filtersOf(filters), reads -> matches(reads, quote, size));
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

  private List<QuoteMatch> matches(Reads reads, Words quote, int size) throws IOException {
    QuoteQuery query = query(quote);
    List<Found> top = reads.candidates(query, CANDIDATES);
    Map<String, Float> scores = new HashMap<>();
    List<List<List<Turn>>> spans = new ArrayList<>(top.size());
    for (Found f : top) {
      scores.put(f.turn().id(), f.score());
      spans.add(spans(reads, f.turn()));
    }
    Map<String, List<Words.Word>> said = saidWords(spans);
    ToDoubleFunction<String> weights = reads.weights(weighed(reads, quote, spans, said));
    Map<String, Candidate> byIds = new LinkedHashMap<>();
    for (List<List<Turn>> spanned : spans) {
      Candidate c = align(quote, spanned, said, weights);
      if (c.alignment().similarity() >= close) {
        byIds.merge(c.key(), c, (a, b) -> a.alignment().similarity() >= b.alignment().similarity() ? a : b);
      }
    }
    List<Candidate> ordered = ordered(new ArrayList<>(byIds.values()));
    List<Candidate> shown = ordered.subList(0, Math.min(size, ordered.size()));
    return toMatches(reads, query.lucene(), shown, ordered, scores);
  }

  /** The words of every turn in {@code spans}, by utterance id, each read once. */
  private Map<String, List<Words.Word>> saidWords(List<List<List<Turn>>> spans) {
    Map<String, List<Words.Word>> said = new HashMap<>();
    spans.stream().flatMap(List::stream).flatMap(List::stream).forEach(t -> said.computeIfAbsent(t.id(),
        id -> Words.of(source.schema().analyzer(), t.text()).words()));
    return said;
  }

  /**
   * Every term an alignment of the check weighs: the quote's, and the words of each stretch that may reach "close".
   * Whether one may is bounded by the quote's words' weights alone ({@link Alignment#upperBound}), looked up first:
   * most stretches fall short, and their words are never weighed (on SolrCloud each word looked up costs, and a
   * look-up of every word of every stretch cost three quarters of the collection's work for a check).
   */
  private Set<String> weighed(
      Reads reads, Words quote, List<List<List<Turn>>> spans, Map<String, List<Words.Word>> said) throws IOException {
    ToDoubleFunction<String> bounds = reads.weights(new HashSet<>(quote.terms()));
    Set<String> terms = new HashSet<>(quote.terms());
    for (List<List<Turn>> spanned : spans) {
      for (List<Turn> stretch : spanned) {
        List<Words.Word> words = words(stretch, said);
        if (Alignment.upperBound(quote.terms(), words, bounds) >= close) {
          words.forEach(w -> terms.add(w.term()));
        }
      }
    }
    return terms;
  }

  /** The words of the turns {@code spanned}, each marked with its turn's place in the stretch. */
  private static List<Words.Word> words(List<Turn> spanned, Map<String, List<Words.Word>> said) {
    List<Words.Word> words = new ArrayList<>();
    for (int part = 0; part < spanned.size(); part++) {
      for (Words.Word w : said.get(spanned.get(part).id())) {
        words.add(new Words.Word(w.term(), w.start(), w.end(), part, w.indexed()));
      }
    }
    return words;
  }

  /** Every word of the quote, and each pair of neighbours as a phrase that may have a word between or swap. */
  static QuoteQuery query(Words quote) {
    List<String> terms = quote.indexTerms();
    List<QuoteQuery.Pair> pairs = new ArrayList<>();
    for (int i = 0; i + 1 < terms.size() && i < MAX_PAIRS; i++) {
      pairs.add(new QuoteQuery.Pair(terms.get(i), terms.get(i + 1), written(quote, i) + " " + written(quote, i + 1)));
    }
    return new QuoteQuery(new LinkedHashSet<>(terms).stream().limit(MAX_TERMS).toList(), pairs);
  }

  private static String written(Words quote, int i) {
    Words.Word word = quote.words().get(i);
    return quote.text().substring(word.start(), word.end());
  }

  /**
   * The stretches a candidate turn is aligned as: alone, and joined with the same speaker's turn after or before it
   * (the next turn of theirs, past one interjection of someone else's).
   */
  private static List<List<Turn>> spans(Reads reads, Turn turn) throws IOException {
    List<List<Turn>> spans = new ArrayList<>(List.of(List.of(turn)));
    Turn next = sameSpeaker(reads, turn, +1);
    Turn previous = sameSpeaker(reads, turn, -1);
    if (next != null) {
      spans.add(List.of(turn, next));
    }
    if (previous != null) {
      spans.add(List.of(previous, turn));
    }
    return spans;
  }

  /**
   * The same speaker's neighbouring turn in {@code direction} (+1 next, -1 previous): the adjacent turn when it is
   * theirs, else the one past a single turn of someone else's (an interjection); null when neither is theirs.
   */
  private static Turn sameSpeaker(Reads reads, Turn from, int direction) throws IOException {
    for (int step = 1; step <= 2; step++) {
      Turn other = reads.turn(from.episodeId(), from.turn() + step * direction);
      if (other != null && other.speakerKey().equals(from.speakerKey())) {
        return other;
      }
    }
    return null;
  }

  /** One candidate: the turns it spans, their alignment with the quote, and the date of their transcript. */
  private record Candidate(List<Turn> turns, Alignment alignment) {
    String key() {
      return String.join(" ", turns.stream().map(Turn::id).toList());
    }

    Turn first() {
      return turns.get(0);
    }
  }

  /**
   * The candidate turn aligned alone, and joined with the same speaker's turn before or after it; the joined pair
   * wins only when it scores clearly better.
   */
  private Candidate align(
      Words quote, List<List<Turn>> spans, Map<String, List<Words.Word>> said, ToDoubleFunction<String> weights) {
    Candidate best = candidate(quote, spans.get(0), said, weights);
    if (best.alignment().similarity() >= this.said) {
      return best;
    }
    for (List<Turn> join : spans.subList(1, spans.size())) {
      Candidate joined = candidate(quote, join, said, weights);
      if (joined.alignment().parts().size() == 2
          && joined.alignment().similarity() >= best.alignment().similarity() + JOIN_GAIN) {
        best = joined;
      }
    }
    return best;
  }

  private Candidate candidate(
      Words quote, List<Turn> spanned, Map<String, List<Words.Word>> said, ToDoubleFunction<String> weights) {
    List<String> texts = spanned.stream().map(Turn::text).toList();
    List<Words.Word> words = words(spanned, said);
    if (Alignment.upperBound(quote.terms(), words, weights) < close) {
      return new Candidate(spanned, Alignment.NONE);
    }
    return new Candidate(spanned, Alignment.of(quote, words, texts, weights));
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
      Reads reads, Query words, List<Candidate> shown, List<Candidate> all, Map<String, Float> scores)
      throws IOException {
    // A match that starts on the turn before a candidate has that turn's score when it was a candidate, else none.
    List<Found> found =
        shown.stream().map(c -> new Found(c.first(), scores.getOrDefault(c.first().id(), 0f))).toList();
    List<Hit> hits = reads.hits(found, words);
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
              c.turns().stream().map(Turn::id).toList(),
              c.alignment().similarity(),
              c.alignment().diff(),
              hits.get(i),
              List.copyOf(also)));
    }
    return matches;
  }

  /**
   * Lucene's BM25 idf of a word in {@code df} of {@code n} turns: a word in every turn weighs almost nothing, a word
   * in none weighs the most.
   */
  public static double idf(long n, long df) {
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }
}
