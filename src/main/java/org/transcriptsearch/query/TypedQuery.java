package org.transcriptsearch.query;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.transcriptsearch.query.Lexer.Kind;
import org.transcriptsearch.query.Lexer.Token;
import org.transcriptsearch.query.QueryNode.Bool;
import org.transcriptsearch.query.QueryNode.Clause;
import org.transcriptsearch.query.QueryNode.DateRange;
import org.transcriptsearch.query.QueryNode.MatchAll;
import org.transcriptsearch.query.QueryNode.Occur;
import org.transcriptsearch.query.QueryNode.Term;

/**
 * Reads what a person typed into a {@link QueryNode}: Lucene's classic syntax (fields, quotes, {@code AND OR NOT},
 * {@code + -}, groups, {@code ~} and {@code ^}, ranges, wildcards) with what people actually type on top:
 * typographic quotes, operators in lower case, dangling operators ignored, pure negatives ({@code NOT crimea} is
 * everything without Crimea), words such as {@code 9/11} and {@code e-mail}, field aliases ({@code by:},
 * {@code show:}), program short names ({@code program:ATC}), role synonyms ({@code role:reporter}) and dates as
 * days, months or years ({@code date:2014}, {@code date:[2014-01 TO 2014-06]}, {@code from:2014}).
 *
 * <p>Words next to each other are all required; {@code OR} binds tighter, as in web search: {@code kerry lavrov OR
 * putin} is kerry and (lavrov or putin). Not thread-safe: one instance per query, through {@link #parse}.
 */
public final class TypedQuery {
  private final List<Token> tokens;
  private final int minWildcardPrefix;
  private int at;

  private TypedQuery(List<Token> tokens, int minWildcardPrefix) {
    this.tokens = tokens;
    this.minWildcardPrefix = minWildcardPrefix;
  }

  /**
   * The query {@code typed} stands for; blank text is {@link MatchAll}.
   *
   * @param minWildcardPrefix how many characters a wildcard needs before it
   * @throws QuerySyntaxException saying where and why when the text cannot be read
   */
  public static QueryNode parse(String typed, int minWildcardPrefix) {
    TypedQuery parser = new TypedQuery(Lexer.tokens(withoutQuestionMark(typed)), minWildcardPrefix);
    QueryNode node = parser.sequence(Field.TEXT, false);
    Token left = parser.peek();
    if (left.kind() == Kind.CLOSE) {
      throw new QuerySyntaxException(
          left.position(), "the closing parenthesis at column " + left.position() + " has no opening one");
    }
    return node;
  }

  /**
   * A question's final question mark ("what did Lavrov say about Crimea?") is punctuation, not a wildcard; a single
   * word ending in ? ("negotiat?") stays a wildcard.
   */
  static String withoutQuestionMark(String typed) {
    String text = typed.stripTrailing();
    boolean question = text.endsWith("?") && !text.endsWith("\\?") && text.strip().contains(" ");
    return question ? text.substring(0, text.length() - 1) : typed;
  }

  private Token peek() {
    return tokens.get(at);
  }

  private Token next() {
    return tokens.get(at++);
  }

  private boolean startsOperand(Kind kind) {
    return switch (kind) {
      case WORD, PHRASE, FIELD, RANGE, OPEN, NOT, PLUS -> true;
      default -> false;
    };
  }

  /** Clauses side by side, each required (or excluded), up to the end or the closing parenthesis. */
  private QueryNode sequence(Field field, boolean inGroup) {
    List<Clause> clauses = new ArrayList<>();
    while (true) {
      Kind kind = peek().kind();
      if (kind == Kind.END || (kind == Kind.CLOSE && inGroup)) {
        break;
      }
      if (kind == Kind.CLOSE) {
        Token close = peek();
        throw new QuerySyntaxException(
            close.position(), "the closing parenthesis at column " + close.position() + " has no opening one");
      }
      if (kind == Kind.AND || kind == Kind.OR) {
        next(); // "and" between clauses is what side by side means; a dangling operator means nothing
        continue;
      }
      Operand operand = alternatives(field);
      if (operand != null) {
        clauses.add(new Clause(operand.negated() ? Occur.MUST_NOT : Occur.MUST, operand.node()));
      }
    }
    return combined(clauses);
  }

