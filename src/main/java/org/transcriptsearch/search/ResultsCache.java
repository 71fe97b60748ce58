package org.transcriptsearch.search;

import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.Query;
import org.transcriptsearch.index.ReaderCache;
import org.transcriptsearch.search.Results.SearchResponse;

/**
 * The answers of recent searches, and the facet counts of recent sets of hits, per index snapshot, as Solr's
 * queryResultCache and filterCache and Elasticsearch's request cache keep them: a search asked again of the same
 * snapshot (the same request, cursor included) is answered from here; a search whose hits were counted before (a
 * later page of the same search, another page size, a filtered search's dimension counted without its filter, an
 * answer that has left the answers' cache) is ranked again but not counted again. Each snapshot's entries are
 * dropped when its reader closes (after a refresh, once no request uses it), so nothing outlives the data it was
 * computed from; each snapshot keeps at most {@link #ENTRIES} answers and {@link #COUNTS_PER_ANSWER} times as many
 * counts, the least recently used going first. Only complete results are kept: a search that failed or ran out of
 * time keeps nothing. Thread-safe.
 */
final class ResultsCache {
  /**
   * Answers kept per snapshot, Solr's default queryResultCache size: a page of ten hits with passages is about 10 to
   * 20 KB, so 5 to 10 MB in all.
   */
  static final int ENTRIES = 512;

  /**
   * Facet counts kept per answer kept: one set of counts (the top values of the four dimensions, about 5 KB) is a
   * fraction of an answer, and counting the hits is most of a search's cost, so they are kept longer.
   */
  static final int COUNTS_PER_ANSWER = 4;

  private final ReaderCache<Map<SearchRequest, SearchResponse>> snapshots = new ReaderCache<>();
  private final ReaderCache<Map<CountKey, CountedFacets>> counted = new ReaderCache<>();
  private final int entries;
  private final LongAdder hits = new LongAdder();
  private final LongAdder misses = new LongAdder();
  private final LongAdder countHits = new LongAdder();
  private final LongAdder countMisses = new LongAdder();

  ResultsCache() {
    this(ENTRIES);
  }

  /** A cache of at most {@code entries} answers per snapshot (and four times as many counts); 0 keeps none. */
  ResultsCache(int entries) {
    this.entries = entries;
  }

  /** Works out an answer. */
  @FunctionalInterface
  interface Search {
    SearchResponse run() throws IOException;
  }

  /** Counts the facets of a set of hits. */
  @FunctionalInterface
  interface Count {
    CountedFacets run() throws IOException;
  }

  /** What facet counts are kept by: the hits' query, and the sample size they were counted with. */
  private record CountKey(Query hits, int sampleSize) {}

  /** The answer to {@code request} over {@code reader}: the kept one, else {@code search}'s, then kept. */
  SearchResponse get(IndexReader reader, SearchRequest request, Search search) throws IOException {
    if (entries == 0) {
      return search.run();
    }
    Map<SearchRequest, SearchResponse> answers = snapshots.get(reader, r -> lru(entries));
    SearchResponse kept = answers.get(request);
    if (kept != null) {
      hits.increment();
      return kept;
    }
    misses.increment();
    SearchResponse answer = search.run();
    answers.put(request, answer);
    return answer;
  }

  /**
   * The counts kept for the hits of {@code query} over {@code reader} counted with {@code sampleSize}, or null (then
   * the caller counts them, and {@link #keep}s them).
   */
  CountedFacets kept(IndexReader reader, Query query, int sampleSize) throws IOException {
    CountedFacets kept = peek(reader, query, sampleSize);
    if (entries > 0) {
      (kept == null ? countMisses : countHits).increment();
    }
    return kept;
  }

  /** As {@link #kept}, for a search that uses counts when they are kept but counts nothing itself: not counted. */
  CountedFacets peek(IndexReader reader, Query query, int sampleSize) throws IOException {
    return entries == 0 ? null : counts(reader).get(new CountKey(query, sampleSize));
  }

  /** Keeps {@code counts} of the hits of {@code query} over {@code reader}, counted with {@code sampleSize}. */
  void keep(IndexReader reader, Query query, int sampleSize, CountedFacets counts) throws IOException {
    if (entries > 0) {
      counts(reader).put(new CountKey(query, sampleSize), counts);
    }
  }

  /** The kept counts of {@code query}'s hits, else {@code count}'s, then kept. */
  CountedFacets counts(IndexReader reader, Query query, int sampleSize, Count count) throws IOException {
    CountedFacets kept = kept(reader, query, sampleSize);
    if (kept == null) {
      kept = count.run();
      keep(reader, query, sampleSize, kept);
    }
    return kept;
  }

  /** How many answers it keeps per snapshot, and how many searches and counts it answered and missed. */
  Results.CacheStats stats() {
    return new Results.CacheStats(entries, hits.sum(), misses.sum(), countHits.sum(), countMisses.sum());
  }

  private Map<CountKey, CountedFacets> counts(IndexReader reader) throws IOException {
    return counted.get(reader, r -> lru(entries * COUNTS_PER_ANSWER));
  }

  private static <K, V> Map<K, V> lru(int entries) {
    return Collections.synchronizedMap(
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
            return size() > entries;
          }
        });
  }
}
