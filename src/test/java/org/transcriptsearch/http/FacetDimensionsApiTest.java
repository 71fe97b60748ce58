package org.transcriptsearch.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.JavalinTest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transcriptsearch.TestIndexes;
import org.transcriptsearch.index.TranscriptIndex;
import org.transcriptsearch.model.Json;
import org.transcriptsearch.search.SearchService;
import org.transcriptsearch.search.SpeakerSearch;

/** {@code facets=} over the real HTTP app: only the dimensions asked for are counted, none for {@code none}. */
class FacetDimensionsApiTest {
  @TempDir static Path dir;
  static TranscriptIndex index;

  @BeforeAll
  static void build() throws Exception {
    index = TestIndexes.build(dir, TestIndexes.FIXTURE_CORPUS);
  }

  @AfterAll
  static void close() throws Exception {
    index.close();
  }

  private static ApiApp app() {
    SearchService search = new SearchService(index);
    return new ApiApp(search, new SpeakerSearch(index, search));
  }

  private static JsonNode get(io.javalin.testtools.HttpClient client, String path, int status) throws Exception {
    var response = client.get(path);
    assertThat(response.code()).as(path).isEqualTo(status);
    return Json.mapper().readTree(response.body().string());
  }

  private static List<String> keys(JsonNode node) {
    List<String> out = new ArrayList<>();
    node.fieldNames().forEachRemaining(out::add);
    return out;
  }

  @Test
  void onlyTheDimensionsAskedForAreCountedWithTheSameCountsAsAll() {
    JavalinTest.test(app().create(), (server, client) -> {
      JsonNode all = get(client, "/api/search?q=crimea&speaker=lavrov", 200);
      assertThat(keys(all.get("facets"))).containsExactly("speaker", "program", "topic", "role");
      JsonNode some = get(client, "/api/search?q=crimea&speaker=lavrov&facets=topic,speaker", 200);
      assertThat(keys(some.get("facets"))).containsExactly("speaker", "topic");
      assertThat(some.get("facets").get("speaker")).isEqualTo(all.get("facets").get("speaker"));
      assertThat(some.get("facets").get("topic")).isEqualTo(all.get("facets").get("topic"));
      JsonNode repeated = get(client, "/api/search?q=crimea&speaker=lavrov&facets=topic&facets=speaker", 200);
      assertThat(repeated.get("facets")).isEqualTo(some.get("facets"));
      assertThat(some.get("hits")).isEqualTo(all.get("hits"));
      assertThat(some.get("total")).isEqualTo(all.get("total"));
    });
  }

  @Test
  void noneCountsNoFacetsAndKeepsTheExactTotal() {
    JavalinTest.test(app().create(), (server, client) -> {
      JsonNode all = get(client, "/api/search?q=crimea", 200);
      JsonNode none = get(client, "/api/search?q=crimea&facets=none", 200);
      assertThat(keys(none.get("facets"))).isEmpty();
      assertThat(none.get("total").asLong()).isEqualTo(all.get("total").asLong()).isPositive();
      assertThat(none.get("totalRelation").asText()).isEqualTo("eq");
      assertThat(none.get("hits")).isEqualTo(all.get("hits"));
      assertThat(none.get("nextCursor")).isEqualTo(all.get("nextCursor"));
    });
  }

  @Test
  void anUnknownDimensionIsRefusedByName() {
    JavalinTest.test(app().create(), (server, client) -> {
      JsonNode refused = get(client, "/api/search?q=crimea&facets=speaker,date", 400);
      assertThat(refused.get("detail").asText())
          .isEqualTo("facets must be among speaker, program, topic, role (or none), was 'date'");
    });
  }
}
