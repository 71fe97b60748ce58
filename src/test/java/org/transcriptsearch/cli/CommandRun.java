package org.transcriptsearch.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * One run of the command line as a user makes it, in this JVM: its exit status and what it printed.
 *
 * @param status the exit status
 * @param out what it printed on standard output
 * @param err what it printed on standard error
 */
public record CommandRun(int status, String out, String err) {
  /** Runs the command line with {@code args}. */
  public static CommandRun run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new CommandRun(status, out.toString(), err.toString());
  }
}
