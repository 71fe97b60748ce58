package org.transcriptsearch.reader.page;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.transcriptsearch.speakers.NameCase;

/**
 * Production cues inside transcript text: "(SOUNDBITE OF MUSIC)", "(LAUGHTER)", "(Soundbite of laughter)",
 * "(Through interpreter)", "(Speaking Russian)", "(as Character)", "(ph)", "(technical difficulties)" and
 * square-bracketed editorial notes. They are not speech by anyone, so they are taken out of the text and kept
 * as annotations.
 *
 * <p>Public because every reader of printed transcript text (pages, MediaSum, the Interview CSVs) takes cues out
 * the same way.
 */
public final class Cues {
  /**
   * Text with its cues taken out.
   *
   * @param text the remaining speech, tidied; empty when the paragraph was only cues
   * @param cues the cues as printed, in order
   */
  public record Split(String text, List<String> cues) {}

  private static final Pattern BRACKETED = Pattern.compile("\\(([^()]{1,200})\\)|\\[([^\\[\\]]{1,1000})\\]");
  /** Words that open a parenthesised cue in any case. */
  private static final Pattern CUE_WORDS =
      Pattern.compile(
          "(?i)^(soundbite|sound ?bite|sound of|laughter|laughs|laughing|cheering|cheers|applause|music|singing|"
              + "sings|through interpreter|through translator|speaking|foreign language|as |ph$|technical|"
              + "inaudible|unintelligible|crosstalk|sighs?|clears throat|crying|clapping|chanting|silence|pause|"
              + "beep|bleep|audio|archived|background|noise|groans?|gasps?|whistl|humming|hums|music up|"
              + "unidentified|recording|phone ringing|ringing|bell|siren|gunfire|explosion|reading|vocalizing|"
              + "imitating|whispering|whispers|shouting|yelling|signal|end of|begin|continuing)");

  /** A politician's party and state, "(D - GA)", "(R-Texas)", "(I, Vt.)": part of what is said, not a cue. */
  private static final Pattern PARTY_TAG =
      Pattern.compile("[DRI]\\.?\\s*[-–—,]\\s*\\p{Lu}[\\p{L}.]*(?:\\s+\\p{Lu}[\\p{L}.]*)?");

  private Cues() {}

  /** {@code text} with its cues taken out, and the cues in order. */
  public static Split split(String text) {
    List<String> cues = new ArrayList<>();
    StringBuilder out = new StringBuilder();
    Matcher m = BRACKETED.matcher(text);
    int last = 0;
    while (m.find()) {
      if (!isCue(m)) {
        continue;
      }
      out.append(text, last, m.start());
      cues.add(m.group());
      last = m.end();
    }
    if (cues.isEmpty()) {
      return new Split(text.strip(), List.of());
    }
    out.append(text.substring(last));
    return new Split(tidy(out.toString()), List.copyOf(cues));
  }

  /** True when the whole of {@code text} is cues ("(SOUNDBITE OF MUSIC)", "(LAUGHTER)."). */
  static boolean isOnlyCues(String text) {
    Split split = split(text);
    return !split.cues().isEmpty() && split.text().isEmpty();
  }

  private static boolean isCue(Matcher m) {
    if (m.group(2) != null) {
      // Square brackets are editors' notes or stage directions, never words spoken.
      return true;
    }
    String inner = m.group(1).strip();
    if (PARTY_TAG.matcher(inner).matches()) {
      return false;
    }
    if (CUE_WORDS.matcher(inner).find()) {
      return true;
    }
    // Capitals are the NPR convention for cues; short ones ("(NATO)", "(U.S.)") are acronyms in speech.
    return NameCase.isShouting(inner) && (inner.contains(" ") || inner.length() >= 6);
  }

  /** Spacing and punctuation left behind where cues were cut out. */
  private static String tidy(String text) {
    String t = text.replaceAll("[ \\t]{2,}", " ").replaceAll(" +([.,;:!?])", "$1");
    t = t.strip();
    // "(Speaking Russian)." leaves a lone full stop at the start of the speech.
    while (!t.isEmpty() && ".,;:".indexOf(t.charAt(0)) >= 0) {
      t = t.substring(1).strip();
    }
    return t;
  }
}
