package org.transcriptsearch.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.transcriptsearch.model.Attribution;
import org.transcriptsearch.model.Role;
import org.transcriptsearch.model.Speaker;
import org.transcriptsearch.model.Turn;
import org.transcriptsearch.reader.page.Cues;
import org.transcriptsearch.reader.page.ProgramNames;
import org.transcriptsearch.speakers.SpeakerLabel;
import org.transcriptsearch.speakers.SpeakerLabels;

/**
 * Turns and program names of the dataset readers (MediaSum, Interview), made the way the page parser makes them:
 * speaker strings taken apart by {@link SpeakerLabel}, cues taken out of the text by {@link Cues}.
 */
final class PrintedTurns {
  /** The name given to a turn whose speaker string is blank: it names nobody. */
  static final String NOBODY = SpeakerLabel.NOBODY;

  private PrintedTurns() {}

  /**
   * Turn {@code n}: {@code printedSpeaker} as the label, {@code text} without its cues. A turn that is only cues
   * stays a turn with empty text, as on pages: "(Speaking Russian)" is an untranscribed turn of its speaker.
   */
  static Turn turn(int n, String printedSpeaker, String text) {
    return turn(n, printedSpeaker, text, new SpeakerLabels());
  }

  /** As {@link #turn(int, String, String)}, taking speaker strings apart through {@code labels}. */
  static Turn turn(int n, String printedSpeaker, String text, SpeakerLabels labels) {
    Cues.Split split = Cues.split(text);
    SpeakerLabel parsed = labels.parse(printedSpeaker);
    if (parsed == null || parsed.cues().isEmpty()) {
      return new Turn(n, speaker(printedSpeaker, parsed), split.text(), Attribution.LABELLED, split.cues());
    }
    // "(voice-over)" in the speaker string is how this turn was delivered: a cue of the turn, before the text's.
    List<String> cues = new ArrayList<>(parsed.cues());
    cues.addAll(split.cues());
    return new Turn(n, speaker(printedSpeaker, parsed), split.text(), Attribution.LABELLED, cues);
  }

  /** The speaker a printed string names; a blank string names an unidentified speaker. */
  static Speaker speaker(String printed) {
    return speaker(printed, SpeakerLabel.parse(printed));
  }

  private static Speaker speaker(String printed, SpeakerLabel parsed) {
    if (parsed == null) {
      return new Speaker(NOBODY, null, Role.UNIDENTIFIED, null, null);
    }
    return new Speaker(parsed.name(), printed.strip(), parsed.role(), parsed.title(), parsed.affiliation());
  }

  /** A program's usual name when it is one the project knows ("MORNING EDITION"), else as given; blank is null. */
  static String program(String given) {
    if (given == null || given.isBlank()) {
      return null;
    }
    Optional<String> usual = ProgramNames.named(given);
    return usual.orElse(given.strip());
  }
}
