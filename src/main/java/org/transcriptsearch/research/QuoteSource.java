package org.transcriptsearch.research;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.transcriptsearch.index.Schema;
import org.transcriptsearch.search.Results.Hit;
import org.transcriptsearch.search.SearchRequest;

/**
 * Where a quote check reads what was said: the embedded index or a SolrCloud collection. Only retrieval differs
 * between them; the check itself ({@link QuoteChecker}: alignment, joins, verdicts, grouping) is the product's, so
 * both give the same answer for the same corpus. Implementations are thread-safe.
 */
public interface QuoteSource {
  /** The schema of the store: the analyzer a quote's words are read with. */
  Schema schema();

  /**
   * Runs {@code check} over one read of the store (one snapshot of the embedded index), restricted to the turns that
   * pass {@code filters}' filters and dates.
   */
  <T> T read(SearchRequest filters, Check<T> check) throws IOException;

  /** The work of one check, over one read of the store. */
  @FunctionalInterface
  interface Check<T> {
    T run(Reads reads) throws IOException;
  }

  /** What one check reads. Not thread-safe: one check's own. */
  interface Reads {
    /**
     * The {@code n} turns that score highest for {@code query} among those passing the filters, best first, equal
     * scores by utterance id (as a search ranks them).
     */
    List<Found> candidates(QuoteQuery query, int n) throws IOException;

    /** Turn {@code number} of transcript {@code episodeId}, or null when it has none. */
    Turn turn(String episodeId, int number) throws IOException;

    /**
     * The weight of each word (Lucene's BM25 idf of the term in the spoken text over every turn of the store, the
     * filters aside) for a check that needs at most {@code terms}: any other term is weighed too, at a cost. A check
     * asks twice (the quote's words, then those its alignments weigh); a term weighed once keeps its weight.
     */
    ToDoubleFunction<String> weights(Set<String> terms) throws IOException;

    /** The turns {@code shown} as search hits, with their scores, highlighted for {@code marks}. */
    List<Hit> hits(List<Found> shown, Query marks) throws IOException;
  }

  /** A turn a query found, with its score. */
  record Found(Turn turn, float score) {}

  /**
   * A turn as a quote check reads it.
   *
   * @param ref the store's own handle of the turn (a document number), meaningful within one read only
   */
  record Turn(int ref, String id, String episodeId, int turn, String speakerKey, String text, LocalDate date) {
    /** The turn stored as {@code doc}, under the handle {@code ref}. */
    public static Turn of(int ref, Document doc) {
      IndexableField date = doc.getField(Schema.DATE);
      return new Turn(
          ref,
          doc.get(Schema.ID),
          doc.get(Schema.EPISODE_ID),
          doc.getField(Schema.TURN).numericValue().intValue(),
          doc.get(Schema.SPEAKER_KEY),
          doc.get(Schema.TEXT),
          date == null ? null : LocalDate.ofEpochDay(date.numericValue().longValue()));
    }
  }

  /**
   * The query that finds a quote's candidate turns: every word (as the index holds it), and each pair of neighbouring
   * words as a phrase that may have a word between or swap, weighed double, so turns that say the words together rank
   * first.
   *
   * @param terms the quote's distinct index terms, in order
   * @param pairs the quote's neighbouring words, in order
   */
  record QuoteQuery(List<String> terms, List<Pair> pairs) {
    /** How far apart a pair's words may be: one word between, or the two swapped. */
    public static final int PAIR_SLOP = 2;

    /** How much more a pair said together weighs than its words apart. */
    public static final float PAIR_BOOST = 2f;

    /**
     * Two neighbouring words of the quote.
     *
     * @param first the first word as the index holds it
     * @param second the second word as the index holds it
     * @param written the two words as the quote writes them, with a space between: analysed, they are the two terms
     */
    public record Pair(String first, String second, String written) {}

    public QuoteQuery {
      terms = List.copyOf(terms);
      pairs = List.copyOf(pairs);
    }

    /** The query for Lucene: what the embedded index searches, and what both backends highlight. */
    public Query lucene() {
      BooleanQuery.Builder b = new BooleanQuery.Builder();
      for (String term : terms) {
        b.add(new TermQuery(new Term(Schema.TEXT, term)), Occur.SHOULD);
      }
      for (Pair pair : pairs) {
        PhraseQuery phrase = new PhraseQuery(PAIR_SLOP, Schema.TEXT, pair.first(), pair.second());
        b.add(new BoostQuery(phrase, PAIR_BOOST), Occur.SHOULD);
      }
      return b.build();
    }
  }
}
