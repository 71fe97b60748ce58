package org.transcriptsearch.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.transcriptsearch.http.Calls.json;

import java.net.http.HttpResponse;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.transcriptsearch.TestIndexes;

/** A server given API keys answers reads only to holders of a key; its page, widget and health stay open. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadAccessTest {
  private static final String KEY = "reader-key-1";
  private static final String TOKEN = "admin-token-1";
  private static final String ORIGIN = "https://intranet.example";

  @RegisterExtension static final ServedIndex served = new ServedIndex(TestIndexes.FIXTURE_CORPUS);
  private Calls calls;

  @BeforeAll
  void start() {
    ApiConfig config = ApiConfig.DEFAULT.withApiKeys(Set.of(KEY, "reader-key-2")).withAdminToken(TOKEN)
        .withCors(new CorsPolicy(Set.of(ORIGIN)));
    calls = new Calls(served.started(config));
  }

  @Test
  void everyReadEndpointNeedsAKey() throws Exception {
    for (String path : new String[] {"/api/search?q=crimea", "/api/highlight?id=fx-crimea-2014-2&q=crimea",
        "/api/utterances/fx-crimea-2014-2", "/api/episodes/fx-crimea-2014", "/api/speakers?prefix=l",
        "/api/speakers?about=crimea"}) {
      HttpResponse<String> response = calls.get(path);
      assertThat(response.statusCode()).as(path).isEqualTo(401);
      assertThat(response.headers().firstValue("WWW-Authenticate")).as(path).hasValue("Bearer");
      assertThat(json(response).get("detail").asText()).as(path).contains("API key is required");
      assertThat(calls.get(path, "X-Api-Key", KEY).statusCode()).as(path).isEqualTo(200);
    }
  }

  @Test
  void aKeyIsAcceptedAsBearerOrHeaderAndAWrongOneIsNot() throws Exception {
    assertThat(calls.get("/api/search?q=crimea", "Authorization", "Bearer " + KEY).statusCode()).isEqualTo(200);
    assertThat(calls.get("/api/search?q=crimea", "X-Api-Key", "reader-key-2").statusCode()).isEqualTo(200);
    assertThat(calls.get("/api/search?q=crimea", "Authorization", "Bearer " + TOKEN).statusCode()).isEqualTo(200);
    HttpResponse<String> wrong = calls.get("/api/search?q=crimea", "X-Api-Key", "reader-key-3");
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(json(wrong).get("detail").asText()).isEqualTo("the API key is not valid");
  }

  @Test
  void aReadKeyDoesNotAllowWriting() throws Exception {
    HttpResponse<String> response = calls.delete("/api/episodes/fx-crimea-2014", "Authorization", "Bearer " + KEY);
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(calls.get("/api/episodes/fx-crimea-2014", "X-Api-Key", KEY).statusCode()).isEqualTo(200);
  }

  @Test
  void thePageTheWidgetTheAssetsTheDescriptionAndHealthStayOpen() throws Exception {
    for (String path : new String[] {"/", "/widget.js", "/assets/app.js", "/openapi.json", "/api/health"}) {
      assertThat(calls.get(path).statusCode()).as(path).isEqualTo(200);
    }
  }

  @Test
  void aPreflightNeedsNoKeyAndAllowsTheKeyHeaders() throws Exception {
    HttpResponse<String> response = calls.options("/api/search", "Origin", ORIGIN,
        "Access-Control-Request-Method", "GET", "Access-Control-Request-Headers", "authorization, x-api-key");

    assertThat(response.statusCode()).isEqualTo(204);
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue(ORIGIN);
    assertThat(response.headers().firstValue("Access-Control-Allow-Headers"))
        .hasValueSatisfying(v -> assertThat(v).contains("Authorization", "X-Api-Key"));
    HttpResponse<String> search = calls.get("/api/search?q=crimea", "Origin", ORIGIN, "X-Api-Key", KEY);
    assertThat(search.statusCode()).isEqualTo(200);
    assertThat(search.headers().firstValue("Access-Control-Allow-Origin")).hasValue(ORIGIN);
  }
}
