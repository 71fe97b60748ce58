package org.transcriptsearch.model;

import java.util.List;
import org.transcriptsearch.text.Utf16;

/**
 * One speaker turn (an utterance): consecutive paragraphs of one speaker, paragraph breaks kept as "\n\n".
 *
 * @param n the turn number, from 1
 * @param speaker who speaks
 * @param text the words as spoken, with cues such as "(LAUGHTER)" removed; a surrogate not in a pair is U+FFFD
 * @param attribution how the speaker is known
 * @param cues the cues removed from the text, in order, as printed (e.g. "(SOUNDBITE OF MUSIC)")
 */
public record Turn(int n, Speaker speaker, String text, Attribution attribution, List<String> cues) {
  public Turn {
    if (speaker == null) {
      throw new IllegalArgumentException("the speaker of turn " + n + " is missing");
    }
    if (text == null) {
      throw new IllegalArgumentException("the text of turn " + n + " is missing");
    }
    if (attribution == null) {
      throw new IllegalArgumentException("the attribution of turn " + n + " is missing");
    }
    if (n < 1) {
      throw new IllegalArgumentException("turn number must be 1 or more, was " + n);
    }
    cues = cues == null ? List.of() : List.copyOf(cues);
    text = Utf16.wellFormed(text);
  }
}
