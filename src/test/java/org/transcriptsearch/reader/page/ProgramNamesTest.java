package org.transcriptsearch.reader.page;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.transcriptsearch.model.Transcript;

/** Every phrasing of a program in a host's opening (FORMATS.md, Programs). */
class ProgramNamesTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      value = {
        "This is ALL THINGS CONSIDERED from NPR News. I'm Ari Shapiro. | All Things Considered",
        "From NPR News, this ALL THINGS CONSIDERED. I'm Audie Cornish. | All Things Considered",
        "It's MORNING EDITION from NPR News. I'm Steve Inskeep. | Morning Edition",
        "This is FRESH AIR. I'm Terry Gross. | Fresh Air",
        "This is TALK OF THE NATION. I'm Neal Conan in Washington. | Talk of the Nation",
        "This is Talk of the Nation. I'm Neal Conan in Washington. | Talk of the Nation",
        "I'm Celeste Headlee and this is TELL ME MORE from NPR News. | Tell Me More",
        "This is WEEKEND EDITION from NPR News. I'm Scott Simon. | Weekend Edition Saturday",
        "This is WEEKEND EDITION from NPR News. I'm Liane Hansen. | Weekend Edition Sunday",
        "This is WEEKEND EDITION from NPR News. I'm Jacki Lyden. | Weekend Edition",
        "This is WEEKEND EDITION SUNDAY. I'm Rachel Martin. | Weekend Edition Sunday",
        "From NPR and WBEZ Chicago, this is WAIT WAIT... DON'T TELL ME, the NPR news quiz. I'm Peter Sagal. "
            + "| Wait Wait... Don't Tell Me!",
        "It's the NPR POLITICS PODCAST. I'm Tamara Keith. | The NPR Politics Podcast",
        "This is EMBEDDED from NPR. I'm Kelly McEvers. | Embedded",
        "This is PLANET MONEY from NPR. I'm Kenny Malone. | Planet Money",
        "This is HERE AND NOW. I'm Robin Young. | Here & Now",
        "This is 1A. I'm Jenn White. | 1A",
        "Good morning. A story from the coast today, and some embedded reporters. I'm Anna Lee. | -",
      })
  void programFromTheOpening(String opening, String program) throws Exception {
    Transcript t = Pages.PARSER.parse("A Story\n\n" + opening + "\n\nJOHN SMITH: Thank you.", "inline");

    assertThat(t.program()).isEqualTo(program);
    assertThat(t.turns().get(0).attribution().code()).isEqualTo("inferred");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "ALL THINGS CONSIDERED | All Things Considered",
        "Planet Money | Planet Money",
        "Wait Wait... Don't Tell Me! | Wait Wait... Don't Tell Me!",
        "Here & Now | Here & Now",
      })
  void programNamedAlone(String text, String program) {
    assertThat(ProgramNames.named(text)).contains(program);
  }
}
