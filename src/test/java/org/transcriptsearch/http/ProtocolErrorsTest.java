package org.transcriptsearch.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.transcriptsearch.TestIndexes;
import org.transcriptsearch.model.Json;

/**
 * Requests Jetty refuses before any route runs, and the method override header: every answer is the JSON error shape
 * with the security headers, and no header turns a read into a write. Sent over a raw socket, as a hostile client
 * would send them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProtocolErrorsTest {
  private static final String TOKEN = "protocol-admin-token";

  @RegisterExtension static final ServedIndex served = new ServedIndex(TestIndexes.FIXTURE_CORPUS);
  private Javalin app;

  @BeforeAll
  void start() {
    app = served.started(ApiConfig.DEFAULT.withAdminToken(TOKEN));
  }

  /** A raw HTTP/1.1 exchange: the status line, the headers and the body of the answer. */
  private record Answer(int status, String head, String body) {}

  /**
   * Sends {@code requestHead} and reads the answer. A server refuses an oversized request before reading all of it,
   * and closes the connection with the rest unread: the server's kernel then resets the connection, and the client's
   * kernel may drop the answer it had received before the client read it (no bytes, or "Connection reset"). That
   * answer was sent; the client could not see it. It is asked again, at most {@link #TRIES} times in all. Any other
   * answer that is not HTTP fails at once, whole in the message.
   */
  private Answer send(String requestHead) throws Exception {
    for (int attempt = 1; ; attempt++) {
      String text = exchange(app.port(), requestHead);
      if (text.isEmpty() && attempt < TRIES) {
        continue;
      }
      assertThat(text).as("the raw answer to %.200s", requestHead).matches("(?s)HTTP/1\\.1 \\d{3} .*\r\n\r\n.*");
      int split = text.indexOf("\r\n\r\n");
      String head = text.substring(0, split);
      String body = text.substring(split + 4);
      if (head.toLowerCase().contains("transfer-encoding: chunked")) {
        body = body.substring(body.indexOf("\r\n") + 2, body.lastIndexOf("\r\n0\r\n"));
      }
      return new Answer(Integer.parseInt(head.substring(9, 12)), head, body);
    }
  }

  /** Requests Jetty refuses before any route runs: a URI over its limit (414), headers over it (431), a bad line. */
  static final String URI_TOO_LONG = get("/api/search?q=" + "a".repeat(20_000));

  static final String HEADERS_TOO_LARGE = get("/api/search?q=crimea", "X-Big: " + "b".repeat(20_000) + "\r\n");

  static final String MALFORMED_LINE = "GET /api/search?q=a b HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n";

  /** Attempts at an answer the client's kernel dropped (see {@link #send}). */
  private static final int TRIES = 3;

  /** The raw bytes answered to {@code requestHead} on a new connection; empty when the connection was reset first. */
  static String exchange(int port, String requestHead) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      try {
        OutputStream out = socket.getOutputStream();
        out.write(requestHead.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        socket.getInputStream().transferTo(all);
      } catch (SocketException reset) {
        if (all.size() > 0) {
          throw reset;
        }
      }
      return all.toString(StandardCharsets.UTF_8);
    }
  }

  static String get(String target, String... headers) {
    return "GET " + target + " HTTP/1.1\r\nHost: localhost\r\n" + String.join("", headers) + "Connection: close\r\n\r\n";
  }

  private static void assertJsonError(Answer answer, int status) throws Exception {
    assertThat(answer.status()).as(answer.head()).isEqualTo(status);
    assertThat(answer.head()).containsIgnoringCase("Content-Type: application/json");
    assertThat(answer.head()).containsIgnoringCase("X-Content-Type-Options: nosniff");
    assertThat(answer.head()).containsIgnoringCase("Referrer-Policy: same-origin");
    JsonNode error = Json.mapper().readTree(answer.body());
    assertThat(error.get("status").asInt()).isEqualTo(status);
    assertThat(error.get("detail").asText()).isNotBlank();
    assertThat(answer.body()).doesNotContain("<html", "Exception");
  }

  @Test
  void aUriOverJettysLimitIsA414AsJson() throws Exception {
    assertJsonError(send(URI_TOO_LONG), 414);
  }

  @Test
  void headersOverJettysLimitAreA431AsJson() throws Exception {
    assertJsonError(send(HEADERS_TOO_LARGE), 431);
  }

  @Test
  void malformedAndAmbiguousPathsAreA400AsJson() throws Exception {
    for (String target : new String[] {"/api/%2e%2e/search", "/api/search%2f..", "/%ff%fe", "/api/..;/search"}) {
      Answer answer = send(get(target));
      assertThat(answer.status()).as(target).isBetween(400, 499);
      assertJsonError(answer, answer.status());
    }
  }

  @Test
  void aMalformedRequestLineIsA400AsJson() throws Exception {
    assertJsonError(send(MALFORMED_LINE), 400);
  }

  @Test
  void theMethodOverrideHeaderIsRefusedAndDeletesNothing() throws Exception {
    Answer answer =
        send(get("/api/episodes/fx-crimea-2014", "Authorization: Bearer " + TOKEN + "\r\n",
            "X-HTTP-Method-Override: DELETE\r\n"));
    assertJsonError(answer, 400);
    assertThat(Json.mapper().readTree(answer.body()).get("detail").asText()).contains("X-HTTP-Method-Override");
    assertThat(served.index().contains("fx-crimea-2014")).isTrue();
  }
}
