package org.transcriptsearch.cli;

import io.javalin.Javalin;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.store.LockObtainFailedException;
import org.transcriptsearch.alerts.AlertService;
import org.transcriptsearch.alerts.Webhooks;
import org.transcriptsearch.http.ApiApp;
import org.transcriptsearch.http.ApiConfig;
import org.transcriptsearch.http.CorsPolicy;
import org.transcriptsearch.http.Newsroom;
import org.transcriptsearch.index.TranscriptIndex;
import org.transcriptsearch.index.TranscriptStore;
import org.transcriptsearch.ingest.Format;
import org.transcriptsearch.ingest.IngestSummary;
import org.transcriptsearch.ingest.Ingester;
import org.transcriptsearch.ingest.ListenedStores;
import org.transcriptsearch.ingest.Pipeline;
import org.transcriptsearch.ingest.TranscriptWriter;
import org.transcriptsearch.search.SearchService;
import org.transcriptsearch.search.SpeakerSearch;
import org.transcriptsearch.solr.SolrSearchBackend;
import org.transcriptsearch.solr.SolrTranscriptStore;
import org.transcriptsearch.watch.FolderWatcher;
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
      "Stop it with Ctrl-C or SIGTERM: it finishes requests under way, commits and closes the index.",
      "POST /api/transcripts and DELETE /api/episodes/{id} need the admin token, read from the environment",
      "variable TRANSCRIPT_SEARCH_ADMIN_TOKEN; without it, writing over HTTP is disabled.",
      "Saved searches (alerts) are kept in the folder beside the index named after it with -alerts (with --solr,",
      "in index-data/solr-COLLECTION-alerts), or in the folder --alerts names."
    })
final class ServeCommand implements Callable<Integer> {

  /** How often searchers are reopened to see new writes. */
  static final long REFRESH_MILLIS = 500;

  @Mixin IndexOption indexFolder;

  @Mixin SolrOptions solr;

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

  @Option(
      names = "--api-key-file",
      paramLabel = "FILE",
      description =
          "A file of API keys, one a line; when given, the search endpoints need one of them"
              + " (Authorization: Bearer KEY or X-Api-Key: KEY). /, /widget.js, /assets, /openapi.json and"
              + " /api/health stay open.")
  Path apiKeyFile;

  @Option(
      names = "--max-body-mb",
      paramLabel = "N",
      defaultValue = "10",
      description = "The largest request body accepted, in MB (default: ${DEFAULT-VALUE}); larger ones get 413.")
  int maxBodyMb;

  @Option(
      names = "--watch",
      paramLabel = "DIR",
      description =
          "Index files dropped in DIR (any format index reads) once they are complete; indexed files are moved to"
              + " DIR/.done, unreadable ones to DIR/.failed with a note of why.")
  Path watch;

  @Option(
      names = "--alerts",
      paramLabel = "DIR",
      description =
          "The folder saved searches (alerts) and their feeds are kept in (default: beside the index, INDEX-alerts;"
              + " with --solr, index-data/solr-COLLECTION-alerts). One server at a time keeps a folder.")
  Path alertsFolder;

  @Option(
      names = "--webhook-host",
      paramLabel = "HOST",
      description =
          "A host that alert webhooks may post to, such as hooks.intranet.example; repeat for several. Webhooks"
              + " to any other host are refused. None by default.")
  List<String> webhookHosts = List.of();

