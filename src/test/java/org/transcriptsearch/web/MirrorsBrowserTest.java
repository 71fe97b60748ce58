package org.transcriptsearch.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.transcriptsearch.TestIndexes;
import org.transcriptsearch.http.ApiApp;
import org.transcriptsearch.index.TranscriptIndex;
import org.transcriptsearch.search.SearchService;
import org.transcriptsearch.search.SpeakerSearch;

/** The page in headless Chromium: a story's sites in the transcript view, a soundbite's other stories on a hit. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MirrorsBrowserTest {
  private TranscriptIndex index;
  private Javalin server;
  private Browser browser;

  @BeforeAll
  void start(@TempDir Path temp) throws Exception {
    if (!Browser.installed()) {
      return;
    }
    index = TestIndexes.build(temp.resolve("index"), Path.of("src", "test", "resources", "fixtures", "mirrors"),
        Path.of("src", "test", "resources", "fixtures", "soundbites.jsonl"));
    SearchService search = new SearchService(index);
    server = new ApiApp(search, new SpeakerSearch(index, search)).create().start("127.0.0.1", 0);
    browser = Browser.start(temp.resolve("profile"));
  }

  @AfterAll
  void stop() throws Exception {
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
  void blank() {
    Browser.assumeInstalled();
    browser.driver.get("about:blank");
    browser.consoleErrors();
  }

  private void open(String path) {
    browser.driver.get("http://127.0.0.1:" + server.port() + path);
  }

  @Test
  void theTranscriptViewNamesEverySiteOfTheStory() {
    open("/?q=kelemen");
    browser.waitFor(d -> d.findElements(By.cssSelector("#hits > .hit a.open")).isEmpty() ? null : true);
    browser.driver.findElements(By.cssSelector("#hits > .hit a.open")).get(0).click();
    WebElement sources = browser.waitFor(d -> d.findElements(By.cssSelector(".transcript-head .sources")).stream()
        .findFirst().orElse(null));
    assertThat(sources.getText()).isIn("Published on 2 sites: WKNO FM, KERA", "Published on 2 sites: KERA, WKNO FM");
    assertThat(browser.consoleErrors()).isEmpty();
  }

  @Test
  void aSoundbiteInThreeStoriesIsOneQuoteThatLinksTheOthers() {
    open("/?q=speaker%3Akerry+annexation");
    List<WebElement> hits = browser.waitFor(d -> {
      List<WebElement> found = d.findElements(By.cssSelector("#hits > .hit"));
      return found.isEmpty() ? null : found;
    });
    assertThat(hits).hasSize(1);
    WebElement also = hits.get(0).findElement(By.cssSelector(".also-in"));
    assertThat(also.getText()).isEqualTo("Also aired in 2 other stories: story 1, story 2");
    assertThat(also.findElements(By.tagName("a"))).extracting(a -> a.getAttribute("title"))
        .containsExactly("russia-absorbs-crimea", "sanctions-widen");
    assertThat(browser.driver.findElement(By.id("status")).getText())
        .endsWith("2 more were copies of a quote shown (the same words in another story).");
    assertThat(browser.consoleErrors()).isEmpty();
  }
}
