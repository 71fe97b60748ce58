package org.transcriptsearch.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.IOUtils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transcriptsearch.TestIndexes;
import org.transcriptsearch.generate.CorpusGenerator;
import org.transcriptsearch.generate.JsonlWriter;
import org.transcriptsearch.index.Schema;
import org.transcriptsearch.index.TranscriptIndex;
import org.transcriptsearch.search.Results.SearchResponse;

/**
 * A search whose segments are searched in parallel answers exactly what the same search on one thread answers: the
 * same ids in the same order, the same scores, totals, facet counts (sampled ones included), highlights and cursors.
 * The index is made of several batches' segments, never merged, so that it has segments enough for several slices.
 */
class SliceSearchTest {
  /** Hits counted exactly before the facets are sampled: small, so that the sampled path runs over slices too. */
  static final int SAMPLE = 200;

  static final int BATCHES = 12;

  static final int PER_BATCH = 40;

  @TempDir static Path dir;
  static TranscriptIndex alone;
  static TranscriptIndex sliced;

  @BeforeAll
  static void indexInSeveralSegments() throws Exception {
    CorpusGenerator generator = new CorpusGenerator(7);
    List<Path> batches = new ArrayList<>();
    for (int b = 0; b < BATCHES; b++) {
      Path corpus = dir.resolve("corpus-" + b);
      Files.createDirectories(corpus);
      try (JsonlWriter writer = new JsonlWriter(corpus)) {
        for (int i = b * PER_BATCH; i < (b + 1) * PER_BATCH; i++) {
          writer.write(i, generator.transcript(i));
        }
      }
      batches.add(dir.resolve("batch-" + b));
      TestIndexes.build(batches.get(b), corpus.resolve(JsonlWriter.FILE_NAME)).close();
    }
    // The batches' segments side by side, never merged: a merge's timing would decide how many slices there are.
    try (Directory target = FSDirectory.open(dir.resolve("index"));
        IndexWriter writer = new IndexWriter(target, new IndexWriterConfig().setMergePolicy(NoMergePolicy.INSTANCE))) {
      List<Directory> sources = new ArrayList<>();
      for (Path batch : batches) {
        sources.add(FSDirectory.open(batch));
      }
      Map<String, String> schemaVersion; // the batches' own commit data, which names their schema's version
      try (DirectoryReader first = DirectoryReader.open(sources.get(0))) {
        schemaVersion = first.getIndexCommit().getUserData();
      }
      writer.addIndexes(sources.toArray(Directory[]::new));
      IOUtils.close(sources);
      writer.setLiveCommitData(schemaVersion.entrySet());
      writer.commit();
    }
    alone = TranscriptIndex.openReadOnly(dir.resolve("index"), TestIndexes.PIPELINE.schema(), 0);
    sliced = TranscriptIndex.openReadOnly(dir.resolve("index"), TestIndexes.PIPELINE.schema(), 3);
  }

  @AfterAll
  static void close() throws Exception {
    alone.close();
    sliced.close();
  }

  @Test
  void theIndexHasSeveralSlicesAndOnlyTheSlicedOneSearchesThemApart() throws Exception {
    int leaves = sliced.withSearcher(view -> view.searcher().getIndexReader().leaves().size());
    assertThat(leaves).isGreaterThanOrEqualTo(BATCHES); // Lucene puts at most 5 small segments in one slice
    int slices = sliced.withSearcher(view -> view.searcher().getSlices().length);
    int slicesAlone = alone.withSearcher(view -> view.searcher().getSlices().length);
    assertThat(slices).isGreaterThan(1);
    assertThat(slicesAlone).isEqualTo(1);
    assertThat(sliced.sliceExecutor()).isNotNull();
    assertThat(alone.sliceExecutor()).isNull();
    SearchService service = new SearchService(sliced);
    int timedSlices = sliced.withSearcher(view -> service.timed(view.searcher()).getSlices().length);
    assertThat(timedSlices).isGreaterThan(1);
  }

  static List<SearchRequest> requests() {
    return List.of(
        SearchRequest.of("people"),
        SearchRequest.of("economy"),
        SearchRequest.of("\"the president\""),
        SearchRequest.of("president OR minister"),
        SearchRequest.of(""),
        SearchRequest.builder().query("people").sort(SearchRequest.SortOrder.DATE).build(),
        SearchRequest.builder().query("people").from(LocalDate.of(2015, 1, 1)).to(LocalDate.of(2019, 12, 31)).build(),
        SearchRequest.builder().query("people").roles(List.of("host")).build(),
        SearchRequest.builder().query("people").facets(List.of(Schema.FACET_SPEAKER)).build(),
        SearchRequest.builder().query("people").facets(List.of()).build(),
        SearchRequest.builder().query("people").size(3).build());
  }

  @ParameterizedTest
  @MethodSource("requests")
  void aSlicedSearchAnswersAsOneThreadDoes(SearchRequest request) throws Exception {
    for (int sample : new int[] {SAMPLE, FacetSample.SAMPLE_SIZE}) {
      SearchService one = new SearchService(alone).withResultsCache(0).withFacetSample(sample);
      SearchService many = new SearchService(sliced).withResultsCache(0).withFacetSample(sample);
      SearchResponse expected = one.search(request);
      SearchResponse answered = many.search(request);
      assertThat(answered).isEqualTo(expected);
      if (expected.nextCursor() != null) { // the next page too: the cursor's pass counts past a top-hits threshold
        assertThat(many.search(request.withCursor(answered.nextCursor())))
            .isEqualTo(one.search(request.withCursor(expected.nextCursor())));
      }
    }
  }

  @Test
  void theSampledPathIsExercised() throws Exception {
    SearchResponse people = new SearchService(sliced).withResultsCache(0).withFacetSample(SAMPLE)
        .search(SearchRequest.of("people"));
    assertThat(people.total()).isGreaterThan(2 * SAMPLE);
    assertThat(people.approximateFacets()).isNotEmpty();
  }

  @Test
  void filteredSearchesAnswerAsOneThreadDoes() throws Exception {
    SearchService one = new SearchService(alone).withResultsCache(0).withFacetSample(SAMPLE);
    SearchService many = new SearchService(sliced).withResultsCache(0).withFacetSample(SAMPLE);
    SearchResponse people = one.search(SearchRequest.of("people"));
    String speaker = people.facets().get(Schema.FACET_SPEAKER).get(0).value();
    String topic = people.facets().get(Schema.FACET_TOPIC).get(0).value();
    String program = people.facets().get(Schema.FACET_PROGRAM).get(0).value();
    for (SearchRequest request : List.of(
        SearchRequest.builder().query("people").speakers(List.of(speaker)).build(),
        SearchRequest.builder().query("people").topics(List.of(topic)).programs(List.of(program)).build(),
        SearchRequest.builder().query("").topics(List.of(topic)).build())) {
      SearchResponse expected = one.search(request);
      assertThat(expected.total()).isPositive();
      assertThat(many.search(request)).isEqualTo(expected);
    }
  }
}
