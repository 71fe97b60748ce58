package org.transcriptsearch.text;

import java.text.Normalizer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;

/**
 * The one folding of the project: every comparison of what a person typed with what the index holds (query terms,
 * speaker keys, facet labels, topic aliases, host names, ids) goes through here, so a name that matches in one
 * place matches in all of them. It is the folding of the index's analyzers: Lucene's {@link ASCIIFoldingFilter}
 * ("Wałęsa" is "Walesa", "Øresund" is "Oresund", "straße" is "strasse"), after canonical composition so that a
 * decomposed "e" and combining accent folds like "é". Thread-safe; no state.
 */
public final class Folding {
  private Folding() {}

  /** {@code text} folded to ASCII where Lucene can, case kept: "Erdoğan" is "Erdogan". */
  public static String ascii(String text) {
    if (isAscii(text)) {
      return text; // no two ASCII characters compose: the text is its own canonical composition
    }
    String composed = Normalizer.normalize(text, Normalizer.Form.NFC);
    if (isAscii(composed)) {
      return composed;
    }
    char[] in = composed.toCharArray();
    char[] out = new char[in.length * 4];
    int length = ASCIIFoldingFilter.foldToASCII(in, 0, out, 0, in.length);
    return withoutMarks(new String(out, 0, length));
  }

  /**
   * {@code text} folded to ASCII and lower-cased as the index's analyzers do (character by character, never by
   * locale): "WAŁĘSA", "Wałęsa" and "walesa" are all "walesa".
   */
  public static String fold(String text) {
    String folded = ascii(text);
    StringBuilder out = new StringBuilder(folded.length());
    folded.codePoints().forEach(cp -> out.appendCodePoint(Character.toLowerCase(cp)));
    return out.toString();
  }

  /** Combining marks left over (a mark with no precomposed letter to join) carry no meaning in a comparison. */
  private static String withoutMarks(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.getType(c) != Character.NON_SPACING_MARK) {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static boolean isAscii(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }
}
