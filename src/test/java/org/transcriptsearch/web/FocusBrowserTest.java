package org.transcriptsearch.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * Focus after every action, driven with the keyboard only (Tab, Shift+Tab, Enter): it lands where a keyboard user
 * needs it next and never falls to {@code <body>}, not even for a frame while something loads.
 */
class FocusBrowserTest extends ConsoleCheckedBrowserTest {
  /** Long enough that what the page does while it waits for the server is seen. */
  private static final Duration SLOW = Duration.ofMillis(700);

  private Keyboard keys;

  @BeforeEach
  void keyboard() {
    keys = new Keyboard(browser);
    keys.fastNetwork();
  }

  @AfterEach
  void fastNetworkAgain() {
    if (browser != null) {
      keys.fastNetwork(); // runs before the console check: a slowed network must not outlive its test
    }
  }

  @Test
  void showContextKeepsFocusWhileItLoadsThenFocusesTheOpenedContext() {
    open("/?q=ultimatums");
    hits(1);
    keys.tabTo(f -> f.text().equals("Show context"));
    keys.watchFocus();
    keys.slowNetwork(SLOW);

    keys.press(Keys.ENTER);

    Focused loading = keys.focused();
    assertThat(loading.text()).as("focus while the context loads").isEqualTo("Loading the context…");
    Focused opened = keys.awaitFocus(f -> f.role().equals("region"));
    assertThat(opened.text()).isEqualTo("The quote in its context: 2 turns before it");
    assertThat(opened.hit()).isEqualTo("fx-crimea-2014-4");
    assertThat(browser.driver.switchTo().activeElement().getAttribute("tabindex")).isEqualTo("-1");
    assertThat(keys.framesOnBody()).as("frames with focus on <body>").isZero();

    keys.fastNetwork();
    keys.tabTo(f -> f.text().equals("Hide context"));
    keys.press(Keys.ENTER);

    Focused closed = keys.awaitFocus(f -> f.text().equals("Show context"));
    assertThat(closed.hit()).isEqualTo("fx-crimea-2014-4");
    assertThat(browser.driver.findElements(By.cssSelector(".context"))).isEmpty();
    assertThat(keys.framesOnBody()).as("frames with focus on <body>").isZero();
  }

  @Test
  void aFacetKeepsFocusThroughTheRedrawOnBothWays() {
    open("/?q=crimea");
    hits(5);
    Focused facet = keys.tabTo(f -> f.hasClass("facet-value") && f.value().equals("Sergey Lavrov"));
    assertThat(facet.dimension()).isEqualTo("speaker");
    keys.watchFocus();
    keys.slowNetwork(SLOW);

    keys.press(Keys.ENTER);

    assertThat(keys.focused()).as("focus while the narrowed search loads").isEqualTo(facet);
    hits(2);
    pressed("speaker", "Sergey Lavrov", "true");
    assertThat(keys.focused()).isEqualTo(facet);
    assertThat(keys.framesOnBody()).as("frames with focus on <body>").isZero();

    keys.press(Keys.ENTER);

    hits(5);
    pressed("speaker", "Sergey Lavrov", "false");
    assertThat(keys.focused()).isEqualTo(facet);
    assertThat(keys.framesOnBody()).as("frames with focus on <body>").isZero();
  }

  @Test
  void aFilterFromTheSpeakersPanelFocusesItsChipAndRemovingItFocusesTheSearchBox() {
    open("/?q=crimea");
    hits(5);
    browser.waitFor(d -> d.findElement(By.id("speakers-panel")).isDisplayed());
    keys.tabTo(f -> f.text().equals("Only Sergey Lavrov's quotes"));
    keys.watchFocus();

    keys.press(Keys.ENTER);

    hits(2);
    Focused chip = keys.focused();
    assertThat(chip.hasClass("chip")).as("%s is the filter's chip", chip).isTrue();
    assertThat(chip.text()).isEqualTo("Remove filter Speaker: Sergey Lavrov");
    assertThat(keys.framesOnBody()).as("frames with focus on <body>").isZero();

    keys.press(Keys.ENTER);

    hits(5);
    assertThat(keys.focused().id()).isEqualTo("q");
  }

