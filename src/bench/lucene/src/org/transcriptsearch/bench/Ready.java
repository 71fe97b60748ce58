package org.transcriptsearch.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Time from a server's start to its first answer: polls URL (a real search) every 20 ms, for at most 5 minutes,
 * until it answers 200; START is the launch time in epoch milliseconds, taken by run.sh just before the launch.
 */
final class Ready {
  private Ready() {}

  public static void main(String[] args) throws Exception {
    URI uri = URI.create(args[0]);
    long startMillis = Long.parseLong(args[1]);
    Path result = Path.of(args[2]);
    String key = args[3];
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    long deadline = System.currentTimeMillis() + 300_000;
    while (System.currentTimeMillis() < deadline) {
      try {
        HttpResponse<Void> r =
            http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() == 200) {
          long ms = System.currentTimeMillis() - startMillis;
          System.out.printf("%s: first answer %d ms after start%n", key, ms);
          var n = Results.node();
          n.put(key, ms);
          Results.put(result, n);
          return;
        }
      } catch (java.io.IOException e) {
        // not listening yet
      }
      Thread.sleep(20);
    }
    throw new IllegalStateException("no answer from " + uri + " within 5 minutes");
  }
}
