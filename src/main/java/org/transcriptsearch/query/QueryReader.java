package org.transcriptsearch.query;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.transcriptsearch.query.QueryNode.AnyOf;
import org.transcriptsearch.query.QueryNode.Bool;
import org.transcriptsearch.query.QueryNode.Boosted;
import org.transcriptsearch.query.QueryNode.Clause;
import org.transcriptsearch.query.QueryNode.ConstantScore;
import org.transcriptsearch.query.QueryNode.Occur;
import org.transcriptsearch.query.QueryNode.SpeakerIs;
import org.transcriptsearch.query.QueryNode.Term;
import org.transcriptsearch.query.Reading.Expansion;
import org.transcriptsearch.query.Reading.Interpretation;
import org.transcriptsearch.text.Folding;

/**
 * Reads a parsed query as the question a journalist meant: stop words and question words are left out of the
 * required words; a question that names one known speaker ("what has Lavrov said about Crimea", "Kerry on Syria")
 * ranks that speaker's own turns first, then the turns that mention them; words are matched with their variants
 * (Kyiv and Kiev, Syria and Syrians) unless the query asks for exact words. Immutable and thread-safe.
 */
public final class QueryReader {
  /** What a speaker's own turn adds to its score: more than any text match, so said-by ranks first. */
  static final float SAID_BY_SCORE = 100f;

  private static final String COMMON_WORDS = "/org/transcriptsearch/generate/words.txt";

  private final Variants variants;
  private final Set<String> commonWords;

  /** A reader matching words with {@code variants}. */
  public QueryReader(Variants variants) {
    this.variants = variants;
    this.commonWords = commonWords();
  }

  /**
   * How to read a query.
   *
   * @param exact match the words only as typed, without their variants
   * @param literal never read a speaker into the question
   * @param speakerFiltered the search already names its speakers (a parameter), so the question names none
   */
  public record Options(boolean exact, boolean literal, boolean speakerFiltered) {}

  /** The reading of {@code parsed} under {@code options}, with speakers named as {@code speakers} knows them. */
  public Reading read(QueryNode parsed, Options options, KnownSpeakers speakers) {
    List<Clause> top = topClauses(parsed);
    List<String> ignored = new ArrayList<>();
    top = withoutStopWords(top, ignored);
    Map<String, List<String>> expanded = new LinkedHashMap<>();
    Interpretation interpreted = null;
    QueryNode query;
    QueryNode literal;
    NameSpan span =
        options.literal() || options.speakerFiltered() || mentionsField(parsed, Field.SPEAKER)
            ? null
            : nameSpan(top, speakers);
    if (span == null) {
      literal = expand(TypedQuery.combined(top), options.exact(), expanded);
      query = literal;
    } else {
      List<Clause> rest = new ArrayList<>(top);
      List<Clause> name = new ArrayList<>();
      for (int i = span.end() - 1; i >= span.start(); i--) {
        name.add(0, rest.remove(i));
      }
      QueryNode others = expand(TypedQuery.combined(rest), options.exact(), expanded);
      List<Clause> mentions = new ArrayList<>(List.of(new Clause(Occur.MUST, others)));
      mentions.addAll(name);
      literal = TypedQuery.combined(mentions);
      List<QueryNode> who = new ArrayList<>();
      span.speakers().forEach(s -> who.add(new SpeakerIs(s.key())));
      QueryNode saidBy =
          new Bool(
              List.of(
                  new Clause(Occur.MUST, others),
                  new Clause(Occur.MUST, new ConstantScore(who.size() == 1 ? who.get(0) : new AnyOf(who), SAID_BY_SCORE))));
      query = new Bool(List.of(new Clause(Occur.SHOULD, saidBy), new Clause(Occur.SHOULD, literal)), 1);
      String names = String.join(" or ", span.speakers().stream().map(KnownSpeakers.Speaker::name).toList());
      interpreted = new Interpretation(names, span.speakers().get(0).key(), words(rest));
    }
    List<Expansion> expansions = new ArrayList<>();
    expanded.forEach((word, forms) -> expansions.add(new Expansion(word, forms)));
    return new Reading(query, literal, partial(literal), interpreted, expansions, ignored);
  }

