package org.transcriptsearch.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.TotalHits;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transcriptsearch.TestIndexes;
import org.transcriptsearch.index.Schema;
import org.transcriptsearch.index.TranscriptIndex;

/**
 * The length prior added around a search's query ({@link PriorSum}), on a real index of a generated corpus: the page a
 * top-hits pass finds with it (which may skip) is the page, to the bit of every score, that the Boolean query of the
 * same two clauses ranks when every hit is scored; and a disjunction's pass no longer scores every hit.
 */
class PriorSumTest {
  static final int TRANSCRIPTS = 1200;

  @TempDir static Path dir;
  static TranscriptIndex index;
  static SearchService search;

  @BeforeAll
  static void indexGeneratedCorpus() throws Exception {
    index = TestIndexes.generated(dir, TRANSCRIPTS);
    search = new SearchService(index);
  }

  @AfterAll
  static void close() throws Exception {
    index.close();
  }

  @Test
  void theTopHitsAreTheBooleanQuerysToTheBitOfEveryScore() throws Exception {
    String program = search.search(SearchRequest.of("people")).facets().get(Schema.FACET_PROGRAM).get(0).value();
    List<SearchRequest> requests = List.of(
        SearchRequest.of("people"),
        SearchRequest.of("people OR time OR president"),
        SearchRequest.of("people time"),
        SearchRequest.of("\"the people\""),
        SearchRequest.of("peop*"),
        SearchRequest.builder().query("people OR time").programs(List.of(program)).build(),
        SearchRequest.builder().query("people OR time").from(LocalDate.of(2000, 1, 1)).to(LocalDate.of(2014, 12, 31))
            .build());
    index.withSearcher(view -> {
      IndexSearcher searcher = view.searcher();
      for (SearchRequest request : requests) {
        Query query = search.query(view, request);
        assertThat(query).as(request.query()).isInstanceOf(PriorSum.class);
        PriorSum sum = (PriorSum) query;
        Query bool = new BooleanQuery.Builder().add(sum.query(), Occur.MUST).add(sum.prior(), Occur.SHOULD).build();
        for (int size : new int[] {11, 101}) {
          Sort sort = SearchService.sort(SearchRequest.SortOrder.RELEVANCE);
          TopFieldDocs every = searcher.search(bool, new TopFieldCollectorManager(sort, size, null, Integer.MAX_VALUE));
          TopFieldDocs skipping =
              searcher.search(query, new TopFieldCollectorManager(sort, size, null, SearchService.TOTAL_HITS_THRESHOLD));
          String what = request.query() + " " + request.programs() + " " + request.from() + ", top " + size;
          assertThat(every.totalHits.value()).as(what).isGreaterThan(size);
          assertThat(page(skipping.scoreDocs)).as(what).containsExactlyElementsOf(page(every.scoreDocs));
          // explain gives the score the hit was ranked by
          FieldDoc first = (FieldDoc) skipping.scoreDocs[0];
          List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
          LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(first.doc, leaves));
          Explanation explanation =
              searcher.createWeight(searcher.rewrite(query), org.apache.lucene.search.ScoreMode.COMPLETE, 1f)
                  .explain(leaf, first.doc - leaf.docBase);
          assertThat(explanation.getValue().floatValue()).as(what).isEqualTo((Float) first.fields[0]);
        }
      }
      return null;
    });
  }

  @Test
  void aDisjunctionsTopHitsPassSkipsMostOfItsHits() throws Exception {
    index.withSearcher(view -> {
      IndexSearcher searcher = view.searcher();
      Query query = search.query(view, SearchRequest.of("people OR time OR president OR think"));
      Sort sort = SearchService.sort(SearchRequest.SortOrder.RELEVANCE);
      long hits = searcher.count(query);
      TopFieldDocs top = searcher.search(query, new TopFieldCollectorManager(sort, 11, null, 1000));
      assertThat(hits).isGreaterThan(10_000);
      assertThat(top.totalHits.relation()).isEqualTo(TotalHits.Relation.GREATER_THAN_OR_EQUAL_TO);
      // scored to find the page: a few thousand of them, not every one
      assertThat(top.totalHits.value()).as("scored of %d", hits).isLessThan(hits / 4);
      return null;
    });
  }

  @Test
  void aQueryScoreBelowTheMinimumCannotReachTheMinimumWithAnyPrior() {
    Random random = new Random(7);
    for (int i = 0; i < 200_000; i++) {
      float priorMax = random.nextFloat() * 3;
      float minScore = priorMax + random.nextFloat() * (random.nextBoolean() ? 1e-3f : 40f);
      float floor = PriorSum.queryMinimum(minScore, priorMax);
      float below = Math.nextDown(floor);
      if (below <= 0) {
        continue;
      }
      for (float prior : new float[] {priorMax, Math.nextDown(priorMax), priorMax * random.nextFloat(), 0f}) {
        assertThat(below + prior).as(below + " + " + prior + " against " + minScore).isLessThan(minScore);
      }
    }
  }

  private static List<String> page(ScoreDoc[] hits) {
    return java.util.Arrays.stream(hits)
        .map(h -> h.doc + ":" + Integer.toHexString(Float.floatToIntBits((Float) ((FieldDoc) h).fields[0])))
        .toList();
  }
}
