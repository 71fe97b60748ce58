package org.transcriptsearch.search;

import java.io.IOException;
import java.util.Collection;
import java.util.Comparator;
import java.util.concurrent.ExecutorService;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.RandomSamplingFacetsCollector;
import org.apache.lucene.facet.sortedset.ConcurrentSortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.ThreadInterruptedException;

/**
 * The facet counts of one set of hits: exact below twice a sample size of hits, estimated from there on from a random
 * sample of at least that many hits (Lucene's {@link RandomSamplingFacetsCollector}: one hit drawn from each bin of
 * {@code total / sampleSize} hits, rounded down), each count scaled up by the hits over the hits drawn (not by
 * Lucene's nominal rate, which the rounding makes up to twice too high) and capped by the total. Counting every
 * hit of a common word in four dimensions was the largest cost of a search and grew with the corpus; iterating the
 * hits without scoring them, to know the exact total and draw the sample, costs a fraction of that.
 *
 * @param total every hit of the query, exact
 * @param drawn the hits counted: {@code total} when exact, the sample when not
 */
record FacetSample(long total, long drawn, Facets counts) {
  /**
   * The sample size by default: up to twice as many hits less one are all counted (each bin holds one hit); from
   * twice as many, one hit of each bin of {@code total / SAMPLE_SIZE} hits (rounded down) is drawn and counted.
   */
  static final int SAMPLE_SIZE = 10_000;

  /** A fixed seed: the same search over the same snapshot gives the same estimates every time. */
  private static final long SEED = 0x5EED_CAFEL;

  /**
   * Collects every hit of {@code query} (without scoring) and counts the facets of all of them when there are at
   * most {@code sampleSize}, else of a random sample of at least that many.
   */
  static FacetSample of(IndexSearcher searcher, SortedSetDocValuesReaderState state, Query query, int sampleSize)
      throws IOException {
    return of(searcher, state, query, sampleSize, null);
  }

  /** As {@link #of(IndexSearcher, SortedSetDocValuesReaderState, Query, int)}, counting segments over {@code threads}. */
  static FacetSample of(
      IndexSearcher searcher, SortedSetDocValuesReaderState state, Query query, int sampleSize, ExecutorService threads)
      throws IOException {
    return of(searcher, state, searcher.search(query, collector(sampleSize)), sampleSize, threads);
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
    return new FacetSample(total, drawn, counts(state, hits, threads));
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
    return drawn < total;
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
