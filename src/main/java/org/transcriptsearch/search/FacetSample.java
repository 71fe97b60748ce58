package org.transcriptsearch.search;

import java.io.IOException;
import java.util.Collection;
import java.util.Comparator;
import java.util.concurrent.ExecutorService;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.RandomSamplingFacetsCollector;
import org.apache.lucene.facet.sortedset.ConcurrentSortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.ThreadInterruptedException;

/**
 * The facet counts of one set of hits: exact below twice a sample size of hits, estimated from there on from a sample
 * of about that many hits, each count scaled up by the hits over the hits drawn and capped by the total. Counting
 * every hit of a common word in four dimensions was the largest cost of a search and grew with the corpus.
 *
 * <p>A sample is drawn in one of two ways. Where the hits are visited anyway (a first page whose ranking counted
 * every hit), Lucene's {@link RandomSamplingFacetsCollector} draws one hit from each bin of {@code total /
 * sampleSize} hits, rounded down; the total is exact. Otherwise (see {@link #of(IndexSearcher,
 * SortedSetDocValuesReaderState, Query, int, ExecutorService, Bound)}) the hits are not all visited: the query is
 * searched within {@link SampleWindows}, short windows of doc ids spread over every segment, so a search of a word
 * of 200,000 hits visits about the sample's 10,000 of them. The total is then exact only where Lucene knows it
 * without visiting the hits (a word's document frequency in a segment without deletions); else it is estimated as
 * the hits drawn over the share of doc ids the windows cover, and {@link #found()} is how many hits were really
 * seen (a lower bound).
 *
 * @param total every hit of the query: exact when {@code totalExact}, else estimated from the sample
 * @param totalExact whether {@code total} is exact
 * @param found hits seen: {@code total} when it is exact, else at most it (a lower bound of the total)
 * @param drawn the hits counted: {@code total} when exact, the sample when not
 */
record FacetSample(long total, boolean totalExact, long found, long drawn, Facets counts) {
  /**
   * The sample size by default: up to twice as many hits less one are all counted (each bin holds one hit); from
   * twice as many, about as many hits as this are drawn and counted.
   */
  static final int SAMPLE_SIZE = 10_000;

  /** A fixed seed: the same search over the same snapshot gives the same estimates every time. */
  private static final long SEED = 0x5EED_CAFEL;

  /** Hits at most this share of all can be sampled in windows; past it, every hit is visited (it costs little more). */
  private static final double MOST_SAMPLED = 0.5;

  /**
   * Counts the facets of every hit of {@code query} when there are fewer than twice {@code sampleSize}, else of a
   * sample of about that many, visiting about the sample's hits and not all of them (the total then estimated
   * unless Lucene knows it beforehand).
   */
  static FacetSample of(IndexSearcher searcher, SortedSetDocValuesReaderState state, Query query, int sampleSize)
      throws IOException {
    return of(searcher, state, query, sampleSize, null, null);
  }

  /**
   * As {@link #of(IndexSearcher, SortedSetDocValuesReaderState, Query, int)}, counting segments over {@code threads}
   * (null: on this thread alone), with {@code known} what the caller knows of the number of hits (null: worked out
   * here).
   */
  static FacetSample of(
      IndexSearcher searcher,
      SortedSetDocValuesReaderState state,
      Query query,
      int sampleSize,
      ExecutorService threads,
      Bound known)
      throws IOException {
    Bound hits = known != null ? known : Bound.of(searcher, query);
    long bound = hits.hits();
    boolean exact = hits.exact();
    long docs = searcher.getIndexReader().maxDoc();
    double fraction = (double) sampleSize / Math.max(1, bound);
    while (bound >= 2L * sampleSize && fraction <= MOST_SAMPLED) {
      SampleWindows windows = new SampleWindows(fraction, SampleWindows.length(bound, docs));
      FacetsCollector sample = searcher.search(within(query, windows), new FacetsCollectorManager());
      SearchService.checkTime(searcher);
      long drawn = 0;
      for (FacetsCollector.MatchingDocs leaf : sample.getMatchingDocs()) {
        drawn += leaf.totalHits();
      }
      double estimate = estimate(sample, windows);
      if (drawn >= sampleSize / 2) {
        long total = exact ? bound : Math.max(drawn, Math.round(estimate));
        return new FacetSample(total, exact, exact ? total : drawn, drawn, counts(state, sample, threads));
      }
      if (exact || estimate >= bound) {
        break; // a sample too small by chance: every hit, below
      }
      // The bound was far above the hits (a phrase's or a conjunction's candidates): sample again from the estimate.
      bound = Math.round(estimate);
      fraction = (double) sampleSize / Math.max(1, bound);
    }
    return of(searcher, state, searcher.search(query, collector(sampleSize)), sampleSize, threads);
  }

