package org.transcriptsearch.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.index.MultiBits;
import org.apache.lucene.util.Bits;
import org.transcriptsearch.bench.QueryMix.Op;
import org.transcriptsearch.index.Schema;
import org.transcriptsearch.index.TranscriptIndex;
import org.transcriptsearch.ingest.Pipeline;
import org.transcriptsearch.search.Results.FacetValue;
import org.transcriptsearch.search.Results.UtteranceInContext;
import org.transcriptsearch.search.SearchRequest;
import org.transcriptsearch.search.SearchService;

/**
 * The realistic query mix: thousands of distinct queries drawn with a fixed seed from the corpus itself, asked with
 * the skew of real traffic, so that caches hit about as often as they would in use.
 *
 * <p>The pool: {@link #POOL} distinct queries, each made from a random utterance of the index (its words as
 * printed, lower-case words only, so names and places that the product reads as speakers or spelling variants stay
 * out and both systems run the same search): single words, two words (AND), two words of two utterances (OR), two
 * adjacent words as a phrase, a word filtered by a speaker or a topic that the word's own search lists in its facets
 * (as a user clicking a facet value), a word within the month, year or three years around the utterance's air date,
 * and pages 2 to 6 (and now and then 11 to 21) of a word through the cursor. The stream: {@link #STREAM} requests,
 * each the pool's query of a rank drawn from a Zipf law of exponent {@link #ZIPF} (query logs are Zipf-like, with
 * exponents of 0.6 to 0.9 reported for web search), so a few queries come back often and most come once or twice.
 * Every query has facets and highlighting on, as in the fixed mix.
 */
final class RealisticMix {
  static final int POOL = 5_000;
  static final int STREAM = 12_000;
  static final double ZIPF = 0.7;
  private static final Pattern WORD = Pattern.compile("\\p{L}+");
  private static final Set<String> STOP = Set.of(
      "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "if", "in", "into", "is", "it", "no", "not",
      "of", "on", "or", "such", "that", "the", "their", "then", "there", "these", "they", "this", "to", "was", "will",
      "with", "what", "who", "whom", "whose", "which", "when", "where", "why", "how", "has", "have", "had", "did",
      "does", "do", "said", "say", "says", "saying", "talk", "talked", "talking", "tell", "told", "think", "thinks",
      "thought", "speak", "spoke", "about", "regarding", "concerning", "me", "i", "you", "he", "she", "we", "his",
      "her", "its", "our", "been", "were", "ever", "anything", "everything", "any", "mentioned", "mention",
      "comments", "comment", "remarks", "views", "thoughts", "opinion", "position", "stance", "near");

  private final SearchService search;
  private final TranscriptIndex index;
  private final Schema schema;
  private final Random random;

  private RealisticMix(TranscriptIndex index, Schema schema, long seed) {
    this.index = index;
    this.schema = schema;
    this.search = new SearchService(index).withResultsCache(0);
    this.random = new Random(seed);
  }

  /** {@code INDEX OUT SEED}: writes the stream of the realistic mix, one query a line (as the fixed mix). */
  public static void main(String[] args) throws IOException {
    Schema schema = Pipeline.standard().schema();
    List<Op> stream;
    int distinct;
    try (TranscriptIndex index = TranscriptIndex.openReadOnly(Path.of(args[0]), schema)) {
      RealisticMix mix = new RealisticMix(index, schema, Long.parseLong(args[2]));
      List<Op> pool = mix.pool();
      stream = mix.stream(pool);
      distinct = new LinkedHashSet<>(stream).size();
    }
    Files.write(Path.of(args[1]), stream.stream().map(Op::line).toList(), StandardCharsets.UTF_8);
    System.out.printf("realistic mix: %d requests of %d distinct queries (pool %d, Zipf %.1f) in %s%n",
        stream.size(), distinct, POOL, ZIPF, args[1]);
  }

  private List<Op> pool() throws IOException {
    Set<Op> pool = new LinkedHashSet<>();
    int tries = 0;
    while (pool.size() < POOL && tries++ < POOL * 20) {
      Op op = draw();
      if (op != null) {
        pool.add(op);
      }
    }
    return new ArrayList<>(pool);
  }

  private List<Op> stream(List<Op> pool) {
    double[] cumulative = new double[pool.size()];
    double sum = 0;
    for (int r = 0; r < pool.size(); r++) {
      sum += Math.pow(r + 1, -ZIPF);
      cumulative[r] = sum;
    }
    List<Op> out = new ArrayList<>(STREAM);
    for (int i = 0; i < STREAM; i++) {
      int rank = java.util.Arrays.binarySearch(cumulative, random.nextDouble() * sum);
      out.add(pool.get(Math.min(pool.size() - 1, rank < 0 ? -rank - 1 : rank)));
    }
    return out;
  }

