package org.transcriptsearch.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transcriptsearch.TestIndexes;
import org.transcriptsearch.index.Schema;
import org.transcriptsearch.index.TranscriptIndex;
import org.transcriptsearch.search.Results.FacetValue;
import org.transcriptsearch.search.Results.Hit;
import org.transcriptsearch.search.Results.SearchResponse;

/**
 * Searches with more hits than the facets count exactly (here 500, as the service's 10,000 would need a corpus of
 * hundreds of thousands of utterances), on a generated corpus: the total stays exact where Lucene knows it
 * beforehand (a word) and is otherwise a lower bound with an estimate close to the exact count, the page is the one a
 * full count ranks, and the sampled facet counts are flagged and close to the exact ones computed here over every
 * hit.
 */
class FacetSampleTest {
  /** Hits counted exactly here: small enough for a small corpus, large enough for a meaningful sample. */
  static final int SAMPLE = 500;

  static final int TRANSCRIPTS = 400;

  /** A search of many hits whose count Lucene does not know beforehand. */
  static final String WIDE = "people OR time";

  @TempDir static Path dir;
  static TranscriptIndex index;
  static SearchService search;

  @BeforeAll
  static void indexGeneratedCorpus() throws Exception {
    index = TestIndexes.generated(dir, TRANSCRIPTS);
    search = new SearchService(index).withFacetSample(SAMPLE);
  }

  @AfterAll
  static void close() throws Exception {
    index.close();
  }

  @Test
  void aSearchOfManyHitsHasAnExactTotalAndEstimatedFacetsCloseToTheExactCounts() throws Exception {
    SearchRequest request = SearchRequest.of("people");
    SearchResponse response = search.search(request);
    long exact = exactCount(request);
    assertThat(exact).isGreaterThan(2 * SAMPLE); // fewer would all be drawn, one from each bin of one
    assertThat(response.total()).isEqualTo(exact);
    assertThat(response.totalRelation()).isEqualTo("eq");
    assertThat(response.approximateFacets()).containsExactlyElementsOf(Schema.FACET_DIMENSIONS);
    for (String dim : List.of(Schema.FACET_PROGRAM, Schema.FACET_TOPIC, Schema.FACET_ROLE)) {
      Map<String, Long> truth = exactFacets(request, dim);
      List<FacetValue> estimated = response.facets().get(dim);
      assertThat(estimated).isNotEmpty();
      // The leading values of the exact count, each estimate within four standard errors of its truth. A word's
      // hits are known beforehand, so the sample is drawn in windows covering a share SAMPLE / exact of the index: a
      // count c is estimated from about c * share draws, with a standard error near sqrt(c * (1 - share) / share).
      // The draws depend on the segments, which differ from build to build (the ingest runs on several threads), so
      // the bound is the sampling error's, not one run's luck. The values are the truth's leading ones and not the
      // estimate's: a value listed third because its estimate came out high is by its selection further from its
      // truth than one standard error says (a count of 140 estimated at 210 was listed above one of 201).
      Map<String, Long> answered = new LinkedHashMap<>();
      estimated.forEach(v -> answered.put(v.value(), v.count()));
      for (Map.Entry<String, Long> leading : truth.entrySet().stream().limit(3).toList()) {
        assertThat(answered).as(dim).containsKey(leading.getKey());
        assertThat((double) answered.get(leading.getKey())).as(dim + " " + leading.getKey())
            .isCloseTo(leading.getValue(), withinSamplingError(leading.getValue(), exact));
      }
      // The value listed first is one of the most frequent (near ties may swap: segments differ from build to build,
      // and so does the sample).
      assertThat(truth).containsKey(estimated.get(0).value());
      long most = truth.values().iterator().next();
      assertThat((double) truth.get(estimated.get(0).value())).as(dim).isCloseTo(most, withinSamplingError(most, exact));
    }
  }

