package org.transcriptsearch.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** The search page in headless Chromium against the real server over the fixture corpus. */
class WebPageBrowserTest extends ConsoleCheckedBrowserTest {
  @Test
  void searchingShowsQuotesWithTheMatchesMarked() {
    open("/");
    WebElement box = browser.driver.findElement(By.id("q"));
    box.sendKeys("crimea", Keys.ENTER);

    List<WebElement> hits = hits(5);
    assertThat(marks()).isNotEmpty().allSatisfy(mark -> assertThat(mark.getText()).isEqualToIgnoringCase("crimea"));
    assertThat(status()).isEqualTo("5 quotes for “crimea”; showing 5.");
    assertThat(hits.get(0).findElement(By.cssSelector(".speaker-name")).getText()).isNotBlank();
    assertThat(browser.driver.getCurrentUrl()).endsWith("/?q=crimea");
  }

  @Test
  void textFromTheTranscriptsIsShownAsTextNeverAsMarkup() {
    open("/?q=listener");

    WebElement hit = hits(1).get(0);
    assertThat(hit.findElement(By.cssSelector(".passage")).getText())
        .isEqualTo("A listener wrote <script>alert('x')</script> & asked about Crimea \"in quotes\".");
    assertThat(hit.findElement(By.cssSelector("cite")).getText()).isEqualTo("Quotes & <Tags> In Transcripts");
    assertThat(hit.findElements(By.cssSelector(".passage script"))).isEmpty();
  }

  @Test
  void aFacetFiltersAndItsChipRemovesTheFilter() {
    open("/?q=crimea");
    hits(5);

    facet("speaker", "Sergey Lavrov").click();

    WebElement chip = browser.waitFor(d -> d.findElement(By.cssSelector(".chip[data-value='Sergey Lavrov']")));
    List<WebElement> narrowed = hits(2);
    assertThat(narrowed).allSatisfy(h -> assertThat(speakerOf(h)).isEqualTo("Sergey Lavrov"));
    assertThat(browser.driver.getCurrentUrl()).contains("speaker=Sergey+Lavrov");
    assertThat(facet("speaker", "Sergey Lavrov").getAttribute("aria-pressed")).isEqualTo("true");

    chip.click();

    hits(5);
    assertThat(browser.driver.findElements(By.cssSelector(".chip"))).isEmpty();
    assertThat(browser.driver.getCurrentUrl()).endsWith("/?q=crimea");
  }

  @Test
  void backAndForwardRestoreTheSearch() {
    open("/?q=crimea");
    hits(5);
    facet("role", "guest").click();
    hits(2);

    browser.driver.navigate().back();
    hits(5);
    assertThat(browser.driver.findElements(By.cssSelector(".chip"))).isEmpty();

    browser.driver.navigate().forward();
    hits(2);
    assertThat(browser.driver.findElements(By.cssSelector(".chip[data-value='guest']"))).hasSize(1);
  }

  @Test
  void aSharedUrlGivesTheSameSearch() {
    open("/?q=crimea&speaker=Robert+Siegel&sort=date");

    List<WebElement> hits = hits(2);
    assertThat(hits).allSatisfy(h -> assertThat(speakerOf(h)).isEqualTo("Robert Siegel"));
    // Newest first: the 2015 listener's letter, then the 2014 introduction.
    assertThat(hits.get(0).findElement(By.cssSelector("time")).getAttribute("datetime")).isEqualTo("2015-06-01");
    assertThat(hits.get(1).findElement(By.cssSelector("time")).getAttribute("datetime")).isEqualTo("2014-03-05");
    assertThat(browser.driver.findElement(By.id("q")).getDomProperty("value")).isEqualTo("crimea");
    assertThat(new Select(browser.driver.findElement(By.id("sort"))).getFirstSelectedOption().getText())
        .isEqualTo("Date, newest first");
    assertThat(browser.driver.findElements(By.cssSelector(".chip[data-value='Robert Siegel']"))).hasSize(1);
  }

