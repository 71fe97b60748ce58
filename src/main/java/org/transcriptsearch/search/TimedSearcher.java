package org.transcriptsearch.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.ExitableDirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Weight;

/**
 * A searcher of one request that stops at the request's {@link Deadline} while it rewrites a query and before each
 * segment it searches, not only while it collects hits (Lucene checks its timeout only then).
 *
 * <p>Rewriting is where a fuzzy, prefix or wildcard term becomes the terms it matches: each one enumerates the term
 * dictionary, and a cold request of seventy fuzzy terms over 85,000 generated utterances ran 0.6 s past its limit
 * (up to 2 s under load) while Lucene could not stop it.
 * Here each such term is expanded over an exitable view of the same reader, so the enumeration itself checks the
 * deadline, and the deadline is checked between terms. Only the expansion runs on the exitable view: the terms'
 * statistics are then gathered on this searcher's own reader, as a plain rewrite does, so scores (the blended
 * frequencies of fuzzy variants included) and every cache keyed on the reader are exactly those of a plain search.
 */
final class TimedSearcher extends IndexSearcher {
  private final Deadline deadline;
  private IndexSearcher expanding; // over the exitable view of the reader, made on first use

  /** A searcher of {@code reader} for one request, giving up at {@code deadline} in every phase. */
  TimedSearcher(IndexReader reader, Deadline deadline) {
    this(reader, null, deadline);
  }

  /**
   * As {@link #TimedSearcher(IndexReader, Deadline)}, searching the slices of the reader's segments over
   * {@code slices} as well as on the calling thread (null: on the calling thread alone). The deadline is checked
   * from every thread that searches a slice.
   */
  TimedSearcher(IndexReader reader, Executor slices, Deadline deadline) {
    super(reader, slices);
    this.deadline = deadline;
    setTimeout(deadline);
  }

  @Override
  public Query rewrite(Query original) throws IOException {
    try {
      Query query = original;
      while (true) {
        Query step = expanded(query).rewrite(this);
        deadline.check();
        if (step == query) {
          break;
        }
        query = step;
      }
      return super.rewrite(query); // at its fixed point already: only Lucene's clause-count check is left
    } catch (ExitableDirectoryReader.ExitingReaderException e) {
      throw deadline.timeout();
    }
  }

  /**
   * Searches one segment, unless the deadline has passed: Lucene checks its timeout only while it collects, and
   * building a segment's scorer (where a wildcard or prefix term scored as a constant enumerates its terms) comes
   * before that. A search stopped here throws, as one Lucene stopped is reported by {@code checkTime}: never a
   * partial answer.
   */
  @Override
  protected void searchLeaf(LeafReaderContext ctx, int minDocId, int maxDocId, Weight weight, Collector collector)
      throws IOException {
    deadline.check();
    try {
      super.searchLeaf(ctx, minDocId, maxDocId, weight, collector);
    } catch (ExitableDirectoryReader.ExitingReaderException e) {
      throw deadline.timeout();
    }
  }

  /** {@code query} with every multi-term query within it expanded, the deadline checked between them. */
  private Query expanded(Query query) throws IOException {
    return switch (query) {
      case MultiTermQuery terms -> {
        deadline.check();
        yield terms.rewrite(expanding());
      }
      case BooleanQuery bool -> expanded(bool);
      case BoostQuery boost -> {
        Query inner = expanded(boost.getQuery());
        yield inner == boost.getQuery() ? boost : new BoostQuery(inner, boost.getBoost());
      }
      case ConstantScoreQuery constant -> {
        Query inner = expanded(constant.getQuery());
        yield inner == constant.getQuery() ? constant : new ConstantScoreQuery(inner);
      }
      case DisjunctionMaxQuery max -> expanded(max);
      default -> query;
    };
  }

  private Query expanded(BooleanQuery bool) throws IOException {
    BooleanQuery.Builder builder =
        new BooleanQuery.Builder().setMinimumNumberShouldMatch(bool.getMinimumNumberShouldMatch());
    boolean changed = false;
    for (BooleanClause clause : bool.clauses()) {
      Query inner = expanded(clause.query());
      changed |= inner != clause.query();
      builder.add(inner, clause.occur());
    }
    return changed ? builder.build() : bool;
  }

  private Query expanded(DisjunctionMaxQuery max) throws IOException {
    List<Query> disjuncts = new ArrayList<>();
    boolean changed = false;
    for (Query disjunct : max.getDisjuncts()) {
      Query inner = expanded(disjunct);
      changed |= inner != disjunct;
      disjuncts.add(inner);
    }
    return changed ? new DisjunctionMaxQuery(disjuncts, max.getTieBreakerMultiplier()) : max;
  }

  /** A searcher over the same segments whose term enumerations give up at the deadline. */
  private IndexSearcher expanding() throws IOException {
    if (expanding == null) {
      expanding = getIndexReader() instanceof DirectoryReader reader
          ? new IndexSearcher(ExitableDirectoryReader.wrap(reader, deadline))
          : this;
    }
    return expanding;
  }
}