  /** One query from a random utterance, or null when that utterance gives none of the kind drawn. */
  private Op draw() throws IOException {
    Sample s = sample();
    if (s == null || s.words.isEmpty()) {
      return null;
    }
    String word = pick(s.words);
    int kind = random.nextInt(100);
    if (kind < 30) {
      return new Op("word", word, "", "", "", "", "", 0);
    }
    if (kind < 42) {
      String other = pick(s.words);
      return other.equals(word) ? null : new Op("and", word + " " + other, "", "", "", "", "", 0);
    }
    if (kind < 48) {
      Sample t = sample();
      return t == null || t.words.isEmpty() ? null : new Op("or", word + " OR " + pick(t.words), "", "", "", "", "", 0);
    }
    if (kind < 60) {
      return s.pairs.isEmpty() ? null : new Op("phrase", "\"" + pick(s.pairs) + "\"", "", "", "", "", "", 0);
    }
    if (kind < 72) {
      String name = facetValue(word, Schema.FACET_SPEAKER);
      return name == null ? null : new Op("speaker", word, name, schema.aliases().canonicalKey(name), "", "", "", 0);
    }
    if (kind < 82) {
      String topic = facetValue(word, Schema.FACET_TOPIC);
      return topic == null ? null : new Op("topic", word, "", "", topic, "", "", 0);
    }
    if (kind < 94) {
      if (s.date == null) {
        return null;
      }
      LocalDate[] range = range(s.date);
      return new Op("dates", word, "", "", "", range[0].toString(), range[1].toString(), 0);
    }
    int pages = random.nextInt(10) == 0 ? 10 + random.nextInt(11) : 1 + random.nextInt(5);
    return new Op("deep", word, "", "", "", "", "", pages);
  }

  /** The month, the year or the three years around {@code date}. */
  private LocalDate[] range(LocalDate date) {
    return switch (random.nextInt(3)) {
      case 0 -> new LocalDate[] {date.withDayOfMonth(1), date.withDayOfMonth(date.lengthOfMonth())};
      case 1 -> new LocalDate[] {date.withDayOfYear(1), date.withDayOfYear(date.lengthOfYear())};
      default -> new LocalDate[] {date.minusYears(1).withDayOfYear(1), date.plusYears(1).withMonth(12).withDayOfMonth(31)};
    };
  }

  /** A value the word's own search lists in dimension {@code dim} (a facet a user could click), or null. */
  private String facetValue(String word, String dim) throws IOException {
    var r = search.search(SearchRequest.builder().query(word).facets(List.of(dim)).build());
    List<FacetValue> values = r.facets().getOrDefault(dim, List.of());
    return values.isEmpty() ? null : values.get(random.nextInt(values.size())).value();
  }

  private <T> T pick(List<T> from) {
    return from.get(random.nextInt(from.size()));
  }

  /** An utterance's words and adjacent pairs of words (lower-case words as printed), and its air date. */
  private record Sample(List<String> words, List<String> pairs, LocalDate date) {}

  private Sample sample() throws IOException {
    String id = index.withSearcher(view -> {
      var reader = view.searcher().getIndexReader();
      Bits live = MultiBits.getLiveDocs(reader);
      for (int tries = 0; tries < 100; tries++) {
        int doc = random.nextInt(reader.maxDoc());
        if (live == null || live.get(doc)) {
          return view.searcher().storedFields().document(doc).get(Schema.ID);
        }
      }
      return null;
    });
    if (id == null) {
      return null;
    }
    UtteranceInContext u = search.utterance(id, 0);
    List<String> words = new ArrayList<>();
    List<String> pairs = new ArrayList<>();
    String previous = null;
    int previousEnd = -2;
    Matcher m = WORD.matcher(u.utterance().text());
    while (m.find()) {
      String w = m.group();
      boolean plain = w.length() >= 3 && w.equals(w.toLowerCase(java.util.Locale.ROOT));
      if (plain && !STOP.contains(w)) {
        words.add(w);
      }
      if (plain && previous != null && previousEnd == m.start() - 1
          && u.utterance().text().charAt(previousEnd) == ' ' && !(STOP.contains(w) && STOP.contains(previous))) {
        pairs.add(previous + " " + w);
      }
      previous = plain ? w : null;
      previousEnd = m.end();
    }
    return new Sample(words, pairs, u.episode().date());
  }
}
