package org.transcriptsearch.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.JavalinTest;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transcriptsearch.TestIndexes;
import org.transcriptsearch.index.TranscriptIndex;
import org.transcriptsearch.model.Json;
import org.transcriptsearch.search.SearchService;
import org.transcriptsearch.search.SpeakerSearch;

/** The OpenAPI document describes exactly the routes the app serves, and who may use each. */
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

  /**
   * Each operation's security is its route's access: open routes say so with an empty requirement, reads are open
   * or need an API key (as the server is started), writes need the admin token. The feed is open to its own token.
   */
  @Test
  void documentedSecurityIsEachRoutesAccess() throws Exception {
    JsonNode doc = Json.mapper().readTree(ApiApp.class.getResourceAsStream("openapi.json"));
    Map<Access, String> expected = Map.of(
        Access.OPEN, "[{}]",
        Access.READ, "[{},{\"apiKeyBearer\":[]},{\"apiKeyHeader\":[]}]",
        Access.ADMIN, "[{\"adminToken\":[]}]");
    String feed = "[{},{\"feedToken\":[]},{\"apiKeyBearer\":[]},{\"apiKeyHeader\":[]}]";
    try (TranscriptIndex index = TestIndexes.build(dir)) {
      SearchService search = new SearchService(index);
      for (ApiApp.Route route : new ApiApp(search, new SpeakerSearch(index, search)).routes()) {
        String security = doc.at("/paths/" + route.path().replace("/", "~1") + "/"
            + route.method().name().toLowerCase(Locale.ROOT) + "/security").toString();
        String wanted = route.path().endsWith("/feed.atom") ? feed : expected.get(route.access());
        assertThat(security).as(route.method() + " " + route.path()).isEqualTo(wanted);
      }
    }
  }
}
