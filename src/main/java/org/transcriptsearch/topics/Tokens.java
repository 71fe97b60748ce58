package org.transcriptsearch.topics;

import java.util.Arrays;
import org.transcriptsearch.text.Folding;

/**
 * The words of a text as topic matching sees them, and how each word is joined to the one before it.
 *
 * <p>Internal to the topics package. Texts and aliases go through the same tokenisation, so an alias matches
 * exactly when its words appear in the text, in order, joined the same way:
 *
 * <ul>
 *   <li>a word is a run of letters and digits; diacritics are folded ("Erdoğan" is "Erdogan");
 *   <li>a possessive {@code 's} is dropped ("Syria's" is "Syria");
 *   <li>an apostrophe inside a word splits it but keeps the halves joined ("d'Ivoire" is "d", "Ivoire");
 *   <li>dotted initials stay one word ("U.S." is "U.S", "U.N." is "U.N");
 *   <li>words separated by spaces (at most one line break), one apostrophe, or one unspaced hyphen or en dash are
 *       {@link #JOINED} ("al-Assad", "Russian-backed", "South Korea");
 *   <li>words separated by a period and spaces are {@link #PERIOD_JOINED} ("St. Petersburg"), which only an alias
 *       written that way matches;
 *   <li>anything else (commas, a spaced dash " - ", a paragraph break) is a {@link #BREAK} that no alias spans.
 * </ul>
 */
final class Tokens {
  /** The word starts the text or follows punctuation that no alias spans. */
  static final byte BREAK = 0;

  /** The word follows the previous one across spaces, one apostrophe, or one hyphen. */
  static final byte JOINED = 1;

  /** The word follows the previous one across a period and spaces, as in "St. Petersburg". */
  static final byte PERIOD_JOINED = 2;

  private String[] words = new String[16];
  private byte[] joins = new byte[16];
  private int size;

  private Tokens() {}

  /** The number of words. */
  int size() {
    return size;
  }

  /** Word {@code i}, folded. */
  String word(int i) {
    return words[i];
  }

  /** How word {@code i} is joined to word {@code i - 1}: {@link #BREAK}, {@link #JOINED} or {@link #PERIOD_JOINED}. */
  byte join(int i) {
    return joins[i];
  }

  /**
   * The key a word has in a phrase: the word itself, or "." and the word when it follows a period, so that "St.
   * Petersburg" does not match "St Petersburg".
   */
  String key(int i) {
    return joins[i] == PERIOD_JOINED ? "." + words[i] : words[i];
  }

  /**
   * The words of a phrase as one string of keys ("Bashar al-Assad" is "Bashar al Assad"), or null when the phrase
   * has no words or has punctuation between its words that text matching never spans.
   */
  static String phraseKey(String phrase) {
    Tokens tokens = of(phrase);
    if (tokens.size() == 0) {
      return null;
    }
    StringBuilder key = new StringBuilder(tokens.word(0));
    for (int i = 1; i < tokens.size(); i++) {
      if (tokens.join(i) == BREAK) {
        return null;
      }
      key.append(' ').append(tokens.key(i));
    }
    return key.toString();
  }

  /** The words of {@code text}. */
  static Tokens of(String text) {
    Tokens tokens = new Tokens();
    int n = text.length();
    int i = 0;
    int previousEnd = -1;
    while (i < n) {
      if (!isWordChar(text.charAt(i))) {
        i++;
        continue;
      }
      int start = i;
      i = wordEnd(text, start);
      String word = fold(text.substring(start, i));
      byte join = previousEnd < 0 ? BREAK : joinOf(text, previousEnd, start);
      tokens.add(word, join);
      i = skipPossessive(text, i);
      previousEnd = i;
    }
    return tokens;
  }

  private void add(String word, byte join) {
    if (size == words.length) {
      words = Arrays.copyOf(words, size * 2);
      joins = Arrays.copyOf(joins, size * 2);
    }
    words[size] = word;
    joins[size] = join;
    size++;
  }

  /** The end of the word starting at {@code start}, taking in the dots of initials like "U.S." or "U.A.E.". */
  private static int wordEnd(String text, int start) {
    int n = text.length();
    int i = start;
    int segmentStart = start;
    while (i < n) {
      char c = text.charAt(i);
      if (isWordChar(c)) {
        i++;
      } else if (c == '.' && i - segmentStart == 1 && isInitial(text, i + 1)) {
        i++;
        segmentStart = i;
      } else {
        break;
      }
    }
    return i;
  }

  /** Whether a single letter stands at {@code i}, followed by a dot or the end: the next initial of "U.S.". */
  private static boolean isInitial(String text, int i) {
    int n = text.length();
    return i < n
        && Character.isLetter(text.charAt(i))
        && (i + 1 == n || !isWordChar(text.charAt(i + 1)));
  }

  private static int skipPossessive(String text, int i) {
    int n = text.length();
    if (i + 1 < n
        && isApostrophe(text.charAt(i))
        && (text.charAt(i + 1) == 's' || text.charAt(i + 1) == 'S')
        && (i + 2 == n || !isWordChar(text.charAt(i + 2)))) {
      return i + 2;
    }
    return i;
  }

  /** How the word at {@code start} is joined to the word that ended at {@code previousEnd}. */
  private static byte joinOf(String text, int previousEnd, int start) {
    int spaces = 0;
    int newlines = 0;
    int hyphens = 0;
    int apostrophes = 0;
    for (int i = previousEnd; i < start; i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        newlines++;
      } else if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        spaces++;
      } else if (isHyphen(c)) {
        hyphens++;
      } else if (isApostrophe(c)) {
        apostrophes++;
      } else if (c == '.' && i == previousEnd && spaces + newlines == 0) {
        return periodJoin(text, i + 1, start);
      } else {
        return BREAK;
      }
    }
    boolean spaced = spaces + newlines > 0;
    if (newlines > 1 || apostrophes > 1 || hyphens > 1 || (hyphens == 1 && (spaced || apostrophes > 0))) {
      return BREAK;
    }
    return JOINED;
  }

  /** "St. Petersburg": a period right after the word, then only spaces (no paragraph break). */
  private static byte periodJoin(String text, int from, int start) {
    int newlines = 0;
    for (int i = from; i < start; i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        newlines++;
      } else if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
        return BREAK;
      }
    }
    return from < start && newlines <= 1 ? PERIOD_JOINED : BREAK;
  }

  static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK;
  }

  private static boolean isHyphen(char c) {
    return c == '-' || c == '\u2010' || c == '\u2011' || c == '\u2013';
  }

  private static boolean isApostrophe(char c) {
    return c == '\'' || c == '\u2019' || c == '\u02BC';
  }

  /** Diacritics removed, case kept: "Erdoğan" is "Erdogan", "Wałęsa" is "Walesa"; the project's one folding. */
  static String fold(String word) {
    return Folding.ascii(word);
  }
}
