package org.transcriptsearch.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
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

  private Answer send(String requestHead) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", app.port())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(requestHead.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      in.transferTo(all);
      String text = all.toString(StandardCharsets.UTF_8);
      // What came back, whole in the failure's message when it is not an HTTP answer: now and then the bytes where
      // the status belongs were not one (no bytes at all, or "aaa"), and those bytes are what says why.
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

  private static String get(String target, String... headers) {
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
    assertJsonError(send(get("/api/search?q=" + "a".repeat(20_000))), 414);
  }

  @Test
  void headersOverJettysLimitAreA431AsJson() throws Exception {
    assertJsonError(send(get("/api/search?q=crimea", "X-Big: " + "b".repeat(20_000) + "\r\n")), 431);
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
    assertJsonError(send("GET /api/search?q=a b HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"), 400);
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