  @Test
  void showContextExpandsTheTurnsAroundAQuote() {
    open("/?q=ultimatums");
    WebElement hit = hits(1).get(0);
    WebElement button = hit.findElement(By.xpath(".//button[normalize-space()='Show context']"));

    button.click();

    List<WebElement> before =
        browser.waitFor(d -> nonEmpty(hit.findElements(By.cssSelector(".context-before > li"))));
    assertThat(before).hasSize(2);
    assertThat(before.get(1).getText()).contains("Robert Siegel").contains("satellite pictures");
    assertThat(hit.findElements(By.cssSelector(".context-after"))).isEmpty(); // the quote is the last turn
    assertThat(hit.findElement(By.cssSelector(".in-context")).getText())
        .startsWith("Sergey Lavrov")
        .endsWith("We do not accept the language of ultimatums. The situation in Crimea is calm.");
    assertThat(button.getAttribute("aria-expanded")).isEqualTo("true");

    button.click();
    assertThat(hit.findElements(By.cssSelector(".context"))).isEmpty();
  }

  @Test
  void theTranscriptViewFocusesTheTurnAndMarksTheSearchedWords() {
    open("/?q=ultimatums");
    hits(1).get(0).findElement(By.linkText("Read in the transcript")).click();

    WebElement turn = browser.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("turn-4")));
    assertThat(browser.driver.findElement(By.id("transcript-title")).getText())
        .isEqualTo("Lavrov Defends Russian Moves In Crimea");
    assertThat(browser.driver.findElements(By.cssSelector("#turns > li"))).hasSize(4);
    assertThat(turn.getAttribute("class")).contains("focused");
    browser.waitFor(d -> !turn.findElements(By.cssSelector("mark")).isEmpty());
    assertThat(turn.findElement(By.cssSelector("mark")).getText()).isEqualTo("ultimatums");
    assertThat(inViewport(turn)).isTrue();
    assertThat(browser.driver.switchTo().activeElement().getAttribute("id")).isEqualTo("turn-4");
    assertThat(browser.driver.getCurrentUrl()).contains("episode=fx-crimea-2014").contains("turn=4");
    assertThat(browser.driver.findElement(By.id("transcript-status")).getText())
        .isEqualTo("1 match of “ultimatums” marked in this transcript.");
  }

  @Test
  void aQueryTheServerRefusesStillShowsTheTranscriptUnmarked() {
    open("/?q=crimea%20AND%20(&episode=fx-crimea-2014&turn=4");

    browser.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("turn-4")));
    assertThat(browser.driver.findElement(By.id("transcript-title")).getText())
        .isEqualTo("Lavrov Defends Russian Moves In Crimea");
    assertThat(browser.driver.findElements(By.cssSelector("#turns > li"))).hasSize(4);
    assertThat(browser.driver.findElements(By.cssSelector("#turns mark"))).isEmpty();
    // The one failed request is the marked episode the server refused; the page then asked for it unmarked.
    assertThat(browser.consoleErrors())
        .singleElement()
        .asString()
        .contains("/api/episodes/fx-crimea-2014?q=crimea+AND+%28")
        .contains("400");
  }

  @Test
  void whoSaidTheMostListsSpeakersForTheQuery() {
    open("/?q=crimea");
    hits(5);

    WebElement panel = browser.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("speakers-panel")));
    List<String> names = panel.findElements(By.cssSelector(".speaker-card .speaker-name")).stream()
        .map(WebElement::getText)
        .toList();
    // The page leaves out hosts and unidentified speakers: they say the most about everything.
    assertThat(names).contains("Sergey Lavrov", "Michele Kelemen").doesNotContain("Robert Siegel");
  }

  @Test
  void loadMoreFollowsTheCursor() {
    open("/?to=2030-01-01"); // the 13 turns of the dated transcripts, 10 to a page
    hits(10);

    browser.driver.findElement(By.id("more")).click();

    hits(13);
    assertThat(browser.driver.findElement(By.id("more")).isDisplayed()).isFalse();
    assertThat(status()).isEqualTo("13 quotes; showing 13.");
  }

  @Test
  void screenshotsOfTheResultsAndATranscript() throws IOException {
    open("/?q=syria+OR+crimea+OR+talks&program=Morning+Edition");
    hits(-1);
    browser.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("speakers-panel")));
    screenshot("search.png");

    browser.driver.manage().window().setSize(new Dimension(390, 844));
    screenshot("search-phone.png");
    browser.driver.manage().window().setSize(new Dimension(1280, 1000));

    open("/?q=ultimatums");
    hits(1).get(0).findElement(By.xpath(".//button[normalize-space()='Show context']")).click();
    browser.waitFor(d -> d.findElements(By.cssSelector(".context-before")).isEmpty() ? null : true);
    screenshot("context.png");

    open("/");
    browser.waitFor(d -> d.findElements(By.cssSelector(".welcome")).isEmpty() ? null : true);
    screenshot("welcome.png");

    open("/?q=crimea&episode=fx-crimea-2014&turn=4");
    browser.waitFor(d -> d.findElements(By.cssSelector("#turn-4 mark")).isEmpty() ? null : true);
    screenshot("transcript.png");
  }

  /**
   * Saves what the browser shows in target/screenshots, for people to look at (docs/screenshot.png is one), after
   * checking it shows something: a picture of the window's width, not blank and not one colour.
   */
  private void screenshot(String name) throws IOException {
    Path png = Path.of("target", "screenshots", name);
    Files.createDirectories(png.getParent());
    byte[] bytes = browser.driver.getScreenshotAs(OutputType.BYTES);
    Files.write(png, bytes);
    java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(bytes));
    assertThat(image).as(name + " is a PNG").isNotNull();
    long viewport = (Long) ((org.openqa.selenium.JavascriptExecutor) browser.driver)
        .executeScript("return window.innerWidth;");
    assertThat((long) image.getWidth()).as(name + " width").isBetween(viewport - 20, viewport * 3);
    assertThat(image.getHeight()).as(name + " height").isGreaterThan(200);
    java.util.Map<Integer, Integer> colours = new java.util.HashMap<>();
    int samples = 0;
    for (int y = 0; y < image.getHeight(); y += 4) {
      for (int x = 0; x < image.getWidth(); x += 4) {
        colours.merge(image.getRGB(x, y), 1, Integer::sum);
        samples++;
      }
    }
    int background = java.util.Collections.max(colours.values());
    assertThat(colours.size()).as(name + ": distinct colours (text is anti-aliased)").isGreaterThan(20);
    assertThat((double) background / samples).as(name + ": share of the commonest colour").isLessThan(0.97);
  }

  private void open(String path) {
    browser.driver.get(servers.api() + path);
  }

  /** Waits for the quotes; {@code expected} is their number, or -1 for any number but zero. */
  private List<WebElement> hits(int expected) {
    return browser.waitFor(
        d -> {
          List<WebElement> hits = d.findElements(By.cssSelector("#hits > .hit"));
          boolean done = expected < 0 ? !hits.isEmpty() : hits.size() == expected;
          return done && !status().equals("Searching…") ? hits : null;
        });
  }

  private List<WebElement> marks() {
    return browser.driver.findElements(By.cssSelector("#hits .passage mark"));
  }

  private String status() {
    return browser.driver.findElement(By.id("status")).getText();
  }

  private WebElement facet(String dimension, String value) {
    return browser.waitFor(
        d -> d.findElement(
            By.cssSelector(".facet-value[data-dimension='" + dimension + "'][data-value='" + value + "']")));
  }

  private static String speakerOf(WebElement hit) {
    return hit.findElement(By.cssSelector(".who .speaker-name")).getText();
  }

  private boolean inViewport(WebElement element) {
    Object inside =
        browser.driver.executeScript(
            "const r = arguments[0].getBoundingClientRect();"
                + "return r.top >= 0 && r.bottom <= window.innerHeight;",
            element);
    return Boolean.TRUE.equals(inside);
  }

  private static <T> List<T> nonEmpty(List<T> list) {
    return list.isEmpty() ? null : list;
  }
}
