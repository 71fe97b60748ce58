package org.transcriptsearch.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.transcriptsearch.TestIndexes;
import org.transcriptsearch.http.ApiApp;
import org.transcriptsearch.index.TranscriptIndex;
import org.transcriptsearch.search.SampledSearches;
import org.transcriptsearch.search.SearchService;
import org.transcriptsearch.search.SpeakerSearch;

/**
 * The page's status line for a search whose total is estimated from a sample: "About N quotes", then what was
 * really found; an exact total reads as before. The facets here are sampled past 1,000 hits (the server's default is
 * 20,000), on a generated corpus.
 */
class EstimatedTotalBrowserTest {
  @TempDir static Path dir;
  private static TranscriptIndex index;
  private static Javalin server;
  private static Browser browser;

  @BeforeAll
  static void serve() throws Exception {
    index = TestIndexes.generated(dir, 400);
    SearchService search = SampledSearches.of(index, 500);
    server = new ApiApp(search, new SpeakerSearch(index, search)).create().start("127.0.0.1", 0);
    if (Browser.installed()) {
      browser = Browser.start(dir.resolve("profile"));
    }
  }

  @AfterAll
  static void stop() throws Exception {
    if (browser != null) {
      browser.close();
    }
    if (server != null) {
      server.stop();
    }
    if (index != null) {
      index.close();
    }
  }

  @BeforeEach
  void blankPage() {
    Browser.assumeInstalled();
    browser.driver.get("about:blank");
    browser.consoleErrors();
  }

  @Test
  void anEstimatedTotalReadsAsAboutNAndSaysWhatWasFound() throws Exception {
    var answer = Json.get(server, "/api/search?q=people%20OR%20time");
    String expected = "About " + answer.get("estimatedTotal").asLong() + " quotes for “people OR time” (estimated from"
        + " a sample; at least " + answer.get("total").asLong() + "); showing 10.";
    assertThat(status("/?q=people%20OR%20time")).isEqualTo(expected);
    assertThat(browser.consoleErrors()).isEmpty();
  }

  @Test
  void anExactTotalReadsAsBefore() throws Exception {
    long total = Json.get(server, "/api/search?q=people").get("total").asLong();
    assertThat(status("/?q=people")).isEqualTo(total + " quotes for “people”; showing 10.");
  }

  private String status(String path) {
    browser.driver.get("http://127.0.0.1:" + server.port() + path);
    return browser.waitFor(d -> {
      String text = d.findElement(By.id("status")).getText();
      return d.findElements(By.cssSelector("#hits > .hit")).isEmpty() || text.equals("Searching…") ? null : text;
    });
  }

  /** The API's answer as JSON, read over HTTP. */
  private static final class Json {
    static com.fasterxml.jackson.databind.JsonNode get(Javalin app, String path) throws Exception {
      var client = java.net.http.HttpClient.newHttpClient();
      var response = client.send(
          java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + app.port() + path)).build(),
          java.net.http.HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(200);
      return org.transcriptsearch.model.Json.mapper().readTree(response.body());
    }
  }
}
