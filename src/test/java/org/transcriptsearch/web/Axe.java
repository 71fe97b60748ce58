package org.transcriptsearch.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.util.List;
import java.util.stream.Collectors;
import org.openqa.selenium.WebDriver;

/**
 * axe-core (the copy bundled in Deque's Selenium runner: nothing is fetched) run over what the browser shows, with
 * the WCAG 2.0 and 2.1 A and AA rules; shadow roots, such as the widget's, are checked too.
 */
final class Axe {
  static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

  private Axe() {}

  /** Fails, listing each violation (rule, impact, help, the elements and what is wrong), unless there are none. */
  static void assertNoViolations(WebDriver driver, String view) {
    check(new AxeBuilder().withTags(WCAG_21_AA).analyze(driver), view);
  }

  /** The same, over the elements {@code selector} picks (and their shadow roots) only. */
  static void assertNoViolations(WebDriver driver, String view, String selector) {
    check(new AxeBuilder().withTags(WCAG_21_AA).include(selector).analyze(driver), view);
  }

  private static void check(Results results, String view) {
    assertThat(results.isErrored()).as("axe-core ran on %s: %s", view, results.getErrorMessage()).isFalse();
    assertThat(results.getPasses()).as("axe-core checked something on %s", view).isNotEmpty();
    assertThat(results.getViolations()).as("WCAG 2.1 AA violations on %s:%n%s", view, describe(results.getViolations()))
        .isEmpty();
  }

  private static String describe(List<Rule> violations) {
    return violations.stream()
        .map(rule -> "- " + rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + "\n"
            + rule.getNodes().stream().map(Axe::describe).collect(Collectors.joining("\n")))
        .collect(Collectors.joining("\n"));
  }

  private static String describe(CheckedNode node) {
    return "    " + node.getTarget() + " " + node.getHtml() + "\n      " + node.getFailureSummary();
  }
}
