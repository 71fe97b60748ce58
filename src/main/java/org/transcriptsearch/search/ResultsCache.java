package org.transcriptsearch.search;

import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.apache.lucene.index.IndexReader;
import org.transcriptsearch.index.ReaderCache;
import org.transcriptsearch.search.Results.SearchResponse;

/**
 * The answers of recent searches, per index snapshot, as Solr's queryResultCache and Elasticsearch's request cache
 * keep them: a search asked again of the same snapshot (the same request, cursor included) is answered from here.
 * Each snapshot's entries are dropped when its reader closes (after a refresh, once no request uses it), so an
 * answer never outlives the data it was computed from; each snapshot keeps at most {@link #ENTRIES} answers, the
 * least recently used going first. Only complete answers are kept: a search that failed or ran out of time is not.
 * Thread-safe.
 */
final class ResultsCache {
  /** Answers kept per snapshot: a page of ten hits with passages is about 10 to 20 KB, so a few MB in all. */
  static final int ENTRIES = 256;

  private final ReaderCache<Map<SearchRequest, SearchResponse>> snapshots = new ReaderCache<>();
  private final int entries;
  private final LongAdder hits = new LongAdder();
  private final LongAdder misses = new LongAdder();

  ResultsCache() {
    this(ENTRIES);
  }

  /** A cache of at most {@code entries} answers per snapshot; 0 keeps none. */
  ResultsCache(int entries) {
    this.entries = entries;
  }

  /** Works out an answer. */
  @FunctionalInterface
  interface Search {
    SearchResponse run() throws IOException;
  }

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

  /** How many answers it keeps per snapshot, and how many searches it answered and missed since it was made. */
  Results.CacheStats stats() {
    return new Results.CacheStats(entries, hits.sum(), misses.sum());
  }

  private static Map<SearchRequest, SearchResponse> lru(int entries) {
    return Collections.synchronizedMap(
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<SearchRequest, SearchResponse> eldest) {
            return size() > entries;
          }
        });
  }
}
