package org.transcriptsearch.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.transcriptsearch.index.Schema;
import org.transcriptsearch.model.Role;

/**
 * Who said the most, counted in one pass over every matching utterance: per speaker, how many turns match, the best
 * scores (the quotes to show), the roles and the programs. Anonymous speakers ("Unidentified Man") are one person
 * per transcript, never merged across the index. Internal to the search package.
 */
final class SpeakerTally {
  /** One speaker's count ({@link SpeakerCount}) with their best quotes. */
  static final class Person {
    final SpeakerCount count;
    /** The best quotes so far, the worst at the head. */
    final PriorityQueue<Quote> quotes = new PriorityQueue<>(BEST.reversed());

    Person(String key, String episode) {
      this.count = new SpeakerCount(key, episode);
    }

    /** The best quotes, best first. */
    List<ScoreDoc> bestQuotes() {
      return quotes.stream().sorted(BEST).map(Quote::doc).toList();
    }
  }

  /** A quote and its utterance id, which breaks ties of score as a search's ranking does. */
  record Quote(ScoreDoc doc, String id) {}

  /**
   * Best first: the higher score, then the smaller id, as a search ranks hits, so that the quotes do not depend on
   * the order of documents in the index (which a merge or another backend does not keep).
   */
  private static final Comparator<Quote> BEST =
      Comparator.comparingDouble((Quote q) -> q.doc().score).reversed().thenComparing(Quote::id);

  /** Collects the tallies of a search, keeping {@code quotes} best quotes per speaker. */
  static CollectorManager<Collector, Collection<Person>> manager(int quotes) {
    return new CollectorManager<>() {
      @Override
      public Collector newCollector() {
        return new Collector(quotes);
      }

      @Override
      public Collection<Person> reduce(Collection<Collector> collectors) {
        Map<String, Person> merged = new HashMap<>();
        for (Collector c : collectors) {
          c.people.forEach((group, p) -> merged.merge(group, p, (a, b) -> merge(a, b, quotes)));
        }
        return merged.values();
      }
    };
  }

  private static Person merge(Person a, Person b, int quotes) {
    a.count.addAll(b.count);
    b.quotes.forEach(d -> offer(a, d, quotes));
    return a;
  }

  private static void offer(Person p, Quote q, int quotes) {
    if (p.quotes.size() < quotes) {
      p.quotes.add(q);
    } else if (quotes > 0 && BEST.compare(q, p.quotes.peek()) < 0) {
      p.quotes.poll();
      p.quotes.add(q);
    }
  }

  /** Whether a hit scored {@code score} may be among {@code p}'s quotes (its id is read only then). */
  private static boolean mayQuote(Person p, float score, int quotes) {
    return quotes > 0 && (p.quotes.size() < quotes || p.quotes.peek().doc().score <= score);
  }

  /** One slice's tallies. */
  static final class Collector extends SimpleCollector {
    private final int quotes;
    private final Map<String, Person> people = new HashMap<>();
    private SortedDocValues forms;
    private SortedDocValues roles;
    private SortedDocValues programs;
    private SortedDocValues order;
    private SortedDocValues ids;
    private Scorable scorer;
    private int docBase;

    Collector(int quotes) {
      this.quotes = quotes;
    }

    @Override
    protected void doSetNextReader(LeafReaderContext context) throws IOException {
      forms = DocValues.getSorted(context.reader(), Schema.SPEAKER_FORM);
      roles = DocValues.getSorted(context.reader(), Schema.ROLE_VALUE);
      programs = DocValues.getSorted(context.reader(), Schema.PROGRAM_VALUE);
      order = DocValues.getSorted(context.reader(), Schema.SPOKEN_ORDER);
      ids = DocValues.getSorted(context.reader(), Schema.ID);
      docBase = context.docBase;
    }

    @Override
    public void setScorer(Scorable scorer) {
      this.scorer = scorer;
    }

    @Override
    public void collect(int doc) throws IOException {
      String key = value(forms, doc);
      if (key == null) {
        return;
      }
      key = key.substring(0, Math.max(0, key.indexOf(Schema.FORM_SEPARATOR)));
      String role = value(roles, doc);
      String episode = null;
      if (Role.UNIDENTIFIED.code().equals(role)) {
        String spoken = value(order, doc); // the transcript's id, read from the spoken-order key that starts with it
        episode = SpeakerCount.anonymousIn(role,
            spoken == null ? null : spoken.substring(0, Math.max(0, spoken.indexOf('\u0000'))));
      }
      String group = SpeakerCount.group(key, episode);
      Person p = people.get(group);
      if (p == null) {
        p = new Person(key, episode);
        people.put(group, p);
      }
      float score = scorer.score();
      p.count.add(role, value(programs, doc), score);
      if (mayQuote(p, score, quotes)) {
        offer(p, new Quote(new ScoreDoc(docBase + doc, score), value(ids, doc)), quotes);
      }
    }

    private static String value(SortedDocValues values, int doc) throws IOException {
      return values.advanceExact(doc) ? values.lookupOrd(values.ordValue()).utf8ToString() : null;
    }

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE;
    }
  }

  private SpeakerTally() {}
}
