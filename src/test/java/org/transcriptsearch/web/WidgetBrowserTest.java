package org.transcriptsearch.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;

/** The widget embedded in pages of other origins, in headless Chromium. */
class WidgetBrowserTest extends BrowserTestBase {
  @BeforeEach
  void needsABrowser() {
    Browser.assumeInstalled();
  }

  @Test
  void anAllowedOriginGetsResultsInsideTheShadowRoot() {
    browser.driver.get(servers.allowedSite());

    List<WebElement> hits = hits(5);
    assertThat(hits.get(0).findElements(By.cssSelector("mark"))).isNotEmpty();
    assertThat(status().getText()).isEqualTo("5 quotes for “crimea”.");
    // The results are in the shadow root only, not in the page's own DOM.
    assertThat(browser.driver.findElements(By.cssSelector("transcript-search .hit"))).isEmpty();
  }

  @Test
  void stylesNeitherLeakInNorOut() {
    browser.driver.get(servers.allowedSite());
    WebElement hit = hits(5).get(0);

    // The widget's own sheet applies even under the host's strict CSP (no inline styles)...
    assertThat(hit.getCssValue("border-top-style")).isEqualTo("solid");
    // ...the page's rules for li, mark and .status do not reach into the widget...
    assertThat(hit.getCssValue("color")).isNotEqualTo("rgba(255, 0, 0, 1)");
    assertThat(hit.findElement(By.cssSelector("mark")).getCssValue("background-color"))
        .isEqualTo("rgba(255, 225, 122, 1)");
    assertThat(status().getCssValue("color")).isNotEqualTo("rgba(0, 128, 0, 1)");
    // ...and the widget's li rule (a top border) does not reach the page's own list.
    assertThat(browser.driver.findElement(By.id("own-item")).getCssValue("border-top-style")).isEqualTo("none");
  }

  @Test
  void theAccentIsThemableWithACustomProperty() {
    browser.driver.get(servers.allowedSite());
    hits(5);

    browser.driver.executeScript(
        "document.querySelector('transcript-search').style.setProperty('--ts-accent', 'rgb(1, 2, 3)')");

    WebElement button = shadow().findElement(By.cssSelector("button"));
    assertThat(button.getCssValue("background-color")).isEqualTo("rgba(1, 2, 3, 1)");
  }

  @Test
  void changedAttributesSearchAgain() {
    browser.driver.get(servers.allowedSite());
    hits(5);

    browser.driver.executeScript(
        "const w = document.querySelector('transcript-search');"
            + "w.setAttribute('q', 'crimea'); w.setAttribute('speaker', 'Sergey Lavrov');");

    List<WebElement> hits = hits(2);
    assertThat(hits).allSatisfy(h -> assertThat(h.findElement(By.cssSelector(".who")).getText()).startsWith("Sergey Lavrov"));

    browser.driver.executeScript(
        "const w = document.querySelector('transcript-search');"
            + "w.removeAttribute('speaker'); w.setAttribute('q', 'nowhere');");
    assertThat(hits(1).get(0).getText()).startsWith("Alison Meuse").contains("nowhere left to go");
  }

  @Test
  void aLinkWithFocusRedrawnByTheHostPageHandsFocusToTheSearchBox() {
    browser.driver.get(servers.allowedSite());
    hits(5);
    Keyboard keys = new Keyboard(browser);
    keys.tabTo(f -> f.tag().equals("transcript-search") && "a".equals(focusedInWidget()));

    browser.driver.executeScript("document.querySelector('transcript-search').setAttribute('q', 'ultimatums')");

    hits(1);
    assertThat(focusedInWidget()).isEqualTo("input");
  }

  /** The tag of what has focus inside the widget's shadow root, or null. */
  private String focusedInWidget() {
    return (String) browser.driver.executeScript(
        "return document.querySelector('transcript-search').shadowRoot.activeElement?.tagName.toLowerCase() ?? null;");
  }

  @Test
  void theSearchBoxSearches() {
    browser.driver.get(servers.allowedSite());
    hits(5);

    WebElement box = shadow().findElement(By.cssSelector("input"));
    box.clear();
    box.sendKeys("ultimatums", Keys.ENTER);

    WebElement hit = hits(1).get(0);
    assertThat(hit.findElement(By.cssSelector("mark")).getText()).isEqualTo("ultimatums");
    assertThat(hit.findElement(By.cssSelector("a")).getAttribute("href"))
        .isEqualTo(servers.api() + "/?episode=fx-crimea-2014&turn=4&q=ultimatums");
  }

  @Test
  void anOriginNotAllowedGetsNoResults() {
    browser.consoleErrors();
    browser.driver.get(servers.otherSite());

    WebElement status =
        browser.waitFor(d -> status().getAttribute("class").contains("error") ? status() : null);
    assertThat(status.getText()).isEqualTo("The search is not available from this page.");
    assertThat(shadow().findElements(By.cssSelector(".hit"))).isEmpty();
    assertThat(browser.consoleErrors()).anySatisfy(error -> assertThat(error).contains("blocked by CORS policy"));
  }

  private SearchContext shadow() {
    return browser.waitFor(d -> d.findElement(By.cssSelector("transcript-search")).getShadowRoot());
  }

  private WebElement status() {
    return shadow().findElement(By.cssSelector(".status"));
  }

  private List<WebElement> hits(int expected) {
    return browser.waitFor(
        d -> {
          List<WebElement> hits = shadow().findElements(By.cssSelector(".hit"));
          return hits.size() == expected && !status().getText().equals("Searching…") ? hits : null;
        });
  }
}
