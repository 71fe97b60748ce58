package org.transcriptsearch.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import com.fasterxml.jackson.databind.JsonNode;
import org.transcriptsearch.model.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import io.javalin.Javalin;
import org.transcriptsearch.TestIndexes;
import org.transcriptsearch.http.ApiApp;
import org.transcriptsearch.http.ApiConfig;
import org.transcriptsearch.http.CorsPolicy;
import org.transcriptsearch.index.TranscriptIndex;
import org.transcriptsearch.search.SearchService;
import org.transcriptsearch.search.SpeakerSearch;

/** CORS and security headers over plain HTTP, against the real app. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebHeadersTest {
  private static final String ALLOWED = "https://intranet.example";
  private static final String OTHER = "https://elsewhere.example";

  private TranscriptIndex index;
  private Javalin app;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  void start(@TempDir Path temp) throws IOException {
    index = TestIndexes.build(temp, TestIndexes.FIXTURE_CORPUS);
    SearchService search = new SearchService(index);
    CorsPolicy cors = new CorsPolicy(Set.of(ALLOWED, "http://127.0.0.1:8080"));
    app = new ApiApp(search, new SpeakerSearch(index, search), null, ApiConfig.DEFAULT.withCors(cors)).create().start("127.0.0.1", 0);
  }

  @AfterAll
  void stop() throws IOException {
    app.stop();
    index.close();
  }

  @Test
  void anAllowedOriginIsEchoedExactly() throws Exception {
    HttpResponse<String> response = get("/api/search?q=crimea", ALLOWED);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().allValues("Access-Control-Allow-Origin")).containsExactly(ALLOWED);
    assertThat(response.headers().allValues("Vary")).contains("Origin");
  }

  @Test
  void anOtherOriginGetsNoCorsHeaders() throws Exception {
    HttpResponse<String> response = get("/api/search?q=crimea", OTHER);

    assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    assertThat(response.headers().allValues("Vary")).contains("Origin");
  }

  @Test
  void anOriginDifferingOnlyInPortOrSchemeIsNotAllowed() throws Exception {
    assertThat(get("/api/search?q=crimea", "http://intranet.example").headers()
        .firstValue("Access-Control-Allow-Origin")).isEmpty();
    assertThat(get("/api/search?q=crimea", "http://127.0.0.1:8081").headers()
        .firstValue("Access-Control-Allow-Origin")).isEmpty();
  }

  @Test
  void theWidgetCarriesTheCorsHeadersToo() throws Exception {
    HttpResponse<String> response = get("/widget.js", ALLOWED);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/javascript"));
    assertThat(response.headers().allValues("Access-Control-Allow-Origin")).containsExactly(ALLOWED);
    assertThat(response.body()).contains("customElements.define('transcript-search'");
  }

  @Test
  void aPreflightFromAnAllowedOriginIsAnswered() throws Exception {
    HttpResponse<String> response = preflight("/api/search", ALLOWED);

    assertThat(response.statusCode()).isEqualTo(204);
    assertThat(response.headers().allValues("Access-Control-Allow-Origin")).containsExactly(ALLOWED);
    assertThat(response.headers().firstValue("Access-Control-Allow-Methods")).hasValue("GET, HEAD");
    assertThat(response.headers().firstValue("Access-Control-Max-Age")).hasValue("600");
    // The widget may send an API key, so the key headers are allowed.
    assertThat(response.headers().firstValue("Access-Control-Allow-Headers"))
        .hasValue("Content-Type, Authorization, X-Api-Key");
    assertThat(response.headers().allValues("Vary")).contains("Origin");
  }

  @Test
  void aPreflightFromAnOtherOriginIsRefused() throws Exception {
    HttpResponse<String> response = preflight("/api/search", OTHER);

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    assertThat(response.headers().firstValue("Access-Control-Allow-Methods")).isEmpty();
  }

  @Test
  void noOriginIsAllowedByDefault() {
    assertThat(CorsPolicy.NONE.allows(ALLOWED)).isFalse();
    assertThat(CorsPolicy.NONE.allows(null)).isFalse();
  }

  @Test
  void aWildcardOrAPathIsNotAnOrigin() {
    assertThatThrownBy(() -> new CorsPolicy(Set.of("*"))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new CorsPolicy(Set.of("https://intranet.example/")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new CorsPolicy(Set.of("intranet.example"))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void thePageHasAContentSecurityPolicyAndNosniff() throws Exception {
    HttpResponse<String> response = get("/", null);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
    assertThat(response.headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("default-src 'self'").contains("script-src 'self'")
            .doesNotContain("unsafe-inline"));
    assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(response.body()).contains("<script type=\"module\" src=\"/assets/app.js\"></script>");
  }

  @Test
  void everyAnswerHasNosniff() throws Exception {
    for (String path : new String[] {"/api/search?q=crimea", "/api/health", "/widget.js", "/assets/app.js",
        "/assets/style.css", "/openapi.json", "/api/nothing", "/api/search?size=0"}) {
      assertThat(get(path, null).headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
    }
  }

  @Test
  void theAssetsAreServedWithTheirTypes() throws Exception {
    assertThat(get("/assets/app.js", null).headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("text/javascript"));
    assertThat(get("/assets/style.css", null).headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("text/css"));
    assertThat(get("/assets/missing.js", null).statusCode()).isEqualTo(404);
  }

  @Test
  void theApiDescriptionListsThePageAndTheWidgetAmongExactlyTheRoutes() throws Exception {
    JsonNode paths = Json.mapper().readTree(get("/openapi.json", null).body()).get("paths");
    Set<String> described = new TreeSet<>();
    paths.fieldNames().forEachRemaining(described::add);
    Set<String> routes = new TreeSet<>();
    new ApiApp(null, null).routes().forEach(route -> routes.add(route.path()));

    assertThat(described).contains("/", "/widget.js").isEqualTo(routes);
  }

  private HttpResponse<String> get(String path, String origin) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
    if (origin != null) {
      request.header("Origin", origin);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> preflight(String path, String origin) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(uri(path))
            .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
            .header("Origin", origin)
            .header("Access-Control-Request-Method", "GET")
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + app.port() + path);
  }
}
