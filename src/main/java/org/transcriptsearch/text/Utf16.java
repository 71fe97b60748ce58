package org.transcriptsearch.text;

/** Strings as the index keeps them: well-formed UTF-16. */
public final class Utf16 {
  private Utf16() {}

  /**
   * {@code text} with every surrogate that is not half of a pair replaced by U+FFFD, as the index writes it anyway
   * when it stores the text (UTF-8 cannot hold a lone surrogate). Replaced before analysis because Lucene's
   * standard tokenizer drops every token of a text that ends with a lone high surrogate ("a turn cut in the
   * middle of an emoji"): the words would be stored but never found. The same length as {@code text}, so offsets
   * into one are offsets into the other; the same instance when nothing is replaced. Null stays null.
   */
  public static String wellFormed(String text) {
    if (text == null || isWellFormed(text)) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (pairAt(text, i)) {
        out.append(c).append(text.charAt(++i));
      } else {
        out.append(Character.isSurrogate(c) ? '\uFFFD' : c);
      }
    }
    return out.toString();
  }

  /** Whether every surrogate of {@code text} is half of a pair. */
  public static boolean isWellFormed(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (pairAt(text, i)) {
        i++;
      } else if (Character.isSurrogate(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean pairAt(String text, int i) {
    return Character.isHighSurrogate(text.charAt(i))
        && i + 1 < text.length()
        && Character.isLowSurrogate(text.charAt(i + 1));
  }
}
