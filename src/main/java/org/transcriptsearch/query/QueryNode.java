package org.transcriptsearch.query;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A query as plain values: what to look for, in which field, combined how. No search-engine types: a renderer
 * ({@link LuceneQueries}) turns it into an engine's query. Text is kept as typed; the renderer analyses it the way
 * the index did.
 */
public sealed interface QueryNode {
  /** How a clause takes part in a {@link Bool}. */
  enum Occur {
    /** Required, and scored. */
    MUST,
    /** Optional; at least {@link Bool#minimumShouldMatch} of them (1 when there is no required clause). */
    SHOULD,
    /** Excluded. */
    MUST_NOT,
    /** Required, not scored. */
    FILTER
  }

  /** One word as typed ("Crimea", "9/11", "e-mail"); a word the analyzer splits is matched as a phrase. */
  record Term(Field field, String text) implements QueryNode {
    public Term {
      Objects.requireNonNull(field);
      Objects.requireNonNull(text);
    }
  }

  /** Words in order, at most {@code slop} moves apart. */
  record Phrase(Field field, String text, int slop) implements QueryNode {}

  /** Words starting with {@code prefix}, over the words as spoken (not their stems). */
  record Prefix(Field field, String prefix) implements QueryNode {}

  /** A pattern of {@code *} (any characters) and {@code ?} (one character), over the words as spoken. */
  record Wildcard(Field field, String pattern) implements QueryNode {}

  /** Words within {@code edits} (1 or 2) edits of {@code text}. */
  record Fuzzy(Field field, String text, int edits) implements QueryNode {}

  /** Aired between two days, both included; null for an open end. */
  record DateRange(LocalDate from, LocalDate to) implements QueryNode {}

  /** The utterances of one speaker, by the speaker's key across the index. */
  record SpeakerIs(String key) implements QueryNode {}

  /** Any of several ways of writing one thing: a word and its variants ("Kyiv", "Kiev"). */
  record AnyOf(List<QueryNode> alternatives) implements QueryNode {
    public AnyOf {
      alternatives = List.copyOf(alternatives);
    }
  }

  /** Clauses combined. */
  record Bool(List<Clause> clauses, int minimumShouldMatch) implements QueryNode {
    public Bool {
      clauses = List.copyOf(clauses);
    }

    /** Clauses with no minimum of optional ones. */
    public Bool(List<Clause> clauses) {
      this(clauses, 0);
    }
  }

  /** A node and how it takes part. */
  record Clause(Occur occur, QueryNode node) {}

  /** Everything. */
  record MatchAll() implements QueryNode {}

  /** A node whose score is multiplied by {@code boost}. */
  record Boosted(QueryNode node, float boost) implements QueryNode {}

  /** A node that adds exactly {@code score} to a match, whatever its own score. */
  record ConstantScore(QueryNode node, float score) implements QueryNode {}
}
