package org.transcriptsearch.web;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.interactions.Actions;

/**
 * A keyboard user at the page: keys go to whatever has focus, as a person's would, and what has focus is read back
 * as {@link Focused}. A watch counts the animation frames in which focus was on {@code <body>}, so a redraw that
 * drops focus for a moment and then puts it back is seen too.
 */
final class Keyboard {
  private static final int MAX_TABS = 150;

  private final Browser browser;

  Keyboard(Browser browser) {
    this.browser = browser;
  }

  /** Presses keys (Tab, Enter, Space, arrows, text) on the focused element. */
  void press(CharSequence... keys) {
    new Actions(browser.driver).sendKeys(keys).perform();
  }

  /** Presses Tab until {@code target} has focus; fails after {@value MAX_TABS} presses, naming what had focus. */
  Focused tabTo(Predicate<Focused> target) {
    return moveTo(target, Keys.TAB);
  }

  /** Presses Shift+Tab until {@code target} has focus. */
  Focused shiftTabTo(Predicate<Focused> target) {
    return moveTo(target, Keys.chord(Keys.SHIFT, Keys.TAB));
  }

  private Focused moveTo(Predicate<Focused> target, CharSequence key) {
    List<Focused> seen = new java.util.ArrayList<>();
    for (int i = 0; i < MAX_TABS; i++) {
      press(key);
      Focused now = focused();
      if (target.test(now)) {
        return now;
      }
      seen.add(now);
    }
    throw new AssertionError("never reached the target; focus went through " + seen);
  }

  /** What has focus now. */
  Focused focused() {
    return Focused.of(browser.driver.executeScript(Focused.SCRIPT));
  }

  /** Waits until what has focus matches, and returns it; fails with what had focus instead. */
  Focused awaitFocus(Predicate<Focused> target) {
    try {
      return browser.waitFor(d -> {
        Focused now = focused();
        return target.test(now) ? now : null;
      });
    } catch (RuntimeException e) {
      throw new AssertionError("focus is on " + focused(), e);
    }
  }

  /** Starts counting the frames in which focus is on {@code <body>} (or nowhere); the count starts at zero. */
  void watchFocus() {
    browser.driver.executeScript(
        """
        window.__bodyFrames = 0;
        if (!window.__watching) {
          window.__watching = true;
          const tick = () => {
            const a = document.activeElement;
            if (!a || a === document.body) window.__bodyFrames++;
            requestAnimationFrame(tick);
          };
          requestAnimationFrame(tick);
        }""");
  }

  /** The frames counted since {@link #watchFocus()} in which focus was on {@code <body>}. */
  long framesOnBody() {
    return (Long) browser.driver.executeScript("return window.__bodyFrames;");
  }

  /** Delays every response by {@code latency}, so what the page shows while it loads can be seen. */
  void slowNetwork(Duration latency) {
    ChromiumNetworkConditions conditions = new ChromiumNetworkConditions();
    conditions.setLatency(latency);
    browser.driver.setNetworkConditions(conditions);
  }

  /** Responses as fast as the server gives them. */
  void fastNetwork() {
    browser.driver.deleteNetworkConditions();
  }
}
