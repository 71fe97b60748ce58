package org.transcriptsearch.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;

/** The widget tells its reader when it shows only some quotes, links to the rest, and says what it filters by. */
class WidgetSelectionBrowserTest extends BrowserTestBase {
  @BeforeEach
  void needsABrowser() {
    Browser.assumeInstalled();
  }

  @Test
  void fewerQuotesThanFoundLinkToTheRest() {
    browser.driver.get(servers.allowedSite());
    hits(5);
    browser.driver.executeScript("document.querySelector('transcript-search').setAttribute('size', '2')");
    hits(2);
    assertThat(status().getText()).isEqualTo("5 quotes for “crimea”; showing 2.");
    WebElement all = shadow().findElement(By.cssSelector(".all a"));
    assertThat(all.getText()).isEqualTo("See all 5 quotes");
    assertThat(all.getAttribute("href")).isEqualTo(servers.api() + "/?q=crimea");
    assertThat(all.getAttribute("target")).isEqualTo("_blank");
  }

  @Test
  void aSpeakerAttributeIsSaidAboveTheQuotes() {
    browser.driver.get(servers.allowedSite());
    hits(5);
    assertThat(shadow().findElement(By.cssSelector(".filters")).getText()).isEmpty();
    browser.driver.executeScript("const w = document.querySelector('transcript-search');"
        + "w.setAttribute('speaker', 'Sergey Lavrov'); w.setAttribute('program', 'All Things Considered');");
    hits(2);
    assertThat(shadow().findElement(By.cssSelector(".filters")).getText())
        .isEqualTo("Only quotes by Sergey Lavrov, on All Things Considered.");
    assertThat(shadow().findElements(By.cssSelector(".all a"))).isEmpty();
  }

  private SearchContext shadow() {
    return browser.waitFor(d -> d.findElement(By.cssSelector("transcript-search")).getShadowRoot());
  }

  private WebElement status() {
    return shadow().findElement(By.cssSelector(".status"));
  }

  private List<WebElement> hits(int expected) {
    return browser.waitFor(d -> {
      List<WebElement> hits = shadow().findElements(By.cssSelector(".hit"));
      return hits.size() == expected && !status().getText().equals("Searching…") ? hits : null;
    });
  }
}
