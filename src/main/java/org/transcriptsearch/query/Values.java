package org.transcriptsearch.query;

import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.transcriptsearch.query.Lexer.Token;
import org.transcriptsearch.query.QueryNode.Boosted;
import org.transcriptsearch.query.QueryNode.DateRange;
import org.transcriptsearch.query.QueryNode.Fuzzy;
import org.transcriptsearch.query.QueryNode.MatchAll;
import org.transcriptsearch.query.QueryNode.Phrase;
import org.transcriptsearch.query.QueryNode.Prefix;
import org.transcriptsearch.query.QueryNode.Term;
import org.transcriptsearch.query.QueryNode.Wildcard;

/** The node of one value in one field: words, phrases and ranges, with each field's aliases. Internal. */
final class Values {
  /** The most edits a fuzzy word may have: more would match almost anything and cost without bound. */
  static final int MAX_EDITS = 2;

  private static final Pattern SUFFIX = Pattern.compile("(?:~([0-9.]*))?(?:\\^([0-9.]+))?(?:~([0-9.]*))?");
  private static final Pattern COMPARED = Pattern.compile("(>=|<=|>|<)(.+)");
  private static final Pattern RANGE = Pattern.compile("([\\[{])\\s*(\\S+)\\s+(?:TO|to|-)\\s+(\\S+)\\s*([\\]}])");

  private Values() {}

  static QueryNode word(Field field, Token token, int minWildcardPrefix) {
    String text = token.text();
    if (field.isDate()) {
      return date(field, text, token);
    }
    if (text.equals("*")) {
      return new MatchAll();
    }
    if (text.length() > 2 && text.startsWith("/") && text.endsWith("/")) {
      throw new QuerySyntaxException(
          token.position(), "regular expressions (" + text + ") are not supported; use quotes or wildcards");
    }
    Matcher suffix = suffix(token);
    QueryNode node =
        switch (field) {
          case ROLE -> new Term(Field.ROLE, role(text, token).code());
          case PROGRAM -> new Term(Field.PROGRAM, ProgramAliases.resolve(text));
          case TOPIC -> new Term(Field.TOPIC, text);
          default -> textWord(field, text, token, fuzzy(suffix), minWildcardPrefix);
        };
    return boosted(node, suffix.group(2), token.position());
  }

  private static QueryNode textWord(Field field, String text, Token token, Integer edits, int minWildcardPrefix) {
    int wildcard = firstWildcard(text);
    if (wildcard >= 0) {
      if (wildcard < minWildcardPrefix) {
        throw new QuerySyntaxException(
            token.position(),
            "'" + text + "' at column " + token.position() + ": a wildcard needs at least " + minWildcardPrefix
                + " characters before it");
      }
      boolean prefix = wildcard == text.length() - 1 && text.charAt(wildcard) == '*';
      return prefix ? new Prefix(field, text.substring(0, wildcard)) : new Wildcard(field, text);
    }
    return edits == null ? new Term(field, text) : new Fuzzy(field, text, edits);
  }

