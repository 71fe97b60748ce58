package org.transcriptsearch.query;

import java.util.ArrayList;
import java.util.List;
import org.transcriptsearch.query.QueryNode.AnyOf;
import org.transcriptsearch.query.QueryNode.Bool;
import org.transcriptsearch.query.QueryNode.Boosted;
import org.transcriptsearch.query.QueryNode.Clause;
import org.transcriptsearch.query.QueryNode.ConstantScore;
import org.transcriptsearch.query.QueryNode.DateRange;
import org.transcriptsearch.query.QueryNode.Fuzzy;
import org.transcriptsearch.query.QueryNode.MatchAll;
import org.transcriptsearch.query.QueryNode.Occur;
import org.transcriptsearch.query.QueryNode.Phrase;
import org.transcriptsearch.query.QueryNode.Prefix;
import org.transcriptsearch.query.QueryNode.SpeakerIs;
import org.transcriptsearch.query.QueryNode.Term;
import org.transcriptsearch.query.QueryNode.Wildcard;

/**
 * A query model written back in the query syntax, as the response shows how a query was read: {@code +crimea
 * +(kyiv OR kiev) -russia date:[2014-01-01 TO 2014-12-31]}.
 */
public final class Describe {
  private Describe() {}

  /** {@code node} in the query syntax. */
  public static String of(QueryNode node) {
    return switch (node) {
      case Term t -> field(t.field()) + word(t.text());
      case Phrase p -> field(p.field()) + "\"" + p.text() + "\"" + (p.slop() > 0 ? "~" + p.slop() : "");
      case Prefix p -> field(p.field()) + p.prefix() + "*";
      case Wildcard w -> field(w.field()) + w.pattern();
      case Fuzzy f -> field(f.field()) + f.text() + "~" + f.edits();
      case DateRange d -> "date:[" + (d.from() == null ? "*" : d.from()) + " TO " + (d.to() == null ? "*" : d.to()) + "]";
      case SpeakerIs s -> "said_by:\"" + s.key() + "\"";
      case AnyOf a -> "(" + String.join(" OR ", a.alternatives().stream().map(Describe::of).toList()) + ")";
      case Bool b -> bool(b);
      case MatchAll m -> "*:*";
      case Boosted b -> of(b.node()) + "^" + trim(b.boost());
      case ConstantScore c -> of(c.node());
    };
  }

  private static String bool(Bool b) {
    List<String> parts = new ArrayList<>();
    boolean onlyShould = b.clauses().stream().allMatch(c -> c.occur() == Occur.SHOULD);
    for (Clause c : b.clauses()) {
      if (c.node() instanceof MatchAll && c.occur() == Occur.MUST && b.clauses().size() > 1) {
        continue;
      }
      String inner = c.node() instanceof Bool ? "(" + of(c.node()) + ")" : of(c.node());
      parts.add(
          switch (c.occur()) {
            case MUST, FILTER -> onlyShould ? inner : "+" + inner;
            case SHOULD -> inner;
            case MUST_NOT -> "-" + inner;
          });
    }
    String joined = String.join(onlyShould ? " OR " : " ", parts);
    return b.minimumShouldMatch() > 1 ? "(" + joined + ")@" + b.minimumShouldMatch() : joined;
  }

  private static String field(Field field) {
    return field == Field.TEXT ? "" : field.label() + ":";
  }

  private static String word(String text) {
    return text.contains(" ") ? "\"" + text + "\"" : text;
  }

  private static String trim(float f) {
    return f == Math.rint(f) ? String.valueOf((int) f) : String.valueOf(f);
  }
}
