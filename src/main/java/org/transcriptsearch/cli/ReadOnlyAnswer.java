package org.transcriptsearch.cli;

import java.io.PrintWriter;
import java.util.function.BiConsumer;
import org.transcriptsearch.index.TranscriptIndex;
import org.transcriptsearch.model.Json;
import org.transcriptsearch.search.NotFoundException;
import org.transcriptsearch.search.SearchService;
import picocli.CommandLine.Model.CommandSpec;

/**
 * How the research commands answer: open the index read-only, work out one answer, and print it either as the
 * JSON its API endpoint returns or as text. A name or id that is not in the index is an error message and exit
 * code 1, as the endpoint's 404.
 */
final class ReadOnlyAnswer {
  /** The answer worked out over the index's search service. */
  @FunctionalInterface
  interface Question<T> {
    T ask(SearchService search) throws Exception;
  }

  private ReadOnlyAnswer() {}

  /** Answers {@code question} and prints it; returns the command's exit code. */
  static <T> int print(
      CommandSpec spec, IndexOption index, DataOptions data, boolean json, Question<T> question,
      BiConsumer<T, PrintWriter> text) throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    try (TranscriptIndex opened = TranscriptIndex.openReadOnly(index.dir(), data.pipeline().schema())) {
      T answer;
      try {
        answer = question.ask(new SearchService(opened));
      } catch (NotFoundException e) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("error: " + e.getMessage());
        err.flush();
        return 1;
      }
      if (json) {
        out.println(Json.mapper().writeValueAsString(answer));
      } else {
        text.accept(answer, out);
      }
    }
    out.flush();
    return 0;
  }
}