  private static int firstWildcard(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '*' || text.charAt(i) == '?') {
        return i;
      }
    }
    return -1;
  }

  static QueryNode phrase(Field field, Token token) {
    Matcher suffix = suffix(token);
    String text = token.text();
    QueryNode node =
        switch (field) {
          case ROLE -> new Term(Field.ROLE, role(text, token).code());
          case PROGRAM -> new Term(Field.PROGRAM, ProgramAliases.resolve(text));
          case TOPIC -> new Term(Field.TOPIC, text);
          case DATE, FROM, TO -> date(field, text, token);
          default -> new Phrase(field, text, slop(suffix, token));
        };
    return boosted(node, suffix.group(2), token.position());
  }

  static QueryNode range(Field field, Token token) {
    if (!field.isDate()) {
      throw new QuerySyntaxException(
          token.position(),
          "the range at column " + token.position() + " is not on a date; ranges are for air dates, as in"
              + " date:[2014-01-01 TO 2014-12-31]");
    }
    Matcher m = RANGE.matcher(token.text());
    if (!m.matches()) {
      throw new QuerySyntaxException(
          token.position(), "the range at column " + token.position() + " is not written [FROM TO UNTIL]");
    }
    LocalDate from = m.group(2).equals("*") ? null : period(m.group(2), token).first();
    LocalDate to = m.group(3).equals("*") ? null : period(m.group(3), token).last();
    if (from != null && m.group(1).equals("{")) {
      from = period(m.group(2), token).last().plusDays(1);
    }
    if (to != null && m.group(4).equals("}")) {
      to = period(m.group(3), token).first().minusDays(1);
    }
    if (from != null && to != null && from.isAfter(to)) {
      throw new QuerySyntaxException(
          token.position(), "the range at column " + token.position() + " ends before it starts");
    }
    return new DateRange(from, to);
  }

  private static DateRange date(Field field, String text, Token token) {
    Matcher compared = COMPARED.matcher(text);
    if (compared.matches()) {
      DatePeriod p = period(compared.group(2), token);
      return switch (compared.group(1)) {
        case ">" -> new DateRange(p.last().plusDays(1), null);
        case ">=" -> new DateRange(p.first(), null);
        case "<" -> new DateRange(null, p.first().minusDays(1));
        default -> new DateRange(null, p.last());
      };
    }
    DatePeriod p = period(text, token);
    return switch (field) {
      case FROM -> new DateRange(p.first(), null);
      case TO -> new DateRange(null, p.last());
      default -> new DateRange(p.first(), p.last());
    };
  }

  private static DatePeriod period(String text, Token token) {
    Optional<DatePeriod> p = DatePeriod.parse(text);
    return p.orElseThrow(
        () -> new QuerySyntaxException(
            token.position(),
            "'" + text + "' at column " + token.position() + " is not a date: use a day (2014-03-05), a month"
                + " (2014-03) or a year (2014)"));
  }

  private static org.transcriptsearch.model.Role role(String text, Token token) {
    try {
      return RoleNames.of(text);
    } catch (IllegalArgumentException e) {
      throw new QuerySyntaxException(token.position(), e.getMessage() + " at column " + token.position());
    }
  }

  private static Matcher suffix(Token token) {
    Matcher m = SUFFIX.matcher(token.suffix());
    if (!m.matches()) {
      throw new QuerySyntaxException(
          token.position(), "'" + token.suffix() + "' after '" + token.text() + "' is neither ~N nor ^N");
    }
    return m;
  }

  /** The edits of a fuzzy word: "~" is 2, "~1" one, a similarity below 1 (the old syntax) 2. */
  private static Integer fuzzy(Matcher suffix) {
    String value = suffix.group(1) != null ? suffix.group(1) : suffix.group(3);
    if (value == null) {
      return null;
    }
    if (value.isEmpty()) {
      return MAX_EDITS;
    }
    double number = number(value);
    if (number < 1) {
      return MAX_EDITS;
    }
    return (int) Math.min(number, MAX_EDITS); // more edits would match almost anything: ~3 gets what ~2 gets
  }

  private static int slop(Matcher suffix, Token token) {
    String value = suffix.group(1) != null ? suffix.group(1) : suffix.group(3);
    if (value == null || value.isEmpty()) {
      return 0;
    }
    double slop = number(value);
    if (slop > 100) {
      throw new QuerySyntaxException(
          token.position(), "a phrase may have its words at most 100 apart, not ~" + value);
    }
    return (int) slop;
  }

  static QueryNode boosted(QueryNode node, String boost, int position) {
    if (boost == null || boost.isEmpty()) {
      return node;
    }
    String value = boost.startsWith("^") ? boost.substring(1) : boost;
    int caret = value.indexOf('^');
    if (caret >= 0) {
      value = value.substring(caret + 1);
    }
    if (value.isEmpty() || value.startsWith("~")) {
      return node;
    }
    double number = number(value.replaceAll("~.*", ""));
    if (number <= 0 || number > 1000) {
      throw new QuerySyntaxException(position, "a boost is a number above 0 and up to 1000, not ^" + value);
    }
    return new Boosted(node, (float) number);
  }

  private static double number(String value) {
    try {
      return Double.parseDouble(value);
    } catch (NumberFormatException e) {
      throw new QuerySyntaxException(0, "'" + value + "' is not a number");
    }
  }
}
