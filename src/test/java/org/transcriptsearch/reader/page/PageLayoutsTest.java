package org.transcriptsearch.reader.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.transcriptsearch.reader.page.Pages.allText;
import static org.transcriptsearch.reader.page.Pages.parseFixture;
import static org.transcriptsearch.reader.page.Pages.speakers;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.transcriptsearch.model.Transcript;
import org.transcriptsearch.reader.BadInputException;

/** Header, footer and newline layouts of the sites NPR transcripts come from (FORMATS.md). */
class PageLayoutsTest {

  @Test
  void nprOrgLayoutDropsPlayerBulletsTeaserAndCopyright() throws Exception {
    Transcript t = parseFixture("npr-org.txt");

    assertThat(t.title()).isEqualTo("Kerry And Lavrov Meet In Paris");
    assertThat(t.source()).isEqualTo("npr.org");
    assertThat(t.program()).isEqualTo("All Things Considered");
    assertThat(speakers(t))
        .containsExactly(
            "Melissa Block|host|labelled",
            "Michele Kelemen|correspondent|labelled",
            "Melissa Block|host|labelled",
            "Michele Kelemen|correspondent|labelled");
    assertThat(t.turns().get(0).text()).startsWith("Secretary of State John Kerry spent the day");
    assertThat(t.turns().get(3).text()).isEqualTo("Not much, Melissa.");
    assertThat(allText(t))
        .doesNotContain("•", "iframe", "NPR logo", "Playlist", "NPR's Michele Kelemen reports", "Copyright")
        .doesNotContain("rush deadline", "for further information");
  }

  @Test
  void podcastTitleLosesProgramSuffixWhichNamesTheProgram() throws Exception {
    Transcript t = parseFixture("npr-podcast.txt");

    assertThat(t.title()).isEqualTo("The Price Of A Haircut");
    assertThat(t.program()).isEqualTo("Planet Money");
    assertThat(t.source()).isEqualTo("npr.org");
    assertThat(speakers(t))
        .containsExactly("Kenny Malone|host|labelled", "Sally Herships|host|labelled", "Kenny Malone|host|labelled");
    assertThat(t.turns().get(0).text()).isEqualTo("What does a haircut cost? Depends where you live.");
    assertThat(allText(t)).doesNotContain("noncommercial");
  }

  @Test
  void supportAndBylineLayoutGivesDateFromTheDateLine() throws Exception {
    Transcript t = parseFixture("support-byline.txt");

    assertThat(t.title()).isEqualTo("Olympic Skaters Take The Ice In Sochi");
    assertThat(t.date()).isEqualTo(LocalDate.of(2014, 2, 8));
    assertThat(t.source()).isNull();
    assertThat(t.program()).isEqualTo("Weekend Edition Saturday");
    assertThat(speakers(t))
        .containsExactly(
            "Scott Simon|host|labelled",
            "Tom Goldman|correspondent|labelled",
            "Scott Simon|host|labelled",
            "Tom Goldman|correspondent|labelled");
    assertThat(allText(t)).doesNotContain("Support", "By Tom Goldman", "6:12");
  }

  @Test
  void originallyPublishedLineGivesTheDateNotTheCrawlYear() throws Exception {
    Transcript t = parseFixture("originally-published.txt");

    assertThat(t.title()).isEqualTo("Mandela Remembered In Soweto");
    assertThat(t.date()).isEqualTo(LocalDate.of(2013, 12, 8));
    assertThat(t.source()).isEqualTo("KERA");
    assertThat(t.program()).isEqualTo("Weekend All Things Considered");
    assertThat(speakers(t))
        .containsExactly("Arun Rath|host|labelled", "John Burnett|correspondent|labelled", "Arun Rath|host|labelled");
    assertThat(allText(t)).doesNotContain("NPR for North Texas", "Originally published");
  }

  @Test
  void bareTranscriptLineBeforeTheFirstLabel() throws Exception {
    Transcript t = parseFixture("bare-transcript-line.txt");

    assertThat(t.title()).isEqualTo("Drought Tests Farmers In The West");
    assertThat(t.source()).isEqualTo("WBUR");
    assertThat(speakers(t))
        .containsExactly(
            "Steve Inskeep|host|labelled", "Kirk Siegler|correspondent|labelled", "Steve Inskeep|host|labelled");
    assertThat(t.turns().get(2).text()).isEqualTo("Kirk Siegler reporting.");
    assertThat(allText(t)).doesNotContain("Transcript", "0:00");
  }

  @Test
  void pageWithNoHeaderAtAll() throws Exception {
    Transcript t = parseFixture("no-header.txt");

    assertThat(t.title()).isNull();
    assertThat(t.source()).isNull();
    assertThat(t.turns()).hasSize(4);
    assertThat(t.turns().get(0).speaker().name()).isEqualTo("Linda Wertheimer");
    assertThat(t.turns().get(0).text()).isEqualTo("Good morning.");
    assertThat(t.turns().get(3).speaker().name()).isEqualTo("Ari Shapiro");
  }

