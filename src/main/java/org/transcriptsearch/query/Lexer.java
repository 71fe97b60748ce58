package org.transcriptsearch.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits typed text into the tokens of the query syntax. Typographic quotes count as quotes ("“self-defense
 * forces”", „...“, «...», ‘...’); an apostrophe (’) inside a word stays an apostrophe. Internal to the package.
 */
final class Lexer {
  enum Kind {
    WORD,
    PHRASE,
    FIELD,
    RANGE,
    OPEN,
    CLOSE,
    AND,
    OR,
    NOT,
    PLUS,
    END
  }

  /**
   * One token.
   *
   * @param text the word, phrase, field name or range as typed (escapes resolved), else the operator
   * @param suffix what followed a word, phrase or group: "~1", "^2" or both, else ""
   * @param position where it starts, 1 for the first character
   */
  record Token(Kind kind, String text, String suffix, int position) {}

  private final String text;
  private int i;
  private final List<Token> tokens = new ArrayList<>();

  private Lexer(String text) {
    this.text = quotesAsAscii(text);
  }

  /** The tokens of {@code text}, ending with {@link Kind#END}. */
  static List<Token> tokens(String text) {
    Lexer lexer = new Lexer(text);
    lexer.run();
    return lexer.tokens;
  }

  /**
   * Double typographic quotes as ASCII quotes; single ones (‘...’) too when they open a word and close one,
   * every other ’ as an apostrophe. Each replacement is one character, so positions stay those typed.
   */
  static String quotesAsAscii(String typed) {
    StringBuilder out = new StringBuilder(typed.length());
    boolean singleOpen = false;
    for (int k = 0; k < typed.length(); k++) {
      char c = typed.charAt(k);
      switch (c) {
        case '\u201C', '\u201D', '\u201E', '\u201F', '\u00AB', '\u00BB', '\u2033', '\u301D', '\u301E', '\uFF02' ->
            out.append('"');
        case '\u2018', '\u201A', '\u201B' -> {
          boolean opens = (k == 0 || !Character.isLetterOrDigit(typed.charAt(k - 1))) && closes(typed, k + 1);
          out.append(opens ? '"' : '\'');
          singleOpen |= opens;
        }
        case '\u2019' -> {
          boolean closing = singleOpen && (k + 1 == typed.length() || !Character.isLetterOrDigit(typed.charAt(k + 1)));
          out.append(closing ? '"' : '\'');
          singleOpen &= !closing;
        }
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** Whether a ’ that ends a word follows {@code from}: a ‘ there opens a quotation, not an elision. */
  private static boolean closes(String typed, int from) {
    for (int k = from; k < typed.length(); k++) {
      if (typed.charAt(k) == '\u2019'
          && (k + 1 == typed.length() || !Character.isLetterOrDigit(typed.charAt(k + 1)))) {
        return true;
      }
    }
    return false;
  }

  private void run() {
    while (true) {
      skipSpaces();
      if (i >= text.length()) {
        tokens.add(new Token(Kind.END, "", "", i + 1));
        return;
      }
      int start = i;
      char c = text.charAt(i);
      switch (c) {
        case '(' -> add(Kind.OPEN, "(", start, ++i);
        case ')' -> {
          i++;
          tokens.add(new Token(Kind.CLOSE, ")", suffix(), start + 1));
        }
        case '"' -> phrase(start);
        case '[', '{' -> range(start);
        case '+', '-', '!' -> sign(c, start);
        default -> word(start);
      }
    }
  }

  private void add(Kind kind, String value, int start, int end) {
    i = end;
    tokens.add(new Token(kind, value, "", start + 1));
  }

  private void skipSpaces() {
    while (i < text.length() && (Character.isWhitespace(text.charAt(i)) || Character.isSpaceChar(text.charAt(i)))) {
      i++;
    }
  }

  /** {@code +}, {@code -} or {@code !} before a word; alone (between spaces) it means nothing. */
  private void sign(char c, int start) {
    i++;
    if (c == '!' && i < text.length() && text.charAt(i) == '=') {
      i++;
    }
    boolean alone = i >= text.length() || Character.isWhitespace(text.charAt(i));
    if (!alone) {
      tokens.add(new Token(c == '+' ? Kind.PLUS : Kind.NOT, String.valueOf(c), "", start + 1));
    }
  }

  private void phrase(int start) {
    StringBuilder value = new StringBuilder();
    i++;
    while (i < text.length() && text.charAt(i) != '"') {
      if (text.charAt(i) == '\\' && i + 1 < text.length()) {
        i++;
      }
      value.append(text.charAt(i++));
    }
    if (i >= text.length()) {
      throw new QuerySyntaxException(start + 1, "the quote at column " + (start + 1) + " is never closed");
    }
    i++;
    tokens.add(new Token(Kind.PHRASE, value.toString(), suffix(), start + 1));
  }

  private void range(int start) {
    int end = start + 1;
    while (end < text.length() && text.charAt(end) != ']' && text.charAt(end) != '}') {
      end++;
    }
    if (end >= text.length()) {
      throw new QuerySyntaxException(
          start + 1, "the range opened by '" + text.charAt(start) + "' at column " + (start + 1) + " is never closed");
    }
    String value = text.charAt(start) + text.substring(start + 1, end) + text.charAt(end);
    i = end + 1;
    tokens.add(new Token(Kind.RANGE, value, "", start + 1));
  }

  /** A word, an operator, or a field name followed by ':'. */
  private void word(int start) {
    StringBuilder value = new StringBuilder();
    while (i < text.length()) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c) || c == '(' || c == ')' || c == '"') {
        break;
      }
      if (c == '\\' && i + 1 < text.length()) {
        value.append(text.charAt(i + 1));
        i += 2;
        continue;
      }
      if (c == ':' && isFieldName(value) && !value.isEmpty()) {
        i++;
        tokens.add(new Token(Kind.FIELD, value.toString(), "", start + 1));
        return;
      }
      if ((c == '~' || c == '^') && !value.isEmpty()) {
        break;
      }
      value.append(c);
      i++;
    }
    String word = value.toString();
    String suffix = suffix();
    Kind kind =
        switch (suffix.isEmpty() ? word.toLowerCase(Locale.ROOT) : "") {
          case "and", "&&" -> Kind.AND;
          case "or", "||" -> Kind.OR;
          case "not" -> Kind.NOT;
          default -> Kind.WORD;
        };
    if (word.isEmpty()) {
      return; // a stray suffix such as "~" alone
    }
    tokens.add(new Token(kind, word, suffix, start + 1));
  }

  /** Letters only, as field names are; "9:30" is a word, not a field. */
  private static boolean isFieldName(StringBuilder value) {
    for (int k = 0; k < value.length(); k++) {
      if (!Character.isLetter(value.charAt(k)) && value.charAt(k) != '_') {
        return value.length() == 1 && value.charAt(0) == '*';
      }
    }
    return true;
  }

  /** "~", "~1", "^2" after a word, a phrase or a group. */
  private String suffix() {
    int start = i;
    while (i < text.length() && (text.charAt(i) == '~' || text.charAt(i) == '^')) {
      i++;
      while (i < text.length() && (Character.isDigit(text.charAt(i)) || text.charAt(i) == '.')) {
        i++;
      }
    }
    return text.substring(start, i);
  }
}
