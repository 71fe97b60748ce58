package org.transcriptsearch.reader.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.transcriptsearch.reader.page.Pages.allText;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.transcriptsearch.model.Transcript;

/** Air dates from what a page prints and from its address. */
class PageDatesTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      value = {
        "https://www.npr.org/2014/03/05/286476200/kerry-and-lavrov-meet | 2014-03-05",
        "https://www.npr.org/templates/story/story.php?storyId=91034 | -",
        "https://www.wbur.org/npr/2019/4/9/story | 2019-04-09",
        "https://www.npr.org/sections/2016/02/30/1/bad-day | -",
        "https://www.kcur.org/news/2021-05-06/a-story | 2021-05-06",
        "https://www.kcur.org/news/2021-05/a-story | -",
        "https://www.kcur.org/news/2021/05-06/a-story | -",
      })
  void dateInTheAddressPath(String address, LocalDate date) {
    assertThat(PageDates.ofAddress(address).orElse(null)).isEqualTo(date);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      value = {
        "Originally broadcast July 23, 2013 | 2013-07-23",
        "This interview originally aired on Sept. 8, 2012. | 2012-09-08",
        "This segment was originally broadcast on Tuesday, May 8, 2008. | 2008-05-08",
        "It originally aired 8 December 2013 on our station. | 2013-12-08",
        "The film originally aired on television in 1977. | -",
        "This segment aired on October 9, 2014. | 2014-10-09",
        "Aired: March 5, 2014 | 2014-03-05",
        "The report was first broadcast on Jan. 4, 2010 on WBUR. | 2010-01-04",
        "The president aired his views on May 8, 2008. | -",
        "Published July 23, 2013 | -",
      })
  void broadcastNotes(String text, LocalDate date) {
    assertThat(PageDates.broadcast(text).orElse(null)).isEqualTo(date);
  }

  @Test
  void theBroadcastDateWinsOverTheDatelineAndItsNoteIsNotSpeech() throws Exception {
    Transcript t =
        Pages.PARSER.parse(
            "Remembering A Songwriter\nMay 9, 2008\nOriginally broadcast May 8, 2008\n\n"
                + "TERRY GROSS, HOST: This is FRESH AIR.\n\nJANE ROE: Thank you.\n\n"
                + "This interview originally aired May 8, 2008.\n",
            "x");

    assertThat(t.title()).isEqualTo("Remembering A Songwriter");
    assertThat(t.date()).isEqualTo(LocalDate.of(2008, 5, 8));
    assertThat(allText(t)).doesNotContain("originally", "2008");
  }

  @Test
  void theDatelineWhenNothingSaysWhenItAired() throws Exception {
    Transcript t =
        Pages.PARSER.parse("A Story\nMay 9, 2008\n\nTERRY GROSS, HOST: This is FRESH AIR.\n\nJANE ROE: Hi.", "x");

    assertThat(t.date()).isEqualTo(LocalDate.of(2008, 5, 9));
  }

  @Test
  void oldNprOrgProgramAndDateLineBeforeTheTeaser() throws Exception {
    Transcript t =
        Pages.PARSER.parse(
            "Immigration Bill Stalls In Senate\nby Audie Cornish\n"
                + "All Things Considered, June 7, 2007 · The Senate immigration bill stalled. Audie Cornish reports.\n\n"
                + "MICHELE NORRIS, host:\n\nThe bill is stuck.\n\nAUDIE CORNISH reporting:\n\nIt is.\n",
            "x");

    assertThat(t.title()).isEqualTo("Immigration Bill Stalls In Senate");
    assertThat(t.program()).isEqualTo("All Things Considered");
    assertThat(t.date()).isEqualTo(LocalDate.of(2007, 6, 7));
    assertThat(t.turns().get(0).text()).isEqualTo("The bill is stuck.");
    // Old npr.org labels a correspondent's first turn "NAME reporting:".
    assertThat(Pages.speakers(t)).containsExactly("Michele Norris|host|labelled", "Audie Cornish|correspondent|labelled");
    assertThat(t.turns().get(1).speaker().label()).isEqualTo("AUDIE CORNISH reporting");
  }

  @Test
  void anAiredLineAfterTheTitleIsNeitherTitleNorSpeech() throws Exception {
    Transcript t =
        Pages.PARSER.parse(
            "© 2024 WBUR\nPlay Live Radio\nNext Up:\nKerry In Paris\nThis segment aired on March 5, 2014.\n\n"
                + "MELISSA BLOCK, HOST: Kerry is in Paris.\n\nMICHELE KELEMEN, BYLINE: Yes.\n",
            "x");

    assertThat(t.title()).isEqualTo("Kerry In Paris");
    assertThat(t.date()).isEqualTo(LocalDate.of(2014, 3, 5));
    assertThat(allText(t)).isEqualTo("Kerry is in Paris.\nYes.");
  }
}
