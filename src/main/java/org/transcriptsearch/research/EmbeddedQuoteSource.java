package org.transcriptsearch.research;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.transcriptsearch.index.Schema;
import org.transcriptsearch.index.TranscriptIndex;
import org.transcriptsearch.search.Results.Hit;
import org.transcriptsearch.search.SearchRequest;
import org.transcriptsearch.search.SearchService;

/** The embedded index as where a quote check reads: one snapshot per check, within the service's time limit. */
final class EmbeddedQuoteSource implements QuoteSource {
  private final SearchService search;

  EmbeddedQuoteSource(SearchService search) {
    this.search = search;
  }

  @Override
  public Schema schema() {
    return search.schema();
  }

  @Override
  public <T> T read(SearchRequest filters, Check<T> check) throws IOException {
    return search.withView(view -> check.run(new ViewReads(view, filters)));
  }

  private final class ViewReads implements Reads {
    private final TranscriptIndex.View view;
    private final SearchRequest filters;
    private final IndexSearcher searcher;
    private final Turns turns;

    ViewReads(TranscriptIndex.View view, SearchRequest filters) {
      this.view = view;
      this.filters = filters;
      this.searcher = search.timed(view.searcher());
      this.turns = new Turns(searcher);
    }

    @Override
    public List<Found> candidates(QuoteQuery query, int n) throws IOException {
      if (view.facets() == null) {
        return List.of(); // an empty index
      }
      Query filtered =
          new BooleanQuery.Builder()
              .add(query.lucene(), Occur.MUST)
              .add(search.query(view, filters), Occur.FILTER)
              .build();
      // Ranked as a search ranks: equal scores by id, so every backend keeps the same candidates.
      ScoreDoc[] top =
          searcher.search(filtered, n, SearchService.order(SearchRequest.SortOrder.RELEVANCE), true).scoreDocs;
      SearchService.checkTime(searcher);
      List<Found> found = new ArrayList<>(top.length);
      for (ScoreDoc sd : top) {
        found.add(new Found(turns.of(sd.doc), sd.score));
      }
      return found;
    }

    @Override
    public Turn turn(String episodeId, int number) throws IOException {
      return turns.find(episodeId, number);
    }

    @Override
    public ToDoubleFunction<String> weights(Set<String> terms) {
      IndexReader reader = searcher.getIndexReader();
      Map<String, Double> cache = new HashMap<>();
      return term -> cache.computeIfAbsent(term, t -> idf(reader, t));
    }

    @Override
    public List<Hit> hits(List<Found> shown, Query marks) throws IOException {
      SearchService.checkTime(searcher);
      ScoreDoc[] docs = shown.stream().map(f -> new ScoreDoc(f.turn().ref(), f.score())).toArray(ScoreDoc[]::new);
      return search.hits(searcher, marks, docs, SearchRequest.of(""));
    }
  }

  /** Lucene's BM25 idf: a word in every turn weighs almost nothing, a word in none weighs the most. */
  private static double idf(IndexReader reader, String term) {
    try {
      return QuoteChecker.idf(reader.numDocs(), reader.docFreq(new Term(Schema.TEXT, term)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
