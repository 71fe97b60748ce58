package org.transcriptsearch.research;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.DeltaType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.transcriptsearch.research.QuoteResults.DiffOp;
import org.transcriptsearch.research.Words.Word;

/**
 * A pasted quote aligned with what was said: the stretch of speech that matches it best, a similarity in [0, 1]
 * and the word-level diff between the two.
 *
 * <p>The word sequences are aligned by java-diff-utils (Myers). The similarity is a Dice coefficient over the
 * aligned stretch, each word weighted by how rare it is in the index (its idf): twice the weight of the quote's words
 * that were said, in order, over the weight of the quote plus that of the stretch of speech. So "must" for "should"
 * costs little, a changed name costs much, words said around the quote cost nothing, and scattered common words
 * ("the", "of") from an unrelated turn add up to almost nothing. A clause said in another order (a run of three
 * words or more found nearby) counts as said, and shows as moved in the diff.
 *
 * @param similarity the weighted Dice coefficient, rounded to three decimals
 * @param matchedWords how many of the quote's words were said as aligned
 * @param parts the parts of the speech (turns, in order) in which aligned words lie
 * @param saidKey the analysed words of the aligned stretch: equal for the same words said in two transcripts
 * @param diff the quote against the aligned stretch, in order
 */
record Alignment(double similarity, int matchedWords, List<Integer> parts, String saidKey, List<DiffOp> diff) {
  /** The shortest clause that counts as moved rather than missing when found elsewhere nearby. */
  static final int MIN_MOVED = 3;

  /** How far from the aligned stretch, in words, a moved clause may be found. */
  static final int MOVE_REACH = 12;

  /** Equal runs at most this many words apart always belong to one aligned stretch. */
  static final int NEAR = 3;

  static final Alignment NONE = new Alignment(0, 0, List.of(), "", List.of());

  /**
   * Aligns {@code quote} with {@code said}, whose words come from {@code texts} (by part); {@code weight} gives each
   * analysed term its weight.
   */
  static Alignment of(Words quote, List<Word> allSaid, List<String> texts, ToDoubleFunction<String> weight) {
    if (quote.size() == 0 || allSaid.isEmpty()) {
      return NONE;
    }
    double[] qw = quote.terms().stream().mapToDouble(weight).toArray();
    Attempt first = Attempt.of(quote.terms(), around(quote.terms(), allSaid, weight), qw, weight);
    if (first == null) {
      return NONE;
    }
    // Myers may pair a quote's first or last word with the same word said a little further off; aligning once more
    // with just the stretch the quote covers pairs it with the one next to the rest.
    Attempt tight = first.tightened(quote.terms(), qw, weight);
    Attempt best = tight != null && tight.score() > first.score() ? tight : first;
    return best.alignment(quote, texts);
  }

  /**
   * The most any alignment of {@code quote} with {@code said} could score: as if every quote word said anywhere
   * were aligned and nothing else said. A candidate below the bar is skipped without running a diff.
   */
  static double upperBound(List<String> quote, List<Word> said, ToDoubleFunction<String> weight) {
    java.util.Set<String> spoken = new java.util.HashSet<>();
    said.forEach(w -> spoken.add(w.term()));
    double total = 0;
    double matched = 0;
    for (String term : quote) {
      double w = weight.applyAsDouble(term);
      total += w;
      matched += spoken.contains(term) ? w : 0;
    }
    return total == 0 ? 0 : 2 * matched / (total + matched);
  }

  /** One alignment of the quote's terms with a stretch of speech. */
  private record Attempt(List<Word> said, List<AbstractDelta<String>> deltas, Window window, double score) {
    static Attempt of(List<String> q, List<Word> said, double[] qw, ToDoubleFunction<String> weight) {
      List<String> u = said.stream().map(Word::term).toList();
      List<AbstractDelta<String>> deltas = DiffUtils.diff(q, u, true).getDeltas();
      double[] uw = u.stream().mapToDouble(weight).toArray();
      Window window = Window.best(deltas, qw, uw, u);
      if (window == null) {
        return null;
      }
      window = window.withMoves(deltas, q, u, qw, uw);
      return new Attempt(said, deltas, window, window.similarity(qw, uw));
    }

    /** Aligned again over the window widened by the quote's unmatched words at either end, if that differs. */
    Attempt tightened(List<String> q, double[] qw, ToDoubleFunction<String> weight) {
      int firstMatched = 0;
      while (firstMatched < q.size() && !window.quoteMatched[firstMatched]) {
        firstMatched++;
      }
      int lastMatched = q.size() - 1;
      while (lastMatched > 0 && !window.quoteMatched[lastMatched]) {
        lastMatched--;
      }
      int from = Math.max(0, window.uStart - firstMatched);
      int to = Math.min(said.size(), window.uEnd + (q.size() - 1 - lastMatched));
      if (from == 0 && to == said.size()) {
        return null;
      }
      return of(q, said.subList(from, to), qw, weight);
    }

