package org.transcriptsearch.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.transcriptsearch.index.Schema;
import org.transcriptsearch.search.Results.AlsoIn;
import org.transcriptsearch.search.Results.Hit;

/**
 * Soundbites aired in several stories: a hit whose words other transcripts also have says so (in how many, and
 * which), and its copies further down the same page are folded into it instead of filling the page.
 */
final class Soundbites {
  /** Copies of one soundbite read to count its stories; past this the count is a lower bound. */
  static final int READ = 200;

  /** Stories listed by id. */
  static final int LISTED = 10;

  private static final Set<String> EPISODE_ONLY = Set.of(Schema.EPISODE_ID);

  private Soundbites() {}

  /** A page of hits with copies folded, and how many were. */
  record Page(List<Hit> hits, int collapsed) {}

  /** {@code hits} (of {@code docs}, in rank order) with where else each aired, copies after the first folded. */
  static Page fold(IndexSearcher searcher, List<Document> docs, List<Hit> hits) throws IOException {
    return fold(docs, hits, key -> copies(searcher, key));
  }

  /** The stories that aired one soundbite: up to {@link #READ} of them by id, and whether there are more. */
  record Copies(java.util.SortedSet<String> episodes, boolean atLeast) {}

  /** Finds the copies of a soundbite in a store. */
  interface CopyFinder {
    /** The stories that aired the soundbite of {@code key}. */
    Copies find(String key) throws IOException;
  }

  /** As {@link #fold(IndexSearcher, List, List)}, the copies found by {@code finder} in whichever store holds them. */
  static Page fold(List<Document> docs, List<Hit> hits, CopyFinder finder) throws IOException {
    Map<String, Integer> firstOnPage = new HashMap<>();
    List<Hit> out = new ArrayList<>(hits.size());
    List<List<String>> folded = new ArrayList<>();
    int collapsed = 0;
    for (int i = 0; i < hits.size(); i++) {
      String key = docs.get(i).get(Schema.SOUNDBITE);
      Integer first = key == null ? null : firstOnPage.get(key);
      if (first != null) {
        folded.get(first).add(hits.get(i).id());
        collapsed++;
        continue;
      }
      if (key != null) {
        firstOnPage.put(key, out.size());
      }
      out.add(hits.get(i));
      folded.add(new ArrayList<>());
    }
    for (Map.Entry<String, Integer> entry : firstOnPage.entrySet()) {
      int at = entry.getValue();
      AlsoIn also = alsoIn(finder.find(entry.getKey()), out.get(at).episode().id(), folded.get(at));
      if (also != null) {
        out.set(at, out.get(at).withAlsoIn(also));
      }
    }
    return new Page(List.copyOf(out), collapsed);
  }

  /** The other transcripts that aired {@code key}; null when none did and no copy was folded. */
  private static AlsoIn alsoIn(Copies copies, String ownEpisode, List<String> folded) {
    TreeSet<String> episodes = new TreeSet<>(copies.episodes());
    episodes.remove(ownEpisode);
    if (episodes.isEmpty() && folded.isEmpty()) {
      return null;
    }
    return new AlsoIn(
        episodes.size(), copies.atLeast(), episodes.stream().limit(LISTED).toList(), List.copyOf(folded));
  }

  private static Copies copies(IndexSearcher searcher, String key) throws IOException {
    TopDocs copies = searcher.search(new TermQuery(new Term(Schema.SOUNDBITE, key)), READ);
    StoredFields fields = searcher.storedFields();
    TreeSet<String> episodes = new TreeSet<>();
    for (ScoreDoc copy : copies.scoreDocs) {
      episodes.add(fields.document(copy.doc, EPISODE_ONLY).get(Schema.EPISODE_ID));
    }
    return new Copies(episodes, copies.totalHits.value() > copies.scoreDocs.length);
  }
}
