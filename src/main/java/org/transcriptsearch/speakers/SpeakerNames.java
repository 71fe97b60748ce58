package org.transcriptsearch.speakers;

import java.util.Arrays;
import java.util.List;
import org.transcriptsearch.text.Folding;

/**
 * The comparable form of a person's name: what is left when case, accents, punctuation and spacing are taken
 * away. "MICHELE KELEMEN", "Michele Kelemen" and "Michèle  Kelemen" share the key "michele kelemen".
 */
public final class SpeakerNames {
  private SpeakerNames() {}

  /** The key of {@code name}: lower case, accents and U+FFFD removed, punctuation and hyphens as single spaces. */
  public static String key(String name) {
    String folded = Folding.fold(name.replace("\uFFFD", ""));
    StringBuilder key = new StringBuilder(folded.length());
    boolean space = false;
    for (int i = 0; i < folded.length(); i++) {
      char c = folded.charAt(i);
      if (Character.isLetterOrDigit(c) || c == '#') {
        if (space && !key.isEmpty()) {
          key.append(' ');
        }
        key.append(c);
        space = false;
      } else if (c != '\'' && c != '\u2019') {
        space = true; // "al-Muslet" = "al Muslet", "W." = "W"; apostrophes vanish: "O'Brien" = "OBrien"
      }
    }
    return key.toString();
  }

  /** The words of a name's key. */
  public static List<String> words(String name) {
    String key = key(name);
    return key.isEmpty() ? List.of() : Arrays.asList(key.split(" "));
  }
}
