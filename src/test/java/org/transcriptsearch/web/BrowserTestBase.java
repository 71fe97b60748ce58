package org.transcriptsearch.web;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real servers and one headless Chromium, shared by the tests of a class; without Chromium each test reports
 * itself skipped (through {@link Browser#assumeInstalled()} in the subclass's {@code @BeforeEach}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BrowserTestBase {
  protected WebServers servers;
  protected Browser browser;

  @BeforeAll
  void start(@TempDir Path temp) throws IOException {
    if (!Browser.installed()) {
      return;
    }
    servers = new WebServers(temp.resolve("index"));
    browser = Browser.start(temp.resolve("profile"));
  }

  @AfterAll
  void stop() throws IOException {
    if (browser != null) {
      browser.close();
    }
    if (servers != null) {
      servers.close();
    }
  }
}
