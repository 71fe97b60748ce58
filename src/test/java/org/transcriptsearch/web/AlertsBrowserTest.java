package org.transcriptsearch.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.transcriptsearch.TestIndexes;
import org.transcriptsearch.alerts.AlertService;
import org.transcriptsearch.alerts.Webhooks;
import org.transcriptsearch.http.ApiApp;
import org.transcriptsearch.http.ApiConfig;
import org.transcriptsearch.http.Newsroom;
import org.transcriptsearch.index.TranscriptIndex;
import org.transcriptsearch.ingest.TranscriptWriter;
import org.transcriptsearch.search.SearchService;
import org.transcriptsearch.search.SpeakerSearch;

/** Alerts in the page, in headless Chromium: the current search saved with the admin token, and its matches shown. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AlertsBrowserTest {
  private static final String TOKEN = "page-admin-token";

  private TranscriptIndex index;
  private AlertService alerts;
  private Javalin app;
  private Browser browser;

  @BeforeAll
  void start(@TempDir Path temp) throws Exception {
    if (!Browser.installed()) {
      return;
    }
    index = TestIndexes.build(temp.resolve("index"), TestIndexes.FIXTURE_CORPUS);
    SearchService search = new SearchService(index);
    alerts = AlertService.open(temp.resolve("alerts"), index, search, new Webhooks(Set.of()));
    index.addPutListener(alerts);
    app = new ApiApp(search, new SpeakerSearch(index, search), new TranscriptWriter(index, TestIndexes.PIPELINE),
        ApiConfig.DEFAULT.withAdminToken(TOKEN), new Newsroom(alerts, null)).create().start("127.0.0.1", 0);
    browser = Browser.start(temp.resolve("profile"));
  }

  @AfterAll
  void stop() throws Exception {
    if (browser != null) {
      browser.close();
      app.stop();
      alerts.close();
      index.close();
    }
  }

  @BeforeEach
  void installed() {
    Browser.assumeInstalled();
  }

  @Test
  void theSearchShownIsSavedWithTheTokenAndItsNewMatchesAppear() throws Exception {
    browser.driver.get("http://127.0.0.1:" + app.port() + "/?q=okapi&role=guest");
    browser.consoleErrors();
    browser.driver.findElement(By.cssSelector("#alerts-panel > summary")).click();
    awaitStatus("No alerts yet");

    browser.driver.findElement(By.id("save-alert")).click();
    WebElement name = browser.driver.findElement(By.id("alert-name"));
    assertThat(name.getAttribute("value")).isEqualTo("okapi");
    browser.driver.findElement(By.id("alert-token")).sendKeys("wrong-token");
    browser.driver.findElement(By.cssSelector("#save-alert-form button[type=submit]")).click();
    awaitStatus("Not saved");
    assertThat(status()).isEqualTo("Not saved: the admin token is not valid");
    assertThat(browser.consoleErrors()).singleElement().asString().contains("/api/alerts", "401");

    browser.driver.findElement(By.id("alert-token")).sendKeys(TOKEN);
    browser.driver.findElement(By.cssSelector("#save-alert-form button[type=submit]")).click();
    awaitStatus("Saved");
    WebElement card = browser.waitFor(d -> d.findElement(By.cssSelector(".alert-card")));
    assertThat(card.findElement(By.tagName("h3")).getText()).isEqualTo("okapi");
    assertThat(card.findElement(By.cssSelector(".meta")).getText()).startsWith("“okapi”, role: guest");
    assertThat(card.findElement(By.cssSelector(".alert-count")).getText()).isEqualTo("0 matches");
    assertThat(alerts.list().get(0).role()).containsExactly("guest");

    post("""
        {"id": "page-okapi", "title": "Okapi <Story>", "program": "Morning Edition", "date": "2024-05-01", "turns": [
         {"n": 1, "speaker": {"name": "Jane Doe", "role": "guest"}, "text": "An okapi & <b>friends</b>.",
          "attribution": "labelled"}]}""");
    assertThat(alerts.awaitIdle(Duration.ofSeconds(20))).isTrue();
    browser.driver.navigate().refresh();
    browser.driver.findElement(By.cssSelector("#alerts-panel > summary")).click();
    WebElement match = browser.waitFor(d -> d.findElement(By.cssSelector(".alert-match")));
    assertThat(browser.driver.findElement(By.cssSelector(".alert-count")).getText()).isEqualTo("1 match");
    assertThat(match.findElement(By.cssSelector("blockquote")).getText()).isEqualTo("An okapi & <b>friends</b>.");
    assertThat(match.findElement(By.cssSelector("blockquote mark")).getText()).isEqualTo("okapi");
    assertThat(match.findElements(By.cssSelector("blockquote b"))).isEmpty();
    assertThat(match.findElement(By.cssSelector("a.alert-story")).getText()).isEqualTo("Okapi <Story>");
    assertThat(browser.consoleErrors()).isEmpty();
  }

  @Test
  void theKeyboardKeepsItsPlaceThroughTheFormAndTheListAndAxeFindsNothing() {
    browser.driver.get("http://127.0.0.1:" + app.port() + "/?q=kerry");
    browser.driver.executeScript("sessionStorage.clear()"); // no token kept from another test
    browser.driver.navigate().refresh();
    Keyboard keys = new Keyboard(browser);
    keys.tabTo(f -> f.tag().equals("summary") && f.text().equals("Alerts"));
    keys.press(Keys.ENTER);
    browser.waitFor(d -> status().startsWith("No alerts yet") || !d.findElements(By.cssSelector(".alert-card")).isEmpty());
    keys.tabTo(f -> f.id().equals("save-alert"));
    keys.watchFocus();

    keys.press(Keys.ENTER);
    assertThat(keys.focused().id()).isEqualTo("alert-name");
    keys.tabTo(f -> f.id().equals("cancel-alert"));
    keys.press(Keys.ENTER);
    assertThat(keys.focused().id()).as("after Cancel").isEqualTo("save-alert");

    keys.press(Keys.ENTER);
    keys.tabTo(f -> f.id().equals("alert-token"));
    keys.press(TOKEN, Keys.ENTER);
    awaitStatus("Saved");
    assertThat(keys.focused().id()).as("after Save").isEqualTo("save-alert");
    browser.waitFor(d -> cardNames().contains("kerry"));
    Axe.assertNoViolations(browser.driver, "the alerts panel with its cards");

    keys.tabTo(f -> f.text().equals("Delete") && "kerry".equals(focusedCard()));
    keys.press(Keys.ENTER);
    awaitStatus("Deleted “kerry”.");
    browser.waitFor(d -> !cardNames().contains("kerry"));
    Focused after = keys.focused();
    assertThat(after.text().equals("Delete") || after.id().equals("save-alert"))
        .as("after Delete, focus is on %s", after).isTrue();
    assertThat(keys.framesOnBody()).as("frames with focus on <body>").isZero();
    assertThat(browser.consoleErrors()).isEmpty();
  }

  private List<String> cardNames() {
    return browser.driver.findElements(By.cssSelector(".alert-card h3")).stream().map(WebElement::getText).toList();
  }

  private String focusedCard() {
    return (String) browser.driver.executeScript(
        "return document.activeElement.closest('.alert-card')?.querySelector('h3').textContent ?? null;");
  }

  private void awaitStatus(String start) {
    try {
      browser.waitFor(d -> status().startsWith(start));
    } catch (RuntimeException e) {
      throw new AssertionError("status: '" + status() + "'; console: " + browser.consoleErrors(), e);
    }
  }

  private String status() {
    return browser.driver.findElement(By.id("alerts-status")).getText();
  }

  private void post(String json) throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/api/transcripts"))
            .header("Authorization", "Bearer " + TOKEN)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
  }
}
