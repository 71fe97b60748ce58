package org.transcriptsearch.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.lucene.store.LockObtainFailedException;
import org.transcriptsearch.http.ApiConfig;
import org.transcriptsearch.index.TranscriptIndex;
import org.transcriptsearch.index.TranscriptStore;
import org.transcriptsearch.ingest.Format;
import org.transcriptsearch.ingest.IngestSummary;
import org.transcriptsearch.ingest.Pipeline;
import org.transcriptsearch.ingest.ServerIngester;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code index [--index DIR | --solr URL --collection NAME] [--format F] PATH...}: ingest files and folders into the
 * index or a SolrCloud collection.
 */
@Command(
    name = "index",
    mixinStandardHelpOptions = true,
    description = {
      "Indexes transcript files and folders (folders are read recursively). Re-indexing replaces by id, so",
      "running it twice gives the same counts. Bad files and records are named and skipped; the exit status",
      "is 1 if anything was skipped. A record read in part is indexed with a warning naming the field and",
      "what was done. Progress is shown by bytes read; the summary ends with the time taken and the rate.",
      "With no PATH, indexes the bundled sample corpus.",
      "With --server URL the files are read here and sent to a running server (POST /api/transcripts), with",
      "the admin token from the environment variable " + ApiConfig.ADMIN_TOKEN_VARIABLE + "."
    })
final class IndexCommand implements Callable<Integer> {
  @Mixin IndexOption indexFolder;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "auto",
      description = {
        "auto, page, mediasum, interview or jsonl (default: ${DEFAULT-VALUE}: by extension and content).",
        "mediasum: a MediaSum JSON array or JSON lines. interview: the NPR Interview corpus, named as",
        "episodes.csv and utterances.csv together or as the folder holding them (or episodes.csv,",
        "utterances-2sp.csv and its host map, host_id.json or host-map.json)."
      })
  String format;

  @Parameters(paramLabel = "PATH", arity = "0..*", description = "Files or folders to index.")
  List<Path> paths;

  @Option(
      names = "--server",
      paramLabel = "URL",
      description = {
        "Send the files to the transcript-search server at URL (such as http://127.0.0.1:7070) instead of",
        "writing an index folder: use it while serve runs, since only one program may write an index."
      })
  URI server;

  @Mixin DataOptions data;

  @Mixin PageUrlOption pageUrl;

  @Mixin SolrOptions solr;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Pipeline pipeline = pageUrl.apply(data.pipeline(), paths, spec);
    List<Path> inputs = paths == null || paths.isEmpty() ? List.of(Defaults.sampleCorpus()) : paths;
    IngestSummary summary;
    String into;
    long started = System.nanoTime();
    if (server != null) {
      summary = toServer(pipeline, inputs);
      into = server.toString();
    } else if (solr.given(indexFolder)) {
      var store = solr.store(pipeline.schema()); // checked before any file is read
      try (TranscriptStore index = store;
          ConsoleProgress progress = new ConsoleProgress(spec.commandLine().getErr())) {
        summary = pipeline.ingester(index).ingest(inputs, Format.of(format), progress);
      }
      into = store.shown();
      store.replicationWarning().ifPresent(w -> spec.commandLine().getErr().println("warning: " + w));
    } else {
      Path dir = indexFolder.dir();
      summary = toFolder(pipeline, inputs, dir);
      into = dir.toString();
    }
    report(summary, into, Duration.ofNanos(System.nanoTime() - started), spec.commandLine().getOut());
    return summary.complete() ? 0 : 1;
  }

  private IngestSummary toFolder(Pipeline pipeline, List<Path> inputs, Path dir) throws IOException {
    try (TranscriptIndex index = openWritable(dir, pipeline);
        ConsoleProgress progress = new ConsoleProgress(spec.commandLine().getErr())) {
      return pipeline.ingester(index).ingest(inputs, Format.of(format), progress);
    }
  }

  /** The index, or a plain message when another program (a server, most likely) is writing it. */
  private static TranscriptIndex openWritable(Path dir, Pipeline pipeline) throws IOException {
    try {
      return TranscriptIndex.openWritable(dir, pipeline.schema());
    } catch (LockObtainFailedException e) {
      throw new IOException(lockedMessage(dir), e);
    }
  }

  /** What to tell a user whose index another program holds. */
  static String lockedMessage(Path dir) {
    return "the index at " + dir + " is in use by another program, most likely a running"
        + " 'transcript-search serve'. Stop it first, or send the files to it instead: index --server"
        + " http://127.0.0.1:7070 PATH... (with " + ApiConfig.ADMIN_TOKEN_VARIABLE + " set to the server's admin token)";
  }

  private IngestSummary toServer(Pipeline pipeline, List<Path> inputs) throws IOException {
    if (indexFolder.dir != null) {
      throw new ParameterException(spec.commandLine(), "--index and --server: give one, the server has its own index");
    }
    if (data.topics != null || data.aliases != null) {
      throw new ParameterException(
          spec.commandLine(), "--topics and --speaker-aliases do not apply with --server: the server's own are used");
    }
    String scheme = server.getScheme();
    if (server.getHost() == null || !("http".equals(scheme) || "https".equals(scheme))) {
      throw new ParameterException(spec.commandLine(), "--server: not an http(s) address: " + server);
    }
    String token = System.getenv(ApiConfig.ADMIN_TOKEN_VARIABLE);
    if (token == null || token.isBlank()) {
      throw new ParameterException(
          spec.commandLine(),
          "--server needs the server's admin token in the environment variable " + ApiConfig.ADMIN_TOKEN_VARIABLE);
    }
    try (ConsoleProgress progress = new ConsoleProgress(spec.commandLine().getErr())) {
      return new ServerIngester(server, token.strip(), pipeline).ingest(inputs, Format.of(format), progress);
    }
  }

  private static void report(IngestSummary summary, String into, Duration took, PrintWriter out) {
    out.printf(
        "Indexed %s (%s) from %s into %s%n",
        Counts.of(summary.transcripts(), "transcript"), Counts.of(summary.utterances(), "utterance"),
        Counts.of(summary.files(), "file"), into);
    if (summary.mirrors() > 0) {
      out.printf("%s (the same story from another site) joined a transcript as one more source%n",
          Counts.of(summary.mirrors(), "mirror"));
    }
    if (summary.duplicates() > 0) {
      out.printf("%,d duplicates (the same transcript again) replaced their first copy%n", summary.duplicates());
    }
    if (!summary.warnings().isEmpty()) {
      out.printf("Read with %s:%n", Counts.of(summary.warnings().size(), "warning"));
      summary.warnings().forEach(s -> out.printf("  %s: %s%n", s.where(), s.reason()));
    }
    if (!summary.skipped().isEmpty()) {
      out.printf("Skipped %,d:%n", summary.skipped().size());
      summary.skipped().forEach(s -> out.printf("  %s: %s%n", s.where(), s.reason()));
    }
    if (!summary.ignored().isEmpty()) {
      out.printf("Ignored %,d:%n", summary.ignored().size());
      summary.ignored().forEach(s -> out.printf("  %s: %s%n", s.where(), s.reason()));
    }
    out.println(Rates.took(took, summary.transcripts(), summary.utterances()));
    out.flush();
  }
}
