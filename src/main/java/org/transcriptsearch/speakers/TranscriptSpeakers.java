package org.transcriptsearch.speakers;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.transcriptsearch.model.Role;
import org.transcriptsearch.model.Speaker;
import org.transcriptsearch.model.Transcript;
import org.transcriptsearch.model.Turn;

/**
 * Resolves surname-only names within one transcript, whatever its source: "LAVROV" after "SERGEY LAVROV" is Sergey
 * Lavrov. Only when exactly one full name of the transcript ends in that surname; otherwise the name is left as it is.
 */
public final class TranscriptSpeakers {
  private TranscriptSpeakers() {}

  /** {@code transcript} with each one-word speaker name replaced by the one full name that ends in it. */
  public static Transcript resolveSurnames(Transcript transcript) {
    Map<String, Speaker> fullBySurname = fullNamesBySurname(transcript.turns());
    if (fullBySurname.isEmpty()) {
      return transcript;
    }
    List<Turn> turns = new ArrayList<>(transcript.turns().size());
    boolean changed = false;
    for (Turn turn : transcript.turns()) {
      Speaker full = surnameOnly(turn.speaker()) ? fullBySurname.get(SpeakerNames.key(turn.speaker().name())) : null;
      if (full == null) {
        turns.add(turn);
      } else {
        Speaker speaker = turn.speaker();
        Speaker resolved =
            new Speaker(
                full.name(),
                speaker.label(),
                speaker.role() == Role.GUEST ? full.role() : speaker.role(),
                speaker.title() != null ? speaker.title() : full.title(),
                speaker.affiliation() != null ? speaker.affiliation() : full.affiliation());
        turns.add(new Turn(turn.n(), resolved, turn.text(), turn.attribution(), turn.cues()));
        changed = true;
      }
    }
    return changed ? transcript.withTurns(turns) : transcript;
  }

  private static boolean surnameOnly(Speaker speaker) {
    return SpeakerNames.words(speaker.name()).size() == 1 && isPerson(speaker);
  }

  /** An unidentified speaker or an announcer ("Announcer", "Female Announcer") is no one's full name. */
  private static boolean isPerson(Speaker speaker) {
    return speaker.role() != Role.UNIDENTIFIED && speaker.role() != Role.ANNOUNCER;
  }

  /** Surname key -> the one full name ending in it; a surname two full names share maps to nothing. */
  private static Map<String, Speaker> fullNamesBySurname(List<Turn> turns) {
    Map<String, Speaker> bySurname = new HashMap<>();
    Map<String, String> fullKey = new HashMap<>();
    for (Turn turn : turns) {
      List<String> words = SpeakerNames.words(turn.speaker().name());
      if (words.size() < 2 || !isPerson(turn.speaker())) {
        continue;
      }
      String surname = words.get(words.size() - 1);
      String key = String.join(" ", words);
      String seen = fullKey.putIfAbsent(surname, key);
      if (seen == null) {
        bySurname.put(surname, turn.speaker());
      } else if (!seen.equals(key)) {
        bySurname.put(surname, null); // ambiguous: two people share the surname
      }
    }
    bySurname.values().removeIf(Objects::isNull);
    return bySurname;
  }
}
