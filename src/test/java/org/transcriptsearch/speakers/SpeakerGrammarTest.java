package org.transcriptsearch.speakers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.transcriptsearch.model.Role;

/**
 * The one speaker-string grammar on the shapes of the real collections (MediaSum's CNN and NPR strings, the
 * Interview CSVs): name, title, role, affiliation (party and state, network, position and organisation) and the
 * delivery notes that are cues of the turn.
 */
class SpeakerGrammarTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      value = {
        // Party and state, printed every way: never in the name, always one form.
        "SEN. CHRIS VAN HOLLEN (D), MARYLAND | Chris Van Hollen | Sen. | guest | D-Maryland | -",
        "SEN. CHRIS VAN HOLLEN, D-MARYLAND | Chris Van Hollen | Sen. | guest | D-Maryland | -",
        "SEN. CHRIS VAN HOLLEN (D-MD) | Chris Van Hollen | Sen. | guest | D-Maryland | -",
        "REP. JOE WILSON, (R) SOUTH CAROLINA | Joe Wilson | Rep. | guest | R-South Carolina | -",
        "REP. JOE WILSON (R-S.C.) | Joe Wilson | Rep. | guest | R-South Carolina | -",
        "SEN. BERNIE SANDERS (I), VERMONT | Bernie Sanders | Sen. | guest | I-Vermont | -",
        "SEN. DIANNE FEINSTEIN, D-CALIF. | Dianne Feinstein | Sen. | guest | D-California | -",
        "REP. PETER KING (R), NEW YORK, HOMELAND SECURITY COMMITTEE | Peter King | Rep. | guest"
            + " | 'R-New York, Homeland Security Committee' | -",
        "SEN. JOHN MCCAIN (R) | John McCain | Sen. | guest | R | -",
        "JOHN MCCAIN (R-AZ) PRESIDENTIAL CANDIDATE | John McCain | - | guest | 'R-Arizona, Presidential Candidate' | -",
        "FORMER SEN. BOB DOLE (R), KANSAS | Bob Dole | Former Sen. | guest | R-Kansas | -",
        "GOV. CHRIS CHRISTIE (R), NEW JERSEY | Chris Christie | Gov. | guest | R-New Jersey | -",
        // Retired officers.
        "ADM. THAD ALLEN (RET.) | Thad Allen | Adm. (Ret.) | guest | - | -",
        "LT. GEN. MARK HERTLING (RET.), CNN MILITARY ANALYST | Mark Hertling | Lt. Gen. (Ret.) | analyst | CNN | -",
        "GEN. WESLEY CLARK (RET.), FORMER SUPREME ALLIED COMMANDER | Wesley Clark | Gen. (Ret.) | guest"
            + " | Former Supreme Allied Commander | -",
        // Positions and organisations kept whole for guests.
        "'DR. ANTHONY FAUCI, DIRECTOR, NATIONAL INSTITUTE OF ALLERGY AND INFECTIOUS DISEASES' | Anthony Fauci | Dr."
            + " | guest | 'Director, National Institute of Allergy and Infectious Diseases' | -",
        "'JOHN BRENNAN, FORMER CIA DIRECTOR' | John Brennan | - | guest | Former CIA Director | -",
        "'MARY SMITH, PRESIDENT, CNN WORLDWIDE' | Mary Smith | - | guest | 'President, CNN Worldwide' | -",
        "'TOM JONES, SENIOR ANALYST, RAND CORPORATION' | Tom Jones | - | guest | 'Senior Analyst, Rand Corporation'"
            + " | -",
        "'Ms. LOREN MOONEY (Editor-in-Chief, Bicycling Magazine)' | Loren Mooney | Ms. | guest"
            + " | 'Editor-in-Chief, Bicycling Magazine' | -",
        // Delivery notes are cues of the turn, never the affiliation.
        "'ANGELA MERKEL, CHANCELLOR, GERMANY (through translator)' | Angela Merkel | - | guest | 'Chancellor, Germany'"
            + " | (through translator)",
        "JOHN KING, CNN CORRESPONDENT (voice-over) | John King | - | correspondent | CNN | (voice-over)",
        "BARBARA STARR, CNN PENTAGON CORRESPONDENT (on-camera) | Barbara Starr | - | correspondent | CNN"
            + " | (on-camera)",
        "JIM ACOSTA, CNN CORRESPONDENT (on camera) | Jim Acosta | - | correspondent | CNN | (on camera)",
        "PRESIDENT HAMID KARZAI (via telephone) | Hamid Karzai | President | guest | - | (via telephone)",
        "'MAYOR BILL DE BLASIO, NEW YORK (via telephone)' | Bill De Blasio | Mayor | guest | New York"
            + " | (via telephone)",
        "ARETHA FRANKLIN (singing) | Aretha Franklin | - | guest | - | (singing)",
        "(BEGIN VIDEOTAPE) BARACK OBAMA | Barack Obama | - | guest | - | (BEGIN VIDEOTAPE)",
        "BARACK OBAMA (END VIDEOTAPE) | Barack Obama | - | guest | - | (END VIDEOTAPE)",
        "VLADIMIR PUTIN, RUSSIAN PRESIDENT (through interpreter) | Vladimir Putin | - | guest | Russian President"
            + " | (through interpreter)",
        "NICOLAS SARKOZY (speaking French) | Nicolas Sarkozy | - | guest | - | (speaking French)",
        "'GARY TUCHMAN, CNN CORRESPONDENT (voice-over): ' | Gary Tuchman | - | correspondent | CNN | (voice-over)",
        "'BOB SMITH (on camera, through translator)' | Bob Smith | - | guest | - | '(on camera, through translator)'",
        "'AMY JONES, REPORTER, WXYZ-TV (via Skype)' | Amy Jones | - | correspondent | WXYZ-TV | (via Skype)",
        "UNIDENTIFIED MALE (through translator) | Unidentified Male | - | unidentified | - | (through translator)",
        // Network and station staff are never guests; the network is their affiliation.
        "'JOHN KING, CNN ANCHOR, \"INSIDE POLITICS\"' | John King | - | host | 'CNN, Inside Politics' | -",
        "'CANDY CROWLEY, CNN HOST, \"STATE OF THE UNION\"' | Candy Crowley | - | host | 'CNN, State of the Union' | -",
        "GLORIA BORGER, CNN CHIEF POLITICAL ANALYST | Gloria Borger | - | analyst | CNN | -",
        "VAN JONES, CNN CONTRIBUTOR | Van Jones | - | analyst | CNN | -",
        "ANA NAVARRO, CNN POLITICAL COMMENTATOR | Ana Navarro | - | analyst | CNN | -",
        "JEFFREY TOOBIN, CNN SENIOR LEGAL ANALYST | Jeffrey Toobin | - | analyst | CNN | -",
        "DAVID GERGEN, SENIOR POLITICAL ANALYST | David Gergen | - | analyst | - | -",
        "POPPY HARLOW, CNNMONEY.COM | Poppy Harlow | - | correspondent | CNNMoney.com | -",
        "CHRISTINE ROMANS, CNN BUSINESS CORRESPONDENT | Christine Romans | - | correspondent | CNN | -",
        "'ANDERSON COOPER, CNN ANCHOR AND CHIEF CORRESPONDENT' | Anderson Cooper | - | host | CNN | -",
        "DR. SANJAY GUPTA, CNN CHIEF MEDICAL CORRESPONDENT | Sanjay Gupta | Dr. | correspondent | CNN | -",
        "'CHAD MYERS, CNN METEOROLOGIST' | Chad Myers | - | correspondent | CNN | -",
        "'MICHAEL HOLMES, CNN INTERNATIONAL ANCHOR' | Michael Holmes | - | host | CNN International | -",
        "'JOE JOHNS, CNN CORRESPONDENT' | Joe Johns | - | correspondent | CNN | -",
        "'RON ELVING, NPR SENIOR WASHINGTON EDITOR' | Ron Elving | - | correspondent | NPR | -",
        "'MARA LIASSON, NPR' | Mara Liasson | - | correspondent | NPR | -",
        "'ANNOUNCER' | Announcer | - | announcer | - | -",
        "'ANNOUNCER (voice-over)' | Announcer | - | announcer | - | (voice-over)",
        "'NARRATOR' | Narrator | - | announcer | - | -",
        "'UNIDENTIFIED ANNOUNCER' | Unidentified Announcer | - | unidentified | - | -",
        "'CNN CORRESPONDENT' | Correspondent | - | correspondent | CNN | -",
        // Name suffixes stay in the name.
        "'MARTIN LUTHER KING, JR.' | Martin Luther King Jr. | - | guest | - | -",
        "'REV. MARTIN LUTHER KING JR.' | Martin Luther King Jr. | Rev. | guest | - | -",
        // Interview and NPR shapes.
        "NEAL CONAN, host | Neal Conan | - | host | - | -",
        "NEAL CONAN, HOST | Neal Conan | - | host | - | -",
        "JOHN (Caller) | John | - | caller | - | -",
        "'KATHY (Caller) (via telephone)' | Kathy | - | caller | - | (via telephone)",
        "UNIDENTIFIED WOMAN #3 | Unidentified Woman #3 | - | unidentified | - | -",
        "IRAQI MAN | Iraqi Man | - | unidentified | - | -",
        "FEMALE VOICE | Female Voice | - | unidentified | - | -",
        "CROWD | Crowd | - | unidentified | - | -",
        "GROUP OF PROTESTERS | Group of Protesters | - | unidentified | - | -",
        // A cue fragment printed before the name, or a cue where the name should be.
        "T.V. JOE JOHNS | Joe Johns | - | guest | - | -",
        "BEGIN VIDEOTAPE | Unidentified Speaker | - | unidentified | - | BEGIN VIDEOTAPE",
        "(COMMERCIAL BREAK) | Unidentified Speaker | - | unidentified | - | (COMMERCIAL BREAK)",
        "CROWD (chanting) | Crowd | - | unidentified | - | (chanting)",
        // More of the kind: titles with their qualifiers, networks and their staff.
        "PRES. BARACK OBAMA | Barack Obama | Pres. | guest | - | -",
        "THE REV. AL SHARPTON, NATIONAL ACTION NETWORK | Al Sharpton | The Rev. | guest | National Action Network | -",
        "'SEAN HANNITY, FOX NEWS HOST' | Sean Hannity | - | host | Fox News | -",
        "'NANCY GRACE, HLN HOST' | Nancy Grace | - | host | HLN | -",
        "'CNN ANNOUNCER' | Announcer | - | announcer | CNN | -",
        "'FEMALE ANNOUNCER' | Female Announcer | - | announcer | - | -",
        "'MARY SMITH, VICTIM''S MOTHER (via telephone)' | Mary Smith | - | guest | Victim's Mother | (via telephone)",
        "'JOHN ZARRELLA, CNN CORRESPONDENT, MIAMI' | John Zarrella | - | correspondent | 'CNN, Miami' | -",
      })
  void takesTheRealShapesApart(String label, String name, String title, String role, String affiliation, String cues) {
    SpeakerLabel parsed = SpeakerLabel.parse(label);

    assertThat(parsed.name()).as("name").isEqualTo(name);
    assertThat(parsed.title()).as("title").isEqualTo(title);
    assertThat(parsed.role()).as("role").isEqualTo(Role.of(role));
    assertThat(parsed.affiliation()).as("affiliation").isEqualTo(affiliation);
    assertThat(parsed.cues()).as("cues").isEqualTo(cues == null ? List.of() : Arrays.asList(cues.split("\\|")));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "_NO_SPEAKER",
        "TEXT",
        "UNKNOWN",
        "On camera)",
        "Music - \"hail To the Chief\") O'Donoghue",
        "(voice-over",
        "AND THEN THE PRESIDENT SAID THAT WE WOULD ALL HAVE TO WAIT FOR THE VOTE",
        "and we will be right back after this",
        "Is this the end of the road for the Senate bill?",
        "JOHN KING 2012",
        "\"INSIDE POLITICS\"",
      })
  void aLabelThatIsNotAPersonIsUnidentified(String label) {
    SpeakerLabel parsed = SpeakerLabel.parse(label);

    assertThat(parsed.name()).isEqualTo(SpeakerLabel.NOBODY);
    assertThat(parsed.role()).isEqualTo(Role.UNIDENTIFIED);
    assertThat(parsed.title()).isNull();
    assertThat(parsed.affiliation()).isNull();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "SEN. CHRIS VAN HOLLEN (D), MARYLAND",
        "SEN. CHRIS VAN HOLLEN, D-MARYLAND",
        "CHRIS VAN HOLLEN",
        "Sen. Chris Van Hollen (D-Md.)",
        "SENATOR CHRIS VAN HOLLEN (voice-over)",
        "CHRIS VAN HOLLEN (D), MARYLAND (via telephone)",
      })
  void onePersonWrittenSeveralWaysIsOneSpeaker(String label) {
    assertThat(SpeakerNames.key(SpeakerLabel.parse(label).name())).isEqualTo("chris van hollen");
  }

  @org.junit.jupiter.api.Test
  void theRememberingParserGivesWhatTheGrammarGives() {
    SpeakerLabels labels = new SpeakerLabels();
    for (int i = 0; i < SpeakerLabels.CAPACITY + 10; i++) {
      String label = "REP. JOHN DOE" + i + " (D), MARYLAND";
      assertThat(labels.parse(label)).isEqualTo(SpeakerLabel.parse(label));
    }
    assertThat(labels.parse("SEN. CHRIS VAN HOLLEN, D-MARYLAND"))
        .isEqualTo(SpeakerLabel.parse("SEN. CHRIS VAN HOLLEN, D-MARYLAND"))
        .isSameAs(labels.parse("SEN. CHRIS VAN HOLLEN, D-MARYLAND"));
    assertThat(labels.parse("")).isNull();
    assertThat(labels.parse(null)).isNull();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "WOLF BLITZER, CNN ANCHOR", "CAROL COSTELLO, CNN ANCHOR", "JIM ACOSTA, CNN SENIOR WHITE HOUSE CORRESPONDENT",
        "GLORIA BORGER, CNN CHIEF POLITICAL ANALYST", "PAUL BEGALA, CNN POLITICAL CONTRIBUTOR", "ANNOUNCER",
        "KATE BOLDUAN, CNN CO-HOST", "ERIN BURNETT, CNN HOST, \"OUTFRONT\"", "TOM FOREMAN, CNN CORRESPONDENT",
        "BRIAN STELTER, CNN SENIOR MEDIA CORRESPONDENT", "S.E. CUPP, CNN POLITICAL COMMENTATOR",
        "MICHELE KELEMEN, BYLINE", "DAVID FOLKENFLIK, NPR MEDIA CORRESPONDENT"
      })
  void networkStaffAreNeverGuests(String label) {
    assertThat(SpeakerLabel.parse(label).role()).isNotEqualTo(Role.GUEST).isNotEqualTo(Role.UNIDENTIFIED);
  }
}