  @Test
  void singleNewlineParagraphs() throws Exception {
    Transcript t = parseFixture("single-newline.txt");

    assertThat(t.title()).isEqualTo("Farm Bill Stalls In Congress");
    assertThat(speakers(t))
        .containsExactly(
            "David Greene|host|labelled",
            "Scott Horsley|correspondent|labelled",
            "David Greene|host|labelled",
            "Scott Horsley|correspondent|labelled");
    assertThat(t.turns().get(0).text())
        .isEqualTo("The farm bill is stuck again.\n\nLawmakers could not agree on food stamps.");
    assertThat(t.turns().get(3).text()).isEqualTo("The Senate does not.\n\nThat is the whole story.");
  }

  @Test
  void gapsOfRemovedElementsStartContinuationTurns() throws Exception {
    Transcript t = parseFixture("gaps.txt");

    assertThat(speakers(t))
        .containsExactly(
            "Rachel Martin|host|labelled",
            "Rachel Martin|host|continuation",
            "Greg Allen|correspondent|labelled",
            "Greg Allen|correspondent|continuation",
            "Rachel Martin|host|labelled");
    assertThat(t.turns().get(1).text()).isEqualTo("Residents along the coast are cleaning up.");
    assertThat(t.turns().get(1).speaker().label()).isNull();
    // Rachel Martin hosted two programs, so the hosts alone do not say which.
    assertThat(t.program()).isNull();
  }

  @Test
  void footersAreCutWhateverTheirForm() throws Exception {
    Transcript t = parseFixture("footer-variants.txt");

    assertThat(t.turns()).hasSize(3);
    assertThat(t.turns().get(2).text()).isEqualTo("Nate Hegyi of Mountain West News Bureau.");
    assertThat(allText(t)).doesNotContain("Tags", "reporter for the Mountain West", "Copyright", "Donate", "comment");
  }

  @Test
  void bioAndDonationPleaWithoutTranscriptCredit() throws Exception {
    Transcript t = parseFixture("bio-only-footer.txt");

    assertThat(t.turns()).hasSize(4);
    assertThat(t.turns().get(3).text()).isEqualTo("You're welcome.");
    assertThat(allText(t)).doesNotContain("National Desk", "Journalism at this station");
  }

  @Test
  void hardWrappedRepostWithCurlyQuotesAndMojibake() throws Exception {
    Transcript t = parseFixture("hard-wrapped.txt");

    assertThat(t.title()).isEqualTo("Iran\u2019s Talks Resume In Vienna");
    assertThat(t.source()).isEqualTo("WNYC");
    assertThat(speakers(t))
        .containsExactly("Leila Fadel|host|labelled", "Peter Kenyon|correspondent|labelled", "Leila Fadel|host|labelled");
    assertThat(t.turns().get(0).text())
        .isEqualTo(
            "Nuclear talks with Iran resumed in Vienna today, and the mood among the diplomats was described as"
                + " \u201ccautious but hopeful\u201d by people who were in the room for the first session, which ran"
                + " late into the night.");
    assertThat(t.turns().get(1).text()).startsWith("That\u2019s right, Leila.").endsWith("agreement could be signed.");
    assertThat(t.turns().get(1).text()).doesNotContain("\n");
  }

  @Test
  void articleWithoutTurnsIsBadInput() {
    assertThatThrownBy(() -> parseFixture("article.txt"))
        .isInstanceOf(BadInputException.class)
        .hasMessage("article.txt: no transcript found in article.txt")
        .satisfies(e -> assertThat(((BadInputException) e).location()).isNull());
  }

  @Test
  void sameStoryWithOtherBoilerplateAndNewlinesGetsTheSameId() throws Exception {
    Transcript station = Pages.PARSER.parse(Pages.fixture("same-story-other-site.txt"), "other");
    Transcript seed =
        Pages.PARSER.parse(
            java.nio.file.Files.readString(
                java.nio.file.Path.of("index-data/transcripts/003_eb3c53ebfe28291d.txt"),
                java.nio.charset.StandardCharsets.UTF_8),
            "seed");

    assertThat(station.id()).isEqualTo(seed.id());
    assertThat(speakers(station)).isEqualTo(speakers(seed));
    assertThat(station.date()).isEqualTo(LocalDate.of(2014, 3, 5));
    assertThat(allText(station)).doesNotContain("rush deadline", "Become a Supporter");
  }

  @Test
  void photoCaptionAfterASentenceCaseTitleIsNotSpeech() throws Exception {
    Transcript t = parseFixture("caption.txt");

    assertThat(t.title()).isEqualTo("Is the cease-fire holding?");
    assertThat(t.source()).isEqualTo("WESA");
    assertThat(speakers(t))
        .containsExactly("Ari Shapiro|host|inferred", "Alice Fordham|correspondent|labelled", "Ari Shapiro|host|labelled");
    assertThat(t.turns().get(0).text()).isEqualTo("The cease-fire in Syria is a week old today.");
    assertThat(allText(t)).doesNotContain("Getty", "damaged building");
  }
}
