package org.transcriptsearch.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.transcriptsearch.TestIndexes;
import org.transcriptsearch.http.ApiApp;
import org.transcriptsearch.http.ApiConfig;
import org.transcriptsearch.index.TranscriptIndex;
import org.transcriptsearch.search.SearchService;
import org.transcriptsearch.search.SpeakerSearch;

/**
 * The page of a server that requires an API key for reads: the first search asks for the key, and once entered
 * (kept for the tab only, in sessionStorage) every search sends it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiKeyPageBrowserTest {
  private static final String KEY = "page-reader-key";

  private TranscriptIndex index;
  private Javalin app;
  private Browser browser;

  @BeforeAll
  void start(@TempDir Path temp) throws IOException {
    if (!Browser.installed()) {
      return;
    }
    index = TestIndexes.build(temp.resolve("index"), TestIndexes.FIXTURE_CORPUS);
    SearchService search = new SearchService(index);
    app = new ApiApp(search, new SpeakerSearch(index, search), null, ApiConfig.DEFAULT.withApiKeys(Set.of(KEY)))
        .create().start("127.0.0.1", 0);
    browser = Browser.start(temp.resolve("profile"));
  }

  @AfterAll
  void stop() throws IOException {
    if (browser != null) {
      browser.close();
    }
    if (app != null) {
      app.stop();
      index.close();
    }
  }

  @BeforeEach
  void needsChromium() {
    Browser.assumeInstalled();
  }

  @Test
  void theFirstSearchAsksForTheKeyAndTheKeyIsKeptForTheTab() {
    browser.driver.get("http://127.0.0.1:" + app.port() + "/?q=crimea");
    browser.waitFor(d -> d.findElements(By.id("api-key")).isEmpty() ? null : true);
    assertThat(browser.driver.findElement(By.id("api-key-form")).getText()).contains("API key");
    assertThat(browser.driver.findElements(By.cssSelector("#hits > li"))).isEmpty();
    assertThat(browser.driver.switchTo().activeElement().getAttribute("id")).isEqualTo("api-key");
    Axe.assertNoViolations(browser.driver, "the API-key prompt");
    browser.consoleErrors(); // the 401s that made the page ask

    browser.driver.findElement(By.id("api-key")).sendKeys(KEY);
    browser.driver.findElement(By.cssSelector("#api-key-form button")).click();

    browser.waitFor(d -> d.findElements(By.cssSelector("#hits > li")).isEmpty() ? null : true);
    assertThat(browser.driver.findElements(By.id("api-key-form"))).isEmpty();
    Object stored = ((JavascriptExecutor) browser.driver)
        .executeScript("return [sessionStorage.getItem('transcript-search.api-key'), localStorage.length];");
    assertThat(stored.toString()).isEqualTo("[" + KEY + ", 0]");
  }
}
