package org.transcriptsearch.speakers;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

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

  /** Small words that stay lower case inside a position: "Defense Attorney for the Family". */
  private static final Set<String> LOWER_WORDS = Set.of("for", "at", "in", "on", "to", "with", "from", "by", "a", "an");

  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final Pattern POSSESSIVE = Pattern.compile("(\\p{L})['\u2019]S\\b");
  private static final Pattern STOPS = Pattern.compile("[,;:.'()]");
  private static final Pattern CAPITALS = Pattern.compile("\\p{Lu}{2,5}");
  private static final Pattern VOWEL = Pattern.compile("[AEIOU]");

  private Affiliations() {}

  /** {@code text} as an affiliation is spelled. */
  static String spelled(String text) {
    String t = SPACES.matcher(text.strip()).replaceAll(" ");
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
      String word = isAcronym(printed[i]) ? printed[i] : words[i];
      if (i > 0 && LOWER_WORDS.contains(word.toLowerCase(Locale.ROOT))) {
        word = word.toLowerCase(Locale.ROOT);
      }
      out.append(i == 0 ? "" : " ").append(word);
    }
    // "VICTIM'S" is a possessive, not an O'Brien.
    return POSSESSIVE.matcher(out).replaceAll("$1's");
  }

  /**
   * "CIA", "FBI", "GOP": two or three capitals that are not a short word of English, or up
   * to five with no vowel. Longer words in capitals are words ("YORK", "NATO" reads as "Nato").
   */
  private static boolean isAcronym(String word) {
    String letters = STOPS.matcher(word).replaceAll("");
    if (!CAPITALS.matcher(letters).matches()) {
      return false;
    }
    return letters.length() <= 3
        ? !SHORT_WORDS.contains(letters.toLowerCase(Locale.ROOT))
        : !VOWEL.matcher(letters).find();
  }
}