    Alignment alignment(Words quote, List<String> texts) {
      List<DiffOp> diff = new DiffWriter(quote, said, texts, window).write(deltas);
      List<Integer> parts = new ArrayList<>();
      for (int i = window.uStart; i < window.uEnd; i++) {
        if (window.saidMatched[i] && !parts.contains(said.get(i).part())) {
          parts.add(said.get(i).part());
        }
      }
      Collections.sort(parts);
      String key =
          String.join(" ", said.subList(window.uStart, window.uEnd).stream().map(Word::term).toList());
      return new Alignment(round(score), window.matchedCount(), parts, key, diff);
    }
  }

  /**
   * The stretch of a long turn where the quote's words are densest, with room on either side for words added or a
   * clause moved. An alignment over the whole turn could pair a quote's common words ("the", "as") with their
   * occurrences far away and break up a run that was said word for word; aligning only here cannot.
   */
  static List<Word> around(List<String> quote, List<Word> said, ToDoubleFunction<String> weight) {
    int n = quote.size();
    int length = n + n / 2 + 1;
    if (said.size() <= length + n) {
      return said;
    }
    java.util.Set<String> wanted = new java.util.HashSet<>(quote);
    java.util.Map<String, Integer> inWindow = new java.util.HashMap<>();
    double current = 0;
    double best = -1;
    int bestStart = 0;
    for (int i = 0; i < said.size(); i++) {
      String added = said.get(i).term();
      if (wanted.contains(added) && inWindow.merge(added, 1, Integer::sum) == 1) {
        current += weight.applyAsDouble(added);
      }
      if (i >= length) {
        String dropped = said.get(i - length).term();
        if (wanted.contains(dropped) && inWindow.merge(dropped, -1, Integer::sum) == 0) {
          current -= weight.applyAsDouble(dropped);
        }
      }
      int start = Math.max(0, i - length + 1);
      if (current > best + 1e-9) {
        best = current;
        bestStart = start;
      }
    }
    int from = Math.max(0, bestStart - n / 2 - 1);
    int to = Math.min(said.size(), bestStart + length + n / 2 + 1);
    return said.subList(from, to);
  }

  private static double round(double value) {
    return Math.round(Math.min(1, Math.max(0, value)) * 1000) / 1000.0;
  }

  /**
   * The aligned stretch: speech words {@code uStart..uEnd} (exclusive), with which quote and speech words are
   * matched (equal in order, or moved).
   */
  static final class Window {
    final int uStart;
    final int uEnd;
    final boolean[] quoteMatched;
    final boolean[] saidMatched;
    final boolean[] quoteMoved;
    final boolean[] saidMoved;

    private Window(int uStart, int uEnd, boolean[] qm, boolean[] um, boolean[] qmv, boolean[] umv) {
      this.uStart = uStart;
      this.uEnd = uEnd;
      this.quoteMatched = qm;
      this.saidMatched = um;
      this.quoteMoved = qmv;
      this.saidMoved = umv;
    }

    /** The run of equal blocks, first to last, whose stretch scores best; null when nothing is equal. */
    static Window best(List<AbstractDelta<String>> deltas, double[] qw, double[] uw, List<String> u) {
      List<AbstractDelta<String>> equal =
          deltas.stream().filter(d -> d.getType() == DeltaType.EQUAL).toList();
      if (equal.isEmpty()) {
        return null;
      }
      double quoteWeight = sum(qw, 0, qw.length);
      double[] saidPrefix = new double[uw.length + 1];
      for (int k = 0; k < uw.length; k++) {
        saidPrefix[k + 1] = saidPrefix[k] + uw[k];
      }
      double bestScore = -1;
      int bestI = 0;
      int bestJ = 0;
      for (int i = 0; i < equal.size(); i++) {
        double matched = 0;
        for (int j = i; j < equal.size(); j++) {
          var source = equal.get(j).getSource();
          matched += sum(qw, source.getPosition(), source.getPosition() + source.size());
          int from = equal.get(i).getTarget().getPosition();
          int to = equal.get(j).getTarget().getPosition() + equal.get(j).getTarget().size();
          double score = 2 * matched / (quoteWeight + saidPrefix[to] - saidPrefix[from]);
          if (score > bestScore) {
            bestScore = score;
            bestI = i;
            bestJ = j;
          }
        }
      }
      // Quote words said a word or three away are part of the quote, even when the words between cost more than they
      // bring: a diff that showed them as not said would misreport what was said.
      while (bestI > 0 && near(equal.get(bestI - 1), equal.get(bestI), true, u)) {
        bestI--;
      }
      while (bestJ + 1 < equal.size() && near(equal.get(bestJ), equal.get(bestJ + 1), false, u)) {
        bestJ++;
      }
      boolean[] qm = new boolean[qw.length];
      boolean[] um = new boolean[uw.length];
      for (int k = bestI; k <= bestJ; k++) {
        var d = equal.get(k);
        mark(qm, d.getSource().getPosition(), d.getSource().size());
        mark(um, d.getTarget().getPosition(), d.getTarget().size());
      }
      int from = equal.get(bestI).getTarget().getPosition();
      int to = equal.get(bestJ).getTarget().getPosition() + equal.get(bestJ).getTarget().size();
      return new Window(from, to, qm, um, new boolean[qw.length], new boolean[uw.length]);
    }

