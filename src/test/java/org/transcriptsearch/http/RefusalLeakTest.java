package org.transcriptsearch.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.transcriptsearch.TestIndexes;

/**
 * Clients sending requests the server refuses before any route runs (a URI or headers too long, bad paths), beside
 * a client sending its admin token, many times over on several connections at once: no answer carries a byte of
 * another connection's request. Jetty's pooled buffers once let a refused request's URI out as the next
 * connection's answer; the server now shares no buffer between connections (ApiApp). Slow: it takes tens of
 * thousands of exchanges to see a race that rare.
 */
@Tag("slow")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RefusalLeakTest {
  private static final String TOKEN = "leak-test-admin-token-3f9c1e";
  private static final int THREADS = 3;
  private static final int ROUNDS = 2_500;

  @RegisterExtension static final ServedIndex served = new ServedIndex(TestIndexes.FIXTURE_CORPUS);
  private Javalin app;

  @BeforeAll
  void start() {
    app = served.started(ApiConfig.DEFAULT.withAdminToken(TOKEN));
  }

  /** One kind of request, and the bytes only its own answer may carry. */
  private record Kind(String request, String own) {}

  @Test
  void noAnswerCarriesAnotherConnectionsRequest() throws Exception {
    List<Kind> kinds =
        List.of(
            new Kind(ProtocolErrorsTest.URI_TOO_LONG, "aaaa"),
            new Kind(ProtocolErrorsTest.HEADERS_TOO_LARGE, "bbbb"),
            new Kind(ProtocolErrorsTest.get("/api/%2e%2e/search"), null),
            new Kind(ProtocolErrorsTest.MALFORMED_LINE, null),
            new Kind(ProtocolErrorsTest.get("/api/health", "Authorization: Bearer " + TOKEN + "\r\n"), TOKEN));
    ConcurrentLinkedQueue<String> leaks = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<String> notHttp = new ConcurrentLinkedQueue<>();
    ExecutorService clients = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<Integer>> sent = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int first = t;
        sent.add(clients.submit(() -> {
          int answered = 0;
          for (int round = 0; round < ROUNDS; round++) {
            for (int k = 0; k < kinds.size(); k++) {
              Kind kind = kinds.get((k + first) % kinds.size());
              String answer = ProtocolErrorsTest.exchange(app.port(), kind.request());
              if (answer.isEmpty()) {
                continue; // reset before it was read (ProtocolErrorsTest.send): nothing to inspect
              }
              answered++;
              for (Kind other : kinds) {
                if (other != kind && other.own() != null && answer.contains(other.own())) {
                  leaks.add(answer.substring(0, Math.min(300, answer.length())));
                }
              }
              if (!answer.startsWith("HTTP/1.1 ")) {
                notHttp.add(answer.substring(0, Math.min(300, answer.length())));
              }
            }
          }
          return answered;
        }));
      }
      int answered = 0;
      for (Future<Integer> f : sent) {
        answered += f.get();
      }
      // nearly every exchange was answered and read: the check above ran on them
      assertThat(answered).isGreaterThan(THREADS * ROUNDS * kinds.size() * 9 / 10);
    } finally {
      clients.shutdownNow();
    }
    assertThat(leaks).isEmpty();
    assertThat(notHttp).isEmpty();
  }
}
