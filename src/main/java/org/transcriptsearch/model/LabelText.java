package org.transcriptsearch.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Cleans the short texts shown as labels (names, titles, programs, topics, filter values) of characters that change
 * how the text around them is displayed without being visible themselves: controls, direction overrides and
 * isolates (a right-to-left override turns "Kerry" into what reads as another name), zero-width spaces and joiners
 * of words, soft hyphens and byte-order marks. Line breaks and tabs become spaces; runs of spaces one space. The
 * zero-width non-joiner and joiner (U+200C, U+200D) are kept: Persian and Indic names and emoji need them to be
 * spelled right. Speech is not cleaned: it is shown as spoken, escaped.
 */
public final class LabelText {
  private LabelText() {}

  /** {@code text} without invisible formatting characters, its spaces collapsed and stripped; null stays null. */
  public static String clean(String text) {
    if (text == null) {
      return null;
    }
    StringBuilder out = new StringBuilder(text.length());
    boolean space = false;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      if (Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085') {
        space = out.length() > 0;
      } else if (!invisible(c)) {
        if (space) {
          out.append(' ');
          space = false;
        }
        out.appendCodePoint(c);
      }
    }
    return out.toString();
  }

  /**
   * {@code transcript} with its labels cleaned: title, program, source, topics, and each speaker's name, label, title
   * and affiliation; the text of turns and their cues are left as they are. A label cleaned to nothing becomes null.
   */
  public static Transcript clean(Transcript transcript) {
    List<Turn> turns = new ArrayList<>(transcript.turns().size());
    for (Turn turn : transcript.turns()) {
      Speaker s = turn.speaker();
      Speaker speaker =
          new Speaker(clean(s.name()), orNull(s.label()), s.role(), orNull(s.title()), orNull(s.affiliation()));
      turns.add(new Turn(turn.n(), speaker, turn.text(), turn.attribution(), turn.cues()));
    }
    List<String> topics = transcript.topics().stream().map(LabelText::clean).filter(t -> t != null && !t.isEmpty()).toList();
    return new Transcript(transcript.id(), orNull(transcript.title()), orNull(transcript.program()), transcript.date(),
        transcript.url(), orNull(transcript.source()), topics, turns);
  }

  private static String orNull(String label) {
    String cleaned = clean(label);
    return cleaned == null || cleaned.isEmpty() ? null : cleaned;
  }

  /** Whether {@code text} has at least one letter or digit, so it can name something. */
  public static boolean hasLetterOrDigit(String text) {
    return text != null && text.codePoints().anyMatch(Character::isLetterOrDigit);
  }

  private static boolean invisible(int c) {
    int type = Character.getType(c);
    if (type == Character.CONTROL || type == Character.SURROGATE || type == Character.UNASSIGNED
        || type == Character.PRIVATE_USE) {
      return true;
    }
    return type == Character.FORMAT && c != '\u200C' && c != '\u200D';
  }
}
