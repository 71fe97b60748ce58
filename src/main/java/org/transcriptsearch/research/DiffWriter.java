package org.transcriptsearch.research;

import com.github.difflib.patch.AbstractDelta;
import java.util.ArrayList;
import java.util.List;
import org.transcriptsearch.research.QuoteResults.DiffOp;
import org.transcriptsearch.research.Words.Word;

/**
 * Writes the diff of an {@link Alignment}: the quote's words in order against the aligned stretch of speech, as runs
 * of {@code same}, {@code changed}, {@code added} (in the quote, not said) and {@code missing} (said, not in the
 * quote). Speech outside the stretch is not part of the quote and is left out. Words appear as written.
 */
final class DiffWriter {
  private final Words quote;
  private final List<Word> said;
  private final List<String> texts;
  private final Alignment.Window window;
  private final List<Run> runs = new ArrayList<>();

  DiffWriter(Words quote, List<Word> said, List<String> texts, Alignment.Window window) {
    this.quote = quote;
    this.said = said;
    this.texts = texts;
    this.window = window;
  }

  /** A run being built: its kind, whether it is a moved clause, and the quote and speech words it covers. */
  private record Run(String op, boolean moved, List<Integer> quoteWords, List<Integer> saidWords) {}

  List<DiffOp> write(List<AbstractDelta<String>> deltas) {
    for (AbstractDelta<String> d : deltas) {
      int q = d.getSource().getPosition();
      int u = d.getTarget().getPosition();
      switch (d.getType()) {
        case EQUAL -> {
          for (int k = 0; k < d.getSource().size(); k++) {
            equal(q + k, u + k);
          }
        }
        case DELETE -> quoteOnly(q, q + d.getSource().size());
        case INSERT -> saidOnly(u, u + d.getTarget().size());
        case CHANGE -> changed(q, q + d.getSource().size(), u, u + d.getTarget().size());
      }
    }
    return runs.stream().map(this::op).toList();
  }

  private void equal(int q, int u) {
    if (window.saidMatched[u] && window.quoteMatched[q] && !window.quoteMoved[q]) {
      add("same", false, List.of(q), List.of(u));
      return;
    }
    quoteOnly(q, q + 1);
    saidOnly(u, u + 1);
  }

  private void quoteOnly(int from, int to) {
    for (int q = from; q < to; q++) {
      add("added", window.quoteMoved[q], List.of(q), List.of());
    }
  }

  private void saidOnly(int from, int to) {
    for (int u = from; u < to; u++) {
      if (inWindow(u)) {
        add("missing", window.saidMoved[u], List.of(), List.of(u));
      }
    }
  }

  /** A changed stretch: moved words go apart; the quote's other words stand for the speech's other words. */
  private void changed(int qFrom, int qTo, int uFrom, int uTo) {
    List<Integer> qs = new ArrayList<>();
    List<Integer> us = new ArrayList<>();
    for (int q = qFrom; q < qTo; q++) {
      if (window.quoteMoved[q]) {
        add("added", true, List.of(q), List.of());
      } else {
        qs.add(q);
      }
    }
    for (int u = uFrom; u < uTo; u++) {
      if (inWindow(u) && window.saidMoved[u]) {
        add("missing", true, List.of(), List.of(u));
      } else if (inWindow(u)) {
        us.add(u);
      }
    }
    if (!qs.isEmpty() && !us.isEmpty()) {
      add("changed", false, qs, us);
    } else if (!qs.isEmpty()) {
      add("added", false, qs, List.of());
    } else if (!us.isEmpty()) {
      add("missing", false, List.of(), us);
    }
  }

  private boolean inWindow(int u) {
    return u >= window.uStart && u < window.uEnd;
  }

  /** Adds words to the last run when it is of the same kind, else starts a run. */
  private void add(String op, boolean moved, List<Integer> qs, List<Integer> us) {
    Run last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
    if (last != null && last.op().equals(op) && last.moved() == moved) {
      last.quoteWords().addAll(qs);
      last.saidWords().addAll(us);
    } else {
      runs.add(new Run(op, moved, new ArrayList<>(qs), new ArrayList<>(us)));
    }
  }

  private DiffOp op(Run run) {
    return new DiffOp(run.op(), quoteText(run.quoteWords()), saidText(run.saidWords()), run.moved());
  }

  private String quoteText(List<Integer> indices) {
    if (indices.isEmpty()) {
      return null;
    }
    List<Word> words = indices.stream().map(i -> quote.words().get(i)).toList();
    return text(List.of(quote.text()), words, indices);
  }

  private String saidText(List<Integer> indices) {
    if (indices.isEmpty()) {
      return null;
    }
    return text(texts, indices.stream().map(said::get).toList(), indices);
  }

  /** The words as written: the text between the first and last when they are consecutive in one text. */
  private static String text(List<String> sources, List<Word> words, List<Integer> indices) {
    boolean consecutive = indices.get(indices.size() - 1) - indices.get(0) == indices.size() - 1;
    Word first = words.get(0);
    Word last = words.get(words.size() - 1);
    if (consecutive && first.part() == last.part()) {
      return sources.get(first.part()).substring(first.start(), last.end());
    }
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < words.size(); i++) {
      Word w = words.get(i);
      if (i > 0) {
        s.append(w.part() != words.get(i - 1).part() ? " … " : " ");
      }
      s.append(sources.get(w.part()), w.start(), w.end());
    }
    return s.toString();
  }
}
