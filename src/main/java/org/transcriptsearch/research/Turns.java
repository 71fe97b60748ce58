package org.transcriptsearch.research;

import java.io.IOException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.transcriptsearch.index.Schema;

/** The turns of one searcher's snapshot as a quote check reads them: text, speaker, neighbours. Not thread-safe. */
final class Turns {
  /** A turn: its document, utterance id, transcript, number, speaker key, text and air date. */
  record Turn(int docId, String id, String episodeId, int turn, String speakerKey, String text, LocalDate date) {}

  private final IndexSearcher searcher;
  private final Map<String, Turn> byEpisodeTurn = new HashMap<>();

  Turns(IndexSearcher searcher) {
    this.searcher = searcher;
  }

  /** The turn stored in document {@code docId}. */
  Turn of(int docId) throws IOException {
    Document doc = searcher.storedFields().document(docId);
    Turn turn = turn(docId, doc);
    byEpisodeTurn.putIfAbsent(turn.episodeId() + "#" + turn.turn(), turn);
    return turn;
  }

  /**
   * The same speaker's neighbouring turn in {@code direction} (+1 next, -1 previous): the adjacent turn when it is
   * theirs, else the one past a single turn of someone else's (an interjection); null when neither is theirs.
   */
  Turn sameSpeaker(Turn from, int direction) throws IOException {
    for (int step = 1; step <= 2; step++) {
      Turn other = find(from.episodeId(), from.turn() + step * direction);
      if (other != null && other.speakerKey().equals(from.speakerKey())) {
        return other;
      }
    }
    return null;
  }

  private Turn find(String episodeId, int number) throws IOException {
    if (number < 1) {
      return null;
    }
    String key = episodeId + "#" + number;
    Turn known = byEpisodeTurn.get(key);
    if (known != null) {
      return known;
    }
    Query query =
        new BooleanQuery.Builder()
            .add(new TermQuery(new Term(Schema.EPISODE_ID, episodeId)), Occur.FILTER)
            .add(IntPoint.newExactQuery(Schema.TURN, number), Occur.FILTER)
            .build();
    ScoreDoc[] found = searcher.search(query, 1).scoreDocs;
    if (found.length == 0) {
      return null;
    }
    return of(found[0].doc);
  }

  private static Turn turn(int docId, Document doc) {
    IndexableField date = doc.getField(Schema.DATE);
    return new Turn(
        docId,
        doc.get(Schema.ID),
        doc.get(Schema.EPISODE_ID),
        doc.getField(Schema.TURN).numericValue().intValue(),
        doc.get(Schema.SPEAKER_KEY),
        doc.get(Schema.TEXT),
        date == null ? null : LocalDate.ofEpochDay(date.numericValue().longValue()));
  }
}