  /** A clause and the clauses joined to it by OR. */
  private Operand alternatives(Field field) {
    Operand first = unary(field);
    List<Operand> any = new ArrayList<>();
    if (first != null) {
      any.add(first);
    }
    while (peek().kind() == Kind.OR && startsOperand(tokens.get(at + 1).kind())) {
      next();
      Operand more = unary(field);
      if (more != null) {
        any.add(more);
      }
    }
    if (any.size() <= 1) {
      return any.isEmpty() ? null : any.get(0);
    }
    List<Clause> clauses = new ArrayList<>();
    for (Operand o : any) {
      clauses.add(new Clause(Occur.SHOULD, o.negated() ? without(o.node()) : o.node()));
    }
    return new Operand(new Bool(clauses), false);
  }

  /** A node, possibly excluded; null for an operator with nothing after it. */
  private record Operand(QueryNode node, boolean negated) {}

  private Operand unary(Field field) {
    Kind kind = peek().kind();
    if (kind == Kind.NOT || kind == Kind.PLUS) {
      next();
      if (!startsOperand(peek().kind())) {
        return null;
      }
      Operand inner = unary(field);
      if (inner == null) {
        return null;
      }
      return kind == Kind.NOT ? new Operand(inner.node(), !inner.negated()) : inner;
    }
    return new Operand(primary(field), false);
  }

  private QueryNode primary(Field field) {
    Token token = next();
    return switch (token.kind()) {
      case OPEN -> group(field, token);
      case FIELD -> fieldValue(token);
      case PHRASE -> Values.phrase(field, token);
      case RANGE -> Values.range(field, token);
      case WORD -> Values.word(field, token, minWildcardPrefix);
      default -> throw new QuerySyntaxException(token.position(), "unexpected '" + token.text() + "'");
    };
  }

  private QueryNode group(Field field, Token open) {
    QueryNode inside = sequence(field, true);
    if (peek().kind() != Kind.CLOSE) {
      throw new QuerySyntaxException(
          open.position(), "the parenthesis at column " + open.position() + " is never closed");
    }
    Token close = next();
    return Values.boosted(inside, close.suffix(), close.position());
  }

  private QueryNode fieldValue(Token fieldToken) {
    if (fieldToken.text().equals("*")) {
      Token value = next();
      if (value.kind() != Kind.WORD || !value.text().equals("*")) {
        throw new QuerySyntaxException(fieldToken.position(), "'*:' is only used as *:* (everything)");
      }
      return new MatchAll();
    }
    Field field =
        Field.named(fieldToken.text())
            .orElseThrow(
                () -> new QuerySyntaxException(
                    fieldToken.position(),
                    "unknown field '" + fieldToken.text().toLowerCase(Locale.ROOT) + "' at column "
                        + fieldToken.position() + "; fields are " + Field.list()));
    Kind kind = peek().kind();
    if (kind != Kind.WORD && kind != Kind.PHRASE && kind != Kind.RANGE && kind != Kind.OPEN) {
      throw new QuerySyntaxException(
          fieldToken.position(),
          "'" + fieldToken.text() + ":' at column " + fieldToken.position() + " has no value after it");
    }
    return primary(field);
  }

  /** Clauses as one node: a lone required clause is itself; only exclusions exclude from everything. */
  static QueryNode combined(List<Clause> clauses) {
    if (clauses.isEmpty()) {
      return new MatchAll();
    }
    if (clauses.size() == 1 && clauses.get(0).occur() == Occur.MUST) {
      return clauses.get(0).node();
    }
    boolean positive = clauses.stream().anyMatch(c -> c.occur() == Occur.MUST || c.occur() == Occur.SHOULD);
    if (!positive) {
      List<Clause> all = new ArrayList<>();
      all.add(new Clause(Occur.MUST, new MatchAll()));
      all.addAll(clauses);
      return new Bool(all);
    }
    return new Bool(clauses);
  }

  /** Everything but {@code node}. */
  static QueryNode without(QueryNode node) {
    return new Bool(List.of(new Clause(Occur.MUST, new MatchAll()), new Clause(Occur.MUST_NOT, node)));
  }

  /** A date range's ends, or a compared date ({@code >2014}). */
  static DateRange dates(LocalDate from, LocalDate to) {
    return new DateRange(from, to);
  }

  static Term term(Field field, String text) {
    return new Term(field, text);
  }
}
