package org.transcriptsearch.speakers;

import java.util.Locale;
import java.util.Set;

/**
 * How affiliations and positions are spelled: in proper case when printed in capitals, with acronyms kept
 * ("FORMER CIA DIRECTOR" -> "Former CIA Director"), and as printed otherwise.
 */
final class Affiliations {
  /** Short words of positions that are words, not acronyms. */
  private static final Set<String> SHORT_WORDS =
      Set.of("of", "and", "the", "for", "on", "in", "at", "to", "a", "an", "new", "old", "pro", "air", "law", "war",
          "art", "sea", "oil", "gas", "tax", "aid", "all", "big", "top", "red", "far", "vice", "co", "one", "two",
          "ex", "dr", "mr", "ms", "mrs", "st", "van", "von", "de", "la", "le", "el", "al", "bin", "per", "non",
          "anti", "east", "west", "home", "city", "town", "army", "navy", "corp", "inc", "ltd", "arts", "life",
          "film", "book", "farm", "food", "fund", "group", "ohio", "iowa", "utah", "care", "high", "low", "real",
          "open", "free", "fair", "good", "best", "main", "team", "club", "road", "way", "day", "age", "car", "job",
          "jobs", "man", "men", "its", "our", "his", "her", "who", "god");

  private Affiliations() {}

  /** {@code text} as an affiliation is spelled. */
  static String spelled(String text) {
    String t = text.strip().replaceAll("\\s+", " ");
    if (!NameCase.isShouting(t)) {
      return t;
    }
    String cased = NameCase.of(t);
    String[] printed = t.split(" ");
    String[] words = cased.split(" ");
    if (printed.length != words.length) {
      return cased;
    }
    StringBuilder out = new StringBuilder(cased.length());
    for (int i = 0; i < words.length; i++) {
      out.append(i == 0 ? "" : " ").append(isAcronym(printed[i]) ? printed[i] : words[i]);
    }
    return out.toString();
  }

  /**
   * "CIA", "FBI", "GOP": two or three capitals that are not a short word of English, or up
   * to five with no vowel. Longer words in capitals are words ("YORK", "NATO" reads as "Nato").
   */
  private static boolean isAcronym(String word) {
    String letters = word.replaceAll("[,;:.'()]", "");
    if (!letters.matches("\\p{Lu}{2,5}")) {
      return false;
    }
    return letters.length() <= 3
        ? !SHORT_WORDS.contains(letters.toLowerCase(Locale.ROOT))
        : !letters.matches(".*[AEIOU].*");
  }
}
