package org.transcriptsearch.solr;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.transcriptsearch.index.Schema;
import org.transcriptsearch.model.Role;
import org.transcriptsearch.search.Results.FacetValue;

/**
 * Who said the most, tallied from every hit of a search read best first (score, then id), as the embedded index's
 * one-pass tally counts them: per speaker, how many turns match, the best score, the roles, the programs and the
 * best quotes. Anonymous speakers are one person per transcript. Not thread-safe: one per request.
 */
final class SolrTally {
  /** One speaker's tally; {@code episode} is set for an anonymous speaker. */
  static final class Person {
    final String key;
    final String episode;
    long count;
    float best = Float.NEGATIVE_INFINITY;
    final Map<String, Long> roles = new HashMap<>();
    final Map<String, Long> programs = new HashMap<>();
    final List<String> quotes = new ArrayList<>();

    Person(String key, String episode) {
      this.key = key;
      this.episode = episode;
    }

    /** The role most of the matching turns have, ties by code. */
    String role() {
      return roles.entrySet().stream()
          .max(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
          .map(Map.Entry::getKey)
          .orElse(null);
    }

    /** The programs, the most turns first, ties by name. */
    List<FacetValue> programs() {
      return programs.entrySet().stream()
          .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
          .map(e -> new FacetValue(e.getKey(), e.getValue()))
          .toList();
    }
  }

  private final int quotes;
  private final Map<String, Person> people = new LinkedHashMap<>();

  /** A tally keeping {@code quotes} quotes per speaker. */
  SolrTally(int quotes) {
    this.quotes = quotes;
  }

  /** Counts one hit (hits come best first, so the first ones of a speaker are their best quotes). */
  void add(org.apache.lucene.document.Document hit, float score) {
    String key = hit.get(Schema.SPEAKER_KEY);
    if (key == null) {
      return;
    }
    String role = hit.get(Schema.ROLE);
    String episode = Role.UNIDENTIFIED.code().equals(role) ? hit.get(Schema.EPISODE_ID) : null;
    Person p = people.computeIfAbsent(episode == null ? key : key + '\u0000' + episode, g -> new Person(key, episode));
    p.count++;
    p.best = Math.max(p.best, score);
    if (role != null) {
      p.roles.merge(role, 1L, Long::sum);
    }
    String program = hit.get(Schema.PROGRAM);
    if (program != null) {
      p.programs.merge(program, 1L, Long::sum);
    }
    if (p.quotes.size() < quotes) {
      p.quotes.add(hit.get(Schema.ID));
    }
  }

  /** The {@code limit} people with the most matching turns, ties by best score, key and transcript. */
  List<Person> top(int limit) {
    return people.values().stream()
        .sorted(Comparator.comparingLong((Person p) -> p.count).reversed()
            .thenComparing(Comparator.comparingDouble((Person p) -> p.best).reversed())
            .thenComparing(p -> p.key)
            .thenComparing(p -> p.episode == null ? "" : p.episode))
        .limit(limit)
        .toList();
  }
}
