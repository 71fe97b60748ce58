package org.transcriptsearch.speakers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.transcriptsearch.model.Role;

class SpeakerLabelTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      value = {
        "MICHELE KELEMEN, BYLINE | Michele Kelemen | - | correspondent | -",
        "MELISSA BLOCK, HOST | Melissa Block | - | host | -",
        "NEAL CONAN, host | Neal Conan | - | host | -",
        "RENEE MONTAGNE, host: | Renee Montagne | - | host | -",
        "PRESIDENT VLADIMIR PUTIN | Vladimir Putin | President | guest | -",
        "SECRETARY JOHN KERRY | John Kerry | Secretary | guest | -",
        "VICE PRESIDENT JOE BIDEN | Joe Biden | Vice President | guest | -",
        "FOREIGN MINISTER SERGEI LAVROV | Sergei Lavrov | Foreign Minister | guest | -",
        "JUSTICE SONIA SOTOMAYOR | Sonia Sotomayor | Justice | guest | -",
        "COMMISSIONER ROGER GOODELL | Roger Goodell | Commissioner | guest | -",
        "CAPTAIN MARK KELLY | Mark Kelly | Captain | guest | -",
        "'Senator HILLARY CLINTON (Democrat, New York)' | Hillary Clinton | Senator | guest | 'Democrat, New York'",
        "Mr. ED HELMS (Actor) | Ed Helms | Mr. | guest | Actor",
        "'Mr. BILL MOYERS (Author, \"Journal: More\")' | Bill Moyers | Mr. | guest | 'Author, \"Journal: More\"'",
        "'Professor ANNA KOVAL (History, Kyiv University)' | Anna Koval | Professor | guest | 'History, Kyiv University'",
        "CAROL COSTELLO, CNN ANCHOR | Carol Costello | - | host | CNN",
        "NICK PATON WALSH, CNN SENIOR INTERNATIONAL CORRESPONDENT | Nick Paton Walsh | - | correspondent | CNN",
        "Unidentified Male | Unidentified Male | - | unidentified | -",
        "UNIDENTIFIED MAN #2 | Unidentified Man #2 | - | unidentified | -",
        "UNIDENTIFIED PERSON #1 | Unidentified Person #1 | - | unidentified | -",
        "Unidentified Man #2: | Unidentified Man #2 | - | unidentified | -",
        "UNIDENTIFIED ANNOUNCER #3 | Unidentified Announcer #3 | - | unidentified | -",
        "CALLER | Caller | - | caller | -",
        "JOHN (Caller) | John | - | caller | -",
        "A MARTÍNEZ, HOST | A Martínez | - | host | -",
        "AMARTÍNEZ, HOST | A Martínez | - | host | -",
        "A MARTNEZ, HOST | A Martínez | - | host | -",
        "A MART\uFFFDNEZ, HOST | A Martínez | - | host | -",
        "RACHAEL AND VILRAY | Rachael and Vilray | - | guest | -",
        "TONY | Tony | - | guest | -",
        "MCEVERS | McEvers | - | guest | -",
        "O'BRIEN | O'Brien | - | guest | -",
        "SALEM AL-MUSLET | Salem Al-Muslet | - | guest | -",
        "President GEORGE W. BUSH | George W. Bush | President | guest | -",
        "LULU GARCIA-NAVARRO, HOST | Lulu Garcia-Navarro | - | host | -",
        "JOSÉ DÍAZ-BALART | José Díaz-Balart | - | guest | -",
        "TOM GOLDMAN, BYLINE | Tom Goldman | - | correspondent | -",
        "MARY LOUISE KELLY, HOST | Mary Louise Kelly | - | host | -",
        "JIM ZARROLI, REPORTER | Jim Zarroli | - | correspondent | -",
        "UNIDENTIFIED ANNOUNCER, ANNOUNCER | Unidentified Announcer | - | unidentified | -",
        "MAJOR GARRETT | Major Garrett | - | guest | -",
        "PUTIN | Putin | - | guest | -",
        "HOST | Host | - | host | -",
        "ANNOUNCER | Announcer | - | announcer | -",
      })
  void parsesPrintedLabels(String label, String name, String title, String role, String affiliation) {
    SpeakerLabel parsed = SpeakerLabel.parse(label);

    assertThat(parsed.name()).isEqualTo(name);
    assertThat(parsed.title()).isEqualTo(title);
    assertThat(parsed.role()).isEqualTo(Role.of(role));
    assertThat(parsed.affiliation()).isEqualTo(affiliation);
  }

  @Test
  void emptyLabelNamesNobody() {
    assertThat(SpeakerLabel.parse("")).isNull();
    assertThat(SpeakerLabel.parse("  : ")).isNull();
    assertThat(SpeakerLabel.parse(null)).isNull();
  }

  @Test
  void labelWithOnlyARoleIsAnUnidentifiedSpeaker() {
    SpeakerLabel parsed = SpeakerLabel.parse(", BYLINE");

    assertThat(parsed.name()).isEqualTo("Unidentified Speaker");
    assertThat(parsed.role()).isEqualTo(Role.UNIDENTIFIED);
  }

  @Test
  void properCaseKeepsInitialsAndPrefixes() {
    assertThat(NameCase.of("GEORGE W. BUSH")).isEqualTo("George W. Bush");
    assertThat(NameCase.of("JOHN MCCAIN")).isEqualTo("John McCain");
    assertThat(NameCase.of("Salem al-Muslet")).isEqualTo("Salem al-Muslet");
  }
}
