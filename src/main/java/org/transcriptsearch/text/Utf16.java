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
    if (text == null) {
      return null;
    }
    int n = text.length();
    int i = 0;
    while (i < n && !lone(text, i)) {
      i += Character.isHighSurrogate(text.charAt(i)) ? 2 : 1; // a high surrogate not lone is a pair's first half
    }
    if (i >= n) {
      return text;
    }
    StringBuilder out = new StringBuilder(n).append(text, 0, i);
    for (; i < n; i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
        out.append(c).append(text.charAt(++i));
      } else {
        out.append(Character.isSurrogate(c) ? '\uFFFD' : c);
      }
    }
    return out.toString();
  }

  /** Whether the char at {@code i} is a surrogate not in a pair. */
  private static boolean lone(String text, int i) {
    char c = text.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
    }
    return Character.isLowSurrogate(c); // a low one reached here follows no high one
  }
}
