package org.transcriptsearch.solr;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.transcriptsearch.index.Schema;
import org.transcriptsearch.search.SpeakerCount;

/**
 * Who said the most, tallied from every hit of a search read best first (score, then id): each speaker's
 * {@link SpeakerCount}, as the embedded index's one-pass tally counts them, with their first (so best) quotes. Not
 * thread-safe: one per request.
 */
final class SolrTally {
  /** One speaker's count with the ids of their best quotes, best first. */
  record Person(SpeakerCount count, List<String> quotes) {}

  private final int quotes;
  private final Map<String, Person> people = new LinkedHashMap<>();

  /** A tally keeping {@code quotes} quotes per speaker. */
  SolrTally(int quotes) {
    this.quotes = quotes;
  }

  /** Counts one hit (hits come best first, so the first ones of a speaker are their best quotes). */
  void add(Document hit, float score) {
    String key = hit.get(Schema.SPEAKER_KEY);
    if (key == null) {
      return;
    }
    String role = hit.get(Schema.ROLE);
    String episode = SpeakerCount.anonymousIn(role, hit.get(Schema.EPISODE_ID));
    Person p = people.computeIfAbsent(SpeakerCount.group(key, episode),
        g -> new Person(new SpeakerCount(key, episode), new ArrayList<>()));
    p.count().add(role, hit.get(Schema.PROGRAM), score);
    if (p.quotes().size() < quotes) {
      p.quotes().add(hit.get(Schema.ID));
    }
  }

  /** The {@code limit} people who said the most, in {@link SpeakerCount#MOST}'s order. */
  List<Person> top(int limit) {
    return people.values().stream()
        .sorted(Comparator.comparing(Person::count, SpeakerCount.MOST))
        .limit(limit)
        .toList();
  }
}