  /** The required clauses of the query's top level, or the whole query as one clause. */
  private static List<Clause> topClauses(QueryNode parsed) {
    if (parsed instanceof Bool b
        && b.minimumShouldMatch() == 0
        && b.clauses().stream().noneMatch(c -> c.occur() == Occur.SHOULD)) {
      return b.clauses();
    }
    return List.of(new Clause(Occur.MUST, parsed));
  }

  private static List<Clause> withoutStopWords(List<Clause> top, List<String> ignored) {
    List<Clause> kept = new ArrayList<>();
    List<String> dropped = new ArrayList<>();
    for (Clause c : top) {
      if (c.occur() == Occur.MUST && c.node() instanceof Term t && t.field() == Field.TEXT && StopWords.contains(t.text())) {
        dropped.add(t.text());
      } else {
        kept.add(c);
      }
    }
    boolean content = kept.stream().anyMatch(c -> c.occur() == Occur.MUST || c.occur() == Occur.SHOULD);
    if (!content) {
      return top; // a query of nothing but stop words ("to be or not to be") keeps them
    }
    ignored.addAll(dropped);
    return kept;
  }

  /** The most speakers one surname may stand for in a question: beyond it, the question names nobody in particular. */
  static final int MAX_NAMESAKES = 3;

  /** The consecutive required words naming a speaker, with who it may be (namesakes share a surname). */
  private record NameSpan(int start, int end, List<KnownSpeakers.Speaker> speakers) {}

  /**
   * The one span of required words that names a known speaker, when the rest of the query still asks for
   * something: a full name ("Michele Kelemen") or a surname that is not an everyday word and not a host's
   * ("Lavrov", not "Block"), of at most {@link #MAX_NAMESAKES} people. Null when no span, or more than one, names
   * a speaker.
   */
  private NameSpan nameSpan(List<Clause> top, KnownSpeakers speakers) {
    List<NameSpan> found = new ArrayList<>();
    for (int i = 0; i < top.size(); i++) {
      String first = word(top.get(i));
      if (first == null) {
        continue;
      }
      String second = i + 1 < top.size() ? word(top.get(i + 1)) : null;
      List<KnownSpeakers.Speaker> full = second == null ? List.of() : speakers.named(List.of(first, second));
      if (!full.isEmpty() && full.size() <= MAX_NAMESAKES) {
        found.add(new NameSpan(i, i + 2, full));
        i++;
        continue;
      }
      if (!commonWords.contains(first)) {
        List<KnownSpeakers.Speaker> bySurname =
            speakers.named(List.of(first)).stream().filter(s -> !s.host()).toList();
        if (!bySurname.isEmpty() && bySurname.size() <= MAX_NAMESAKES) {
          found.add(new NameSpan(i, i + 1, bySurname));
        }
      }
    }
    if (found.size() != 1) {
      return null;
    }
    NameSpan span = found.get(0);
    boolean more = false;
    for (int i = 0; i < top.size(); i++) {
      Occur occur = top.get(i).occur();
      more |= (i < span.start() || i >= span.end()) && (occur == Occur.MUST || occur == Occur.SHOULD);
    }
    return more ? span : null;
  }

  /** The folded word of a required plain word of speech, else null. */
  private static String word(Clause c) {
    if (c.occur() == Occur.MUST && c.node() instanceof Term t && t.field() == Field.TEXT) {
      String folded = Folding.fold(t.text()).replaceFirst("['\u2019]s$", ""); // "Lavrov's remarks"
      return !folded.isEmpty() && folded.chars().allMatch(Character::isLetter) ? folded : null;
    }
    return null;
  }

  private static List<String> words(List<Clause> clauses) {
    List<String> words = new ArrayList<>();
    for (Clause c : clauses) {
      if (c.occur() != Occur.MUST_NOT) {
        collectWords(c.node(), words);
      }
    }
    return words;
  }

