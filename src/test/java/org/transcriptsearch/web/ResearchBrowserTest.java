package org.transcriptsearch.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/** The page's research parts in headless Chromium: timeline, person view, copy with citation, transcript header. */
class ResearchBrowserTest extends ConsoleCheckedBrowserTest {
  @Test
  void theTimelineAboveTheResultsCountsTheSearchByMonth() {
    open("/?q=crimea");
    hits(5);
    List<WebElement> bars = bars();
    assertThat(bars.get(0).getAttribute("data-start")).isEqualTo("2014-03-01");
    assertThat(bars.get(bars.size() - 1).getAttribute("data-start")).isEqualTo("2016-09-01");
    assertThat(bars).hasSize(31);
    assertThat(bars.stream().mapToInt(b -> Integer.parseInt(b.getAttribute("data-count"))).sum()).isEqualTo(5);
    assertThat(browser.driver.findElement(By.cssSelector("#timeline .timeline-summary")).getText())
        .startsWith("5 dated quotes by month.");
  }

  @Test
  void clickingABarSetsTheDatesToItsMonth() {
    open("/?q=crimea");
    hits(5);
    bar("2014-03-01").click();
    hits(3);
    assertThat(browser.driver.getCurrentUrl()).contains("from=2014-03-01").contains("to=2014-03-31");
    assertThat(browser.driver.findElement(By.id("from")).getAttribute("value")).isEqualTo("2014-03-01");
    assertThat(browser.driver.findElement(By.id("to")).getAttribute("value")).isEqualTo("2014-03-31");
  }

  @Test
  void brushingARangeSetsTheDateFilter() {
    open("/?q=crimea");
    hits(5);
    new Actions(browser.driver)
        .clickAndHold(bar("2014-03-01"))
        .moveToElement(bar("2015-06-01"))
        .release()
        .perform();
    hits(4);
    assertThat(browser.driver.getCurrentUrl()).contains("from=2014-03-01").contains("to=2015-06-30");
  }

  @Test
  void enterOnAFocusedBarSelectsIt() {
    open("/?q=crimea");
    hits(5);
    WebElement bar = bar("2016-09-01");
    browser.driver.executeScript("arguments[0].focus()", bar);
    bar.sendKeys(Keys.ENTER);
    hits(1);
    assertThat(browser.driver.getCurrentUrl()).contains("from=2016-09-01").contains("to=2016-09-30");
  }

  @Test
  void aSpeakerNameOpensThePersonsRecord() {
    open("/?q=" + "ultimatums");
    WebElement hit = hits(1).get(0);
    hit.findElement(By.cssSelector(".who a.speaker-name")).click();
    WebElement name = browser.waitFor(d -> d.findElement(By.cssSelector("#person-view h1#person-name")));
    assertThat(name.getText()).isEqualTo("Sergey Lavrov");
    assertThat(browser.driver.getCurrentUrl()).endsWith("/?person=Sergey+Lavrov");
    assertThat(browser.driver.findElements(By.cssSelector("#person-view .meta > *"))).extracting(WebElement::getText)
        .containsExactly("2 turns", "on air Mar 5, 2014 to Mar 5, 2014");
    String facts = browser.driver.findElement(By.cssSelector(".person-facts")).getText();
    assertThat(facts).contains("Titles\nForeign Minister (2)").contains("Programs\nAll Things Considered (2)");
    assertThat(browser.driver.findElements(By.cssSelector("#person-view .recent .hit"))).hasSize(2);
    assertThat(browser.driver.findElement(By.id("search-view")).isDisplayed()).isFalse();

    browser.driver.navigate().back();
    hits(1);
    assertThat(browser.driver.findElement(By.id("person-view")).isDisplayed()).isFalse();
  }

  @Test
  void anUnknownPersonSaysSo() {
    open("/?person=Nobody+Atall");
    WebElement name = browser.waitFor(d -> d.findElement(By.cssSelector("#person-view h1")));
    browser.waitFor(d -> name.getText().equals("Person not found") ? name : null);
    assertThat(browser.driver.findElement(By.cssSelector("#person-view .status")).getText())
        .isEqualTo("no speaker named 'Nobody Atall'");
    // The browser logs the 404 it was answered; that is the only thing it logs.
    assertThat(browser.consoleErrors()).singleElement().asString().contains("/api/speakers/Nobody%20Atall", "404");
  }

