package org.transcriptsearch.reader.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.transcriptsearch.reader.page.Pages.parseFixture;
import static org.transcriptsearch.reader.page.Pages.speakers;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.transcriptsearch.model.Transcript;

/** Programs named only in a title suffix, after a cold open, or misspelt. */
class PageProgramsTest {

  @Test
  void programOnlyInTheTitleSuffix() throws Exception {
    Transcript t = parseFixture("podcast-suffix.txt");

    assertThat(t.title()).isEqualTo("Why Egg Prices Jumped");
    assertThat(t.program()).isEqualTo("Up First");
    assertThat(speakers(t))
        .containsExactly("A Martínez|host|labelled", "Steve Inskeep|host|labelled", "A Martínez|host|labelled");
    assertThat(t.turns().get(0).text()).isEqualTo("Eggs cost more than ever.");
  }

  @Test
  void programNamedMidParagraphAfterAColdOpen() throws Exception {
    Transcript t = parseFixture("podcast-cold-open.txt");

    assertThat(t.title()).isEqualTo("What The Debate Changed");
    assertThat(t.program()).isEqualTo("The NPR Politics Podcast");
    assertThat(speakers(t))
        .containsExactly(
            "Unidentified Person|unidentified|labelled",
            "Tamara Keith|host|labelled",
            "Unidentified Person|unidentified|labelled",
            "Tamara Keith|host|labelled",
            "Asma Khalid|correspondent|labelled",
            "Tamara Keith|host|labelled");
  }

  @Test
  void programNamedMidParagraphWithoutATitleSuffix() throws Exception {
    Transcript t =
        Pages.PARSER.parse(
            Pages.fixture("podcast-cold-open.txt").replace(" : The NPR Politics Podcast", "").replace("Hey there. It's the NPR POLITICS PODCAST.", "Hey there. It's the NPR POLITICS PODCAST, and welcome."),
            "x");

    assertThat(t.program()).isEqualTo("The NPR Politics Podcast");
  }

  @Test
  void programMisspeltInCapitals() throws Exception {
    Transcript t = parseFixture("misspelt-program.txt");

    assertThat(t.program()).isEqualTo("Weekend Edition Saturday");
    assertThat(speakers(t))
        .containsExactly("Scott Simon|host|inferred", "Lynn Neary|correspondent|labelled", "Scott Simon|host|labelled");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      value = {
        "From NPR News, this is ALL THINGS CONSIDRED. | All Things Considered",
        "It's MORNING EDITON from NPR News. | Morning Edition",
        "WEEKENED EDITION SUNDAY. I'm Rachel Martin. | Weekend Edition Sunday",
        "We heard from the UNITED NATIONS today. | -",
        "(SOUNDBITE OF MUSIC) | -",
      })
  void misspeltNames(String text, String program) {
    assertThat(ProgramNames.findMisspelt(text).orElse(null)).isEqualTo(program);
  }
}
