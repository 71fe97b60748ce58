package org.transcriptsearch.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.transcriptsearch.solr.LocalSolrCloud;
import org.transcriptsearch.solr.LostShard;
import org.transcriptsearch.solr.SharedSolrCloud;

/**
 * The page served from a SolrCloud collection one of whose two shards has no replica left: the quotes shown are the
 * other shard's, a notice above them says so (and why there is no next page), and the view stays accessible.
 */
@Tag("solrcloud")
@ExtendWith(SharedSolrCloud.class)
class ShardLostBrowserTest {
  private static LostShard lost;
  private static Browser browser;

  @BeforeAll
  static void loseAShard(LocalSolrCloud cluster, @TempDir Path temp) throws Exception {
    lost = LostShard.create(cluster, "shard-lost-page");
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
    Axe.assertNoViolations(browser.driver, "the results answered by fewer shards");
    // The timeline needs every shard (its counts would be wrong, not smaller): refused with 503, it hides itself.
    assertThat(browser.consoleErrors())
        .allSatisfy(error -> assertThat(error).contains("/api/timeline").contains("503"));
  }
}
