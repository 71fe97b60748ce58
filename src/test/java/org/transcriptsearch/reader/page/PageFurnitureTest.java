package org.transcriptsearch.reader.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.transcriptsearch.reader.page.Pages.allText;
import static org.transcriptsearch.reader.page.Pages.parseFixture;
import static org.transcriptsearch.reader.page.Pages.speakers;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.transcriptsearch.model.Transcript;

/**
 * What sits around a transcript on real pages and must never become its title or its speech: players, embed
 * widgets, guest lists, print and address lines, teasers, copyright lines without a ©, puzzle web copy.
 */
class PageFurnitureTest {

  @Test
  void playerEmbedWidgetPrintAndAddressLinesAreNeverTheTitle() throws Exception {
    Transcript t = parseFixture("player-embed.txt");

    assertThat(t.title()).isEqualTo("Senate Passes Water Bill After Long Fight");
    assertThat(t.program()).isEqualTo("Morning Edition");
    assertThat(t.url()).isEqualTo("https://www.npr.org/2019/04/17/401/senate-passes-water-bill");
    assertThat(t.date()).isEqualTo(LocalDate.of(2019, 4, 17));
    assertThat(speakers(t))
        .containsExactly(
            "Steve Inskeep|host|labelled", "Jo Reyes|correspondent|labelled", "Steve Inskeep|host|labelled");
    assertThat(t.turns().get(0).text())
        .isEqualTo("The Senate finally passed the water bill last night. NPR's Jo Reyes covers Congress.");
    assertThat(allText(t)).doesNotContain("iframe", "Embed", "Copy/paste", "Print", "https://", "Copyright");
  }

  @Test
  void guestListLinesAreNotTheTitleAndViewThisArticleIsNotSpeech() throws Exception {
    Transcript t = parseFixture("guest-list.txt");

    assertThat(t.title()).isEqualTo("What Comes After The Mill Closes");
    assertThat(t.source()).isEqualTo("KUOW");
    assertThat(speakers(t))
        .containsExactly(
            "Neal Conan|host|labelled",
            "Dana Whitfield|guest|labelled",
            "Marcus Hale|guest|labelled",
            "Neal Conan|host|labelled",
            "Marcus Hale|guest|labelled");
    assertThat(t.turns().get(0).text())
        .isEqualTo("The last mill in Millbrook closed on Friday. Joining us now are Dana Whitfield and Marcus Hale.");
    assertThat(t.turns().get(4).text()).isEqualTo("We start over.");
    assertThat(allText(t)).doesNotContain("economist, University", "View this article", "Copyright");
  }

  @Test
  void teaserBeforeTheOpeningIsNotSpeechAndDoesNotSplitTheSelfIntroductions() throws Exception {
    Transcript t = parseFixture("teaser.txt");

    assertThat(t.title()).isEqualTo("Lawmaker Defends Her Farm Vote");
    assertThat(t.program()).isEqualTo("All Things Considered");
    assertThat(speakers(t))
        .containsExactly(
            "Robert Siegel|host|inferred",
            "Audie Cornish|host|self-introduced",
            "Ann Doyle|guest|labelled",
            "Audie Cornish|host|labelled");
    assertThat(t.turns().get(0).text()).isEqualTo("From NPR News, this is ALL THINGS CONSIDERED. I'm Robert Siegel.");
    assertThat(t.turns().get(1).text())
        .isEqualTo("And I'm Audie Cornish.\n\nCongresswoman Ann Doyle of Georgia voted against her party this week.");
    assertThat(t.turns()).allSatisfy(turn -> assertThat(turn.cues()).isEmpty());
    assertThat(allText(t)).doesNotContain("tells NPR", "(D - GA)", "it is split");
  }

  @Test
  void teaserBeforeTheHostsFirstLabelIsNotTheHostsSpeech() throws Exception {
    Transcript t = parseFixture("teaser-before-host-label.txt");

    assertThat(t.title()).isEqualTo("Bridge Reopens Two Years Late");
    assertThat(speakers(t))
        .containsExactly(
            "Audie Cornish|host|labelled", "Martin Kovac|correspondent|labelled", "Audie Cornish|host|labelled");
    assertThat(t.turns().get(0).text()).isEqualTo("The Harbor Bridge is open again.");
    assertThat(t.turns().get(0).attribution().code()).isEqualTo("labelled");
  }

