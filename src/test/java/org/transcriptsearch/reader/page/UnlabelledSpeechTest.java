package org.transcriptsearch.reader.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.transcriptsearch.reader.page.Pages.parseFixture;
import static org.transcriptsearch.reader.page.Pages.speakers;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.transcriptsearch.model.Transcript;

/** Speech without a label: openings, self-introductions, continuations, stray lines (FORMATS.md). */
class UnlabelledSpeechTest {

  @Test
  void unlabelledOpeningWithSelfIntroductionIsTheHostInferred() throws Exception {
    Transcript t = parseFixture("opening-self-intro.txt");

    assertThat(speakers(t))
        .containsExactly(
            "Robert Siegel|host|inferred", "Tamara Keith|correspondent|labelled", "Robert Siegel|host|labelled");
    assertThat(t.turns().get(0).text())
        .isEqualTo(
            "From NPR News, this is ALL THINGS CONSIDERED. I'm Robert Siegel.\n\n"
                + "Budget talks in Washington collapsed today.\n\nCongress leaves town tomorrow.");
    assertThat(t.turns().get(0).speaker().label()).isNull();
    assertThat(t.program()).isEqualTo("All Things Considered");
  }

  @Test
  void coHostRunIntoTheNextSentencesStartsTheirTurn() throws Exception {
    Transcript t = parseFixture("run-in.txt");

    assertThat(speakers(t))
        .containsExactly(
            "Steve Inskeep|host|inferred",
            "David Greene|host|self-introduced",
            "Steve Inskeep|host|labelled",
            "David Greene|host|labelled");
    assertThat(t.turns().get(1).text())
        .isEqualTo("And I'm David Greene. Good morning. Preparations for the Winter Olympics are nearly done.");
    assertThat(t.program()).isEqualTo("Morning Edition");
  }

  @Test
  void coHostRunIntoTheHostsParagraphIsSplitOff() throws Exception {
    Transcript t =
        Pages.PARSER.parse(
            "Title\n\nThis is ALL THINGS CONSIDERED from NPR News. I'm Robert Siegel. And I'm Michele Norris.\n\n"
                + "NORRIS: Today, the budget.",
            "inline");

    // Her labelled paragraph directly follows her introduction: one speaker, one turn.
    assertThat(speakers(t)).containsExactly("Robert Siegel|host|inferred", "Michele Norris|host|self-introduced");
    assertThat(t.turns().get(0).text()).isEqualTo("This is ALL THINGS CONSIDERED from NPR News. I'm Robert Siegel.");
    assertThat(t.turns().get(1).text()).isEqualTo("And I'm Michele Norris.\n\nToday, the budget.");
  }

  @Test
  void guestHostFillingIn() throws Exception {
    Transcript t = parseFixture("guest-host.txt");

    assertThat(speakers(t))
        .containsExactly("Dave Davies|host|inferred", "Joan Smith|guest|labelled", "Dave Davies|host|labelled");
    assertThat(t.program()).isEqualTo("Fresh Air");
  }

  @Test
  void surnameLabelResolvedFromASelfIntroduction() throws Exception {
    Transcript t = parseFixture("self-intro-surname.txt");

    assertThat(speakers(t))
        .containsExactly("Gemma Whitlock|host|inferred", "John Doe|guest|labelled", "Gemma Whitlock|host|labelled");
    assertThat(t.turns().get(1).speaker().title()).isEqualTo("Private");
    // Her first labelled paragraph follows her unlabelled opening: the same speaker, so one turn.
    assertThat(t.turns().get(0).text())
        .isEqualTo("I'm Gemma Whitlock. Today, letters from soldiers.\n\nThe first letter is from 1917.");
    assertThat(t.turns().get(2).speaker().label()).isEqualTo("WHITLOCK");
    assertThat(t.program()).isNull();
  }

  @Test
  void strayDateAndTimeLinesAreNotSpeech() throws Exception {
    Transcript t = parseFixture("stray-date.txt");

    assertThat(speakers(t))
        .containsExactly("Noel King|host|labelled", "Jim Zarroli|correspondent|labelled");
    assertThat(t.turns().get(0).text()).isEqualTo("Stocks rallied on Tuesday.\n\nHere's why.");
    assertThat(t.date()).isNull();
  }

  @Test
  void openingGoesToTheFirstSurnameOnlyLabelNoFullLabelNames() throws Exception {
    Transcript t =
        Pages.PARSER.parse(
            "Title\n\nA plain story introduction.\n\nPRESIDENT BARACK OBAMA: We will act.\n\n"
                + "OBAMA: Soon.\n\nHARTLEY: That was the president.",
            "inline");

    // One person, one role on a page: the host inferred at the opening stays the host when labelled later.
    assertThat(speakers(t))
        .containsExactly(
            "Hartley|host|inferred", "Barack Obama|guest|labelled", "Hartley|host|labelled");
    assertThat(t.turns().get(1).text()).isEqualTo("We will act.\n\nSoon.");
  }

  @Test
  void aCoHostWhoseFirstNameIsAnInitialIntroducesThemself() throws Exception {
    Transcript t =
        Pages.PARSER.parse(
            "Morning News\n\nGood morning. This is MORNING EDITION from NPR News. I'm Leila Fadel.\n\n"
                + "And I'm A Mart\u00ednez.\n\nThe story today is about trains.\n\n"
                + "SAM GRINGLAS, BYLINE: Trains are late.\n\nFADEL: Thanks, Sam.\n",
            "initial");

    assertThat(speakers(t))
        .containsExactly(
            "Leila Fadel|host|inferred",
            "A Mart\u00ednez|host|self-introduced",
            "Sam Gringlas|correspondent|labelled",
            "Leila Fadel|host|labelled");
    assertThat(t.turns().get(1).text()).isEqualTo("And I'm A Mart\u00ednez.\n\nThe story today is about trains.");
  }
}
