package org.transcriptsearch.speakers;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The parts of speaker strings that name no particular person: placeholders of the collections ("_NO_SPEAKER",
 * "TEXT", "UNKNOWN"), generic descriptions ("UNIDENTIFIED MALE", "IRAQI WOMAN #2", "CROWD", "FEMALE VOICE"), and
 * text that cannot be a name at all (a sentence, a fragment of a cue, a quotation).
 */
final class GenericLabels {
  private static final Pattern PLACEHOLDER =
      Pattern.compile(
          "(?i).*_.*|no\\s+speaker|text|none|null|n/?a|unknown|unk|\\?+|-+|speakers?\\s+unknown|transcript|"
              + "commercial(?:\\s+break)?|break|end|begin|cont'?d|continued|crosstalk|inaudible|unintelligible");
  private static final String NOUN =
      "(?:man|woman|men|women|male|female|boy|girl|boys|girls|child|children|kid|kids|baby|crowd|crowds|group|"
          + "audience(?:\\s+members?)?|protest[eo]rs?|demonstrators?|voices?|speakers?|people|persons?|"
          + "participants?|students?|soldiers?|chorus|choir|singers?|congregation|fans?|spectators?|passengers?|"
          + "residents?|villagers?|workers?|officers?|policem[ae]n|police\\s+officers?|firefighters?|"
          + "translator|interpreter|all|both|everyone|others|together|unison|family|band|actor|actress|"
          + "caller\\s+unidentified|member|members)";
  private static final String NUMBER = "(?:\\s*[#(]?\\s*\\d{1,3}\\)?)?";
  private static final Pattern UNIDENTIFIED =
      Pattern.compile("(?i)(?:unidentified|unknown|unnamed|anonymous)\\b.*|(?:[\\p{L}-]+\\s+){0,2}" + NOUN + NUMBER);
  private static final Pattern UNNAMED = Pattern.compile("(?i)(unidentified|unknown|unnamed|anonymous)\\b.*");
  private static final Pattern TRAILING_NUMBER = Pattern.compile(NUMBER + "$");
  private static final Pattern NAME_CHARACTERS = Pattern.compile("[\\p{L}\\p{M}\uFFFD .'\u2019&-]+");
  /** Words that may qualify a generic noun: "IRAQI MAN", "SECOND WOMAN", "COMPUTER VOICE". */
  private static final Pattern QUALIFIER =
      Pattern.compile(
          "(?i)male|female|young|younger|old|older|elderly|little|another|other|first|second|third|fourth|fifth|"
              + "several|multiple|various|some|automated|computer|computerized|computer-generated|recorded|"
              + "electronic|background|off-camera|unidentified|unknown|group|of|audience|police|crowd|\\p{L}+"
              + "(?:an|ian|ese|ish|i|ic|ean)");
  /** Small words that make a run of words a sentence, not a name. */
  private static final Set<String> FUNCTION_WORDS =
      Set.of("a", "an", "is", "are", "was", "were", "be", "been", "to", "in", "on", "at", "for", "with", "that",
          "this", "it", "we", "i", "you", "he", "she", "they", "or", "but", "not", "have", "has", "had", "do",
          "does", "did", "will", "would", "can", "could", "so", "if", "what", "there", "here", "our", "my",
          "your", "their", "his", "her", "from", "by", "as", "about", "said", "says", "just", "very", "all");
  /** Lower-case words that belong inside names: "Ludwig van Beethoven", "Osama bin Laden". */
  private static final Set<String> PARTICLES =
      Set.of("de", "da", "van", "von", "der", "den", "del", "della", "di", "du", "dos", "das", "la", "le", "al",
          "el", "bin", "ibn", "y", "ter", "ten", "and", "of", "the", "e", "st.", "mc", "zu", "af");
  private static final int LONGEST_NAME = 60;
  private static final int MOST_WORDS = 6;

  private GenericLabels() {}

  /** Whether {@code text} is a collection's placeholder for "no speaker". */
  static boolean isPlaceholder(String text) {
    return PLACEHOLDER.matcher(text.strip()).matches();
  }

  /** Whether {@code text} describes an unnamed person or group ("UNIDENTIFIED MALE", "IRAQI WOMAN #2"). */
  static boolean isUnidentified(String text) {
    String t = text.strip();
    if (!UNIDENTIFIED.matcher(t).matches()) {
      return false;
    }
    if (UNNAMED.matcher(t).matches()) {
      return true;
    }
    String[] words = TRAILING_NUMBER.matcher(t).replaceAll("").strip().split(" ");
    for (int i = 0; i < words.length - 1; i++) {
      if (!QUALIFIER.matcher(words[i]).matches()) {
        return false; // "JOHN MAN" is a name
      }
    }
    return true;
  }

  /**
   * Whether {@code bare} (a name without its title) cannot be a person's name: too long, a sentence, digits,
   * quotation marks or brackets, or a question.
   */
  static boolean isNotAName(String bare) {
    String t = bare.strip();
    if (t.isEmpty() || t.length() > LONGEST_NAME || !NAME_CHARACTERS.matcher(t).matches()) {
      return true;
    }
    String[] words = t.split(" ");
    if (words.length > MOST_WORDS) {
      return true;
    }
    int lower = 0;
    int function = 0;
    for (String word : words) {
      String w = word.toLowerCase(Locale.ROOT);
      if (Character.isLowerCase(word.charAt(0)) && !PARTICLES.contains(w)) {
        lower++;
      }
      if (FUNCTION_WORDS.contains(w)) {
        function++;
      }
    }
    return lower >= 2 || function >= 2 || (function >= 1 && words.length >= 4);
  }
}
