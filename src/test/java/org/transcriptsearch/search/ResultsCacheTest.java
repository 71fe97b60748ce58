package org.transcriptsearch.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transcriptsearch.TestIndexes;
import org.transcriptsearch.generate.CorpusGenerator;
import org.transcriptsearch.generate.JsonlWriter;
import org.transcriptsearch.index.TranscriptIndex;
import org.transcriptsearch.search.Results.SearchResponse;

/** The results cache over a real index: repeats answered from it, a refresh drops it, a cache of 0 keeps nothing. */
class ResultsCacheTest {
  @TempDir static Path dir;
  static TranscriptIndex index;
  static CorpusGenerator generator = new CorpusGenerator(7);

  @BeforeAll
  static void indexSome() throws Exception {
    index = TranscriptIndex.openWritable(dir.resolve("index"), TestIndexes.PIPELINE.schema());
    TestIndexes.ingest(index, corpus("first", 0, 40));
  }

  @AfterAll
  static void close() throws Exception {
    index.close();
  }

  private static Path corpus(String name, int from, int to) throws Exception {
    Path out = dir.resolve(name);
    Files.createDirectories(out);
    try (JsonlWriter writer = new JsonlWriter(out)) {
      for (int i = from; i < to; i++) {
        writer.write(i, generator.transcript(i));
      }
    }
    return out.resolve(JsonlWriter.FILE_NAME);
  }

  @Test
  void aRepeatedSearchIsAnsweredFromTheCacheUntilTheIndexChanges() throws Exception {
    SearchService search = new SearchService(index);
    SearchRequest request = SearchRequest.of("people");
    SearchResponse first = search.search(request);
    assertThat(first.total()).isPositive();
    assertThat(search.within(Deadline.after(java.time.Duration.ofSeconds(5))).search(request)).isSameAs(first);
    assertThat(search.search(SearchRequest.of("people").withCursor(first.nextCursor()))).isNotSameAs(first);

    TestIndexes.ingest(index, corpus("second", 40, 60));
    SearchResponse after = search.search(request);
    assertThat(after).isNotSameAs(first);
    assertThat(after.total()).isGreaterThan(first.total());
    assertThat(search.search(request)).isSameAs(after);
    assertThat(search.resultsCache()).isEqualTo(new Results.CacheStats(512, 2, 3, 1, 2));
  }

  @Test
  void aCacheOfNoEntriesSearchesEveryTime() throws Exception {
    SearchService search = new SearchService(index).withResultsCache(0);
    SearchRequest request = SearchRequest.of("people");
    SearchResponse first = search.search(request);
    SearchResponse second = search.search(request);
    assertThat(second).isNotSameAs(first).isEqualTo(first);
    assertThat(search.resultsCache()).isEqualTo(new Results.CacheStats(0, 0, 0));
  }

  @Test
  void aNegativeSizeIsRefused() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new SearchService(index).withResultsCache(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a results cache keeps 0 answers or more, not -1");
  }
}
