package org.transcriptsearch.search;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BulkScorer;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.FilterLeafCollector;
import org.apache.lucene.search.FilterScorable;
import org.apache.lucene.search.FilterWeight;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;

/**
 * The hits of {@code query}, each scored by its own score plus {@code prior}'s for the same document (the prior adds no
 * hits): the scores of a {@code BooleanQuery} of {@code query} MUST and {@code prior} SHOULD, to the bit, so a ranking
 * is the same either way.
 *
 * <p>The difference is what a top-hits search may skip. Lucene's required-and-optional scorer never tells the required
 * clause the lowest score still worth finding, so a disjunction scores every hit, and a word's blocks are bounded with
 * the prior's maximum over every 128 documents (which nearly all hold a long turn). Here the required clause is told
 * the lowest competitive score less the prior's maximum, and its own block-max skipping runs as it would alone. At
 * 3.22 million utterances, a first page's pass (the 1,000-hit threshold) scored 6,674 of the 712,759 hits of {@code
 * people OR time} with this query, 700,878 with the Boolean one, and 4,689 with no prior (src/bench/FINDINGS.md).
 */
public final class PriorSum extends Query {
  private final Query query;
  private final Query prior;

  /** The hits of {@code query}, scored with {@code prior} added. */
  public PriorSum(Query query, Query prior) {
    this.query = Objects.requireNonNull(query);
    this.prior = Objects.requireNonNull(prior);
  }

  /** The query whose hits these are. */
  public Query query() {
    return query;
  }

  /** What is added to their scores. */
  public Query prior() {
    return prior;
  }

  @Override
  public Query rewrite(IndexSearcher searcher) throws IOException {
    Query rewritten = query.rewrite(searcher);
    Query rewrittenPrior = prior.rewrite(searcher);
    return rewritten == query && rewrittenPrior == prior ? this : new PriorSum(rewritten, rewrittenPrior);
  }

