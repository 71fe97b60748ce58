package org.transcriptsearch.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;
import org.transcriptsearch.http.ApiConfig;
import org.transcriptsearch.http.CorsPolicy;
import org.transcriptsearch.solr.LocalSolrCloud;
import org.transcriptsearch.solr.LostShard;
import org.transcriptsearch.solr.SharedSolrCloud;

/**
 * The page served from a SolrCloud collection one of whose two shards has no replica left: the quotes shown are the
 * other shard's, a notice above them says so (and why there is no next page), the widget's status line says so in a
 * host page, and both stay accessible.
 */
@Tag("solrcloud")
@ExtendWith(SharedSolrCloud.class)
class ShardLostBrowserTest {
  private static LostShard lost;
  private static Browser browser;
  private static Javalin host;

  @BeforeAll
  static void loseAShard(LocalSolrCloud cluster, @TempDir Path temp) throws Exception {
    AtomicInteger apiPort = new AtomicInteger();
    host = hostSite(apiPort).start("127.0.0.1", 0);
    CorsPolicy cors = new CorsPolicy(Set.of("http://127.0.0.1:" + host.port()));
    lost = LostShard.create(cluster, "shard-lost-page", ApiConfig.DEFAULT.withCors(cors));
    apiPort.set(lost.server().port());
    lost.lose();
    if (Browser.installed()) {
      browser = Browser.start(temp.resolve("profile"));
    }
  }

  @AfterAll
  static void stop() throws Exception {
    if (browser != null) {
      browser.close();
    }
    if (lost != null) {
      lost.close();
    }
    if (host != null) {
      host.stop();
    }
  }

  @BeforeEach
  void blankPage() {
    Browser.assumeInstalled();
    browser.driver.manage().window().setSize(new Dimension(1280, 1000));
    browser.driver.get("about:blank");
    browser.consoleErrors();
  }

  @Test
  void aNoticeAboveTheQuotesSaysFewerPartsAnswered() {
    browser.driver.get("http://127.0.0.1:" + lost.server().port() + "/?q=crimea");
    WebElement notice = browser.waitFor(d -> d.findElements(By.id("shards-notice")).stream().findFirst().orElse(null));
    assertThat(notice.getText()).isEqualTo("Answered by 1 of 2 parts of the collection (the others are down): these"
        + " quotes and counts leave theirs out, and there is no next page until every part answers.");
    List<WebElement> hits = browser.waitFor(d -> {
      List<WebElement> shown = d.findElements(By.cssSelector("#hits > .hit"));
      return shown.isEmpty() ? null : shown;
    });
    // Above the quotes: the notes come first in the results, before the list of hits.
    assertThat(notice.getLocation().getY()).isLessThan(hits.getFirst().getLocation().getY());
    assertThat(browser.driver.findElement(By.id("status")).getText()).endsWith("showing " + hits.size() + ".");
    assertThat(browser.driver.findElement(By.id("more")).isDisplayed()).isFalse();
    // The timeline above them counts the same shards, and says so too.
    WebElement counted = browser.waitFor(d -> d.findElements(By.cssSelector("#timeline .shards-notice")).stream()
        .findFirst().orElse(null));
    assertThat(counted.getText()).isEqualTo("Answered by 1 of 2 parts of the collection (the others are down): these"
        + " counts leave theirs out.");
    assertThat(browser.driver.findElement(By.id("timeline")).isDisplayed()).isTrue();
    Axe.assertNoViolations(browser.driver, "the results answered by fewer shards");
    assertThat(browser.consoleErrors()).isEmpty();
  }

  @Test
  void aPersonsRecordSaysItLeavesOutTheLostShardsTurns() {
    browser.driver.get("http://127.0.0.1:" + lost.server().port() + "/?person=Michele+Kelemen");
    WebElement notice = browser.waitFor(d -> d.findElements(By.cssSelector(".person-head .shards-notice")).stream()
        .findFirst().orElse(null));
    assertThat(notice.getText()).isEqualTo("Answered by 1 of 2 parts of the collection (the others are down): this"
        + " record leaves out the turns they hold.");
    assertThat(browser.driver.findElement(By.id("person-name")).getText()).isEqualTo("Michele Kelemen");
    Axe.assertNoViolations(browser.driver, "a person's record answered by fewer shards");
    assertThat(browser.consoleErrors()).isEmpty();
  }

  @Test
  void theWidgetSaysSoInItsStatusLine() {
    browser.driver.get("http://127.0.0.1:" + host.port() + "/");
    String status = browser.waitFor(d -> {
      SearchContext root = d.findElement(By.cssSelector("transcript-search")).getShadowRoot();
      List<WebElement> hits = root.findElements(By.cssSelector("li.hit"));
      return hits.isEmpty() ? null : root.findElement(By.cssSelector(".status")).getText();
    });
    assertThat(status).matches("\\d+ quotes? for “crimea”(; showing \\d+)?\\. Answered by 1 of 2 parts of the"
        + " collection \\(the others are down\\)\\.");
    Axe.assertNoViolations(browser.driver, "the widget answered by fewer shards", "transcript-search");
    assertThat(browser.consoleErrors()).allSatisfy(error -> assertThat(error).contains("/favicon.ico"));
  }

  /** An intranet page embedding the widget from the search server on {@code apiPort}. */
  private static Javalin hostSite(AtomicInteger apiPort) {
    return Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.routes.get("/", ctx -> ctx.html("""
          <!doctype html>
          <html lang="en"><head><meta charset="utf-8"><title>Newsroom intranet</title></head>
          <body><h1>Intranet</h1>
            <script src="http://127.0.0.1:%1$d/widget.js"></script>
            <transcript-search endpoint="http://127.0.0.1:%1$d" q="crimea" size="5"></transcript-search>
          </body></html>
          """.formatted(apiPort.get())));
    });
  }
}
