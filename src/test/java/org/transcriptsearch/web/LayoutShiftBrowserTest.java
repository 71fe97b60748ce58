package org.transcriptsearch.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;

/**
 * Cumulative layout shift while a page loads and renders, measured as Lighthouse does: the browser's
 * {@code layout-shift} entries (buffered, so those from before the measuring script ran count too), leaving out
 * those that follow input, grouped in session windows (a gap of 1 s or more, or 5 s in all, starts a new window),
 * and the largest window's sum is the score. Good is under 0.1.
 */
class LayoutShiftBrowserTest extends BrowserTestBase {
  private static final double GOOD = 0.1;

  /** Sums the page's layout shifts into session windows; calls back with the largest sum and the entries. */
  private static final String MEASURE =
      """
      const done = arguments[arguments.length - 1];
      const entries = [];
      new PerformanceObserver((list) => entries.push(...list.getEntries()))
        .observe({ type: 'layout-shift', buffered: true });
      setTimeout(() => {
        let best = 0, sum = 0, first = 0, last = 0;
        const shifts = entries.filter((e) => !e.hadRecentInput);
        for (const e of shifts) {
          if (sum && e.startTime - last < 1000 && e.startTime - first < 5000) {
            sum += e.value;
          } else {
            sum = e.value;
            first = e.startTime;
          }
          last = e.startTime;
          best = Math.max(best, sum);
        }
        done({ cls: best, shifts: shifts.map((e) => Math.round(e.startTime) + 'ms ' + e.value.toFixed(4) + ' '
          + e.sources.map((s) => s.node ? (s.node.id || s.node.className || s.node.nodeName) : '?').join(',')) });
      }, 300);""";

  @BeforeEach
  void blankPage() {
    Browser.assumeInstalled();
    browser.driver.get("about:blank");
  }

  @AfterEach
  void desktopAgain() {
    if (browser != null) {
      browser.driver.manage().window().setSize(new Dimension(1280, 1000));
    }
  }

  @Test
  void searchResultsRenderWithoutShiftingThePage() {
    double cls = measure("/?q=crimea", () -> rendered(5));
    assertThat(cls).isLessThan(GOOD);
  }

  @Test
  void aTranscriptRendersWithoutShiftingThePage() {
    double cls = measure("/?q=ultimatums&episode=fx-crimea-2014&turn=4",
        () -> browser.waitFor(d -> d.findElements(By.cssSelector("#turn-4 mark")).isEmpty() ? null : true));
    assertThat(cls).isLessThan(GOOD);
  }

  @Test
  void aTranscriptRendersWithoutShiftingThePageOnAPhone() {
    browser.driver.manage().window().setSize(new Dimension(412, 823));
    double cls = measure("/?q=ultimatums&episode=fx-crimea-2014",
        () -> browser.waitFor(d -> d.findElements(By.cssSelector("#turns mark")).isEmpty() ? null : true));
    assertThat(cls).isLessThan(GOOD);
  }

  @Test
  void searchResultsRenderWithoutShiftingThePageOnAPhoneOverASlowNetwork() {
    browser.driver.manage().window().setSize(new Dimension(412, 823));
    double cls = overASlowNetwork(() -> measure("/?q=crimea", () -> rendered(5)));
    assertThat(cls).isLessThan(GOOD);
  }

  @Test
  void aTranscriptRendersWithoutShiftingThePageOverASlowNetwork() {
    double cls = overASlowNetwork(() -> measure("/?q=ultimatums&episode=fx-crimea-2014&turn=4",
        () -> browser.waitFor(d -> d.findElements(By.cssSelector("#turn-4 mark")).isEmpty() ? null : true)));
    assertThat(cls).isLessThan(GOOD);
  }

  /** Every request 150 ms late, as Lighthouse's mobile run assumes: each module and API call paints apart. */
  private double overASlowNetwork(java.util.function.DoubleSupplier measured) {
    Keyboard network = new Keyboard(browser);
    network.slowNetwork(java.time.Duration.ofMillis(150));
    try {
      return measured.getAsDouble();
    } finally {
      network.fastNetwork();
    }
  }

  /** Loads {@code path}, waits until {@code rendered} and for the panels that load beside it, and measures. */
  private double measure(String path, Runnable rendered) {
    browser.driver.get(servers.api() + path);
    rendered.run();
    @SuppressWarnings("unchecked")
    Map<String, Object> result = (Map<String, Object>) browser.driver.executeAsyncScript(MEASURE);
    double cls = ((Number) result.get("cls")).doubleValue();
    Dimension size = browser.driver.manage().window().getSize();
    System.out.printf("CLS %s at %dx%d: %.4f; shifts %s%n", path, size.width, size.height, cls, result.get("shifts"));
    return cls;
  }

  private void rendered(int expected) {
    browser.waitFor(d -> {
      List<?> hits = d.findElements(By.cssSelector("#hits > .hit"));
      boolean panels = d.findElement(By.id("speakers-panel")).isDisplayed()
          && d.findElement(By.id("timeline")).isDisplayed();
      return hits.size() == expected && panels ? true : null;
    });
  }
}
