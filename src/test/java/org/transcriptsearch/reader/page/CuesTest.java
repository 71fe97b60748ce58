package org.transcriptsearch.reader.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.transcriptsearch.reader.page.Pages.parseFixture;
import static org.transcriptsearch.reader.page.Pages.speakers;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.transcriptsearch.model.Transcript;
import org.transcriptsearch.model.Turn;

/** Cues of every kind are annotations, never speech and never speakers (FORMATS.md, Cues). */
class CuesTest {

  @Test
  void cuesLeaveTheTextAndAttachToTheTurnOfTheNextSpeech() throws Exception {
    Transcript t = parseFixture("cues.txt");

    assertThat(speakers(t))
        .containsExactly(
            "Ailsa Chang|host|labelled",
            "Adrian Florido|correspondent|labelled",
            "Ailsa Chang|host|labelled",
            "Unidentified Announcer #3|unidentified|labelled",
            "Ailsa Chang|host|labelled");
    List<Turn> turns = t.turns();
    assertThat(turns.get(0).cues()).isEmpty();
    assertThat(turns.get(1).cues())
        .containsExactly("(SOUNDBITE OF SONG, \"WINTER WONDERLAND\")", "(technical difficulties)", "(ph)");
    assertThat(turns.get(1).text())
        .isEqualTo("That song was recorded in 1934. The singer, Ana Lopez, still performs.");
    assertThat(turns.get(2).cues()).containsExactly("(LAUGHTER)", "(Laughter)");
    assertThat(turns.get(2).text()).isEqualTo("I love it.");
    assertThat(turns.get(3).cues()).containsExactly("(SOUNDBITE OF ARCHIVED NPR BROADCAST)", "(as Santa)");
    assertThat(turns.get(3).text()).isEqualTo("Ho ho ho.");
    // Cues after the last speech stay with the last turn.
    assertThat(turns.get(4).cues())
        .containsExactly(
            "[POST-PUBLICATION CLARIFICATION: An earlier version misnamed the singer.]",
            "(CHEERING)",
            "(Soundbite of laughter)");
    assertThat(turns.get(4).text()).isEqualTo("That was 1934.");
  }

  @Test
  void speakingCueWithItsFullStopLeavesNoPunctuationBehind() {
    Cues.Split split = Cues.split("(Speaking Russian). (Through interpreter) We will not retreat.");

    assertThat(split.cues()).containsExactly("(Speaking Russian)", "(Through interpreter)");
    assertThat(split.text()).isEqualTo("We will not retreat.");
  }

  @Test
  void acronymsAndAsidesInBracketsStaySpeech() {
    Cues.Split split = Cues.split("The alliance (NATO) met in Brussels (the capital) today.");

    assertThat(split.cues()).isEmpty();
    assertThat(split.text()).isEqualTo("The alliance (NATO) met in Brussels (the capital) today.");
  }

  @Test
  void ownLineCueNeverBecomesATurn() throws Exception {
    Transcript t =
        Pages.PARSER.parse(
            "Song\n\n(SOUNDBITE OF MUSIC)\n\nTERRY GROSS, HOST: That was lovely.\n\n(LAUGHTER)\n\nGROSS: Indeed.",
            "inline");

    assertThat(speakers(t)).containsExactly("Terry Gross|host|labelled");
    assertThat(t.turns().get(0).cues()).containsExactly("(SOUNDBITE OF MUSIC)", "(LAUGHTER)");
    assertThat(t.turns().get(0).text()).isEqualTo("That was lovely.\n\nIndeed.");
    assertThat(t.title()).isEqualTo("Song");
  }

  @Test
  void partyAndStateTagsAreSpeechNotCues() {
    Cues.Split split = Cues.split("Senator Jane Roe (D - GA) and Representative John Doe (R-Texas) spoke (LAUGHTER).");

    assertThat(split.text()).isEqualTo("Senator Jane Roe (D - GA) and Representative John Doe (R-Texas) spoke.");
    assertThat(split.cues()).containsExactly("(LAUGHTER)");
  }
}
