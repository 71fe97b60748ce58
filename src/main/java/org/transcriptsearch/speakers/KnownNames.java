package org.transcriptsearch.speakers;

import java.util.List;
import org.transcriptsearch.text.Folding;

/**
 * Known spellings of accented names that pages often print damaged: the accented letter lost ("A MARTNEZ"),
 * replaced by U+FFFD, or the space after an initial lost ("AMARTÍNEZ").
 */
final class KnownNames {
  private static final List<String> NAMES =
      List.of("A Martínez", "Marisa Peñaloza", "Sergio Martínez-Beltrán", "Lulu Garcia-Navarro", "Jasmine Garsd");

  /** The letters of each known name, worked out once. */
  private static final List<String> KEYS = NAMES.stream().map(KnownNames::letters).toList();

  private KnownNames() {}

  /**
   * The known spelling whose letters {@code name} has, ignoring case, accents, spaces and at most one lost
   * letter; otherwise {@code name} unchanged.
   */
  static String repair(String name) {
    String key = letters(name);
    for (int i = 0; i < NAMES.size(); i++) {
      String knownKey = KEYS.get(i);
      if (key.equals(knownKey) || (key.length() >= 6 && lostOneLetter(knownKey, key))) {
        return NAMES.get(i);
      }
    }
    return name;
  }

  private static boolean lostOneLetter(String full, String damaged) {
    if (full.length() != damaged.length() + 1) {
      return false;
    }
    int i = 0;
    while (i < damaged.length() && full.charAt(i) == damaged.charAt(i)) {
      i++;
    }
    return full.regionMatches(i + 1, damaged, i, damaged.length() - i); // the rest matches past the lost letter
  }

  /** Lower-case ASCII letters only. */
  static String letters(String s) {
    String folded = Folding.fold(s);
    StringBuilder out = new StringBuilder(folded.length());
    for (int i = 0; i < folded.length(); i++) {
      char c = folded.charAt(i);
      if (c >= 'a' && c <= 'z') {
        out.append(c);
      }
    }
    return out.toString();
  }
}
