package org.transcriptsearch.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transcriptsearch.TestIndexes;
import org.transcriptsearch.index.Schema;
import org.transcriptsearch.index.TranscriptIndex;
import org.transcriptsearch.search.Results.CacheStats;
import org.transcriptsearch.search.Results.FacetValue;
import org.transcriptsearch.search.Results.SearchResponse;

/**
 * Facet counts kept by the results cache, over a real index: a search whose hits were counted before (a later page,
 * another page size, a filtered dimension counted without its filter) is ranked again but not counted again, and
 * answers exactly what a search that counts everything answers: the same hits, totals, counts and estimates.
 */
class KeptCountsTest {
  static final int SAMPLE = 300;

  @TempDir static Path dir;
  static TranscriptIndex index;

  @BeforeAll
  static void indexGeneratedCorpus() throws Exception {
    index = TestIndexes.generated(dir, 250);
  }

  @AfterAll
  static void close() throws Exception {
    index.close();
  }

  /** A service of its own cache (so counters start at 0), counting over a sample of {@link #SAMPLE} hits. */
  private static SearchService cached() {
    return new SearchService(index).withResultsCache(ResultsCache.ENTRIES).withFacetSample(SAMPLE);
  }

  /** The same service with no cache at all: every answer worked out from every hit. */
  private static SearchService counting() {
    return new SearchService(index).withResultsCache(0).withFacetSample(SAMPLE);
  }

  @Test
  void laterPagesAndOtherSizesUseTheKeptCountsAndAnswerWhatCountingAnswers() throws Exception {
    for (String query : List.of("people", "economy", "\"the president\"")) { // many hits, some, a few

      SearchService cached = cached();
      List<SearchResponse> walk = walk(cached, SearchRequest.builder().query(query).size(10).build(), 4);
      List<SearchResponse> truth = walk(counting(), SearchRequest.builder().query(query).size(10).build(), 4);
      assertThat(walk).as(query).isEqualTo(truth);
      SearchRequest five = SearchRequest.builder().query(query).size(5).build();
      assertThat(cached.search(five)).as(query).isEqualTo(counting().search(five));
      // One count for the whole walk and the other page size: the first page's.
      int pages = walk.size();
      assertThat(cached.resultsCache()).as(query)
          .isEqualTo(new CacheStats(ResultsCache.ENTRIES, 0, pages + 1, pages, 1));
    }
  }

  @Test
  void estimatedCountsAreKeptAsEstimates() throws Exception {
    SearchService cached = cached();
    SearchRequest first = SearchRequest.of("people");
    SearchResponse page = cached.search(first);
    assertThat(page.total()).isGreaterThan(2 * SAMPLE);
    assertThat(page.approximateFacets()).containsExactlyElementsOf(Schema.FACET_DIMENSIONS);
    SearchResponse next = cached.search(first.withCursor(page.nextCursor()));
    assertThat(next.approximateFacets()).containsExactlyElementsOf(Schema.FACET_DIMENSIONS);
    assertThat(next.facets()).isEqualTo(page.facets());
    assertThat(next.total()).isEqualTo(page.total());
    assertThat(cached.resultsCache().countHits()).isEqualTo(1);
  }

  @Test
  void aFilteredDimensionIsCountedFromTheUnfilteredSearchsCounts() throws Exception {
    SearchService cached = cached();
    SearchResponse people = cached.search(SearchRequest.of("people"));
    List<String> programs = people.facets().get(Schema.FACET_PROGRAM).stream().map(FacetValue::value).toList();
    SearchRequest filtered = SearchRequest.builder().query("people").programs(List.of(programs.get(0))).build();
    SearchResponse answer = cached.search(filtered);
    assertThat(answer).isEqualTo(counting().search(filtered));
    assertThat(answer.facets().get(Schema.FACET_PROGRAM)).isEqualTo(people.facets().get(Schema.FACET_PROGRAM));
    assertThat(answer.total()).isLessThan(people.total());
    // The filtered hits were counted; the program dimension, counted without its filter, was "people"'s.
    assertThat(cached.resultsCache()).isEqualTo(new CacheStats(ResultsCache.ENTRIES, 0, 2, 1, 2));
  }

  @Test
  void aSearchWithoutFacetsCountsNothingAndTakesItsTotalFromKeptCounts() throws Exception {
    SearchService cached = cached();
    SearchResponse counted = cached.search(SearchRequest.of("economy"));
    SearchRequest bare = SearchRequest.builder().query("economy").facets(List.of()).build();
    SearchResponse answer = cached.search(bare);
    assertThat(answer).isEqualTo(counting().search(bare));
    assertThat(answer.total()).isEqualTo(counted.total());
    assertThat(answer.hits()).isEqualTo(counted.hits());
    assertThat(answer.facets()).isEmpty();
    // Two searches worked out; only the first looked for counts as a search that counts (the second counts nothing).
    assertThat(cached.resultsCache()).isEqualTo(new CacheStats(ResultsCache.ENTRIES, 0, 2, 0, 1));
  }

  /** The first {@code pages} pages of {@code request} through its cursor. */
  private static List<SearchResponse> walk(SearchService search, SearchRequest request, int pages) throws Exception {
    List<SearchResponse> walk = new ArrayList<>();
    SearchResponse page = search.search(request);
    walk.add(page);
    while (walk.size() < pages && page.nextCursor() != null) {
      page = search.search(request.withCursor(page.nextCursor()));
      walk.add(page);
    }
    return walk;
  }
}
