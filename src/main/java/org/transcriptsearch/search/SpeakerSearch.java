package org.transcriptsearch.search;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.transcriptsearch.index.Schema;
import org.transcriptsearch.index.TranscriptIndex;
import org.transcriptsearch.search.Results.FacetValue;
import org.transcriptsearch.search.Results.Hit;

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
  private final Map<SortedSetDocValuesReaderState, List<FacetValue>> namesByReader = new WeakHashMap<>();

  /** Speaker questions over {@code index}, with quotes found through {@code search}. */
  public SpeakerSearch(TranscriptIndex index, SearchService search) {
    this.index = index;
    this.search = search;
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
    SearchRequest base =
        SearchRequest.builder().query(query).programs(programs).from(from).to(to).size(Math.max(1, quotes)).build();
    List<Ranked> ranked = index.withSearcher(view -> rank(view, base, limit));
    List<SpeakerAbout> speakers = new ArrayList<>(ranked.size());
    for (Ranked r : ranked) {
      SearchRequest own =
          SearchRequest.builder()
              .query(query)
              .speakers(List.of(r.name()))
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

  private record Ranked(String name, long count, float bestScore) {}

  private List<Ranked> rank(TranscriptIndex.View view, SearchRequest request, int limit) throws IOException {
    if (view.facets() == null) {
      return List.of();
    }
    IndexSearcher searcher = view.searcher();
    Query query = TranscriptQueryParser.parse(index.schema().analyzer(), request.query());
    DrillDownQuery drillDown = new DrillDownQuery(index.schema().facetsConfig(), SearchService.withDates(query, request));
    SearchService.addFilters(view, drillDown, request);
    FacetsCollectorManager.FacetsResult result =
        FacetsCollectorManager.search(searcher, drillDown, SCORED_HITS, new FacetsCollectorManager());
    Map<String, Float> best = new HashMap<>();
    for (ScoreDoc sd : result.topDocs().scoreDocs) {
      String name = searcher.storedFields().document(sd.doc).get(Schema.SPEAKER);
      best.merge(name, sd.score, Math::max);
    }
    FacetResult counts =
        new SortedSetDocValuesFacetCounts(view.facets(), result.facetsCollector())
            .getTopChildren(limit * 2, Schema.FACET_SPEAKER);
    if (counts == null) {
      return List.of();
    }
    List<Ranked> ranked = new ArrayList<>();
    for (LabelAndValue lv : counts.labelValues) {
      ranked.add(new Ranked(lv.label, lv.value.longValue(), best.getOrDefault(lv.label, 0f)));
    }
    ranked.sort(
        Comparator.comparingLong(Ranked::count).reversed()
            .thenComparing(Comparator.comparingDouble(Ranked::bestScore).reversed())
            .thenComparing(Ranked::name));
    return ranked.subList(0, Math.min(limit, ranked.size()));
  }

  /**
   * Speaker names that have a word starting with {@code prefix} (case and accents ignored), the most frequent
   * first, with their utterance counts.
   */
  public List<FacetValue> complete(String prefix, int limit) throws IOException {
    if (limit < 1 || limit > MAX_SPEAKERS) {
      throw new BadRequestException("size must be between 1 and " + MAX_SPEAKERS + ", was " + limit);
    }
    String typed = FacetLabels.fold(prefix == null ? "" : prefix);
    return index.withSearcher(
        view ->
            names(view).stream()
                .filter(v -> typed.isEmpty() || FacetLabels.fold(v.value()).startsWith(typed)
                    || FacetLabels.words(v.value()).stream().anyMatch(w -> w.startsWith(typed)))
                .limit(limit)
                .toList());
  }

  /** Every speaker with their utterance count, most frequent first: counted once per reader. */
  private List<FacetValue> names(TranscriptIndex.View view) throws IOException {
    if (view.facets() == null) {
      return List.of();
    }
    synchronized (namesByReader) {
      List<FacetValue> cached = namesByReader.get(view.facets());
      if (cached != null) {
        return cached;
      }
    }
    FacetResult all = new SortedSetDocValuesFacetCounts(view.facets()).getAllChildren(Schema.FACET_SPEAKER);
    List<FacetValue> names = new ArrayList<>();
    if (all != null) {
      for (LabelAndValue lv : all.labelValues) {
        names.add(new FacetValue(lv.label, lv.value.longValue()));
      }
    }
    names.sort(Comparator.comparingLong(FacetValue::count).reversed().thenComparing(FacetValue::value));
    List<FacetValue> frozen = List.copyOf(names);
    synchronized (namesByReader) {
      namesByReader.put(view.facets(), frozen);
    }
    return frozen;
  }
}
