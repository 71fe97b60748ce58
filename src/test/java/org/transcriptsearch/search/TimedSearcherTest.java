package org.transcriptsearch.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.TopDocs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.transcriptsearch.TestIndexes;
import org.transcriptsearch.index.TranscriptIndex;

/**
 * A request's searcher stops at its deadline while it rewrites a query (fuzzy, prefix and wildcard terms expanded
 * into the terms they match), and its answers are exactly those of a plain searcher: same hits, same scores.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TimedSearcherTest {
  private static final List<String> QUERIES =
      List.of(
          "ukrane~2 OR diplomatc~1 OR goverment~2",
          "ukrain* AND ministr~1",
          "\"foreign minister\" OR lavro?",
          "(kerry OR secretery~2) AND NOT meet*");

  private TranscriptIndex index;
  private SearchService search;

  @BeforeAll
  void build(@TempDir Path dir) throws Exception {
    index = TestIndexes.build(dir, TestIndexes.SAMPLE_CORPUS);
    search = new SearchService(index);
  }

  @AfterAll
  void close() throws Exception {
    index.close();
  }

  @Test
  void hitsAndScoresAreThoseOfAPlainSearcher() throws Exception {
    for (String text : QUERIES) {
      Query query = search.textQuery(SearchRequest.of(text));
      index.withSearcher(
          view -> {
            IndexSearcher plain = new IndexSearcher(view.searcher().getIndexReader());
            IndexSearcher timed = new TimedSearcher(plain.getIndexReader(), Deadline.after(Duration.ofMinutes(1)));
            TopDocs expected = plain.search(query, 50);
            TopDocs actual = timed.search(query, 50);
            assertThat(expected.scoreDocs).as(text).isNotEmpty();
            assertThat(describe(actual)).as(text).isEqualTo(describe(expected));
            assertThat(actual.totalHits).as(text).isEqualTo(expected.totalHits);
            return null;
          });
    }
  }

  @Test
  void rewritingStopsAtTheDeadline() throws Exception {
    Query query = search.textQuery(SearchRequest.of("ukrane~2 OR diplomatc~1"));
    index.withSearcher(
        view -> {
          IndexSearcher timed = search.within(Deadline.after(Duration.ZERO)).timed(view.searcher());
          assertThatThrownBy(() -> timed.rewrite(query))
              .isInstanceOf(SearchTimeoutException.class)
              .hasMessageContaining("took longer than 0 ms");
          return null;
        });
  }

  @Test
  void aSearchStopsBetweenSegmentsOnceTheDeadlineHasPassed(@TempDir Path dir) throws Exception {
    // Two ingests, two segments; the deadline passes while the first is searched.
    try (TranscriptIndex twoSegments = TestIndexes.build(dir, TestIndexes.SAMPLE_CORPUS)) {
      TestIndexes.ingest(twoSegments, TestIndexes.FIXTURE_CORPUS);
      twoSegments.withSearcher(
          view -> {
            assertThat(view.searcher().getIndexReader().leaves()).hasSizeGreaterThan(1);
            Deadline deadline = Deadline.after(Duration.ofMinutes(1));
            IndexSearcher timed = new TimedSearcher(view.searcher().getIndexReader(), deadline);
            int[] segments = {0};
            CollectorManager<SimpleCollector, Integer> expiring =
                new CollectorManager<>() {
                  @Override
                  public SimpleCollector newCollector() {
                    return new SimpleCollector() {
                      @Override
                      protected void doSetNextReader(LeafReaderContext context) {
                        segments[0]++;
                        deadline.expire("stopped after the first segment");
                      }

                      @Override
                      public void collect(int doc) {}

                      @Override
                      public ScoreMode scoreMode() {
                        return ScoreMode.COMPLETE_NO_SCORES;
                      }
                    };
                  }

                  @Override
                  public Integer reduce(java.util.Collection<SimpleCollector> collectors) {
                    return segments[0];
                  }
                };
            assertThatThrownBy(() -> timed.search(new MatchAllDocsQuery(), expiring))
                .isInstanceOf(SearchTimeoutException.class)
                .hasMessage("stopped after the first segment");
            assertThat(segments[0]).isEqualTo(1);
            return null;
          });
    }
  }

  private static List<String> describe(TopDocs top) {
    return Arrays.stream(top.scoreDocs).map(TimedSearcherTest::describe).toList();
  }

  private static String describe(ScoreDoc doc) {
    return doc.doc + ":" + doc.score;
  }
}
