package org.transcriptsearch.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.transcriptsearch.http.ServedIndex.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.JavalinTest;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transcriptsearch.TestIndexes;
import org.transcriptsearch.index.TranscriptIndex;
import org.transcriptsearch.search.SampledSearches;
import org.transcriptsearch.search.SearchService;
import org.transcriptsearch.search.SpeakerSearch;

/**
 * A search whose total is estimated from a sample, over the real HTTP app: the answer says so ("gte", the hits
 * found, and {@code estimatedTotal}) and matches the OpenAPI document; an exact answer carries no estimate. The
 * facets here are sampled past 1,000 hits (the server's default is 20,000), on a generated corpus.
 */
class EstimatedTotalApiTest {
  private static final ApiContract CONTRACT = ApiContract.served();

  @TempDir static Path dir;
  static TranscriptIndex index;
  static ApiApp api;

  @BeforeAll
  static void serve() throws Exception {
    index = TestIndexes.generated(dir, 400);
    SearchService search = SampledSearches.of(index, 500);
    api = new ApiApp(search, new SpeakerSearch(index, search));
  }

  @AfterAll
  static void close() throws Exception {
    index.close();
  }

  @Test
  void anEstimatedTotalIsALowerBoundWithTheEstimateBesideIt() {
    JavalinTest.test(api.create(), (server, client) -> {
      JsonNode estimated = json(client, "/api/search?q=people%20OR%20time", 200);
      assertThat(CONTRACT.errors(schema(), estimated)).isEmpty();
      assertThat(estimated.get("totalRelation").asText()).isEqualTo("gte");
      assertThat(estimated.get("estimatedTotal").asLong()).isGreaterThan(estimated.get("total").asLong());
      assertThat(estimated.get("total").asLong()).isGreaterThanOrEqualTo(250);
      assertThat(estimated.get("approximateFacets")).hasSize(4);
      // the next page keeps the same counts
      JsonNode next = json(client, "/api/search?q=people%20OR%20time&cursor=" + estimated.get("nextCursor").asText(), 200);
      assertThat(next.get("estimatedTotal")).isEqualTo(estimated.get("estimatedTotal"));
      assertThat(next.get("total")).isEqualTo(estimated.get("total"));

      JsonNode exact = json(client, "/api/search?q=people", 200);
      assertThat(CONTRACT.errors(schema(), exact)).isEmpty();
      assertThat(exact.get("totalRelation").asText()).isEqualTo("eq");
      assertThat(exact.has("estimatedTotal")).isFalse();
    });
  }

  private static String schema() {
    return CONTRACT.responseSchema("GET", "/api/search", 200, "application/json").orElseThrow();
  }
}