    /**
     * Whether two equal blocks, in order, have at most {@link #NEAR} words between them on either side, and the
     * outer block's edge word is not said again between them (then the quote's word belongs with that nearer one,
     * which a tightened alignment finds).
     */
    private static boolean near(
        AbstractDelta<String> before, AbstractDelta<String> after, boolean outerIsBefore, List<String> u) {
      int quoteGap = after.getSource().getPosition() - (before.getSource().getPosition() + before.getSource().size());
      int saidFrom = before.getTarget().getPosition() + before.getTarget().size();
      int saidGap = after.getTarget().getPosition() - saidFrom;
      if (quoteGap > NEAR || saidGap > NEAR) {
        return false;
      }
      List<String> outer = outerIsBefore ? before.getTarget().getLines() : after.getTarget().getLines();
      String edge = outerIsBefore ? outer.get(outer.size() - 1) : outer.get(0);
      return !u.subList(saidFrom, after.getTarget().getPosition()).contains(edge);
    }

    /**
     * This window with each unmatched clause of the quote (three words or more) that was said nearby, in another
     * place, counted as said: a reordered quote is the same quote. A move is kept only when it raises the score.
     */
    Window withMoves(List<AbstractDelta<String>> deltas, List<String> q, List<String> u, double[] qw, double[] uw) {
      Window current = this;
      for (AbstractDelta<String> d : deltas) {
        if (d.getType() != DeltaType.DELETE && d.getType() != DeltaType.CHANGE) {
          continue;
        }
        int qFrom = d.getSource().getPosition();
        int qTo = qFrom + d.getSource().size();
        if (qTo - qFrom < MIN_MOVED) {
          continue;
        }
        Window moved = current.moved(q.subList(qFrom, qTo), qFrom, u);
        if (moved != null && moved.similarity(qw, uw) > current.similarity(qw, uw)) {
          current = moved;
        }
      }
      return current;
    }

    private Window moved(List<String> clause, int qFrom, List<String> u) {
      int lo = Math.max(0, uStart - clause.size() - MOVE_REACH);
      int hi = Math.min(u.size(), uEnd + clause.size() + MOVE_REACH);
      int found = Collections.indexOfSubList(u.subList(lo, hi), clause);
      if (found < 0) {
        return null;
      }
      int at = lo + found;
      for (int i = at; i < at + clause.size(); i++) {
        if (saidMatched[i]) {
          return null;
        }
      }
      boolean[] qm = quoteMatched.clone();
      boolean[] um = saidMatched.clone();
      boolean[] qmv = quoteMoved.clone();
      boolean[] umv = saidMoved.clone();
      mark(qm, qFrom, clause.size());
      mark(qmv, qFrom, clause.size());
      mark(um, at, clause.size());
      mark(umv, at, clause.size());
      return new Window(Math.min(uStart, at), Math.max(uEnd, at + clause.size()), qm, um, qmv, umv);
    }

    double similarity(double[] qw, double[] uw) {
      double matched = 0;
      for (int i = 0; i < qw.length; i++) {
        matched += quoteMatched[i] ? qw[i] : 0;
      }
      return 2 * matched / (sum(qw, 0, qw.length) + sum(uw, uStart, uEnd));
    }

    int matchedCount() {
      int count = 0;
      for (boolean m : quoteMatched) {
        count += m ? 1 : 0;
      }
      return count;
    }

    private static void mark(boolean[] marks, int from, int size) {
      for (int i = from; i < from + size; i++) {
        marks[i] = true;
      }
    }

    private static double sum(double[] values, int from, int to) {
      double total = 0;
      for (int i = from; i < to; i++) {
        total += values[i];
      }
      return total;
    }
  }
}
