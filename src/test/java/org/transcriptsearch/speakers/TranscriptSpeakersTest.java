package org.transcriptsearch.speakers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.transcriptsearch.model.Attribution;
import org.transcriptsearch.model.Role;
import org.transcriptsearch.model.Speaker;
import org.transcriptsearch.model.Transcript;
import org.transcriptsearch.model.Turn;

/** Surname-only names completed within a transcript, and never from a generic voice. */
class TranscriptSpeakersTest {
  private static Turn turn(int n, String label) {
    SpeakerLabel parsed = SpeakerLabel.parse(label);
    Speaker speaker = new Speaker(parsed.name(), label, parsed.role(), parsed.title(), parsed.affiliation());
    return new Turn(n, speaker, "Words " + n + ".", Attribution.LABELLED, List.of());
  }

  private static List<String> names(String... labels) {
    List<Turn> turns = new java.util.ArrayList<>();
    for (String label : labels) {
      turns.add(turn(turns.size() + 1, label));
    }
    Transcript t = new Transcript("t", null, null, null, null, "test", List.of(), turns);
    return TranscriptSpeakers.resolveSurnames(t).turns().stream()
        .map(u -> u.speaker().name() + " (" + u.speaker().role().code() + ")")
        .toList();
  }

  @Test
  void aSurnameIsTheOneFullNameEndingInIt() {
    assertThat(names("SEN. CHRIS VAN HOLLEN (D), MARYLAND", "HOLLEN", "WOLF BLITZER, CNN ANCHOR", "BLITZER"))
        .containsExactly(
            "Chris Van Hollen (guest)", "Chris Van Hollen (guest)", "Wolf Blitzer (host)", "Wolf Blitzer (host)");
  }

  @Test
  void anAnnouncerIsNotCompletedFromAnotherAnnouncer() {
    assertThat(names("FEMALE ANNOUNCER", "ANNOUNCER"))
        .containsExactly("Female Announcer (announcer)", "Announcer (announcer)");
    assertThat(Role.of("announcer")).isEqualTo(Role.ANNOUNCER);
  }
}
