package org.transcriptsearch.research;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.transcriptsearch.index.Schema;
import org.transcriptsearch.research.QuoteSource.Turn;

/** The turns of one searcher's snapshot as a quote check reads them, each read once. Not thread-safe. */
final class Turns {
  private final IndexSearcher searcher;
  private final Map<String, Turn> byEpisodeTurn = new HashMap<>();

  Turns(IndexSearcher searcher) {
    this.searcher = searcher;
  }

  /** The turn stored in document {@code docId}. */
  Turn of(int docId) throws IOException {
    Turn turn = Turn.of(docId, searcher.storedFields().document(docId));
    byEpisodeTurn.putIfAbsent(turn.episodeId() + "#" + turn.turn(), turn);
    return turn;
  }

  /** Turn {@code number} of transcript {@code episodeId}, or null. */
  Turn find(String episodeId, int number) throws IOException {
    if (number < 1) {
      return null;
    }
    Turn known = byEpisodeTurn.get(episodeId + "#" + number);
    if (known != null) {
      return known;
    }
    Query query =
        new BooleanQuery.Builder()
            .add(new TermQuery(new Term(Schema.EPISODE_ID, episodeId)), Occur.FILTER)
            .add(IntPoint.newExactQuery(Schema.TURN, number), Occur.FILTER)
            .build();
    ScoreDoc[] found = searcher.search(query, 1).scoreDocs;
    return found.length == 0 ? null : of(found[0].doc);
  }
}
