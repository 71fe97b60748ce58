package org.transcriptsearch.reader.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.transcriptsearch.reader.page.Pages.allText;
import static org.transcriptsearch.reader.page.Pages.parseFixture;
import static org.transcriptsearch.reader.page.Pages.speakers;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.transcriptsearch.model.Role;
import org.transcriptsearch.model.Speaker;
import org.transcriptsearch.model.Transcript;
import org.transcriptsearch.model.Turn;

/** Speaker labels as pages print them, and lines with colons that are not speakers (FORMATS.md). */
class PageSpeakersTest {

  @Test
  void labelsAloneOnTheirOwnLine() throws Exception {
    Transcript t = parseFixture("label-own-line.txt");

    assertThat(speakers(t))
        .containsExactly(
            "Audie Cornish|host|labelled", "Sylvia Poggioli|correspondent|labelled", "Audie Cornish|host|labelled");
    assertThat(t.turns().get(0).text()).isEqualTo("Pope Francis arrived in Rio today.");
    assertThat(t.turns().get(1).text()).isEqualTo("Huge crowds lined the streets, Audie.\n\nMany waited all night.");
    assertThat(t.turns().get(2).speaker().label()).isEqualTo("CORNISH");
  }

  @Test
  void oldStyleHonorificsBracketsAndLowerCaseHost() throws Exception {
    Transcript t = parseFixture("old-style.txt");

    assertThat(t.title()).isEqualTo("Political Junkie: The Race For The Nomination");
    assertThat(speakers(t))
        .containsExactly(
            "Neal Conan|host|labelled",
            "Hillary Clinton|guest|labelled",
            "Neal Conan|host|labelled",
            "Ed Helms|guest|labelled",
            "Bill Moyers|guest|labelled",
            "Unidentified Man #2|unidentified|labelled",
            "Neal Conan|host|labelled");
    List<Turn> turns = t.turns();
    assertThat(turns.get(0).speaker().label()).isEqualTo("NEAL CONAN, host");
    assertThat(turns.get(1).speaker())
        .isEqualTo(
            new Speaker(
                "Hillary Clinton",
                "Senator HILLARY CLINTON (Democrat, New York)",
                Role.GUEST,
                "Senator",
                "Democrat, New York"));
    assertThat(turns.get(3).speaker().title()).isEqualTo("Mr.");
    assertThat(turns.get(3).speaker().affiliation()).isEqualTo("Actor");
    assertThat(turns.get(4).speaker().affiliation()).isEqualTo("Author, \"Journal: More\"");
    assertThat(turns.get(4).text()).isEqualTo("Let me add something.");
    assertThat(turns.get(2).cues()).containsExactly("(Soundbite of applause)");
  }

  @Test
  void titledNamesShortenToSurnamesThatInheritTheTitle() throws Exception {
    Transcript t = parseFixture("title-names.txt");

    assertThat(speakers(t))
        .containsExactly(
            "Mary Louise Kelly|host|labelled",
            "Vladimir Putin|guest|labelled",
            "Mary Louise Kelly|host|labelled",
            "John Kerry|guest|labelled",
            "Mary Louise Kelly|host|labelled",
            "Lindsey Graham|guest|labelled",
            "Mary Louise Kelly|host|labelled",
            "Vladimir Putin|guest|labelled",
            "Mary Louise Kelly|host|labelled");
    List<Turn> turns = t.turns();
    assertThat(turns.get(1).speaker().title()).isEqualTo("President");
    assertThat(turns.get(1).cues()).containsExactly("(Through interpreter)");
    assertThat(turns.get(1).text()).isEqualTo("Crimea has always been Russian.");
    assertThat(turns.get(3).speaker().title()).isEqualTo("Secretary");
    // "Here's Senator Lindsey Graham on CBS." is the host introducing a clip, not a speaker.
    assertThat(turns.get(4).text()).isEqualTo("Senators weighed in too.\n\nHere's Senator Lindsey Graham on CBS.");
    Turn shortPutin = turns.get(7);
    assertThat(shortPutin.speaker().label()).isEqualTo("PUTIN");
    assertThat(shortPutin.speaker().title()).isEqualTo("President");
    assertThat(shortPutin.text()).isEmpty();
    assertThat(shortPutin.cues()).containsExactly("(Speaking Russian)");
    assertThat(turns.get(8).text()).isEqualTo("He did not give ground.");
  }

  @Test
  void anonymousFirstNameGroupAccentedDamagedAndEmptyLabels() throws Exception {
    Transcript t = parseFixture("anonymous.txt");

    assertThat(speakers(t))
        .containsExactly(
            "A Martínez|host|labelled",
            "Unidentified Man|unidentified|labelled",
            "Unidentified Woman|unidentified|labelled",
            "Unidentified Person #1|unidentified|labelled",
            "A Martínez|host|labelled",
            "Rachael and Vilray|guest|labelled",
            "Tony|guest|labelled",
            "Jean-Pierre Duchêne|guest|labelled",
            "Unidentified Speaker|unidentified|labelled",
            "A Martínez|host|labelled");
    List<Turn> turns = t.turns();
    assertThat(turns.get(4).speaker().label()).isEqualTo("AMARTÍNEZ, HOST");
    assertThat(turns.get(9).speaker().label()).isEqualTo("A MARTNEZ, HOST");
    assertThat(turns.get(5).cues()).containsExactly("(Singing)");
    assertThat(turns.get(8).speaker().label()).isEmpty();
    assertThat(turns.get(8).text()).isEqualTo("This speaker's label was lost.");
    // Only A Martínez hosts here, and she hosts only Morning Edition in the host list.
    assertThat(t.program()).isEqualTo("Morning Edition");
  }

  @Test
  void colonLinesThatAreNotSpeakers() throws Exception {
    Transcript t = parseFixture("not-speakers.txt");

    assertThat(t.title()).isEqualTo("Field Notes: On The Trail");
    assertThat(speakers(t))
        .containsExactly("Scott Simon|host|labelled", "Don Gonyea|correspondent|labelled", "Scott Simon|host|labelled");
    assertThat(t.turns().get(0).text())
        .isEqualTo(
            "Our reporter has been on the campaign trail.\n\nHe said: we will go to every county.\n\n"
                + "Also: Saturday Sports: Olympics Begin");
    assertThat(t.turns().get(1).text()).contains("and then added:").endsWith("we will win.");
    assertThat(allText(t)).doesNotContain("FCC", "Photo credits", "Next Up");
  }

  @Test
  void speechSpellingOfANameWinsOverTheLabel() throws Exception {
    Transcript t =
        Pages.PARSER.parse(
            "Talks\n\nMICHEL MARTIN, HOST: We spoke with Mandalit del Barco.\n\n"
                + "MANDALIT DEL BARCO, BYLINE: Hello, Michel.\n\nDEL BARCO: Thanks.",
            "inline");

    assertThat(t.turns().get(1).speaker().name()).isEqualTo("Mandalit del Barco");
    assertThat(t.turns().get(1).speaker().label()).isEqualTo("MANDALIT DEL BARCO, BYLINE");
  }

  @Test
  void unknownSurnameStaysAsPrintedInProperCase() throws Exception {
    Transcript t = Pages.PARSER.parse("Title\n\nHOST: Hello.\n\nMCWHIRTER: Hi there.\n\nHOST: Bye.", "inline");

    assertThat(t.turns().get(1).speaker().name()).isEqualTo("McWhirter");
    assertThat(t.turns().get(1).speaker().label()).isEqualTo("MCWHIRTER");
  }
}
