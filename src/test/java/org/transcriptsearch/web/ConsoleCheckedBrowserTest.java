package org.transcriptsearch.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Browser tests of the page in which every test starts from a blank page and fails when the page logged an error
 * to the browser's console meanwhile (a script error the assertions did not happen to see).
 */
abstract class ConsoleCheckedBrowserTest extends BrowserTestBase {
  @BeforeEach
  void blankPage() {
    Browser.assumeInstalled();
    browser.driver.get("about:blank");
    browser.consoleErrors();
  }

  @AfterEach
  void nothingFailedInTheBrowser() {
    if (browser != null) {
      assertThat(browser.consoleErrors()).isEmpty();
    }
  }
}