  @Option(
      names = "--results-cache",
      paramLabel = "N",
      defaultValue = "512",
      description =
          "How many search answers to keep per index snapshot, answering a repeated search from them until the"
              + " index changes (default: ${DEFAULT-VALUE}); 0 turns the cache off, to measure search itself."
              + " /api/health reports its hits and misses. The embedded index only.")
  int resultsCache;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    ApiConfig config = apiConfig();
    Pipeline pipeline = data.pipeline();
    if (solr.given(indexFolder)) {
      return serveSolr(config, pipeline, out);
    }
    Path dir = indexFolder.dir();
    Path alertsDir = alertsFolder != null ? alertsFolder.toAbsolutePath().normalize() : AlertService.folderFor(dir);
    // A folder of one's own choosing is held as SolrCloud servers hold theirs; the default one is the index's.
    AlertsFolderLock held = alertsFolder == null ? null : AlertsFolderLock.hold(alertsDir);
    TranscriptIndex index = openWritable(dir, pipeline);
    SearchService search = new SearchService(index).withResultsCache(resultsCache);
    if (search.health().utterances() == 0) {
      IngestSummary summary =
          pipeline.ingester(index).ingest(List.of(Defaults.sampleCorpus()), Format.AUTO, Ingester.Progress.NONE);
      index.refresh();
      out.printf("Empty index: indexed the sample corpus (%s, %s)%n",
          Counts.of(summary.transcripts(), "transcript"), Counts.of(summary.utterances(), "utterance"));
    }
    TranscriptWriter writer = new TranscriptWriter(index, pipeline);
    AlertService alerts = AlertService.open(alertsDir, index, search, new Webhooks(Set.copyOf(webhookHosts)));
    index.addPutListener(alerts);
    FolderWatcher watcher = watch == null ? null : new FolderWatcher(watch, index, pipeline);
    Newsroom newsroom = new Newsroom(alerts, watcher);
    Javalin app =
        new ApiApp(search, new SpeakerSearch(index, search), writer, config, newsroom).create().start(host, port);
    ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor();
    refresher.scheduleWithFixedDelay(() -> refreshQuietly(index), REFRESH_MILLIS, REFRESH_MILLIS, TimeUnit.MILLISECONDS);
    out.printf("transcript-search serving %s on http://%s:%d/ (try /api/search?q=crimea)%n", dir, host, app.port());
    out.println(config.adminToken() == null
        ? "Writing over HTTP is disabled; set " + ApiConfig.ADMIN_TOKEN_VARIABLE + " to enable it"
        : "Writing over HTTP is enabled for holders of the admin token");
    out.printf("%s, kept in %s%n", Counts.of(alerts.status().alerts(), "alert"), alertsDir);
    if (watcher != null) {
      watcher.start();
      out.printf("Watching %s: files dropped there are indexed once complete%n", watcher.folder());
    }
    out.flush();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      app.stop(); // drains requests under way
      refresher.shutdownNow();
      stopQuietly(watcher, alerts);
      try {
        index.close(); // commits
      } catch (Exception e) {
        System.err.println("error while closing the index: " + e);
      }
      if (held != null) {
        held.close();
      }
      stopped.countDown();
    }, "shutdown"));
    stopped.await();
    return 0;
  }

  /**
   * Serves a SolrCloud collection: the same API and page, writes over HTTP into the collection when the admin token
   * is set, alerts kept in a folder of this server and matched against what it writes, and a watched folder
   * ingested into the collection, until stopped.
   */
  private int serveSolr(ApiConfig config, Pipeline pipeline, PrintWriter out) throws Exception {
    Path alertsDir = (alertsFolder != null ? alertsFolder
        : Defaults.index().resolveSibling("solr-" + solr.collection + "-alerts")).toAbsolutePath().normalize();
    AlertsFolderLock held = AlertsFolderLock.hold(alertsDir);
    SolrSearchBackend backend = solr.backend(pipeline.schema()); // refused here when the collection's schema differs
    AlertService alerts =
        AlertService.open(alertsDir, pipeline.schema(), backend, new Webhooks(Set.copyOf(webhookHosts)));
    TranscriptWriter writer = new TranscriptWriter(ListenedStores.of(backend.writes(), alerts), pipeline);
    FolderWatcher watcher = watch == null ? null : new FolderWatcher(watch, entry -> {
      SolrTranscriptStore collection = solr.store(pipeline.schema()); // opened per file: a failure stays with its file
      try (TranscriptStore store = ListenedStores.of(collection, alerts)) {
        IngestSummary summary = pipeline.ingester(store).ingest(List.of(entry), Format.AUTO, Ingester.Progress.NONE);
        collection.replicationWarning()
            .ifPresent(w -> System.err.println("warning: watch: " + entry.getFileName() + ": " + w));
        return summary;
      }
    });
    Javalin app = new ApiApp(backend, writer, config, new Newsroom(alerts, watcher)).create().start(host, port);
    out.printf("transcript-search serving %s on http://%s:%d/ (try /api/search?q=crimea)%n", backend.shown(), host,
        app.port());
    out.println(config.adminToken() == null
        ? "Writing over HTTP is disabled; set " + ApiConfig.ADMIN_TOKEN_VARIABLE + " to enable it"
        : "Writing over HTTP is enabled for holders of the admin token");
    out.printf("%s, kept in %s (matched against what this server writes)%n",
        Counts.of(alerts.status().alerts(), "alert"), alertsDir);
    if (watcher != null) {
      watcher.start();
      out.printf("Watching %s: files dropped there are indexed into the collection once complete%n",
          watcher.folder());
    }
    out.flush();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      app.stop(); // drains requests under way
      stopQuietly(watcher, alerts);
      try {
        backend.close();
      } catch (IOException e) {
        System.err.println("error while closing the Solr client: " + e);
      }
      held.close();
      stopped.countDown();
    }, "shutdown"));
    stopped.await();
    return 0;
  }

  /** The file being indexed is finished, then what is waiting to be matched against the alerts. */
  private static void stopQuietly(FolderWatcher watcher, AlertService alerts) {
    try {
      if (watcher != null) {
        watcher.close();
      }
      alerts.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The index, or a plain message when another program is writing it. */
  private static TranscriptIndex openWritable(Path dir, Pipeline pipeline) throws IOException {
    try {
      return TranscriptIndex.openWritable(dir, pipeline.schema());
    } catch (LockObtainFailedException e) {
      throw new IOException("the index at " + dir + " is in use by another program (an index run, or another"
          + " serve); wait for it to end or stop it, or give this server another --index", e);
    }
  }

  private ApiConfig apiConfig() throws IOException {
    if (resultsCache < 0) {
      throw new ParameterException(spec.commandLine(), "--results-cache: must be 0 or more, was " + resultsCache);
    }
    if (maxBodyMb < 1) {
      throw new ParameterException(spec.commandLine(), "--max-body-mb: must be 1 or more, was " + maxBodyMb);
    }
    String token = System.getenv(ApiConfig.ADMIN_TOKEN_VARIABLE);
    return new ApiConfig(
        corsPolicy(), token == null || token.isBlank() ? null : token.strip(), apiKeys(), (long) maxBodyMb << 20);
  }

  /** The keys of --api-key-file: one a line, blank lines and lines starting with # skipped. */
  private Set<String> apiKeys() throws IOException {
    if (apiKeyFile == null) {
      return Set.of();
    }
    Set<String> keys = new HashSet<>();
    for (String line : Files.readAllLines(apiKeyFile, StandardCharsets.UTF_8)) {
      if (!line.isBlank() && !line.strip().startsWith("#")) {
        keys.add(line.strip());
      }
    }
    if (keys.isEmpty()) {
      throw new ParameterException(spec.commandLine(), "--api-key-file: no key in " + apiKeyFile);
    }
    return keys;
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
