package org.transcriptsearch.cli;

import io.javalin.Javalin;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.transcriptsearch.http.ApiApp;
import org.transcriptsearch.http.CorsPolicy;
import org.transcriptsearch.index.TranscriptIndex;
import org.transcriptsearch.ingest.Format;
import org.transcriptsearch.ingest.IngestSummary;
import org.transcriptsearch.ingest.Ingester;
import org.transcriptsearch.ingest.Pipeline;
import org.transcriptsearch.search.SearchService;
import org.transcriptsearch.search.SpeakerSearch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code serve}: the HTTP API over an index, indexing the bundled sample corpus first if the index is empty. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serves the JSON API, the web page at / and the widget at /widget.js.",
      "On an empty or missing index it first indexes the bundled sample corpus.",
      "Stop it with Ctrl-C or SIGTERM: it commits and closes the index."
    })
final class ServeCommand implements Callable<Integer> {
  /** How often searchers are reopened to see new writes. */
  static final long REFRESH_MILLIS = 500;

  @Mixin IndexOption indexFolder;

  @Option(names = "--port", defaultValue = "7070", description = "Port (default: ${DEFAULT-VALUE}; 0 picks one).")
  int port;

  @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
  String host;

  @Mixin DataOptions data;

  @Option(
      names = "--cors-origin",
      paramLabel = "ORIGIN",
      description =
          "An origin whose pages may call the API and embed the widget, such as https://intranet.example;"
              + " repeat for several. None is allowed by default.")
  List<String> corsOrigins = List.of();

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    CorsPolicy cors = corsPolicy();
    Pipeline pipeline = data.pipeline();
    Path dir = indexFolder.dir();
    TranscriptIndex index = TranscriptIndex.openWritable(dir, pipeline.schema());
    SearchService search = new SearchService(index);
    if (search.health().utterances() == 0) {
      IngestSummary summary =
          pipeline.ingester(index).ingest(List.of(Defaults.sampleCorpus()), Format.AUTO, Ingester.Progress.NONE);
      index.refresh();
      out.printf("Empty index: indexed the sample corpus (%d transcripts, %d utterances)%n",
          summary.transcripts(), summary.utterances());
    }
    Javalin app = new ApiApp(search, new SpeakerSearch(index, search), cors).create().start(host, port);
    ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor();
    refresher.scheduleWithFixedDelay(() -> refreshQuietly(index), REFRESH_MILLIS, REFRESH_MILLIS, TimeUnit.MILLISECONDS);
    out.printf("transcript-search serving %s on http://%s:%d/ (try /api/search?q=crimea)%n", dir, host, app.port());
    out.flush();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      app.stop(); // drains requests under way
      refresher.shutdownNow();
      try {
        index.close(); // commits
      } catch (Exception e) {
        System.err.println("error while closing the index: " + e);
      }
      stopped.countDown();
    }, "shutdown"));
    stopped.await();
    return 0;
  }

  private CorsPolicy corsPolicy() {
    try {
      return new CorsPolicy(Set.copyOf(corsOrigins));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--cors-origin: " + e.getMessage(), e);
    }
  }

  private static void refreshQuietly(TranscriptIndex index) {
    try {
      index.refresh();
    } catch (Exception e) {
      System.err.println("refresh failed: " + e);
    }
  }
}