  @Override
  public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) throws IOException {
    Weight weight = query.createWeight(searcher, scoreMode, boost);
    if (!scoreMode.needsScores()) {
      return weight; // the prior changes scores only
    }
    // The prior is never skipped on its own (it only adds to a hit of the query), so its scorer needs no impacts.
    ScoreMode priorMode = scoreMode == ScoreMode.TOP_SCORES ? ScoreMode.COMPLETE : scoreMode;
    Weight priorWeight = prior.createWeight(searcher, priorMode, boost);
    return new FilterWeight(this, weight) {
      @Override
      public ScorerSupplier scorerSupplier(LeafReaderContext context) throws IOException {
        ScorerSupplier supplier = in.scorerSupplier(context);
        if (supplier == null) {
          return null;
        }
        ScorerSupplier priorSupplier = priorWeight.scorerSupplier(context);
        if (priorSupplier == null) {
          return supplier; // nothing in this segment has the prior: the query's own scores, as the Boolean gave
        }
        return new ScorerSupplier() {
          @Override
          public Scorer get(long leadCost) throws IOException {
            return new Sum(supplier.get(leadCost), prior(leadCost));
          }

          @Override
          public BulkScorer bulkScorer() throws IOException {
            // The query's own bulk scorer (a disjunction's MAXSCORE, a conjunction's block-max one), each hit's score
            // given the prior on its way to the collector.
            BulkScorer bulk = supplier.bulkScorer();
            Prior prior = prior(Long.MAX_VALUE);
            return new BulkScorer() {
              @Override
              public int score(LeafCollector collector, Bits acceptDocs, int min, int max) throws IOException {
                return bulk.score(new Adding(collector, prior), acceptDocs, min, max);
              }

              @Override
              public long cost() {
                return bulk.cost();
              }
            };
          }

          /** The prior's scorer, with its maximum where a top-hits search asks for one. */
          private Prior prior(long leadCost) throws IOException {
            float max = scoreMode == ScoreMode.TOP_SCORES ? priorMax(priorWeight, context) : Float.POSITIVE_INFINITY;
            return new Prior(priorSupplier.get(leadCost), max);
          }

          @Override
          public long cost() {
            return supplier.cost();
          }

          @Override
          public void setTopLevelScoringClause() throws IOException {
            // The query's scorer is told the lowest competitive score (less the prior's maximum), as a top-level
            // clause is: so a word skips by its impacts, and a disjunction runs as WAND.
            supplier.setTopLevelScoringClause();
          }
        };
      }

      @Override
      public Explanation explain(LeafReaderContext context, int doc) throws IOException {
        Explanation explanation = in.explain(context, doc);
        Explanation priorExplanation = priorWeight.explain(context, doc);
        if (!explanation.isMatch() || !priorExplanation.isMatch()) {
          return explanation;
        }
        return Explanation.match(
            explanation.getValue().floatValue() + priorExplanation.getValue().floatValue(),
            "sum of:",
            explanation,
            priorExplanation);
      }

      @Override
      public boolean isCacheable(LeafReaderContext context) {
        return in.isCacheable(context) && priorWeight.isCacheable(context);
      }
    };
  }

  /** The prior of one segment: its scores, and the most it adds to a hit. */
  private static final class Prior {
    private final Scorer scorer;
    private final DocIdSetIterator iterator;
    private final float max;

    Prior(Scorer scorer, float max) {
      this.scorer = scorer;
      this.iterator = scorer.iterator();
      this.max = max;
    }

    /** {@code score} of the hit {@code doc} (at or after the last one asked) with the prior added, as the Boolean adds. */
    float add(float score, int doc) throws IOException {
      int priorDoc = iterator.docID();
      if (priorDoc < doc) {
        priorDoc = iterator.advance(doc);
      }
      return priorDoc == doc ? score + scorer.score() : score;
    }

    /** The lowest score of the query that can still reach {@code minScore} with this prior. */
    float floor(float minScore) {
      return queryMinimum(minScore, max);
    }
  }

  /** A hit of the query, scored with the prior added. */
  private static final class Sum extends Scorer {
    private final Scorer scorer;
    private final Prior prior;

    Sum(Scorer scorer, Prior prior) {
      this.scorer = scorer;
      this.prior = prior;
    }

    @Override
    public float score() throws IOException {
      int doc = scorer.docID();
      return prior.add(scorer.score(), doc);
    }

    @Override
    public int docID() {
      return scorer.docID();
    }

    @Override
    public DocIdSetIterator iterator() {
      return scorer.iterator();
    }

    @Override
    public TwoPhaseIterator twoPhaseIterator() {
      return scorer.twoPhaseIterator();
    }

    @Override
    public int advanceShallow(int target) throws IOException {
      return scorer.advanceShallow(target);
    }

    @Override
    public float getMaxScore(int upTo) throws IOException {
      // Float addition is monotone, so the sum of the two maxima bounds the sum of any two scores below them.
      return scorer.getMaxScore(upTo) + prior.max;
    }

    @Override
    public void setMinCompetitiveScore(float minScore) throws IOException {
      scorer.setMinCompetitiveScore(prior.floor(minScore));
    }

    @Override
    public List<ChildScorable> getChildren() {
      return List.of(new ChildScorable(scorer, Occur.MUST.name()), new ChildScorable(prior.scorer, Occur.SHOULD.name()));
    }
  }

  /** Passes each hit on with the prior added to its score, and a lowest competitive score less the prior's maximum. */
  private static final class Adding extends FilterLeafCollector {
    private final Prior prior;
    private int doc = -1;

    Adding(LeafCollector in, Prior prior) {
      super(in);
      this.prior = prior;
    }

    @Override
    public void setScorer(Scorable scorer) throws IOException {
      in.setScorer(new FilterScorable(scorer) {
        @Override
        public float score() throws IOException {
          return prior.add(in.score(), doc);
        }

        @Override
        public void setMinCompetitiveScore(float minScore) throws IOException {
          in.setMinCompetitiveScore(prior.floor(minScore));
        }
      });
    }

    @Override
    public void collect(int doc) throws IOException {
      this.doc = doc;
      in.collect(doc);
    }

    @Override
    public DocIdSetIterator competitiveIterator() throws IOException {
      return in.competitiveIterator();
    }
  }

  private record Segment(Object core, Query prior) {}

  /** The most each prior adds in each open segment, dropped when the segment closes. */
  private static final Map<Segment, Float> PRIOR_MAX = new ConcurrentHashMap<>();

  /**
   * The most {@code prior} adds to a hit in the segment of {@code context}: the largest of its postings' block
   * maxima, worked out once per segment. The bound its scorer gives for a whole segment is the function's ceiling (2
   * for the length prior) where the real maximum is lower (1.87 at 12 words); at that slack a common word, whose
   * scores span less than it, would skip nothing.
   */
  private static float priorMax(Weight prior, LeafReaderContext context) throws IOException {
    IndexReader.CacheHelper helper = context.reader().getCoreCacheHelper();
    if (helper == null) {
      return blockMaxima(prior, context);
    }
    Segment segment = new Segment(helper.getKey(), prior.getQuery());
    Float known = PRIOR_MAX.get(segment);
    if (known != null) {
      return known;
    }
    float max = blockMaxima(prior, context);
    if (PRIOR_MAX.putIfAbsent(segment, max) == null) {
      helper.addClosedListener(closed -> PRIOR_MAX.remove(segment));
    }
    return max;
  }

  /** The largest of the maxima of {@code prior}'s postings blocks in the segment (each an upper bound of its own). */
  private static float blockMaxima(Weight prior, LeafReaderContext context) throws IOException {
    ScorerSupplier supplier = prior.scorerSupplier(context);
    if (supplier == null) {
      return 0f;
    }
    Scorer scorer = supplier.get(Long.MAX_VALUE);
    int last = context.reader().maxDoc() - 1;
    float max = 0f;
    for (int target = 0; target <= last; ) {
      int upTo = scorer.advanceShallow(target);
      if (upTo >= last) {
        // The postings' last block has no impacts of its own (its bound is the function's ceiling): read its scores.
        DocIdSetIterator docs = scorer.iterator();
        for (int doc = docs.advance(target); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
          max = Math.max(max, scorer.score());
        }
        break;
      }
      max = Math.max(max, scorer.getMaxScore(upTo));
      target = upTo + 1;
    }
    return max;
  }

  /**
   * The lowest score of the query that can still give a sum of at least {@code minScore} with a prior of at most
   * {@code priorMax}, rounded down. A score {@code s} below it has {@code s + priorMax < minScore - ulp(minScore)} in
   * exact arithmetic, and the float sum of {@code s} and any prior up to {@code priorMax} rounds to below {@code
   * minScore}: no hit that could reach {@code minScore} is skipped.
   */
  static float queryMinimum(float minScore, float priorMax) {
    double exact = (double) minScore - priorMax - Math.ulp(minScore);
    return exact <= 0 ? 0f : Math.nextDown((float) exact);
  }

  @Override
  public void visit(QueryVisitor visitor) {
    QueryVisitor sub = visitor.getSubVisitor(Occur.MUST, this);
    query.visit(sub);
    prior.visit(visitor.getSubVisitor(Occur.SHOULD, this));
  }

  @Override
  public String toString(String field) {
    return "+" + query.toString(field) + " " + prior.toString(field);
  }

  @Override
  public boolean equals(Object other) {
    return sameClassAs(other) && query.equals(((PriorSum) other).query) && prior.equals(((PriorSum) other).prior);
  }

  @Override
  public int hashCode() {
    return Objects.hash(classHash(), query, prior);
  }
}
