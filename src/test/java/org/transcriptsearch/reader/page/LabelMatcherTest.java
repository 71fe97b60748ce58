package org.transcriptsearch.reader.page;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LabelMatcherTest {

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "Next Up:",
        "We Get Support From:",
        "FCC Public Inspection Files:",
        "Field Notes: On The Trail",
        "Saturday Sports: Olympics Begin",
        "Also: Saturday Sports: Olympics Begin",
        "Photo credits, clockwise from top left:",
        "He said: we will go.",
        "and the minister told reporters the following:",
        "NOTE: This story was updated.",
        "6:12 PM ET",
        "https://www.npr.org/: a link",
        "CORRECTION: An earlier version misspelled a name.",
      })
  void notSpeakers(String paragraph) {
    assertThat(LabelMatcher.find(paragraph)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "MCEVERS: Hello. | MCEVERS | Hello.",
        "MICHELE KELEMEN, BYLINE: Well. | MICHELE KELEMEN, BYLINE | Well.",
        "NEAL CONAN, host: Welcome. | NEAL CONAN, host | Welcome.",
        "Mr. BILL MOYERS (Author, \"Journal: More\"): Yes. | Mr. BILL MOYERS (Author, \"Journal: More\") | Yes.",
        "Unidentified Man #2: No. | Unidentified Man #2 | No.",
        "PRESIDENT GEORGE W. BUSH: Thank you. | PRESIDENT GEORGE W. BUSH | Thank you.",
        "O'BRIEN: Right. | O'BRIEN | Right.",
        "A MART\uFFFDNEZ, HOST: Hi. | A MART\uFFFDNEZ, HOST | Hi.",
        "CAROL COSTELLO, CNN ANCHOR: Hello. | CAROL COSTELLO, CNN ANCHOR | Hello.",
      })
  void speakers(String paragraph, String printed, String rest) {
    LabelMatcher.Label label = LabelMatcher.find(paragraph).orElseThrow();

    assertThat(label.printed()).isEqualTo(printed);
    assertThat(label.rest()).isEqualTo(rest);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"MELISSA BLOCK, HOST:", ": Text after an empty label."})
  void labelAloneOrEmpty(String paragraph) {
    assertThat(LabelMatcher.find(paragraph)).isPresent();
  }
}
