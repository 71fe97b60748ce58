package org.transcriptsearch.research;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.IOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.transcriptsearch.index.Schema;
import org.transcriptsearch.index.TranscriptIndex;
import org.transcriptsearch.search.BadRequestException;
import org.transcriptsearch.search.Results;
import org.transcriptsearch.search.SearchRequest;
import org.transcriptsearch.search.SearchService;

/**
 * A search counted by air date: the same query and filters as {@link SearchService#search}, so the buckets and the
 * undated count add up to the search's total. Thread-safe.
 */
public final class Timelines {
  /** The width of a bucket. */
  public enum Interval {
    YEAR,
    MONTH,
    /** ISO weeks, starting on Monday. */
    WEEK;

    /** The interval named {@code typed} (year, month or week, any case); year when null. */
    public static Interval of(String typed) {
      if (typed == null || typed.isBlank()) {
        return YEAR;
      }
      try {
        return valueOf(typed.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new BadRequestException("interval must be year, month or week, was '" + typed + "'");
      }
    }

    /** The first day of the bucket holding {@code day}. */
    LocalDate start(LocalDate day) {
      return switch (this) {
        case YEAR -> day.withDayOfYear(1);
        case MONTH -> day.withDayOfMonth(1);
        case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      };
    }

    LocalDate next(LocalDate start) {
      return switch (this) {
        case YEAR -> start.plusYears(1);
        case MONTH -> start.plusMonths(1);
        case WEEK -> start.plusWeeks(1);
      };
    }

    /** The interval as the API writes it. */
    @com.fasterxml.jackson.annotation.JsonValue
    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** One bucket: the utterances aired from {@code start} to the day before the next bucket's start. */
  public record Bucket(LocalDate start, long count) {}

  /**
   * A timeline: every bucket from the first dated hit's to the last's, empty ones included, so it can be drawn as
   * is; {@code undated} counts hits whose transcript has no air date. Buckets plus undated make {@code total}.
   *
   * @param shards present only when some shards of a SolrCloud collection did not answer: the counts are those of
   *     the shards that did (see {@link Results.SearchResponse#shards()}); null (absent from the JSON) otherwise
   */
  public record Timeline(
      Interval interval,
      List<Bucket> buckets,
      long undated,
      long total,
      @JsonInclude(JsonInclude.Include.NON_NULL) Results.Shards shards) {
    /** A timeline of every shard (or of the embedded index). */
    public Timeline(Interval interval, List<Bucket> buckets, long undated, long total) {
      this(interval, buckets, undated, total, null);
    }

    /** This timeline, counted by the shards {@code answered} says (null: every shard). */
    public Timeline from(Results.Shards answered) {
      return new Timeline(interval, buckets, undated, total, answered);
    }
  }

  private final SearchService search;

  /** Timelines of the searches of {@code search}. */
  public Timelines(SearchService search) {
    this.search = search;
  }

  /**
   * The hits of {@code request} (its query, filters and dates; sort and paging ignored) counted per {@code
   * interval}.
   *
   * @throws BadRequestException for bad query syntax or filters
   */
  public Timeline of(SearchRequest request, Interval interval) throws IOException {
    return search.withView(view -> count(view, request, interval));
  }

  private Timeline count(TranscriptIndex.View view, SearchRequest request, Interval interval) throws IOException {
    Query query = search.query(view, request);
    if (view.facets() == null) {
      return new Timeline(interval, List.of(), 0, 0);
    }
    IndexSearcher searcher = search.timed(view.searcher());
    FacetsCollector hits = searcher.search(query, new FacetsCollectorManager());
    SearchService.checkTime(searcher);
    return of(interval, days(hits));
  }

  /** Air days (epoch days) of the hits, with the undated under {@code Long.MIN_VALUE}. */
  static Map<Long, Long> days(FacetsCollector hits) throws IOException {
    Map<Long, Long> days = new TreeMap<>();
    for (FacetsCollector.MatchingDocs docs : hits.getMatchingDocs()) {
      NumericDocValues dates = DocValues.getNumeric(docs.context().reader(), Schema.DATE);
      DocIdSetIterator it = docs.bits() == null ? null : docs.bits().iterator();
      if (it == null) {
        continue;
      }
      for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
        long day = dates.advanceExact(doc) ? dates.longValue() : Long.MIN_VALUE;
        days.merge(day, 1L, Long::sum);
      }
    }
    return days;
  }

  /**
   * The timeline of hits on {@code days} (epoch day -> hits; {@code Long.MIN_VALUE} for undated), however a backend
   * counted them.
   */
  public static Timeline of(Interval interval, Map<Long, Long> days) {
    long undated = days.getOrDefault(Long.MIN_VALUE, 0L);
    TreeMap<LocalDate, Long> counts = new TreeMap<>();
    long total = undated;
    for (Map.Entry<Long, Long> e : days.entrySet()) {
      if (e.getKey() != Long.MIN_VALUE) {
        counts.merge(interval.start(LocalDate.ofEpochDay(e.getKey())), e.getValue(), Long::sum);
        total += e.getValue();
      }
    }
    List<Bucket> buckets = new ArrayList<>();
    if (!counts.isEmpty()) {
      for (LocalDate start = counts.firstKey(); !start.isAfter(counts.lastKey()); start = interval.next(start)) {
        buckets.add(new Bucket(start, counts.getOrDefault(start, 0L)));
      }
    }
    return new Timeline(interval, buckets, undated, total);
  }
}
