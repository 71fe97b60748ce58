package org.transcriptsearch.reader.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.transcriptsearch.reader.page.Pages.parseFixture;
import static org.transcriptsearch.reader.page.Pages.speakers;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.transcriptsearch.model.Transcript;
import org.transcriptsearch.model.Turn;

/**
 * Who speaks when the page does not say it in full: lost labels after gaps, staff the host introduces,
 * surname-only and two-word-surname labels, relatives, generic voices, pages that name no host.
 */
class PagePeopleTest {

  @Test
  void aReplyAfterAGapIsTheGreetedPersonsNotTheHostsContinuation() throws Exception {
    Transcript t = parseFixture("gap-reply.txt");

    assertThat(speakers(t))
        .containsExactly(
            "Jo Lind|host|labelled",
            "Sam Ortega|correspondent|inferred",
            "Jo Lind|host|labelled",
            "Sam Ortega|correspondent|labelled",
            "Sam Ortega|correspondent|continuation",
            "Jo Lind|host|labelled");
    assertThat(t.turns().get(1).text()).isEqualTo("Hi, Jo. It's been a busy week up here.");
    assertThat(t.turns().get(1).speaker().label()).isNull();
    assertThat(t.turns().get(4).text()).isEqualTo("Jo, it's the brightest in a decade.");
  }

  @Test
  void staffTheHostIntroducesAreCorrespondentsAndTheirSurnameLabelsResolve() throws Exception {
    Transcript t = parseFixture("introduced-staff.txt");

    assertThat(speakers(t))
        .containsExactly(
            "Audie Cornish|host|labelled",
            "Mara Liasson|correspondent|labelled",
            "Audie Cornish|host|labelled",
            "Mara Liasson|correspondent|labelled",
            "Audie Cornish|host|labelled",
            "Joe Palca|correspondent|labelled",
            "Unidentified Scientist|unidentified|labelled",
            "Joe Palca|correspondent|labelled");
    assertThat(t.turns().get(1).speaker().label()).isEqualTo("LIASSON");
  }

  @Test
  void surnameLabelsTakeTheSelfIntroductionTwoWordSurnamesAndMixedCaseVoices() throws Exception {
    Transcript t = parseFixture("surname-hosts.txt");

    assertThat(speakers(t))
        .containsExactly(
            "Rachel Martin|host|labelled",
            "Stacey Vanek Smith|host|labelled",
            "Rachel Martin|host|labelled",
            "Stacey Vanek Smith|host|labelled",
            "Automated Voice|unidentified|labelled",
            "Recorded Announcement|unidentified|labelled",
            "Ana de la Cruz|guest|labelled",
            "Rachel Martin|host|labelled");
    List<Turn> turns = t.turns();
    assertThat(turns.get(0).text()).isEqualTo("Good morning. I'm Rachel Martin.");
    assertThat(turns.get(0).speaker().label()).isEqualTo("MARTIN");
    assertThat(turns.get(4).text()).isEqualTo("Your call is important to us.");
    assertThat(turns.get(6).speaker().label()).isEqualTo("DE LA CRUZ");
  }

  @Test
  void mrAndMsOfOneFamilyAreTwoPeople() throws Exception {
    Transcript t = parseFixture("siblings.txt");

    assertThat(speakers(t))
        .containsExactly(
            "Debbie Elliott|host|labelled",
            "Ruth Hale|guest|labelled",
            "Owen Hale|guest|labelled",
            "Debbie Elliott|host|labelled",
            "Ruth Hale|guest|labelled",
            "Owen Hale|guest|labelled",
            "Unidentified Man|unidentified|labelled");
    assertThat(t.turns().get(4).speaker().title()).isEqualTo("Ms.");
    assertThat(t.turns().get(5).speaker().title()).isEqualTo("Mr.");
    assertThat(t.turns().get(5).speaker().affiliation()).isEqualTo("Farmer");
  }

  @Test
  void withNoHostNamedAnywhereAGuestTheOpeningIntroducesIsNotTheHost() throws Exception {
    Transcript t = parseFixture("no-host-named.txt");

    assertThat(speakers(t)).containsExactly("Host|host|inferred", "Tony|guest|labelled");
    assertThat(t.turns().get(1).text())
        .isEqualTo("It's been a hard year.\n\nThe catch is down by a third.\n\nWe'll see what the fall brings.");
  }

