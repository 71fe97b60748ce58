package org.transcriptsearch.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.JavalinTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transcriptsearch.TestIndexes;
import org.transcriptsearch.index.TranscriptIndex;
import org.transcriptsearch.model.Json;
import org.transcriptsearch.search.SearchLimits;
import org.transcriptsearch.search.SearchService;
import org.transcriptsearch.search.SpeakerSearch;

/** No query string, however built, gets a 5xx; costly ones are refused or stopped. */
class HostileQueryTest {
  private static final List<String> PIECES =
      List.of(
          "crimea", "syria", "kerry", "lavrov", "Sergei", "\u00e9t\u00e9", "\u4e2d\u6587", "a", "1", "2016",
          "speaker:", "text:", "topic:", "role:", "program:", "title:", "color:", "speaker_key:", "$facets:",
          "AND", "OR", "NOT", "&&", "||", "!", "+", "-", "(", ")", "{", "}", "[", "]", "^", "^2", "\"", "~", "~1",
          "~5", "*", "?", ":", "\\", "/", "//", "TO", " ", " ", " ", "[a TO z]", "{1 TO 2}", "\"kerry lavrov\"~3",
          "cr*", "*a", "?rimea", "c?imea", "fuzzy~2", "/[a-z]+/", "\u0000", "%", "&", "<script>", "'", ";");

  @TempDir static Path dir;
  static TranscriptIndex index;

  @BeforeAll
  static void build() throws Exception {
    index = TestIndexes.build(dir, TestIndexes.FIXTURE_CORPUS, TestIndexes.SAMPLE_CORPUS);
  }

  @AfterAll
  static void close() throws Exception {
    index.close();
  }

  private static ApiApp app(SearchLimits limits) {
    SearchService search = new SearchService(index, limits);
    return new ApiApp(search, new SpeakerSearch(index, search));
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Test
  void thousandsOfRandomQueriesFromTheSyntaxsSpecialCharactersNeverGetA5xx() {
    SplittableRandom random = new SplittableRandom(20261122);
    JavalinTest.test(app(SearchLimits.DEFAULT).create(), (server, client) -> {
      int ok = 0;
      int refused = 0;
      for (int i = 0; i < 2_000; i++) {
        StringBuilder q = new StringBuilder();
        int pieces = 1 + random.nextInt(8);
        for (int p = 0; p < pieces; p++) {
          q.append(PIECES.get(random.nextInt(PIECES.size())));
          if (random.nextInt(3) == 0) {
            q.append(' ');
          }
        }
        String endpoint = i % 5 == 0 ? "/api/speakers?about=" : "/api/search?q=";
        var response = client.get(endpoint + enc(q.toString()));
        assertThat(response.code()).as("%s%s", endpoint, q).isIn(200, 400);
        if (response.code() == 200) {
          ok++;
        } else {
          refused++;
          JsonNode error = Json.mapper().readTree(response.body().string());
          assertThat(error.get("detail").asText()).as(q.toString()).isNotBlank();
        }
      }
      // Both kinds occur: the test exercises the parser's errors and real searches alike.
      assertThat(ok).isGreaterThan(200);
      assertThat(refused).isGreaterThan(200);
    });
  }

  @Test
  void filterValuesThatNameNothingAreA400NamingTheFilterNotA500() {
    JavalinTest.test(app(SearchLimits.DEFAULT).create(), (server, client) -> {
      for (String name : List.of("speaker", "program", "topic", "role")) {
        for (String value : List.of("-", "!!!", ".", "\u0000", "\u200b", "\u202e", "x".repeat(201))) {
          var response = client.get("/api/search?q=crimea&" + name + "=" + enc(value));
          assertThat(response.code()).as("%s=%s", name, value).isEqualTo(400);
          assertThat(Json.mapper().readTree(response.body().string()).get("detail").asText()).startsWith(name);
        }
      }
      // Invisible characters around a real name are dropped, not held against it.
      var response = client.get("/api/search?q=crimea&speaker=" + enc("\u200bLavrov\u202e"));
      assertThat(response.code()).isEqualTo(200);
      assertThat(Json.mapper().readTree(response.body().string()).get("total").asLong()).isPositive();
      assertThat(client.get("/api/speakers?about=crimea&program=" + enc("-")).code()).isEqualTo(400);
    });
  }

  @Test
  void costlyQueriesAreRefusedWithAReason() {
    JavalinTest.test(app(SearchLimits.DEFAULT).create(), (server, client) -> {
      String manyClauses = String.join(" OR ", java.util.Collections.nCopies(200, "w"));
      for (var bad :
          List.of(
              List.of("*rimea", "a wildcard needs at least 2 characters before it"),
              List.of("c*", "a wildcard needs at least 2 characters before it"),
              List.of("/cri.*/", "regular expressions"),
              List.of("x".repeat(1_001), "1001 characters, the limit is 1000"))) {
        var response = client.get("/api/search?q=" + enc(bad.get(0)));
        assertThat(response.code()).as(bad.get(0)).isEqualTo(400);
        assertThat(Json.mapper().readTree(response.body().string()).get("detail").asText()).contains(bad.get(1));
      }
      assertThat(client.get("/api/search?q=" + enc(manyClauses)).code()).isEqualTo(200);
      // Fuzzy edits are capped at 2: asking for more gets what 2 gets.
      JsonNode three = Json.mapper().readTree(client.get("/api/search?q=" + enc("crimea~3")).body().string());
      JsonNode two = Json.mapper().readTree(client.get("/api/search?q=" + enc("crimea~2")).body().string());
      assertThat(three.get("total").asLong()).isEqualTo(two.get("total").asLong()).isPositive();
    });
  }

  @Test
  void aSearchPastItsTimeLimitIsA503WithAClearError() {
    JavalinTest.test(app(SearchLimits.DEFAULT.withTimeout(Duration.ZERO)).create(), (server, client) -> {
      var response = client.get("/api/search?q=crimea");
      assertThat(response.code()).isEqualTo(503);
      JsonNode error = Json.mapper().readTree(response.body().string());
      assertThat(error.get("error").asText()).isEqualTo("Service Unavailable");
      assertThat(error.get("detail").asText()).contains("took longer than 0 ms");
      assertThat(client.get("/api/speakers?about=crimea").code()).isEqualTo(503);
    });
  }
}
