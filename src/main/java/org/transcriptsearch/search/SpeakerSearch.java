package org.transcriptsearch.search;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.transcriptsearch.index.ReaderCache;
import org.transcriptsearch.index.Schema;
import org.transcriptsearch.index.TranscriptIndex;
import org.transcriptsearch.search.Results.FacetValue;
import org.transcriptsearch.search.Results.Hit;
import org.transcriptsearch.speakers.SpeakerNames;

/**
 * Questions about speakers: who said the most about a subject, and name completion. Thread-safe.
 */
public final class SpeakerSearch {
  /** Speakers listed by {@link #about}, at most. */
  public static final int MAX_SPEAKERS = 50;

  /** Quotes per speaker, at most. */
  public static final int MAX_QUOTES = 10;

  /** Hits whose scores break ties between speakers with as many matching utterances. */
  private static final int SCORED_HITS = 1_000;

  private final TranscriptIndex index;
  private final SearchService search;
  private final ReaderCache<List<FacetValue>> namesByReader;

  /** Speaker questions over {@code index}, with quotes found through {@code search}. */
  public SpeakerSearch(TranscriptIndex index, SearchService search) {
    this(index, search, new ReaderCache<>());
  }

  private SpeakerSearch(TranscriptIndex index, SearchService search, ReaderCache<List<FacetValue>> namesByReader) {
    this.index = index;
    this.search = search;
    this.namesByReader = namesByReader;
  }

  /** These speaker questions, with their caches, answered within {@code deadline} (one for a whole question). */
  public SpeakerSearch within(Deadline deadline) {
    return new SpeakerSearch(index, search.within(deadline), namesByReader);
  }

  /** A speaker who talked about the subject: how often, in what role, on which programs, and their best quotes. */
  public record SpeakerAbout(
      String name, String role, long count, float bestScore, List<FacetValue> programs, List<Hit> quotes) {}

  /** The answer to "who said the most about X". */
  public record SpeakersAbout(String query, List<SpeakerAbout> speakers) {}

  /**
   * Speakers ranked by how many of their utterances match {@code query} (ties by their best match's score), each
   * with {@code quotes} highlighted quotes.
   *
   * @throws BadRequestException for bad query syntax or out-of-range limits
   */
  public SpeakersAbout about(
      String query, List<String> programs, LocalDate from, LocalDate to, int limit, int quotes)
      throws IOException {
    if (query == null || query.isBlank()) {
      throw new BadRequestException("about needs a query");
    }
    if (limit < 1 || limit > MAX_SPEAKERS) {
      throw new BadRequestException("size must be between 1 and " + MAX_SPEAKERS + ", was " + limit);
    }
    if (quotes < 0 || quotes > MAX_QUOTES) {
      throw new BadRequestException("quotes must be between 0 and " + MAX_QUOTES + ", was " + quotes);
    }
    if (!search.hasDeadline()) { // the ranking and every speaker's quotes share one time limit
      return within(search.deadline()).about(query, programs, from, to, limit, quotes);
    }
    SearchRequest base =
        SearchRequest.builder().query(query).programs(programs).from(from).to(to).size(Math.max(1, quotes)).build();
    List<Ranked> ranked = index.withSearcher(view -> rank(view, base, limit));
    List<SpeakerAbout> speakers = new ArrayList<>(ranked.size());
    for (Ranked r : ranked) {
      search.deadline().check();
      SearchRequest own =
          SearchRequest.builder()
              .query(query)
              .speakers(List.of(r.key()))
              .programs(programs)
              .from(from)
              .to(to)
              .size(Math.max(1, quotes))
              .build();
      Results.SearchResponse response = search.search(own);
      String role = response.hits().isEmpty() ? null : response.hits().get(0).speaker().role();
      List<Hit> best = quotes == 0 ? List.of() : response.hits();
      speakers.add(
          new SpeakerAbout(r.name(), role, r.count(), r.bestScore(), response.facets().get(Schema.FACET_PROGRAM), best));
    }
    return new SpeakersAbout(query, speakers);
  }

  /** A speaker by key, display name (once known), matching utterances and best score. */
  private record Ranked(String key, String name, long count, float bestScore) {}