  @Test
  void aSurnameLabelNobodyCompletesStillOpensAsTheHost() throws Exception {
    Transcript t =
        Pages.PARSER.parse("Title\n\nThe city council met today.\n\nWHITAKER: It ran late.\n\nJANE ROE: Yes.", "x");

    assertThat(speakers(t)).containsExactly("Whitaker|host|inferred", "Jane Roe|guest|labelled");
    assertThat(t.turns().get(0).text()).isEqualTo("The city council met today.\n\nIt ran late.");
  }

  @Test
  void aReplyAfterAGapToSomeoneKnownOnlyByFirstNameIsTheirs() throws Exception {
    Transcript t =
        Pages.PARSER.parse(
            "Title\n\nJO LIND, HOST: Our caller today is from Maine. Hi, Sam.\n\n\n\nHi. I love the show.\n\n"
                + "LIND: Where are you calling from?\n\nSAM: Portland.\n",
            "x");

    assertThat(speakers(t))
        .containsExactly("Jo Lind|host|labelled", "Sam|guest|inferred", "Jo Lind|host|labelled", "Sam|guest|labelled");
  }

  @Test
  void aParagraphAfterAGapThatGreetsNobodyContinuesTheSpeaker() throws Exception {
    Transcript t =
        Pages.PARSER.parse(
            "Title\n\nJO LIND, HOST: The storm hit at noon.\n\n\n\nRoads closed by evening.\n\n"
                + "SAM ORTEGA, BYLINE: Jo, it was fast.\n",
            "x");

    assertThat(speakers(t))
        .containsExactly("Jo Lind|host|labelled", "Jo Lind|host|continuation", "Sam Ortega|correspondent|labelled");
  }

  @Test
  void onThePuzzleTheListenerIsACallerAndThePuzzleMasterARegular() throws Exception {
    Transcript t = parseFixture("puzzle-call.txt");

    assertThat(t.program()).isEqualTo("Weekend Edition Sunday");
    assertThat(speakers(t))
        .containsExactly(
            "Lulu Garcia-Navarro|host|labelled",
            "Will Shortz|correspondent|labelled",
            "Lulu Garcia-Navarro|host|labelled",
            "Will Shortz|correspondent|labelled",
            "Lulu Garcia-Navarro|host|labelled",
            "Mara Quinn|caller|labelled",
            "Lulu Garcia-Navarro|host|labelled",
            "Mara Quinn|caller|labelled");
  }

  @Test
  void aGuestOnAPageThatIsNotAPuzzleStaysAGuest() throws Exception {
    Transcript t = parseFixture("siblings.txt");

    assertThat(t.turns().get(1).speaker().role().code()).isEqualTo("guest");
  }

  @Test
  void staffIntroducedAfterTheirNameOrAsOurOwn() throws Exception {
    Transcript t =
        Pages.PARSER.parse(
            "Title\n\nSCOTT SIMON, HOST: With us is Mara Liasson, NPR's national political correspondent. "
                + "And our own Tom Goldman is in Sochi.\n\nLIASSON: Hi, Scott.\n\nGOLDMAN: Hello.\n",
            "x");

    assertThat(speakers(t))
        .containsExactly(
            "Scott Simon|host|labelled", "Mara Liasson|correspondent|labelled", "Tom Goldman|correspondent|labelled");
  }

  @Test
  void aGuestIntroducedInFullKeepsTheFullNameUnderASurnameLabel() throws Exception {
    Transcript t =
        Pages.PARSER.parse(
            "Title\n\nSCOTT SIMON, HOST: We're joined by Jane Doe, a historian at Yale.\n\nDOE: Thanks, Scott.\n",
            "x");

    assertThat(speakers(t)).containsExactly("Scott Simon|host|labelled", "Jane Doe|guest|labelled");
  }

  @Test
  void aGuestQuotedIntroducingThemselfInTheOpeningIsNotTheHost() throws Exception {
    Transcript t =
        Pages.PARSER.parse(
            "Tamales At Dawn\n\n\"I'm Maria Lopez, and I sell tamales,\" she tells every customer.\n\n"
                + "MARIA LOPEZ: Good morning! Two pork?\n\nARI SHAPIRO, HOST: She starts at four.\n",
            "x");

    assertThat(speakers(t))
        .containsExactly("Ari Shapiro|host|inferred", "Maria Lopez|guest|labelled", "Ari Shapiro|host|labelled");
  }
}
