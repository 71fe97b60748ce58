package org.transcriptsearch.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.transcriptsearch.reader.BadInputException;
import org.transcriptsearch.search.BadRequestException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help;
import picocli.CommandLine.Help.Column;
import picocli.CommandLine.Help.TextTable;
import picocli.CommandLine.Model.UsageMessageSpec;

/** The {@code transcript-search} command line: parse, index, search and serve broadcast transcripts. */
@Command(
    name = "transcript-search",
    mixinStandardHelpOptions = true,
    version = "transcript-search 0.1.0",
    description = "Search broadcast interview transcripts by who said what, when, on which program.",
    subcommands = {
      ParseCommand.class,
      IndexCommand.class,
      SearchCommand.class,
      ServeCommand.class,
      SpeakersCommand.class,
      GenerateCommand.class,
      SolrCommand.class,
      CheckQuoteCommand.class,
      TimelineCommand.class,
      PersonCommand.class,
      CheckMirrorsCommand.class
    })
public final class Main {
  /**
   * Lucene reports through java.util.logging whether it may use the JDK's vector module; users need not read that
   * on every command. Held here so the logger (and its level) is not garbage-collected.
   */
  private static final Logger LUCENE_SETUP = Logger.getLogger("org.apache.lucene.internal.vectorization");

  /**
   * The list of commands in the top-level help, each with the first sentence of its description whole (picocli's
   * own list shows the first line of it, cut mid-sentence).
   */
  private static String commandList(Help help) {
    if (help.subcommands().isEmpty()) {
      return "";
    }
    int nameWidth = help.subcommands().keySet().stream().mapToInt(String::length).max().orElse(8) + 2;
    TextTable table =
        TextTable.forColumns(help.colorScheme(), new Column(nameWidth + 2, 2, Column.Overflow.SPAN),
            new Column(help.commandSpec().usageMessage().width() - nameWidth - 2, 0, Column.Overflow.WRAP));
    help.subcommands().forEach((name, sub) ->
        table.addRowValues(name, firstSentence(sub.commandSpec().usageMessage().description())));
    return table.toString();
  }

  /** The first sentence of a description given as lines. */
  static String firstSentence(String[] lines) {
    String text = String.join(" ", lines).strip();
    int end = text.indexOf(". ");
    return end < 0 ? text : text.substring(0, end + 1);
  }

  /** Runs the command line and exits with its status. */
  public static void main(String[] args) throws IOException, InterruptedException {
    if (Relaunch.wanted(args)) {
      System.exit(Relaunch.run(args));
    }
    Relaunch.followLauncher();
    LUCENE_SETUP.setLevel(Level.SEVERE);
    System.exit(run(args));
  }

  /** Runs the command line and returns its exit status (0 ok, 1 a file or record failed, 2 usage). */
  public static int run(String... args) {
    return commandLine().execute(args);
  }

  /** Runs the command line with its output and errors sent to the given writers; returns the exit status. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    return commandLine().setOut(out).setErr(err).execute(args);
  }

  /**
   * A user's mistake is a message, not a stack trace: a bad query or option value (status 2), bad input in a user's
   * file or a missing index (status 1).
   */
  private static CommandLine commandLine() {
    CommandLine commandLine = new CommandLine(new Main());
    commandLine.getHelpSectionMap().put(UsageMessageSpec.SECTION_KEY_COMMAND_LIST, Main::commandList);
    return commandLine
        .setExecutionExceptionHandler(
            (e, cmd, parsed) -> {
              int status = e instanceof BadRequestException ? 2 : 1;
              if (e instanceof BadRequestException || e instanceof BadInputException || e instanceof IOException) {
                cmd.getErr().println("error: " + e.getMessage());
                cmd.getErr().flush();
                return status;
              }
              throw e;
            });
  }
}
