package org.transcriptsearch.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.HandlerType;
import io.javalin.testtools.JavalinTest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
        boolean feedRead = route.path().endsWith("/feed.atom") && route.method() != HandlerType.OPTIONS;
        String wanted = feedRead ? feed : expected.get(route.access());
        assertThat(security).as(route.method() + " " + route.path()).isEqualTo(wanted);
      }
    }
  }

  /**
   * HEAD is answered by the GET's handler, so each HEAD operation says what its GET says: the same parameters, the
   * same security, the same statuses with the same headers, and no body. Every path has an OPTIONS operation.
   * {@code python3 src/openapi/implied_operations.py src/main/resources/org/transcriptsearch/http/openapi.json}
   * writes them from the rest of the document.
   */
  @Test
  void eachHeadIsDocumentedAsItsGetWithoutTheBody() throws Exception {
    JsonNode doc = Json.mapper().readTree(ApiApp.class.getResourceAsStream("openapi.json"));
    doc.get("paths").properties().forEach(entry -> {
      String path = entry.getKey();
      JsonNode get = entry.getValue().path("get");
      JsonNode head = entry.getValue().path("head");
      assertThat(entry.getValue().has("options")).as("options " + path).isTrue();
      assertThat(head.isMissingNode()).as("head " + path + " beside its get").isEqualTo(get.isMissingNode());
      if (get.isMissingNode()) {
        return;
      }
      assertThat(head.path("parameters")).as("head " + path + " parameters").isEqualTo(get.path("parameters"));
      assertThat(head.path("security")).as("head " + path + " security").isEqualTo(get.path("security"));
      List<String> statuses = new ArrayList<>();
      get.path("responses").properties().forEach(r -> {
        statuses.add(r.getKey());
        JsonNode response = resolved(doc, r.getValue());
        JsonNode headResponse = head.path("responses").path(r.getKey());
        assertThat(headResponse.path("headers")).as("head " + path + " " + r.getKey() + " headers")
            .isEqualTo(response.path("headers"));
        assertThat(headResponse.has("content")).as("head " + path + " " + r.getKey() + " has no body").isFalse();
      });
      List<String> headStatuses = new ArrayList<>();
      head.path("responses").properties().forEach(r -> headStatuses.add(r.getKey()));
      assertThat(headStatuses).as("head " + path + " statuses").isEqualTo(statuses);
    });
  }

  private static JsonNode resolved(JsonNode doc, JsonNode response) {
    return response.has("$ref") ? doc.at(response.get("$ref").asText().substring(1)) : response;
  }
}