  @Test
  void backToTheResultsReturnsFocusToTheQuoteTheReaderCameFrom() {
    open("/?q=crimea");
    String second = hits(5).get(1).getAttribute("data-id");
    Focused link = keys.tabTo(f -> f.hit().equals(second) && f.text().equals("Read in the transcript"));
    keys.press(Keys.ENTER);
    keys.awaitFocus(f -> f.hasClass("turn"));
    keys.shiftTabTo(f -> f.id().equals("back"));
    keys.watchFocus();
    keys.slowNetwork(SLOW);

    keys.press(Keys.ENTER);

    assertThat(keys.focused().isBody()).as("focus while the results load: %s", keys.focused()).isFalse();
    hits(5);
    keys.fastNetwork();
    assertThat(keys.awaitFocus(f -> !f.hit().isEmpty())).isEqualTo(link);
    assertThat(keys.framesOnBody()).as("frames with focus on <body>").isZero();
  }

  @Test
  void backFromAPersonsRecordReturnsFocusToTheSpeakerName() {
    open("/?q=ultimatums");
    hits(1);
    Focused name = keys.tabTo(f -> f.hasClass("speaker-name") && f.tag().equals("a") && !f.hit().isEmpty());
    keys.press(Keys.ENTER);
    keys.awaitFocus(f -> f.id().equals("person-name"));
    keys.shiftTabTo(f -> f.text().equals("← Back to the search"));
    keys.watchFocus();

    keys.press(Keys.ENTER);

    hits(1);
    assertThat(keys.awaitFocus(f -> !f.hit().isEmpty())).isEqualTo(name);
    assertThat(keys.framesOnBody()).as("frames with focus on <body>").isZero();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      /                                                      | results         | Skip to results
      /?q=crimea                                             | results         | Skip to results
      /?q=ultimatums&episode=fx-crimea-2014&turn=4           | transcript-view | Skip to the transcript
      /?person=Sergey+Lavrov                                 | person-view     | Skip to the record
      /?quote=the+people+of+crimea+must+decide+their+future  | quote-view      | Skip to the quote check
      """)
  void theSkipLinkReachesTheMainContentOfTheViewWithAVisibleOutline(String path, String target, String label) {
    open(path);
    browser.waitFor(d -> d.findElement(By.cssSelector("main")).getText().contains("Loading") ? null : true);
    Focused skip = keys.focused().isBody()
        ? keys.tabTo(f -> f.hasClass("skip-link"))
        : keys.shiftTabTo(f -> f.hasClass("skip-link"));
    assertThat(skip.text()).isEqualTo(label);

    keys.press(Keys.ENTER);

    Focused skipped = keys.focused();
    assertThat(skipped.id()).as("skipped to %s", skipped).isEqualTo(target);
    assertVisibleFocus(path);
  }

  @Test
  void loadingMoreKeepsFocusOnTheButtonThenFocusesTheFirstNewQuote() {
    open("/?to=2030-01-01");
    hits(10);
    keys.tabTo(f -> f.id().equals("more"));
    keys.watchFocus();
    keys.slowNetwork(SLOW);

    keys.press(Keys.ENTER);

    assertThat(keys.focused().id()).as("focus while the next page loads").isEqualTo("more");
    List<WebElement> all = hits(13);
    keys.fastNetwork();
    Focused first = keys.awaitFocus(f -> f.hasClass("open"));
    assertThat(first.hit()).isEqualTo(all.get(10).getAttribute("data-id"));
    assertThat(keys.framesOnBody()).as("frames with focus on <body>").isZero();
  }

  @Test
  void anExampleSearchLeavesFocusOnTheResults() {
    open("/");
    browser.waitFor(d -> d.findElements(By.cssSelector(".welcome")).isEmpty() ? null : true);
    keys.tabTo(f -> f.tag().equals("a") && f.text().equals("crimea"));
    keys.watchFocus();

    keys.press(Keys.ENTER);

    hits(5);
    assertThat(keys.focused().id()).isEqualTo("results");
    assertThat(keys.framesOnBody()).as("frames with focus on <body>").isZero();
  }

  @Test
  void aMonthChosenOnTheTimelineLeavesFocusOnTheResults() {
    open("/?q=crimea");
    hits(5);
    browser.waitFor(d -> d.findElement(By.id("timeline")).isDisplayed());
    keys.tabTo(f -> f.role().equals("button") && f.text().startsWith("Mar 2014"));
    keys.watchFocus();

    keys.press(Keys.ENTER);

    hits(3);
    assertThat(keys.focused().id()).isEqualTo("results");
    assertThat(keys.framesOnBody()).as("frames with focus on <body>").isZero();
  }

  @Test
  void didYouMeanLeavesFocusOnTheResults() {
    open("/?q=speaker:michelle");
    browser.waitFor(d -> d.findElements(By.cssSelector(".did-you-mean a")).isEmpty() ? null : true);
    keys.tabTo(f -> f.tag().equals("a") && f.text().startsWith("Michele Kelemen"));
    keys.watchFocus();

    keys.press(Keys.ENTER);

    hits(-1);
    assertThat(keys.focused().id()).isEqualTo("results");
    assertThat(keys.framesOnBody()).as("frames with focus on <body>").isZero();
  }

  @Test
  void checkingAQuoteFocusesTheVerdictAndNeverBodyOnTheWay() {
    open("/");
    browser.waitFor(d -> d.findElements(By.cssSelector(".welcome")).isEmpty() ? null : true);
    keys.tabTo(f -> f.tag().equals("summary") && f.text().startsWith("Check a quote"));
    keys.press(Keys.ENTER);
    keys.tabTo(f -> f.id().equals("quote-text"));
    keys.press("the people of crimea must decide their future");
    keys.tabTo(f -> f.text().equals("Check the quote"));
    keys.watchFocus();
    keys.slowNetwork(SLOW);

    keys.press(Keys.ENTER);

    assertThat(keys.focused().id()).as("focus while the quote is checked").isEqualTo("quote-view");
    Focused verdict = keys.awaitFocus(f -> f.id().equals("quote-title"));
    assertThat(verdict.text()).isEqualTo("Said, but not in these words");
    assertThat(keys.framesOnBody()).as("frames with focus on <body>").isZero();
  }

  @Test
  void searchingAndCopyingKeepFocusWhereTheyWere() {
    open("/?q=crimea");
    hits(5);
    keys.shiftTabTo(f -> f.id().equals("q")); // reaching a text box by Tab selects its text: typing replaces it
    keys.press("ultimatums", Keys.ENTER);
    hits(1);
    assertThat(keys.focused().id()).isEqualTo("q");

    Focused copy = keys.tabTo(f -> f.hasClass("copy-citation"));
    keys.press(Keys.ENTER);
    browser.waitFor(d -> d.findElement(By.cssSelector(".copy-note")).getText().isEmpty() ? null : true);
    assertThat(keys.focused()).isEqualTo(copy);
  }

  /** The focused element is shown, matches :focus-visible, and has an outline of 2 px or more at 3:1 contrast. */
  private void assertVisibleFocus(String view) {
    @SuppressWarnings("unchecked")
    Map<String, Object> seen = (Map<String, Object>) browser.driver.executeScript(
        """
        const e = document.activeElement;
        const style = getComputedStyle(e);
        const rgb = (c) => c.match(/[\\d.]+/g).slice(0, 3).map(Number);
        const lum = (c) => { const [r, g, b] = rgb(c).map((v) => { v /= 255;
          return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
          return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
        const a = lum(style.outlineColor), b = lum(getComputedStyle(document.body).backgroundColor);
        return { shown: e.getClientRects().length > 0 && e.offsetParent !== null, visible: e.matches(':focus-visible'),
          style: style.outlineStyle, width: parseFloat(style.outlineWidth),
          contrast: (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05) };""");
    assertThat(seen.get("shown")).as("%s: the skip target is shown", view).isEqualTo(true);
    assertThat(seen.get("visible")).as("%s: the skip target matches :focus-visible", view).isEqualTo(true);
    assertThat(seen.get("style")).as("%s: outline style", view).isEqualTo("solid");
    assertThat(((Number) seen.get("width")).doubleValue()).as("%s: outline width", view).isGreaterThanOrEqualTo(2);
    assertThat(((Number) seen.get("contrast")).doubleValue()).as("%s: outline contrast", view).isGreaterThanOrEqualTo(3);
  }

  private void pressed(String dimension, String value, String pressed) {
    browser.waitFor(d -> pressed.equals(d.findElement(By.cssSelector(
        ".facet-value[data-dimension='" + dimension + "'][data-value='" + value + "']")).getAttribute("aria-pressed")));
  }

  private void open(String path) {
    browser.driver.get(servers.api() + path);
  }

  /** Waits for the quotes; {@code expected} is their number, or -1 for any number but zero. */
  private List<WebElement> hits(int expected) {
    return browser.waitFor(d -> {
      List<WebElement> hits = d.findElements(By.cssSelector("#hits > .hit"));
      String status = d.findElement(By.id("status")).getText();
      boolean done = expected < 0 ? !hits.isEmpty() : hits.size() == expected;
      return done && !status.equals("Searching…") ? hits : null;
    });
  }
}