  @Test
  void aSearchOfFewHitsCountsItsFacetsExactly() throws Exception {
    SearchRequest request = SearchRequest.of("economy");
    SearchResponse response = search.search(request);
    assertThat(response.total()).isEqualTo(exactCount(request)).isLessThanOrEqualTo(SAMPLE);
    assertThat(response.approximateFacets()).isEmpty();
    for (String dim : List.of(Schema.FACET_PROGRAM, Schema.FACET_TOPIC, Schema.FACET_ROLE)) {
      Map<String, Long> truth = exactFacets(request, dim);
      Map<String, Long> answered = new LinkedHashMap<>();
      response.facets().get(dim).forEach(v -> answered.put(v.value(), v.count()));
      assertThat(answered).as(dim).containsExactlyEntriesOf(truth);
    }
  }

  @Test
  void onlyTheDimensionCountedOverManyHitsIsEstimated() throws Exception {
    // Drill-sideways: the program facet is counted without the program filter, over every hit of "people".
    String program = exactFacets(SearchRequest.of("people"), Schema.FACET_PROGRAM).keySet().iterator().next();
    SearchRequest request = SearchRequest.builder().query("people").programs(List.of(program)).topics(List.of()).build();
    SearchResponse response = search.search(request);
    long filtered = exactCount(request);
    assertThat(response.total()).isEqualTo(filtered);
    List<String> expected = new ArrayList<>();
    for (String dim : Schema.FACET_DIMENSIONS) {
      boolean sideways = dim.equals(Schema.FACET_PROGRAM);
      if ((sideways ? exactCount(SearchRequest.of("people")) : filtered) >= 2 * SAMPLE) {
        expected.add(dim);
      }
    }
    assertThat(expected).contains(Schema.FACET_PROGRAM);
    assertThat(response.approximateFacets()).containsExactlyElementsOf(expected);
  }

  @Test
  void aSearchOfManyHitsWhoseCountIsNotKnownBeforehandEstimatesItFromTheSampleAndSaysSo() throws Exception {
    // Two words: Lucene holds no count of an OR beforehand (a single word's is its document frequency), so the
    // facets' sample is drawn in windows of doc ids and visits about the sample's hits, not all of them.
    SearchRequest request = SearchRequest.of(WIDE);
    SearchResponse response = search.search(request);
    long exact = exactCount(request);
    assertThat(exact).isGreaterThan(4 * SAMPLE);
    assertThat(response.totalRelation()).isEqualTo("gte");
    // total: the hits really found, a lower bound; the estimate within four standard errors of a binomial draw of
    // a share SAMPLE / exact of the hits
    assertThat(response.total()).isLessThanOrEqualTo(exact).isGreaterThanOrEqualTo(SAMPLE / 2);
    double share = (double) SAMPLE / exact;
    double error = 4 * Math.sqrt(exact * (1 - share) / share);
    assertThat((double) response.estimatedTotal()).isCloseTo(exact, org.assertj.core.data.Offset.offset(error));
    assertThat(response.approximateFacets()).containsExactlyElementsOf(Schema.FACET_DIMENSIONS);
    for (String dim : List.of(Schema.FACET_PROGRAM, Schema.FACET_ROLE)) {
      Map<String, Long> truth = exactFacets(request, dim);
      FacetValue first = response.facets().get(dim).get(0);
      assertThat(truth).containsKey(first.value());
      long most = truth.values().iterator().next();
      // the leading value's estimate within four standard errors of its count, drawn at the same share
      assertThat((double) first.count()).as(dim)
          .isCloseTo(truth.get(first.value()), org.assertj.core.data.Offset.offset(4 * Math.sqrt(most / share)));
    }
    // the page is still the exact top of every hit, and the second page goes on from it with the same counts
    SearchRequest paged = SearchRequest.builder().query(WIDE).size(10).build();
    SearchResponse first = search.search(paged);
    SearchResponse second = search.search(paged.withCursor(first.nextCursor()));
    List<String> answered = new ArrayList<>(first.hits().stream().map(Hit::id).toList());
    answered.addAll(second.hits().stream().map(Hit::id).toList());
    assertThat(first.collapsed() + second.collapsed()).isZero();
    assertThat(answered).containsExactlyElementsOf(fullCountIds(paged, 20));
    assertThat(second.total()).isEqualTo(first.total());
    assertThat(second.estimatedTotal()).isEqualTo(first.estimatedTotal());
    assertThat(second.facets()).isEqualTo(first.facets());
  }