  private List<Ranked> rank(TranscriptIndex.View view, SearchRequest request, int limit) throws IOException {
    if (view.facets() == null) {
      return List.of();
    }
    IndexSearcher searcher = search.timed(view.searcher());
    Query query = search.parse(request.query());
    Query filtered =
        search.drillDown(SearchService.withDates(query, request), search.filters(view, request), null);
    FacetsCollectorManager.FacetsResult result =
        FacetsCollectorManager.search(searcher, filtered, SCORED_HITS, new FacetsCollectorManager());
    SearchService.checkTime(searcher);
    Map<String, Float> best = new HashMap<>();
    ScoreDoc[] scored = result.topDocs().scoreDocs;
    for (int i = 0; i < scored.length; i++) {
      ScoreDoc sd = scored[i];
      if (i % 64 == 63) {
        SearchService.checkTime(searcher);
      }
      String key = searcher.storedFields().document(sd.doc).get(Schema.SPEAKER_KEY);
      best.merge(key, sd.score, Math::max);
    }
    FacetResult counts =
        new SortedSetDocValuesFacetCounts(view.facets(), result.facetsCollector())
            .getTopChildren(limit * 2, Schema.FACET_SPEAKER);
    if (counts == null) {
      return List.of();
    }
    List<Ranked> ranked = new ArrayList<>();
    for (LabelAndValue lv : counts.labelValues) {
      ranked.add(new Ranked(lv.label, null, lv.value.longValue(), best.getOrDefault(lv.label, 0f)));
    }
    ranked.sort(
        Comparator.comparingLong(Ranked::count).reversed()
            .thenComparing(Comparator.comparingDouble(Ranked::bestScore).reversed())
            .thenComparing(Ranked::key));
    List<Ranked> top = ranked.subList(0, Math.min(limit, ranked.size()));
    Map<String, String> names = search.displayNames(searcher, top.stream().map(Ranked::key).toList());
    return top.stream().map(r -> new Ranked(r.key(), names.get(r.key()), r.count(), r.bestScore())).toList();
  }

  /**
   * Speaker names that have a word starting with {@code prefix} (case and accents ignored), the most frequent
   * first, with their utterance counts.
   */
  public List<FacetValue> complete(String prefix, int limit) throws IOException {
    if (limit < 1 || limit > MAX_SPEAKERS) {
      throw new BadRequestException("size must be between 1 and " + MAX_SPEAKERS + ", was " + limit);
    }
    String typed = SpeakerNames.key(prefix == null ? "" : prefix);
    return index.withSearcher(
        view -> {
          List<FacetValue> byKey =
              names(view).stream()
                  .filter(v -> typed.isEmpty() || v.value().startsWith(typed) || v.value().contains(" " + typed))
                  .limit(limit)
                  .toList();
          return search.named(view.searcher(), byKey);
        });
  }

  /**
   * A speaker across the index: display name, the forms of the name in use (with utterance counts), roles and
   * programs (with utterance counts) and how many utterances are theirs.
   */
  public record SpeakerEntry(
      String name,
      long utterances,
      Map<String, Integer> variants,
      List<FacetValue> roles,
      List<FacetValue> programs) {}

  /**
   * The canonical speakers whose name has a word starting with {@code prefix} (all when blank), the most frequent
   * first, with their variants, roles and programs.
   */
  public List<SpeakerEntry> list(String prefix, int limit) throws IOException {
    if (limit < 1) {
      throw new BadRequestException("limit must be 1 or more, was " + limit);
    }
    String typed = SpeakerNames.key(prefix == null ? "" : prefix);
    return index.withSearcher(
        view -> {
          List<SpeakerEntry> entries = new ArrayList<>();
          for (FacetValue v : names(view)) {
            if (entries.size() == limit) {
              break;
            }
            if (typed.isEmpty() || v.value().startsWith(typed) || v.value().contains(" " + typed)) {
              entries.add(entry(view, v));
            }
          }
          return entries;
        });
  }

  private SpeakerEntry entry(TranscriptIndex.View view, FacetValue byKey) throws IOException {
    DrillDownQuery own = new DrillDownQuery(index.schema().facetsConfig());
    own.add(Schema.FACET_SPEAKER, byKey.value());
    FacetsCollectorManager.FacetsResult result =
        FacetsCollectorManager.search(view.searcher(), own, 1, new FacetsCollectorManager());
    var counts = new SortedSetDocValuesFacetCounts(view.facets(), result.facetsCollector());
    Map<String, Integer> forms = new java.util.TreeMap<>(search.nameForms(view.searcher(), byKey.value()));
    return new SpeakerEntry(
        search.displayNames(view.searcher(), List.of(byKey.value())).get(byKey.value()),
        byKey.count(),
        forms,
        SearchService.values(counts.getTopChildren(10, Schema.FACET_ROLE)),
        SearchService.values(counts.getTopChildren(20, Schema.FACET_PROGRAM)));
  }

  /** Every speaker key with its utterance count, most frequent first: counted once per reader. */
  private List<FacetValue> names(TranscriptIndex.View view) throws IOException {
    if (view.facets() == null) {
      return List.of();
    }
    return namesByReader.get(view.facets().getReader(), reader -> countAll(view));
  }

  private static List<FacetValue> countAll(TranscriptIndex.View view) throws IOException {
    List<FacetValue> names =
        new ArrayList<>(
            SearchService.values(new SortedSetDocValuesFacetCounts(view.facets()).getAllChildren(Schema.FACET_SPEAKER)));
    names.sort(Comparator.comparingLong(FacetValue::count).reversed().thenComparing(FacetValue::value));
    return List.copyOf(names);
  }
}
