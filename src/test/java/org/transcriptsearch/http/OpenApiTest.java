package org.transcriptsearch.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.JavalinTest;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transcriptsearch.TestIndexes;
import org.transcriptsearch.index.TranscriptIndex;
import org.transcriptsearch.model.Json;
import org.transcriptsearch.search.SearchService;
import org.transcriptsearch.search.SpeakerSearch;

/** The OpenAPI document describes exactly the routes the app serves. */
class OpenApiTest {
  @TempDir Path dir;

  @Test
  void documentListsEveryRouteAndNoOther() throws Exception {
    try (TranscriptIndex index = TestIndexes.build(dir)) {
      SearchService search = new SearchService(index);
      ApiApp api = new ApiApp(search, new SpeakerSearch(index, search));
      Set<String> served = new TreeSet<>();
      api.routes().forEach(r -> served.add(r.method().name().toLowerCase(Locale.ROOT) + " " + r.path()));
      JavalinTest.test(api.create(), (server, client) -> {
        var response = client.get("/openapi.json");
        assertThat(response.code()).isEqualTo(200);
        JsonNode doc = Json.mapper().readTree(response.body().string());
        assertThat(doc.get("openapi").asText()).isEqualTo("3.1.0");
        Set<String> documented = new TreeSet<>();
        doc.get("paths").properties().forEach(path ->
            path.getValue().properties().forEach(op -> documented.add(op.getKey() + " " + path.getKey())));
        assertThat(documented).isEqualTo(served);
        // Every documented route is really there: no 404 "no route" for any of them.
        for (String route : documented) {
          String path = route.substring(route.indexOf(' ') + 1).replaceAll("\\{[^}]+\\}", "x");
          if (route.startsWith("get ")) {
            assertThat(client.get(path).code()).as(route).isNotEqualTo(405);
          }
        }
      });
    }
  }
}
