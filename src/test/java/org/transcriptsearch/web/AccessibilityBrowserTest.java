package org.transcriptsearch.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;

/**
 * axe-core's WCAG 2.1 A and AA rules over every view of the page, each in the state a reader sees it once it has
 * loaded, and over the widget in a host page. (The alerts panel with its cards, and the API-key prompt, are checked
 * in {@link AlertsBrowserTest} and {@link ApiKeyPageBrowserTest}, which start the servers those need.)
 */
class AccessibilityBrowserTest extends ConsoleCheckedBrowserTest {
  @BeforeEach
  void desktopSize() {
    browser.driver.manage().window().setSize(new Dimension(1280, 1000));
  }

  @Test
  void theEmptyPage() {
    open("/");
    browser.waitFor(d -> d.findElements(By.cssSelector(".welcome")).isEmpty() ? null : true);
    Axe.assertNoViolations(browser.driver, "the empty page");
  }

  @Test
  void resultsWithTimelineFacetsAndSpeakers() {
    open("/?q=crimea");
    searched(5);
    browser.waitFor(d -> d.findElement(By.id("speakers-panel")).isDisplayed());
    browser.waitFor(d -> d.findElement(By.id("timeline")).isDisplayed());
    Axe.assertNoViolations(browser.driver, "the results of /?q=crimea");
  }

  @Test
  void resultsOnAPhone() {
    browser.driver.manage().window().setSize(new Dimension(390, 844));
    open("/?q=crimea");
    searched(5);
    Axe.assertNoViolations(browser.driver, "the results of /?q=crimea at 390 px");
  }

  @Test
  void aFacetApplied() {
    open("/?q=crimea&speaker=Sergey+Lavrov");
    searched(2);
    browser.waitFor(d -> d.findElement(By.cssSelector(".chip[data-value='Sergey Lavrov']")));
    Axe.assertNoViolations(browser.driver, "the results with a facet applied");
  }

  @Test
  void noResultsWithWhatWouldFindSome() {
    open("/?q=crimea&speaker=Nobody");
    browser.waitFor(d -> status().startsWith("No quotes found") ? true : null);
    Axe.assertNoViolations(browser.driver, "a search that finds nothing");
  }

  @Test
  void theContextOfAQuoteOpen() {
    open("/?q=ultimatums");
    WebElement hit = searched(1).get(0);
    hit.findElement(By.xpath(".//button[normalize-space()='Show context']")).click();
    browser.waitFor(d -> hit.findElements(By.cssSelector(".context-before")).isEmpty() ? null : true);
    Axe.assertNoViolations(browser.driver, "a quote with its context open");
  }

  @Test
  void allQuotesLoadedWithTheNextPage() {
    open("/?to=2030-01-01");
    searched(10);
    browser.driver.findElement(By.id("more")).click();
    browser.waitFor(d -> d.findElements(By.cssSelector("#hits > .hit")).size() == 13 ? true : null);
    Axe.assertNoViolations(browser.driver, "the second page of results");
  }

  @Test
  void theTranscript() {
    open("/?q=ultimatums&episode=fx-crimea-2014&turn=4");
    browser.waitFor(d -> d.findElements(By.cssSelector("#turn-4 mark")).isEmpty() ? null : true);
    Axe.assertNoViolations(browser.driver, "the transcript view");
  }

  @Test
  void aTranscriptThatDoesNotExist() {
    open("/?episode=no-such-episode");
    browser.waitFor(d -> d.findElement(By.id("transcript-title")).getText().equals("Transcript not available"));
    browser.consoleErrors(); // the 404 the page was answered
    Axe.assertNoViolations(browser.driver, "a missing transcript");
  }

  @Test
  void aPersonsRecord() {
    open("/?person=Sergey+Lavrov");
    browser.waitFor(d -> d.findElements(By.cssSelector("#person-view .person-facts")).isEmpty() ? null : true);
    Axe.assertNoViolations(browser.driver, "a person's record");
  }

  @Test
  void aQuoteCheck() {
    open("/?quote=the+people+of+crimea+must+decide+their+future");
    browser.waitFor(d -> d.findElements(By.cssSelector("#quote-view .hit")).isEmpty() ? null : true);
    Axe.assertNoViolations(browser.driver, "a quote check");
  }

  @Test
  void theFoldedPanelsOpen() {
    open("/?q=crimea");
    searched(5);
    browser.driver.findElement(By.cssSelector("#quote-check summary")).click();
    browser.driver.findElement(By.cssSelector("#alerts-panel summary")).click();
    browser.waitFor(d -> d.findElement(By.id("alerts-status")).getText().isEmpty() ? null : true);
    browser.consoleErrors(); // this server keeps no alerts: the page says so, and the browser logs the 404
    Axe.assertNoViolations(browser.driver, "the search view with the alerts and quote-check panels open");
  }

  @Test
  void theWidgetInAHostPage() {
    browser.driver.get(servers.allowedSite());
    browser.waitFor(d -> {
      SearchContext root = d.findElement(By.cssSelector("transcript-search")).getShadowRoot();
      return root.findElements(By.cssSelector("li.hit")).size() == 5 ? true : null;
    });
    // The host page is the test's own, red on white so that a leak of styles would show: only the widget is checked.
    Axe.assertNoViolations(browser.driver, "the widget in a host page", "transcript-search");
    // The host page has no icon; anything else logged would be the widget's.
    assertThat(browser.consoleErrors()).allSatisfy(error -> assertThat(error).contains("/favicon.ico"));
  }

  private void open(String path) {
    browser.driver.get(servers.api() + path);
  }

  private List<WebElement> searched(int expected) {
    return browser.waitFor(d -> {
      List<WebElement> hits = d.findElements(By.cssSelector("#hits > .hit"));
      return hits.size() == expected && !status().equals("Searching…") ? hits : null;
    });
  }

  private String status() {
    return browser.driver.findElement(By.id("status")).getText();
  }
}