  @Test
  void puzzleWebCopyAndCopyrightWithoutTheSignStayOutOfTheSpeech() throws Exception {
    Transcript t = parseFixture("puzzle.txt");

    assertThat(t.title()).isEqualTo("Sunday Puzzle: Hidden Rivers");
    assertThat(t.program()).isEqualTo("Weekend Edition Sunday");
    assertThat(speakers(t))
        .containsExactly(
            "Lulu Garcia-Navarro|host|labelled",
            "Will Shortz|correspondent|labelled",
            "Lulu Garcia-Navarro|host|labelled",
            "Will Shortz|correspondent|labelled",
            "Lulu Garcia-Navarro|host|labelled",
            "Will Shortz|correspondent|labelled");
    assertThat(t.turns().get(0).text())
        .isEqualTo("And it's time to play the puzzle.\n\nJoining us is Will Shortz, puzzle master. Good morning, Will.");
    assertThat(t.turns().get(0).cues()).containsExactly("(SOUNDBITE OF MUSIC)");
    assertThat(t.turns().get(3).text())
        .isEqualTo(
            "Think of a country. Change one letter to get a musical instrument.\n\n"
                + "If you know the answer, go to our website and click on the submit your answer link.");
    assertThat(t.turns().get(5).text()).isEqualTo("Thank you, Lulu.");
    assertThat(allText(t))
        .doesNotContain("On-Air Challenge", "Last Week's Challenge", "Submit Your Answer", "Listeners whose")
        .doesNotContain("Copyright", "To see more");
  }

  @Test
  void aTeaserThatQuotesTheGuestInTheFirstPersonIsStillATeaser() throws Exception {
    Transcript t =
        Pages.PARSER.parse(
            "Mayor Looks Back\n\n\"I did what I could,\" says the outgoing mayor of Tulsa, who talks with NPR.\n\n"
                + "This is ALL THINGS CONSIDERED. I'm Ari Shapiro.\n\nJANE ROE: Thank you for having me.\n",
            "x");

    assertThat(speakers(t)).containsExactly("Ari Shapiro|host|inferred", "Jane Roe|guest|labelled");
    assertThat(t.turns().get(0).text()).isEqualTo("This is ALL THINGS CONSIDERED. I'm Ari Shapiro.");
  }

  @Test
  void anOpeningInTheFirstPersonBeforeAGuestIsTheHostsSpeech() throws Exception {
    Transcript t =
        Pages.PARSER.parse(
            "Mayor Looks Back\n\nWe start in Tulsa, where the mayor steps down today.\n\n"
                + "JANE ROE: Thank you for having me.\n\nARI SHAPIRO, HOST: Thanks.\n",
            "x");

    assertThat(speakers(t))
        .containsExactly("Ari Shapiro|host|inferred", "Jane Roe|guest|labelled", "Ari Shapiro|host|labelled");
  }

  @Test
  void oldCopyrightAndAddressLinesAfterTheSpeechAreNotTheLastSpeakersWords() throws Exception {
    Transcript t =
        Pages.PARSER.parse(
            "A Story\n\nNEAL CONAN, host: Good day.\n\nJANE ROE: Good day to you.\n\n"
                + "https://www.npr.org/templates/story/story.php?storyId=1234\n\n"
                + "Copyright ©2007 NPR. For personal, noncommercial use only. See Terms of Use.\n\nMore text.\n",
            "x");

    assertThat(t.turns()).hasSize(2);
    assertThat(t.turns().get(1).text()).isEqualTo("Good day to you.");
    assertThat(t.url()).isNull();
  }

  @Test
  void aTeaserBeforeAHostTheDirectoryKnowsAndANameOnlyBylineAreNotSpeechOrTitle() throws Exception {
    Transcript t =
        Pages.PARSER.parse(
            "© 2024 WXPR\nPlay Live Radio\nNext Up:\n0:00 0:00\nAvailable On Air Stations\n"
                + "Kerry Meets Lavrov Again\nMichele Kelemen\n\n"
                + "The two diplomats met for the third time this month. NPR's Michele Kelemen reports.\n\n"
                + "MELISSA BLOCK: John Kerry and Sergei Lavrov met again today.\n\n"
                + "MICHELE KELEMEN, BYLINE: They did, Melissa.\n",
            "x");

    assertThat(t.title()).isEqualTo("Kerry Meets Lavrov Again");
    assertThat(speakers(t))
        .containsExactly("Melissa Block|host|labelled", "Michele Kelemen|correspondent|labelled");
    assertThat(t.turns().get(0).text()).isEqualTo("John Kerry and Sergei Lavrov met again today.");
  }
}
