package org.transcriptsearch.solr;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.transcriptsearch.cli.Main;

/** One run of the product's command line in this JVM: its exit status and what it printed to each stream. */
record CliRun(int status, String out, String err) {
  static CliRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Main.run(new PrintWriter(out), new PrintWriter(err), args);
    return new CliRun(status, out.toString(), err.toString());
  }

  /** The first line printed to standard output, "" when none. */
  String firstLine() {
    return out.lines().findFirst().orElse("");
  }
}