  private static void collectWords(QueryNode node, List<String> words) {
    switch (node) {
      case Term t when t.field() == Field.TEXT -> words.add(t.text());
      case QueryNode.Phrase p when p.field() == Field.TEXT -> words.add(p.text());
      case QueryNode.Prefix p when p.field() == Field.TEXT -> words.add(p.prefix() + "*");
      case Bool b -> b.clauses().stream().filter(c -> c.occur() != Occur.MUST_NOT).forEach(c -> collectWords(c.node(), words));
      case Boosted b -> collectWords(b.node(), words);
      default -> {}
    }
  }

  private static boolean mentionsField(QueryNode node, Field field) {
    return switch (node) {
      case Term t -> t.field() == field;
      case QueryNode.Phrase p -> p.field() == field;
      case QueryNode.Prefix p -> p.field() == field;
      case QueryNode.Wildcard w -> w.field() == field;
      case QueryNode.Fuzzy f -> f.field() == field;
      case Bool b -> b.clauses().stream().anyMatch(c -> c.occur() != Occur.MUST_NOT && mentionsField(c.node(), field));
      case Boosted b -> mentionsField(b.node(), field);
      case AnyOf a -> a.alternatives().stream().anyMatch(n -> mentionsField(n, field));
      default -> false;
    };
  }

  /** {@code node} with every plain word of speech matched with its variants (none when {@code exact}). */
  private QueryNode expand(QueryNode node, boolean exact, Map<String, List<String>> expanded) {
    if (exact) {
      return node;
    }
    return switch (node) {
      case Term t when t.field() == Field.TEXT -> {
        List<String> others = variants.of(t.text());
        if (others.isEmpty()) {
          yield t;
        }
        expanded.putIfAbsent(t.text(), others);
        List<QueryNode> alternatives = new ArrayList<>(List.of(t));
        others.forEach(o -> alternatives.add(new Term(Field.TEXT, o)));
        yield new AnyOf(alternatives);
      }
      case Bool b -> {
        List<Clause> clauses = new ArrayList<>();
        b.clauses().forEach(c -> clauses.add(new Clause(c.occur(), expand(c.node(), false, expanded))));
        yield new Bool(clauses, b.minimumShouldMatch());
      }
      case Boosted b -> new Boosted(expand(b.node(), false, expanded), b.boost());
      default -> node;
    };
  }

  /**
   * Most of the required words: at least half of them, the exclusions kept; null when fewer than two words are
   * required.
   */
  private static QueryNode partial(QueryNode literal) {
    if (!(literal instanceof Bool b) || b.minimumShouldMatch() != 0) {
      return null;
    }
    List<Clause> clauses = new ArrayList<>();
    int required = 0;
    for (Clause c : b.clauses()) {
      if (c.occur() == Occur.MUST && isWords(c.node())) {
        clauses.add(new Clause(Occur.SHOULD, c.node()));
        required++;
      } else {
        clauses.add(c);
      }
    }
    return required < 2 ? null : new Bool(clauses, (required + 1) / 2);
  }

  /** Whether {@code node} asks for words of speech (a clause a partial reading may leave out), not a filter. */
  private static boolean isWords(QueryNode node) {
    return switch (node) {
      case Term t -> t.field() == Field.TEXT;
      case QueryNode.Phrase p -> p.field() == Field.TEXT;
      case QueryNode.Prefix p -> p.field() == Field.TEXT;
      case QueryNode.Wildcard w -> w.field() == Field.TEXT;
      case QueryNode.Fuzzy f -> f.field() == Field.TEXT;
      case AnyOf a -> a.alternatives().stream().allMatch(QueryReader::isWords);
      case Boosted b -> isWords(b.node());
      default -> false;
    };
  }

  private static Set<String> commonWords() {
    Set<String> words = new HashSet<>();
    try (InputStream in = QueryReader.class.getResourceAsStream(COMMON_WORDS)) {
      if (in == null) {
        throw new IllegalStateException("the bundled word list " + COMMON_WORDS + " is missing from the class path");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        String w = line.strip();
        if (!w.isEmpty() && !w.startsWith("#") && w.equals(w.toLowerCase(java.util.Locale.ROOT))) {
          words.add(w);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + COMMON_WORDS, e);
    }
    return Set.copyOf(words);
  }
}
