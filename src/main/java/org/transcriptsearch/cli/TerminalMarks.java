package org.transcriptsearch.cli;

import org.transcriptsearch.search.Results.Highlight;
import org.transcriptsearch.search.Results.Match;

/** Renders a highlight for a terminal: matches in bold on a terminal, in [brackets] when piped. */
final class TerminalMarks {
  private static final boolean ANSI = Boolean.getBoolean("transcript.search.tty");

  private TerminalMarks() {}

  static String render(String text, Highlight highlight) {
    StringBuilder out = new StringBuilder();
    int pos = highlight.start();
    if (pos > 0) {
      out.append("...");
    }
    for (Match m : highlight.matches()) {
      out.append(text, pos, m.start()).append(ANSI ? "\u001b[1m" : "[");
      out.append(text, m.start(), m.end()).append(ANSI ? "\u001b[0m" : "]");
      pos = m.end();
    }
    out.append(text, pos, highlight.end());
    if (highlight.end() < text.length()) {
      out.append("...");
    }
    return out.toString().strip().replaceAll("\\s*\\n\\s*", " / ");
  }
}
