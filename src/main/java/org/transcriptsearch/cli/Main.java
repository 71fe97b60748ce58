package org.transcriptsearch.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code transcript-search} command line: parse, index, search and serve broadcast transcripts. */
@Command(
    name = "transcript-search",
    mixinStandardHelpOptions = true,
    version = "transcript-search 0.1.0",
    description = "Search broadcast interview transcripts by who said what, when, on which program.",
    subcommands = {})
public final class Main {
  /** Runs the command line and exits with its status. */
  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns its exit status (0 ok, 1 a file or record failed, 2 usage). */
  public static int run(String... args) {
    return new CommandLine(new Main()).execute(args);
  }
}
