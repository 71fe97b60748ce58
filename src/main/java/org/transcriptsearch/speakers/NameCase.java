package org.transcriptsearch.speakers;

import java.util.Locale;
import java.util.Set;

/**
 * Proper case for names printed in capitals: "MICHELE KELEMEN" -> "Michele Kelemen", "MCEVERS" -> "McEvers",
 * "O'BRIEN" -> "O'Brien", "SALEM AL-MUSLET" -> "Salem Al-Muslet", "GEORGE W. BUSH" -> "George W. Bush".
 */
public final class NameCase {
  /** Joining words that stay lower case inside a name ("Rachael and Vilray"). */
  private static final Set<String> LOWER_WORDS = Set.of("and", "&", "of", "the");

  /** Roman numerals and suffixes that keep their capitals. */
  private static final Set<String> UPPER_WORDS = Set.of("II", "III", "IV", "VI", "VII", "VIII", "MD", "PHD", "NPR");

  private NameCase() {}

  /**
   * {@code text} in proper case. Text that already mixes upper and lower case is returned unchanged, because the
   * page then printed the spelling it meant ("Salem al-Muslet").
   */
  public static String of(String text) {
    String t = text.strip().replaceAll("\\s+", " ");
    if (!isShouting(t)) {
      return t;
    }
    String[] words = t.split(" ");
    StringBuilder out = new StringBuilder(t.length());
    for (int i = 0; i < words.length; i++) {
      if (i > 0) {
        out.append(' ');
      }
      out.append(word(words[i], i == 0));
    }
    return out.toString();
  }

  /** True when {@code text} has letters and none of them is lower case. */
  public static boolean isShouting(String text) {
    boolean letters = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isLowerCase(c)) {
        return false;
      }
      letters |= Character.isLetter(c);
    }
    return letters;
  }

  private static String word(String w, boolean first) {
    String lower = w.toLowerCase(Locale.ROOT);
    if (!first && LOWER_WORDS.contains(lower)) {
      return lower;
    }
    if (UPPER_WORDS.contains(w.replace(".", ""))) {
      return w;
    }
    StringBuilder out = new StringBuilder(lower);
    boolean startOfPart = true;
    for (int i = 0; i < out.length(); i++) {
      char c = out.charAt(i);
      if (Character.isLetter(c)) {
        if (startOfPart) {
          out.setCharAt(i, Character.toUpperCase(c));
        }
        startOfPart = false;
      } else {
        // Hyphens, apostrophes and initials' dots each start a new capitalised part: Al-Muslet, O'Brien, W.
        startOfPart = c == '-' || c == '\'' || c == '\u2019' || c == '.';
      }
    }
    return scottishPrefix(out.toString());
  }

  /** "Mcevers" -> "McEvers": the Mc prefix is never a word on its own. */
  private static String scottishPrefix(String w) {
    if (w.length() > 3 && w.startsWith("Mc") && Character.isLetter(w.charAt(2))) {
      return "Mc" + Character.toUpperCase(w.charAt(2)) + w.substring(3);
    }
    return w;
  }
}
