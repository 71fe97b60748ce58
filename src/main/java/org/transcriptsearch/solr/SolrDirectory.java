package org.transcriptsearch.solr;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.solr.client.solrj.request.json.JsonQueryRequest;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.transcriptsearch.index.Schema;
import org.transcriptsearch.model.Role;
import org.transcriptsearch.query.KnownSpeakers;
import org.transcriptsearch.search.Results.FacetValue;
import org.transcriptsearch.search.StoredAnswers;
import org.transcriptsearch.speakers.SpeakerAliases;
import org.transcriptsearch.speakers.SpeakerNames;

/**
 * What a search must know of the whole collection, as the embedded index knows it from its facet values: every
 * value of each facet dimension (to resolve a typed filter), each speaker's display name (the most common form of
 * the name), and the speakers a question may name. Read from Solr and kept for {@link #KEEP_MILLIS}, as the embedded
 * index keeps them per snapshot: a write is seen within that time. Thread-safe.
 */
final class SolrDirectory {
  /** How long the collection's values are kept before they are read again. */
  static final long KEEP_MILLIS = 1_000;

  /** What was read at one time. */
  private record Snapshot(long readAt, Map<String, List<String>> labels, Map<String, String> names) {}

  private final SpeakerAliases aliases;
  private final AtomicReference<Snapshot> current = new AtomicReference<>();

  SolrDirectory(SpeakerAliases aliases) {
    this.aliases = aliases;
  }

  /** Every value of facet dimension {@code dim} in the collection, in value order. */
  List<String> labels(SolrCalls calls, String dim) throws IOException {
    return snapshot(calls).labels().getOrDefault(dim, List.of());
  }

  /** The display name of each of {@code keys}. */
  Map<String, String> displayNames(SolrCalls calls, Collection<String> keys) throws IOException {
    Map<String, String> known = snapshot(calls).names();
    List<String> missing = keys.stream().filter(k -> k != null && !known.containsKey(k)).distinct().toList();
    if (!missing.isEmpty()) {
      JsonQueryRequest request = SolrCalls.query(SolrQueries.ALL).setLimit(0);
      for (int i = 0; i < missing.size(); i++) {
        Map<String, Object> forms = SolrCalls.terms(Schema.SPEAKER_FORM, -1, "index asc");
        forms.put("prefix", missing.get(i) + Schema.FORM_SEPARATOR);
        request.withFacet("k" + i, forms);
      }
      QueryResponse response = calls.run(request);
      for (int i = 0; i < missing.size(); i++) {
        String prefix = missing.get(i) + Schema.FORM_SEPARATOR;
        Map<String, Integer> counts = new HashMap<>();
        for (FacetValue form : SolrCalls.buckets(response, "k" + i)) {
          counts.merge(form.value().substring(prefix.length()), (int) form.count(), Integer::sum);
        }
        known.put(missing.get(i), StoredAnswers.displayName(counts, missing.get(i)));
      }
    }
    Map<String, String> names = new HashMap<>();
    keys.forEach(k -> names.put(k, known.getOrDefault(k, k)));
    return names;
  }

  /** The speakers of the collection as a question may name them (see the embedded {@code IndexSpeakers}). */
  KnownSpeakers speakers(SolrCalls calls) {
    return words -> {
      try {
        return named(calls, words);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    };
  }

  private List<KnownSpeakers.Speaker> named(SolrCalls calls, List<String> words) throws IOException {
    if (words.isEmpty()) {
      return List.of();
    }
    Map<String, List<String>> index = SpeakerNames.byEnding(labels(calls, Schema.FACET_SPEAKER));
    String typed = String.join(" ", words);
    List<String> keys = index.getOrDefault(aliases.canonicalKey(typed), index.getOrDefault(typed, List.of()));
    List<KnownSpeakers.Speaker> out = new ArrayList<>();
    for (String key : keys) {
      JsonQueryRequest request = SolrCalls.query("{!term f=" + Schema.SPEAKER_KEY + "}" + key).setLimit(0);
      request.withFacet("role", SolrCalls.terms(SolrConfigset.facetField(Schema.FACET_ROLE), -1, "index asc"));
      QueryResponse response = calls.run(request);
      long all = response.getResults().getNumFound();
      Map<String, Long> byRole = new HashMap<>();
      SolrCalls.buckets(response, "role").forEach(v -> byRole.put(v.value(), v.count()));
      long unidentified = byRole.getOrDefault(Role.UNIDENTIFIED.code(), 0L);
      if (all > 0 && unidentified * 2 <= all) {
        boolean host = byRole.getOrDefault(Role.HOST.code(), 0L) * 2 > all;
        out.add(new KnownSpeakers.Speaker(key, displayNames(calls, List.of(key)).get(key), host));
      }
    }
    return out;
  }


  private Snapshot snapshot(SolrCalls calls) throws IOException {
    Snapshot now = current.get();
    if (now != null && System.currentTimeMillis() - now.readAt() < KEEP_MILLIS) {
      return now;
    }
    JsonQueryRequest request = SolrCalls.query(SolrQueries.ALL).setLimit(0);
    for (String dim : Schema.FACET_DIMENSIONS) {
      request.withFacet(dim, SolrCalls.terms(SolrConfigset.facetField(dim), -1, "index asc"));
    }
    QueryResponse response = calls.run(request);
    Map<String, List<String>> labels = new LinkedHashMap<>();
    for (String dim : Schema.FACET_DIMENSIONS) {
      labels.put(dim, SolrCalls.buckets(response, dim).stream().map(FacetValue::value).toList());
    }
    Snapshot read = new Snapshot(System.currentTimeMillis(), labels, new ConcurrentHashMap<>());
    current.set(read);
    return read;
  }
}
