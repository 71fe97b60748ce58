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

  /**
   * Speaker keys by the endings a person is named by: each key under itself, its last word and its last two words
   * ("kelemen" and "michele kelemen" both find "michele kelemen"), for reading a typed name as a speaker.
   */
  public static java.util.Map<String, List<String>> byEnding(List<String> keys) {
    java.util.Map<String, List<String>> index = new java.util.HashMap<>();
    for (String key : keys) {
      String[] words = key.split(" ");
      List<String> endings = new java.util.ArrayList<>(List.of(key, words[words.length - 1]));
      if (words.length > 2) {
        endings.add(words[words.length - 2] + " " + words[words.length - 1]);
      }
      for (String ending : endings.stream().distinct().toList()) {
        index.computeIfAbsent(ending, e -> new java.util.ArrayList<>()).add(key);
      }
    }
    return index;
  }
}