  @Test
  void copyQuoteWithCitationCopiesTheQuoteItsCitationAndItsAddress() {
    open("/?q=ultimatums");
    WebElement hit = hits(1).get(0);
    WebElement copy = hit.findElement(By.cssSelector("button.copy-citation"));
    copy.click();
    browser.waitFor(d -> copy.getAttribute("data-copied"));
    assertThat(copy.getAttribute("data-copied")).isEqualTo(
        "“We do not accept the language of ultimatums. The situation in Crimea is calm.” — Sergey Lavrov, Foreign"
            + " Minister, on All Things Considered, March 5, 2014. " + servers.api()
            + "/?episode=fx-crimea-2014&turn=4");
    WebElement note = hit.findElement(By.cssSelector(".copy-note"));
    browser.waitFor(d -> note.getText().isEmpty() ? null : note);
    assertThat(note.getText()).isIn("Copied.", "Select and copy: " + copy.getAttribute("data-copied"));
  }

  @Test
  void theTranscriptViewShowsItsDateAndSourceAcrossTheWidth() {
    open("/?episode=fx-crimea-2014&turn=2");
    WebElement meta = browser.waitFor(d -> {
      WebElement m = d.findElement(By.id("transcript-meta"));
      return m.getText().isEmpty() ? null : m;
    });
    assertThat(meta.findElements(By.xpath("./*"))).extracting(WebElement::getText)
        .containsExactly("All Things Considered", "Mar 5, 2014", "from fixture", "Original page");
    assertThat(meta.findElement(By.cssSelector("a")).getAttribute("href")).isEqualTo("https://example.org/crimea");
    long turns = (Long) browser.driver.executeScript(
        "return Math.round(document.getElementById('turns').getBoundingClientRect().width)");
    long main = (Long) browser.driver.executeScript(
        "return Math.round(document.querySelector('main').getBoundingClientRect().width)");
    assertThat((double) turns / main).isGreaterThan(0.9);
  }

  @Test
  void checkingAQuoteShowsTheVerdictAndWhatDiffers() {
    open("/");
    browser.driver.findElement(By.cssSelector("#quote-check summary")).click();
    browser.driver.findElement(By.id("quote-text")).sendKeys("the people of crimea must decide their future");
    browser.driver.findElement(By.cssSelector("#quote-form button")).click();
    WebElement verdict = browser.waitFor(d -> {
      List<WebElement> v = d.findElements(By.cssSelector("#quote-view h1#quote-title"));
      return v.isEmpty() ? null : v.get(0);
    });
    assertThat(verdict.getText()).isEqualTo("Said, but not in these words");
    assertThat(browser.driver.getCurrentUrl()).endsWith("/?quote=the+people+of+crimea+must+decide+their+future");
    WebElement match = browser.driver.findElement(By.cssSelector("#quote-view .hit"));
    assertThat(match.getAttribute("data-id")).isEqualTo("fx-crimea-2014-2");
    assertThat(match.findElement(By.cssSelector(".diff del")).getText()).isEqualTo("have the right to");
    assertThat(match.findElement(By.cssSelector(".diff ins")).getText()).isEqualTo("must");
    assertThat(match.findElement(By.cssSelector(".similarity")).getText()).isEqualTo("similarity 0.714");
    assertThat(match.findElement(By.cssSelector(".citation")).getText())
        .isEqualTo("Sergey Lavrov, Foreign Minister, on All Things Considered, March 5, 2014");

    open("/?quote=" + "Nobody+in+Brussels+expected+the+vote+to+fail+so+badly");
    WebElement none = browser.waitFor(d -> {
      List<WebElement> v = d.findElements(By.cssSelector("#quote-view h1#quote-title"));
      return v.isEmpty() ? null : v.get(0);
    });
    assertThat(none.getText()).startsWith("Not found");
    assertThat(browser.driver.findElements(By.cssSelector("#quote-view .hit"))).isEmpty();
  }

  private void open(String path) {
    browser.driver.get(servers.api() + path);
  }

  private List<WebElement> hits(int expected) {
    return browser.waitFor(d -> {
      List<WebElement> hits = d.findElements(By.cssSelector("#hits > .hit"));
      String status = d.findElement(By.id("status")).getText();
      return hits.size() == expected && !status.equals("Searching…") ? hits : null;
    });
  }

  private List<WebElement> bars() {
    return browser.waitFor(d -> {
      List<WebElement> bars = d.findElements(By.cssSelector("#timeline .bar"));
      return bars.isEmpty() || !d.findElement(By.id("timeline")).isDisplayed() ? null : bars;
    });
  }

  private WebElement bar(String start) {
    bars();
    return browser.driver.findElement(By.cssSelector("#timeline .bar[data-start='" + start + "']"));
  }
}
