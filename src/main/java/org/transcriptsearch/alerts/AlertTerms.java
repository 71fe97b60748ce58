package org.transcriptsearch.alerts;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;

/**
 * The presearch of alert matching: a set of terms of which a transcript must hold at least one for an alert's
 * query to match it, so that a new transcript is searched only by the alerts that can match it (as Lucene's
 * monitor module does). Conservative: a query whose matches need no known term (a wildcard, a range, "everything")
 * gives {@link #ANY}, and is tried on every transcript.
 *
 * @param terms the terms, one of which must be present; empty only for {@link #ANY}
 */
record AlertTerms(Set<Term> terms) {
  /** No term is needed: the alert is tried on every transcript. */
  static final AlertTerms ANY = new AlertTerms(Set.of());

  AlertTerms {
    terms = Set.copyOf(terms);
  }

  /** Whether every transcript is a candidate. */
  boolean any() {
    return terms.isEmpty();
  }

  /** The terms one of which a document must hold for {@code query} to match it. */
  static AlertTerms of(Query query) {
    if (query instanceof TermQuery term) {
      return new AlertTerms(Set.of(term.getTerm()));
    }
    if (query instanceof PhraseQuery phrase && phrase.getTerms().length > 0) {
      return new AlertTerms(new LinkedHashSet<>(Arrays.asList(phrase.getTerms()))); // "bye bye" repeats a term
    }
    if (query instanceof MultiPhraseQuery phrase && phrase.getTermArrays().length > 0) {
      // One of the first position's terms is needed.
      return new AlertTerms(new LinkedHashSet<>(Arrays.asList(phrase.getTermArrays()[0])));
    }
    if (query instanceof SynonymQuery synonyms && !synonyms.getTerms().isEmpty()) {
      return new AlertTerms(new LinkedHashSet<>(synonyms.getTerms()));
    }
    if (query instanceof BoostQuery boost) {
      return of(boost.getQuery());
    }
    if (query instanceof ConstantScoreQuery constant) {
      return of(constant.getQuery());
    }
    if (query instanceof DisjunctionMaxQuery max) {
      return union(max.getDisjuncts());
    }
    if (query instanceof BooleanQuery bool) {
      return ofBoolean(bool);
    }
    return ANY;
  }

  /**
   * A conjunction needs the terms of every required clause; any one of them would do, but all of them are kept
   * (a match holds at least one), so that a search that reads a query a little differently over new transcripts
   * (a name read as a speaker once that speaker is known) still finds its candidates. Without required clauses,
   * one of the optional clauses must match. Prohibited clauses never make a match, so they add nothing.
   */
  private static AlertTerms ofBoolean(BooleanQuery bool) {
    List<Query> required = new ArrayList<>();
    List<Query> optional = new ArrayList<>();
    for (BooleanClause clause : bool.clauses()) {
      if (clause.occur() == Occur.MUST || clause.occur() == Occur.FILTER) {
        required.add(clause.query());
      } else if (clause.occur() == Occur.SHOULD) {
        optional.add(clause.query());
      }
    }
    if (!required.isEmpty()) {
      Set<Term> all = new LinkedHashSet<>();
      required.stream().map(AlertTerms::of).filter(t -> !t.any()).forEach(t -> all.addAll(t.terms()));
      return all.isEmpty() ? ANY : new AlertTerms(all);
    }
    return optional.isEmpty() ? ANY : union(optional);
  }

  private static AlertTerms union(Iterable<Query> queries) {
    Set<Term> all = new LinkedHashSet<>();
    for (Query query : queries) {
      AlertTerms terms = of(query);
      if (terms.any()) {
        return ANY;
      }
      all.addAll(terms.terms());
    }
    return all.isEmpty() ? ANY : new AlertTerms(all);
  }
}
