package org.transcriptsearch.search;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;

/**
 * Lucene's passage scorer (BM25 over the passage, its defaults), scoring a passage without a hash table of its own.
 *
 * <p>{@link PassageScorer#score} groups a passage's matches by term in a new {@code BytesRefHash}, whose first term
 * takes a 32 KB block: one per passage with a match, for every hit of every page. Under load that was 14% of all the
 * server's allocation (a Flight Recorder profile of the benchmark's realistic mix, src/bench/FINDINGS.md). A passage
 * has a few distinct terms, so this finds each match's term among those already seen, in the order first seen, and
 * sums the same float terms in the same order: the scores are the same to the bit ({@code PassageScoresTest}). A
 * passage of more than {@value #LINEAR_LIMIT} matches is scored by Lucene's own method.
 */
final class PassageScores extends PassageScorer {
  /** Matches beyond which grouping by a scan would cost more than the hash table. */
  static final int LINEAR_LIMIT = 128;

  @Override
  public float score(Passage passage, int contentLength) {
    int matches = passage.getNumMatches();
    if (matches > LINEAR_LIMIT) {
      return super.score(passage, contentLength);
    }
    BytesRef[] terms = passage.getMatchTerms();
    int[] freqsInDoc = passage.getMatchTermFreqsInDoc();
    int[] firstMatch = new int[matches]; // per distinct term, in the order first seen: its first match
    int[] inPassage = new int[matches];
    int distinct = 0;
    for (int i = 0; i < matches; i++) {
      int t = 0;
      while (t < distinct && !terms[firstMatch[t]].bytesEquals(terms[i])) {
        t++;
      }
      if (t == distinct) {
        firstMatch[distinct++] = i;
      }
      inPassage[t]++;
    }
    double score = 0d;
    for (int t = 0; t < distinct; t++) {
      score += tf(inPassage[t], passage.getLength()) * weight(contentLength, freqsInDoc[firstMatch[t]]);
    }
    score *= norm(passage.getStartOffset());
    return (float) score;
  }
}
