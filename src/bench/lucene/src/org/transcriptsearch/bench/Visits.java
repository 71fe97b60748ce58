package org.transcriptsearch.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.transcriptsearch.index.Schema;
import org.transcriptsearch.index.TranscriptIndex;
import org.transcriptsearch.ingest.Pipeline;
import org.transcriptsearch.search.PriorSum;
import org.transcriptsearch.search.SearchRequest;
import org.transcriptsearch.search.SearchService;

/**
 * How many hits a first page's top-hits pass scores, with the ranking's length prior added as the product adds it
 * ({@link PriorSum}) and as a Boolean SHOULD clause beside the query (the same scores), and with no prior at all: the
 * 1,000-hit threshold and a page of 10 plus one, as the service runs it. For each query: its hits, then per variant
 * the hits the pass collected and its mean time over three runs after two, and whether the page with the prior is
 * the Boolean's to the bit of every score.
 *
 * <pre>{@code visits INDEX QUERY...}</pre>
 */
final class Visits {
  private Visits() {}

  public static void main(String[] args) throws Exception {
    Sort sort = new Sort(SortField.FIELD_SCORE, new SortField(Schema.ID, SortField.Type.STRING));
    try (TranscriptIndex index = TranscriptIndex.openReadOnly(Path.of(args[0]), Pipeline.standard().schema())) {
      SearchService service = new SearchService(index);
      index.withSearcher(view -> {
        IndexSearcher searcher = view.searcher();
        System.out.println("| query | hits | scored: PriorSum | ms | scored: Boolean SHOULD | ms | scored: no prior | ms"
            + " | same page |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---|");
        for (String q : Arrays.copyOfRange(args, 1, args.length)) {
          Query query = service.query(view, SearchRequest.of(q));
          if (!(query instanceof PriorSum sum)) {
            System.out.println("| " + q + " | (no words: no prior) |");
            continue;
          }
          Query bool = new BooleanQuery.Builder().add(sum.query(), Occur.MUST).add(sum.prior(), Occur.SHOULD).build();
          long hits = searcher.count(sum.query());
          Pass prior = pass(searcher, sum, sort);
          Pass should = pass(searcher, bool, sort);
          Pass plain = pass(searcher, sum.query(), sort);
          boolean same = Arrays.equals(page(prior.top), page(should.top));
          System.out.printf(Locale.ROOT, "| `%s` | %,d | %,d | %.1f | %,d | %.1f | %,d | %.1f | %s |%n", q, hits,
              prior.top.totalHits.value(), prior.millis, should.top.totalHits.value(), should.millis,
              plain.top.totalHits.value(), plain.millis, same ? "yes" : "NO");
        }
        return null;
      });
    }
  }

  private record Pass(TopFieldDocs top, double millis) {}

  private static Pass pass(IndexSearcher searcher, Query query, Sort sort) throws java.io.IOException {
    TopFieldDocs top = null;
    long nanos = 0;
    for (int run = 0; run < 5; run++) {
      long start = System.nanoTime();
      top = searcher.search(query, new TopFieldCollectorManager(sort, 11, null, 1000));
      if (run >= 2) {
        nanos += System.nanoTime() - start;
      }
    }
    return new Pass(top, nanos / 3 / 1e6);
  }

  private static String[] page(TopFieldDocs top) {
    return Arrays.stream(top.scoreDocs)
        .map(h -> h.doc + ":" + Float.floatToIntBits((Float) ((FieldDoc) h).fields[0]))
        .toArray(String[]::new);
  }
}
