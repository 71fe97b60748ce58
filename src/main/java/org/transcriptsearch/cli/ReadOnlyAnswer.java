package org.transcriptsearch.cli;

import java.io.PrintWriter;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.transcriptsearch.index.TranscriptIndex;
import org.transcriptsearch.model.Json;
import org.transcriptsearch.search.EmbeddedBackend;
import org.transcriptsearch.search.NotFoundException;
import org.transcriptsearch.search.Results;
import org.transcriptsearch.search.SearchBackend;
import org.transcriptsearch.solr.SolrSearchBackend;
import picocli.CommandLine.Model.CommandSpec;

/**
 * How the research commands answer: open the index read-only (or the SolrCloud collection of {@code --solr} and
 * {@code --collection}), work out one answer through the backend the HTTP API answers from, and print it either as
 * the JSON its API endpoint returns or as text. A name or id that is not there is an error message and exit code 1,
 * as the endpoint's 404.
 */
final class ReadOnlyAnswer {
  /** The answer worked out over a search backend. */
  @FunctionalInterface
  interface Question<T> {
    T ask(SearchBackend backend) throws Exception;
  }

  private ReadOnlyAnswer() {}

  /** Answers {@code question} and prints it; returns the command's exit code. */
  static <T> int print(
      CommandSpec spec, IndexOption index, SolrOptions solr, DataOptions data, boolean json, Question<T> question,
      BiConsumer<T, PrintWriter> text) throws Exception {
    return print(spec, index, solr, data, json, question, a -> null, "", text);
  }

  /**
   * As above, first warning on standard error when the answer comes from fewer shards than the collection has
   * ({@code shards} of the answer not null), saying what {@code leftOut} names leaves out.
   */
  static <T> int print(
      CommandSpec spec, IndexOption index, SolrOptions solr, DataOptions data, boolean json, Question<T> question,
      Function<T, Results.Shards> shards, String leftOut, BiConsumer<T, PrintWriter> text) throws Exception {
    T answer;
    try {
      answer = answer(index, solr, data, question);
    } catch (NotFoundException e) {
      PrintWriter err = spec.commandLine().getErr();
      err.println("error: " + e.getMessage());
      err.flush();
      return 1;
    }
    ShardsWarning.print(spec.commandLine().getErr(), shards.apply(answer), leftOut);
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(Json.mapper().writeValueAsString(answer));
    } else {
      text.accept(answer, out);
    }
    out.flush();
    return 0;
  }

  /** The answer of {@code question} from the collection when {@code solr} is given, else from the index. */
  static <T> T answer(IndexOption index, SolrOptions solr, DataOptions data, Question<T> question) throws Exception {
    if (solr.given(index)) {
      try (SolrSearchBackend backend = solr.backend(data.pipeline().schema())) {
        return question.ask(backend);
      }
    }
    try (TranscriptIndex opened = TranscriptIndex.openReadOnly(index.dir(), data.pipeline().schema())) {
      return question.ask(EmbeddedBackend.of(opened));
    }
  }
}
