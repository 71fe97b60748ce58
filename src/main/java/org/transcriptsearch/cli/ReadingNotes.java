package org.transcriptsearch.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.stream.Collectors;
import org.transcriptsearch.search.Results.Alternative;
import org.transcriptsearch.search.Results.SearchResponse;

/** What the command line says about how a query was read, and what to try when it found nothing. */
final class ReadingNotes {
  private ReadingNotes() {}

  /** The reading under the hit count: the speaker a question names, variants, partial matches. */
  static void print(SearchResponse response, PrintWriter out) {
    if (response.interpreted() != null) {
      out.printf(
          "Read as: what %s said about %s (their own turns first; --literal for %d %s of the words)%n",
          response.interpreted().speaker(),
          String.join(" ", response.interpreted().words()),
          response.interpreted().literal().hits(),
          response.interpreted().literal().hits() == 1 ? "utterance" : "utterances");
    }
    if (response.query() != null && !response.query().expansions().isEmpty()) {
      out.println(
          "Also matching: "
              + response.query().expansions().stream()
                  .map(e -> e.word() + " = " + String.join(", ", e.variants()))
                  .collect(Collectors.joining("; "))
              + " (--exact for the words as typed)");
    }
    if (response.partial()) {
      out.println("Nothing has every word; these have most of them.");
    }
  }

  /** "Did you mean" and what would give results, after the hits. */
  static void printHelp(SearchResponse response, PrintWriter out) {
    if (response.didYouMean().isEmpty() && response.help().isEmpty()) {
      return;
    }
    out.println();
    for (Alternative a : response.didYouMean()) {
      out.println(capitalised(a.message()) + hint(a));
    }
    for (Alternative a : response.help()) {
      out.println("Try " + a.message() + hint(a));
    }
  }

  private static String hint(Alternative a) {
    StringBuilder s = new StringBuilder();
    if (a.q() != null) {
      s.append(" -> search ").append(quoted(a.q()));
    }
    for (Map.Entry<String, String> p : a.params().entrySet()) {
      s.append(p.getValue().isEmpty() ? " -> without --" + p.getKey() : " -> --" + p.getKey() + " " + quoted(p.getValue()));
    }
    return s.toString();
  }

  private static String quoted(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }

  private static String capitalised(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
