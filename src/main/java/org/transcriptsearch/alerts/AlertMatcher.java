package org.transcriptsearch.alerts;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;
import org.transcriptsearch.index.Schema;
import org.transcriptsearch.index.TranscriptIndex;
import org.transcriptsearch.model.Transcript;
import org.transcriptsearch.search.BadRequestException;
import org.transcriptsearch.search.Results.Hit;
import org.transcriptsearch.search.Results.SearchResponse;
import org.transcriptsearch.search.SearchRequest;
import org.transcriptsearch.search.SearchService;

/**
 * Matches a batch of new transcripts against every alert without searching the whole index: the batch is indexed
 * alone in memory (the same documents, analyzers and facets as on disk), its terms select the alerts that can
 * match (see {@link AlertTerms}), and only those run, each with the search's own code ({@link
 * SearchService#search}) over that small index. The cost grows with the batch and with the alerts whose terms
 * it holds, not with the index. Not thread-safe: one matcher per matching thread.
 */
final class AlertMatcher {
  /** An alert ready to match: the terms one of which a match needs, or why its query cannot run. */
  record Compiled(Alert alert, AlertTerms terms, String problem) {
    /** An alert that matches nothing, for why. */
    static Compiled broken(Alert alert, String problem) {
      return new Compiled(alert, null, problem);
    }
  }

  /** A transcript as it was indexed. */
  record Indexed(Transcript transcript, List<List<String>> turnTopics) {}

  /** What a batch matched: entries per alert id, and the alerts that failed with why. */
  record Matches(Map<String, List<FeedEntry>> entries, Map<String, String> problems) {}

  private final Schema schema;
  private final Map<String, Compiled> alerts = new LinkedHashMap<>();
  /** field -> term -> ids of the alerts that term selects. */
  private final Map<String, Map<BytesRef, List<String>>> byTerm = new HashMap<>();
  private final Set<String> always = new LinkedHashSet<>();

  AlertMatcher(Schema schema) {
    this.schema = schema;
  }

  /** Adds or replaces an alert. */
  void add(Compiled compiled) {
    remove(compiled.alert().id());
    alerts.put(compiled.alert().id(), compiled);
    if (compiled.problem() != null) {
      return;
    }
    if (compiled.terms().any()) {
      always.add(compiled.alert().id());
      return;
    }
    for (Term term : compiled.terms().terms()) {
      byTerm.computeIfAbsent(term.field(), f -> new HashMap<>())
          .computeIfAbsent(term.bytes(), b -> new ArrayList<>())
          .add(compiled.alert().id());
    }
  }

  void remove(String id) {
    Compiled old = alerts.remove(id);
    if (old == null) {
      return;
    }
    always.remove(id);
    for (Term term : old.terms() == null ? Set.<Term>of() : old.terms().terms()) {
      List<String> ids = byTerm.getOrDefault(term.field(), Map.of()).get(term.bytes());
      if (ids != null) {
        ids.remove(id);
      }
    }
  }

  int size() {
    return alerts.size();
  }

  /** A copy to match with while this one takes new and deleted alerts. */
  AlertMatcher copy() {
    AlertMatcher copy = new AlertMatcher(schema);
    alerts.values().forEach(copy::add);
    return copy;
  }

  /** Matches {@code batch} against every alert. */
  Matches match(List<Indexed> batch, Instant now) throws IOException {
    Map<String, List<FeedEntry>> entries = new LinkedHashMap<>();
    Map<String, String> problems = new LinkedHashMap<>();
    try (TranscriptIndex memory = TranscriptIndex.inMemory(schema)) {
      for (Indexed indexed : batch) {
        memory.put(indexed.transcript(), indexed.turnTopics());
      }
      memory.refresh();
      SearchService search = new SearchService(memory);
      // Many alerts search for the same thing (a newsroom's beats overlap): each search runs once a batch.
      Map<Alert.Search, List<FeedEntry>> done = new HashMap<>();
      for (String id : candidates(memory)) {
        Compiled compiled = alerts.get(id);
        Alert alert = compiled.alert();
        try {
          List<FeedEntry> matched = done.get(alert.searchKey());
          if (matched == null) {
            // The full search (facets, highlights) costs 25 times this count.
            matched = search.finds(alert.search(1, null)) ? run(search, alert, now) : List.of();
            done.put(alert.searchKey(), matched);
          }
          if (!matched.isEmpty()) {
            entries.put(id, matched);
          }
        } catch (BadRequestException e) {
          problems.put(id, e.getMessage());
        }
      }
    }
    return new Matches(entries, problems);
  }

  /** The alerts whose terms the batch holds, and those that need none. */
  Collection<String> candidates(TranscriptIndex memory) throws IOException {
    Set<String> ids = new LinkedHashSet<>(always);
    memory.withSearcher(
        view -> {
          for (LeafReaderContext leaf : view.searcher().getIndexReader().leaves()) {
            collect(leaf.reader(), ids);
          }
          return null;
        });
    return ids;
  }

  private void collect(LeafReader reader, Set<String> ids) throws IOException {
    for (Map.Entry<String, Map<BytesRef, List<String>>> field : byTerm.entrySet()) {
      Terms terms = reader.terms(field.getKey());
      if (terms == null) {
        continue;
      }
      Map<BytesRef, List<String>> wanted = field.getValue();
      if (wanted.size() < terms.size() || terms.size() < 0) {
        TermsEnum seek = terms.iterator();
        wanted.forEach((term, alertIds) -> seekAdd(seek, term, alertIds, ids));
      } else {
        TermsEnum all = terms.iterator();
        for (BytesRef term = all.next(); term != null; term = all.next()) {
          ids.addAll(wanted.getOrDefault(term, List.of()));
        }
      }
    }
  }

  private static void seekAdd(TermsEnum terms, BytesRef term, List<String> alertIds, Set<String> ids) {
    try {
      if (!alertIds.isEmpty() && terms.seekExact(term)) {
        ids.addAll(alertIds);
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Every utterance of the batch that {@code alert} finds, paged through with the search's cursor. */
  private static List<FeedEntry> run(SearchService search, Alert alert, Instant now) throws IOException {
    List<FeedEntry> matched = new ArrayList<>();
    String cursor = null;
    do {
      SearchResponse page = search.search(alert.search(SearchRequest.MAX_SIZE, cursor));
      if (page.partial()) {
        break; // hits of most of the words, offered when none has them all: not what the alert asks for
      }
      page.hits().forEach(hit -> matched.add(entry(hit, now)));
      cursor = page.nextCursor();
    } while (cursor != null && matched.size() < Feed.SIZE);
    return matched;
  }

  private static FeedEntry entry(Hit hit, Instant now) {
    String quote = hit.highlights().isEmpty() ? escape(hit.text()) : hit.highlights().get(0).html();
    return new FeedEntry(
        hit.id(),
        hit.episode().id(),
        hit.turn(),
        hit.episode().title(),
        hit.episode().program(),
        hit.episode().date(),
        hit.episode().url(),
        hit.speaker().name(),
        hit.speaker().role(),
        quote,
        now);
  }

  /** A quote with no match marked (a filter-only alert) is still HTML-safe. */
  private static String escape(String text) {
    String cut = text.length() > 300 ? text.substring(0, 300) + "..." : text;
    return cut.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
