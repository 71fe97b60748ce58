package org.transcriptsearch.bench;

import java.io.BufferedReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * Feeds Solr through its JSON update API: the prepared documents (see SolrDocs) in batches of {@value #BATCH},
 * THREADS batches in flight (one per core, as the product's workers), then one explicit commit. Timed from the
 * first batch to the commit's answer.
 */
final class SolrFeed {
  static final int BATCH = 1_000;

  private SolrFeed() {}

  public static void main(String[] args) throws Exception {
    String core = args[0]; // http://127.0.0.1:PORT/solr/transcripts
    Path docs = Path.of(args[1]);
    int threads = Integer.parseInt(args[2]);
    Path result = Path.of(args[3]);
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    URI update = URI.create(core + "/update");
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    Semaphore inFlight = new Semaphore(threads);
    List<Future<?>> sent = new ArrayList<>();
    long count = 0;
    long start = System.nanoTime();
    double seconds;
    // A failed batch ends the run: the pool's threads are stopped either way, so the JVM exits with the failure.
    try {
      try (BufferedReader in = Files.newBufferedReader(docs, StandardCharsets.UTF_8)) {
        StringBuilder batch = new StringBuilder(1 << 20).append('[');
        int n = 0;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          batch.append(n == 0 ? "" : ",").append(line);
          n++;
          count++;
          if (n == BATCH) {
            sent.add(send(http, update, batch.append(']').toString(), pool, inFlight));
            batch.setLength(0);
            batch.append('[');
            n = 0;
          }
        }
        if (n > 0) {
          sent.add(send(http, update, batch.append(']').toString(), pool, inFlight));
        }
      }
      for (Future<?> f : sent) {
        f.get();
      }
      post(http, URI.create(core + "/update?commit=true&waitSearcher=true"), "[]");
      seconds = (System.nanoTime() - start) / 1e9;
    } finally {
      pool.shutdownNow();
    }
    System.out.printf("solr-feed: %d documents in %.2f s (%.0f/s), %d batches in flight%n",
        count, seconds, count / seconds, threads);
    var r = Results.node();
    r.put("solr_ingest_seconds", seconds);
    r.put("solr_ingest_utterances", count);
    r.put("solr_ingest_per_s", count / seconds);
    Results.put(result, r);
  }

  private static Future<?> send(HttpClient http, URI uri, String body, ExecutorService pool, Semaphore inFlight)
      throws InterruptedException {
    inFlight.acquire();
    return pool.submit(
        () -> {
          try {
            post(http, uri, body);
          } finally {
            inFlight.release();
          }
          return null;
        });
  }

  static void post(HttpClient http, URI uri, String body) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofMinutes(10))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("solr update failed: " + response.statusCode() + " " + response.body());
    }
  }
}
