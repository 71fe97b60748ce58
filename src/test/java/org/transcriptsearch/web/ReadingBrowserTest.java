package org.transcriptsearch.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The page says how it read a query and, when nothing was found, what would find something. */
class ReadingBrowserTest extends ConsoleCheckedBrowserTest {
  @Test
  void aQuestionNamingASpeakerSaysSoAndListsTheirTurnsFirst() {
    open("what has Lavrov said about Crimea");
    WebElement note = browser.waitFor(d -> d.findElement(By.cssSelector("#reading-notes .reading")));
    assertThat(note.getText()).startsWith("Read as what Sergey Lavrov said about Crimea");
    List<WebElement> hits = browser.waitFor(d -> nonEmpty(d.findElements(By.cssSelector("#hits > .hit"))));
    assertThat(hits.get(0).findElement(By.cssSelector(".speaker-name")).getText()).isEqualTo("Sergey Lavrov");
  }

  @Test
  void aMisspelledNameOffersTheRightOneAndItsLinkFindsTheirTurns() {
    open("speaker:lavrof");
    WebElement suggestion = browser.waitFor(d -> d.findElement(By.cssSelector("#reading-notes .did-you-mean a")));
    assertThat(suggestion.getText()).startsWith("Sergey Lavrov");
    suggestion.click();
    List<WebElement> hits = browser.waitFor(d -> nonEmpty(d.findElements(By.cssSelector("#hits > .hit"))));
    assertThat(hits).isNotEmpty();
    assertThat(browser.driver.getCurrentUrl()).contains("q=speaker%3Alavrov");
  }

  private void open(String q) {
    browser.driver.get(servers.api() + "/?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
  }

  private static <T> List<T> nonEmpty(List<T> list) {
    return list.isEmpty() ? null : list;
  }
}
