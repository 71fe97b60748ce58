package org.transcriptsearch.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.transcriptsearch.research.QuoteResults.DiffOp;
import org.transcriptsearch.research.QuoteResults.QuoteCheck;
import org.transcriptsearch.research.QuoteResults.QuoteMatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code check-quote TEXT}: was this said, by whom, when, and in which words. */
@Command(
    name = "check-quote",
    mixinStandardHelpOptions = true,
    description = {
      "Checks a quote against what was said: the closest utterances, best first, with a similarity (1 = these",
      "words) and a word diff against what was said: [-said, not in the quote-] {+in the quote, not said+}.",
      "The verdict is 'said', 'close' or 'not found'. --json prints exactly what GET /api/quotes returns."
    })
final class CheckQuoteCommand implements Callable<Integer> {
  @Mixin IndexOption indexFolder;

  @Mixin SolrOptions solr;

  @Mixin FilterOptions filters;

  @Option(names = "--size", paramLabel = "N", defaultValue = "5", description = "Matches to show, 1..20.")
  int size;

  @Option(names = "--json", description = "Print the API's JSON instead of text.")
  boolean json;

  @Parameters(paramLabel = "TEXT", arity = "1..*", description = "The quote (words are joined by spaces).")
  List<String> text;

  @Mixin DataOptions data;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    return ReadOnlyAnswer.print(
        spec, indexFolder, solr, data, json,
        backend -> backend.checkQuote(String.join(" ", text), filters.request("").build(), size),
        CheckQuoteCommand::print);
  }

  private static void print(QuoteCheck check, PrintWriter out) {
    out.println(check.verdict().code());
    int rank = 1;
    for (QuoteMatch m : check.matches()) {
      out.println();
      out.printf("%d. %.3f  %s%n", rank++, m.similarity(), m.hit().citation());
      out.printf("   %s  %s%n", String.join(" + ", m.ids()), m.hit().permalink());
      out.println("   " + diff(m.diff()));
      if (!m.alsoSaidIn().isEmpty()) {
        out.println("   the same words later in: " + String.join(", ", m.alsoSaidIn()));
      }
    }
  }

  /** The diff in wdiff's notation, what was said being the old text and the quote the new. */
  static String diff(List<DiffOp> ops) {
    StringBuilder s = new StringBuilder();
    for (DiffOp op : ops) {
      if (!s.isEmpty()) {
        s.append(' ');
      }
      switch (op.op()) {
        case "same" -> s.append(op.said());
        case "missing" -> s.append("[-").append(op.said()).append("-]");
        case "added" -> s.append("{+").append(op.quote()).append("+}");
        default -> s.append("[-").append(op.said()).append("-]{+").append(op.quote()).append("+}");
      }
    }
    return s.toString();
  }
}