  @Test
  void aWordKeepsItsExactCountAndNoEstimate() throws Exception {
    SearchResponse response = search.search(SearchRequest.of("people"));
    assertThat(response.totalRelation()).isEqualTo("eq");
    assertThat(response.estimatedTotal()).isNull();
  }

  @Test
  void estimatesAreTheSameEveryTime() throws Exception {
    assertThat(search.search(SearchRequest.of(WIDE)).estimatedTotal())
        .isEqualTo(search.search(SearchRequest.of(WIDE)).estimatedTotal());
    SearchResponse first = search.search(SearchRequest.of("people"));
    SearchResponse second = search.search(SearchRequest.of("people"));
    assertThat(second.facets()).isEqualTo(first.facets());
  }

  @Test
  void pagesAreThoseOfAFullCountPastTheThreshold() throws Exception {
    SearchRequest request = SearchRequest.builder().query("people").size(10).build();
    SearchResponse first = search.search(request);
    SearchResponse second = search.search(request.withCursor(first.nextCursor()));
    List<String> expected = fullCountIds(request, 20);
    List<String> answered = new ArrayList<>(first.hits().stream().map(Hit::id).toList());
    answered.addAll(second.hits().stream().map(Hit::id).toList());
    assertThat(first.collapsed() + second.collapsed()).isZero();
    assertThat(answered).containsExactlyElementsOf(expected);
  }

  /** Four standard errors of a count {@code truth} estimated from a sample of a share {@code SAMPLE / total}. */
  private static org.assertj.core.data.Offset<Double> withinSamplingError(long truth, long total) {
    double share = (double) SAMPLE / total;
    return org.assertj.core.data.Offset.offset(4 * Math.sqrt(truth * (1 - share) / share));
  }

  private static long exactCount(SearchRequest request) throws Exception {
    return index.withSearcher(view -> (long) view.searcher().count(search.query(view, request)));
  }

  /** Every value of {@code dim} over every hit of {@code request}'s query and filters but those of {@code dim}. */
  private static Map<String, Long> exactFacets(SearchRequest request, String dim) throws Exception {
    return index.withSearcher(
        view -> {
          Query base = SearchService.withDates(search.parse(request.query()), request);
          Query query = search.drillDown(base, search.filters(view, request), dim);
          FacetsCollector all = view.searcher().search(query, new FacetsCollectorManager());
          var result = new SortedSetDocValuesFacetCounts(view.facets(), all).getTopChildren(SearchService.FACET_SIZE, dim);
          Map<String, Long> out = new LinkedHashMap<>();
          SearchService.values(result).forEach(v -> out.put(v.value(), v.count()));
          return out;
        });
  }

  /** The ids of the first {@code n} hits in relevance order, every hit counted and scored. */
  private static List<String> fullCountIds(SearchRequest request, int n) throws Exception {
    return index.withSearcher(
        view -> {
          Query query = search.query(view, request);
          TopFieldDocs top =
              view.searcher()
                  .search(query, new TopFieldCollectorManager(SearchService.sort(request.sort()), n, (FieldDoc) null, Integer.MAX_VALUE));
          List<String> ids = new ArrayList<>();
          for (ScoreDoc sd : top.scoreDocs) {
            ids.add(view.searcher().storedFields().document(sd.doc).get(Schema.ID));
          }
          return ids;
        });
  }
}