  /**
   * What is known of the number of a query's hits before they are visited.
   *
   * @param hits the exact number when {@code exact}, else an upper bound
   * @param exact whether {@code hits} is exact
   */
  record Bound(long hits, boolean exact) {
    /**
     * What Lucene knows without visiting the hits: a segment's exact count where it is free (a word without
     * deletions), else its upper bound (the cost of the query's postings).
     */
    static Bound of(IndexSearcher searcher, Query query) throws IOException {
      Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
      long bound = 0;
      boolean exact = true;
      for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
        int count = weight.count(leaf);
        if (count >= 0) {
          bound += count;
        } else {
          exact = false;
          ScorerSupplier hits = weight.scorerSupplier(leaf);
          bound += hits == null ? 0 : Math.min(hits.cost(), leaf.reader().maxDoc());
        }
      }
      return new Bound(bound, exact);
    }

    /**
     * This bound, or where it is an upper bound of {@code 2 * sampleSize} hits or more (a phrase's or a
     * conjunction's candidates can be ten times its hits), an estimate of the hits from a pilot sample of a quarter
     * of {@code sampleSize}'s share: whether a search has few hits (counted exactly, in one pass with its ranking)
     * or many (sampled) is then decided on about the real number and not on the candidates.
     */
    Bound refined(IndexSearcher searcher, Query query, int sampleSize) throws IOException {
      if (exact || hits < 2L * sampleSize) {
        return this;
      }
      double fraction = Math.min(MOST_SAMPLED, sampleSize / 4.0 / hits);
      SampleWindows windows = new SampleWindows(fraction, SampleWindows.length(hits, searcher.getIndexReader().maxDoc()));
      FacetsCollector pilot = searcher.search(within(query, windows), new FacetsCollectorManager());
      SearchService.checkTime(searcher);
      return new Bound(Math.min(hits, Math.round(estimate(pilot, windows))), false);
    }
  }

  /** {@code query}'s hits within {@code windows}. */
  private static Query within(Query query, SampleWindows windows) {
    return new BooleanQuery.Builder()
        .add(query, BooleanClause.Occur.FILTER)
        .add(windows, BooleanClause.Occur.FILTER)
        .build();
  }

  /** The hits of the whole index estimated from those found within {@code windows}, segment by segment. */
  private static double estimate(FacetsCollector sample, SampleWindows windows) {
    double estimate = 0;
    for (FacetsCollector.MatchingDocs leaf : sample.getMatchingDocs()) {
      int maxDoc = leaf.context().reader().maxDoc();
      estimate += leaf.totalHits() * (double) maxDoc / Math.max(1, windows.covered(maxDoc));
    }
    return estimate;
  }

  /**
   * What collects the hits for {@link #of(IndexSearcher, SortedSetDocValuesReaderState, RandomSamplingFacetsCollector, int)},
   * one collector per slice of segments when a searcher searches slices in parallel. The slices' hits are put back
   * in segment order before the sample is drawn (Lucene's own reduction keeps the order the slices come in), so the
   * sample, and every estimate, is the same however many threads searched.
   */
  static CollectorManager<RandomSamplingFacetsCollector, RandomSamplingFacetsCollector> collector(int sampleSize) {
    return new CollectorManager<>() {
      @Override
      public RandomSamplingFacetsCollector newCollector() {
        return new RandomSamplingFacetsCollector(sampleSize, SEED);
      }

      @Override
      public RandomSamplingFacetsCollector reduce(Collection<RandomSamplingFacetsCollector> collectors) {
        if (collectors.size() == 1) {
          return collectors.iterator().next();
        }
        RandomSamplingFacetsCollector all = new RandomSamplingFacetsCollector(sampleSize, SEED);
        collectors.stream()
            .flatMap(c -> c.getOriginalMatchingDocs().stream())
            .sorted(Comparator.comparingInt(docs -> docs.context().ord))
            .forEach(all.getOriginalMatchingDocs()::add);
        return all;
      }
    };
  }

  /** Counts the facets of {@code hits}, collected by {@link #collector} with the same {@code sampleSize}. */
  static FacetSample of(
      IndexSearcher searcher, SortedSetDocValuesReaderState state, RandomSamplingFacetsCollector hits, int sampleSize)
      throws IOException {
    return of(searcher, state, hits, sampleSize, null);
  }

  /**
   * As {@link #of(IndexSearcher, SortedSetDocValuesReaderState, RandomSamplingFacetsCollector, int)}, counting the
   * segments' hits over {@code threads} as well as on this thread (null: on this thread alone). The counts are the
   * same either way: each segment's hits are counted whole, and only the sums are shared.
   */
  static FacetSample of(
      IndexSearcher searcher,
      SortedSetDocValuesReaderState state,
      RandomSamplingFacetsCollector hits,
      int sampleSize,
      ExecutorService threads)
      throws IOException {
    SearchService.checkTime(searcher); // a collection stopped by the deadline holds only some hits
    long total = 0;
    for (FacetsCollector.MatchingDocs docs : hits.getOriginalMatchingDocs()) {
      total += docs.totalHits();
    }
    long drawn = total;
    if (total > sampleSize) {
      drawn = 0;
      for (FacetsCollector.MatchingDocs docs : hits.getMatchingDocs()) {
        DocIdSetIterator it = docs.bits().iterator();
        while (it.nextDoc() != DocIdSetIterator.NO_MORE_DOCS) {
          drawn++;
        }
      }
    }
    return new FacetSample(total, true, total, drawn, counts(state, hits, threads));
  }

  private static Facets counts(SortedSetDocValuesReaderState state, FacetsCollector hits, ExecutorService threads)
      throws IOException {
    if (threads == null) {
      return new SortedSetDocValuesFacetCounts(state, hits);
    }
    try {
      return new ConcurrentSortedSetDocValuesFacetCounts(state, hits, threads);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ThreadInterruptedException(e);
    }
  }

  /** Whether the counts are estimates from a sample (some hits were not counted). */
  boolean estimated() {
    return drawn < total || !totalExact;
  }

  /**
   * The {@code n} values of {@code dim} with the highest counts, most first (ties in label order), estimated when
   * {@link #estimated()}; null when no hit has a value of {@code dim}.
   */
  FacetResult top(int n, String dim) throws IOException {
    FacetResult sampled = counts.getTopChildren(n, dim);
    if (!estimated() || sampled == null) {
      return sampled;
    }
    double scale = (double) total / drawn;
    LabelAndValue[] values = new LabelAndValue[sampled.labelValues.length];
    for (int i = 0; i < values.length; i++) {
      LabelAndValue lv = sampled.labelValues[i];
      values[i] = new LabelAndValue(lv.label, Math.min(total, Math.round(lv.value.doubleValue() * scale)));
    }
    return new FacetResult(
        sampled.dim, sampled.path, Math.min(total, Math.round(sampled.value.doubleValue() * scale)), values,
        sampled.childCount);
  }
}
