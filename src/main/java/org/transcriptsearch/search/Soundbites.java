package org.transcriptsearch.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
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

  /**
   * The first {@link #READ} live copies in index order (what a search of the key ranked them: a key has no norms and
   * one occurrence, so every copy scores the same and ties go by doc id), read straight from each segment's postings
   * and the episode ids from the spoken-order doc values: a search per hit of the page, and a stored document per
   * copy, cost a tenth of every search.
   */
  private static Copies copies(IndexSearcher searcher, String key) throws IOException {
    SearchService.checkTime(searcher); // each hit's copies are read past no deadline, as a search of them was not
    BytesRef term = new BytesRef(key);
    TreeSet<String> episodes = new TreeSet<>();
    int read = 0;
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      Terms terms = leaf.reader().terms(Schema.SOUNDBITE);
      TermsEnum te = terms == null ? null : terms.iterator();
      if (te == null || !te.seekExact(term)) {
        continue;
      }
      Bits live = leaf.reader().getLiveDocs();
      PostingsEnum docs = te.postings(null, PostingsEnum.NONE);
      SortedDocValues order = DocValues.getSorted(leaf.reader(), Schema.SPOKEN_ORDER);
      for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
        if (live != null && !live.get(doc)) {
          continue;
        }
        if (read == READ) {
          return new Copies(episodes, true);
        }
        read++;
        episodes.add(episode(leaf, order, doc));
      }
    }
    return new Copies(episodes, false);
  }

  /** The episode id of {@code doc}: its spoken order's part before the turn, else (older indexes) the stored one. */
  private static String episode(LeafReaderContext leaf, SortedDocValues order, int doc) throws IOException {
    if (order.advanceExact(doc)) {
      String spoken = order.lookupOrd(order.ordValue()).utf8ToString();
      int turn = spoken.lastIndexOf('\u0000');
      if (turn >= 0) {
        return spoken.substring(0, turn);
      }
    }
    return leaf.reader().storedFields().document(doc, EPISODE_ONLY).get(Schema.EPISODE_ID);
  }
}
