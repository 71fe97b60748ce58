package org.transcriptsearch.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.transcriptsearch.ingest.Pipeline;
import org.transcriptsearch.model.Json;
import org.transcriptsearch.model.Transcript;
import org.transcriptsearch.reader.BadInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code parse FILE...}: each transcript page as one line of canonical JSON. */
@Command(
    name = "parse",
    mixinStandardHelpOptions = true,
    description = {
      "Parses transcript pages (text or HTML) and prints each as one line of canonical JSON.",
      "Errors go to stderr with the file name; the exit status is 1 if any file failed."
    })
final class ParseCommand implements Callable<Integer> {
  @Parameters(paramLabel = "FILE", arity = "1..*", description = "Transcript pages to parse.")
  List<Path> files;

  @Mixin DataOptions data;

  @Mixin PageUrlOption pageUrl;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Pipeline pipeline = pageUrl.apply(data.pipeline(), files, spec);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    int failed = 0;
    for (Path file : files) {
      try {
        Transcript transcript = pipeline.enricher().enrich(pipeline.pages().read(file)).transcript();
        out.println(Json.mapper().writeValueAsString(transcript));
      } catch (BadInputException e) {
        err.println("error: " + e.getMessage());
        failed++;
      } catch (java.io.IOException e) {
        err.println("error: " + file + ": cannot read: " + e.getMessage());
        failed++;
      }
    }
    out.flush();
    return failed == 0 ? 0 : 1;
  }
}
