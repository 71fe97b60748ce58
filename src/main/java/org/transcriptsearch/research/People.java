package org.transcriptsearch.research;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.transcriptsearch.index.Schema;
import org.transcriptsearch.index.TranscriptIndex;
import org.transcriptsearch.research.Timelines.Interval;
import org.transcriptsearch.research.Timelines.Timeline;
import org.transcriptsearch.search.NotFoundException;
import org.transcriptsearch.search.Results;
import org.transcriptsearch.search.Results.FacetValue;
import org.transcriptsearch.search.Results.Hit;
import org.transcriptsearch.search.SearchRequest;
import org.transcriptsearch.search.SearchService;

/** One person's record across the index, from any written form of their name. Thread-safe. */
public final class People {
  /** Topics, programs, titles and affiliations listed, at most. */
  public static final int LISTED = 10;

  /** Most recent turns listed. */
  public static final int RECENT = 5;

  /**
   * A person's record.
   *
   * @param name the canonical display name (the most common full form)
   * @param forms every form of the name in use, with its utterance count
   * @param roles roles they spoke in, with utterance counts
   * @param titles printed titles, with utterance counts (only what was printed)
   * @param affiliations printed affiliations, with utterance counts
   * @param programs programs they spoke on, with utterance counts
   * @param firstDate the earliest air date of their turns, null when none is dated
   * @param lastDate the latest air date
   * @param utterances how many turns are theirs
   * @param topics the topics of their turns, the most frequent first
   * @param timeline their turns per year
   * @param recent their most recent turns (dated ones first), as search hits with citations
   * @param alsoMatched other people the typed name also fits, by display name, when it fitted several
   * @param shards present only when some shards of a SolrCloud collection did not answer: the record is of the turns
   *     the shards that did hold (see {@link Results.SearchResponse#shards()}); null (absent from the JSON) otherwise
   */
  public record Person(
      String name,
      Map<String, Integer> forms,
      List<FacetValue> roles,
      List<FacetValue> titles,
      List<FacetValue> affiliations,
      List<FacetValue> programs,
      LocalDate firstDate,
      LocalDate lastDate,
      long utterances,
      List<FacetValue> topics,
      Timeline timeline,
      List<Hit> recent,
      List<String> alsoMatched,
      @JsonInclude(JsonInclude.Include.NON_NULL) Results.Shards shards) {
    /** This record, read from the shards {@code answered} says (null: every shard). */
    public Person from(Results.Shards answered) {
      return new Person(name, forms, roles, titles, affiliations, programs, firstDate, lastDate, utterances, topics,
          timeline, recent, alsoMatched, answered);
    }
  }

  private final SearchService search;

  /** People of the index of {@code search}. */
  public People(SearchService search) {
    this.search = search;
  }

  /**
   * The record of the person {@code typed} names: any form of the name, any case, with or without accents; a part
   * of a name ("kelemen") when it fits one person, or the one with the most turns when it fits several.
   *
   * @throws NotFoundException when no speaker of the index has that name
   */
  public Person of(String typed) throws IOException {
    return search.withView(view -> person(view, typed == null ? "" : typed));
  }

  private Person person(TranscriptIndex.View view, String typed) throws IOException {
    List<String> keys =
        view.facets() == null || typed.isBlank()
            ? List.of()
            : search.speakerKeys(view, typed).stream().filter(k -> !k.isEmpty()).toList();
    IndexSearcher searcher = search.timed(view.searcher());
    List<Candidate> found = new ArrayList<>();
    for (String key : keys) {
      FacetsCollector hits = searcher.search(own(key), new FacetsCollectorManager());
      long count = hits.getMatchingDocs().stream().mapToLong(FacetsCollector.MatchingDocs::totalHits).sum();
      if (count > 0) {
        found.add(new Candidate(key, count, hits));
      }
    }
    if (found.isEmpty()) {
      throw new NotFoundException("no speaker named '" + typed + "'");
    }
    found.sort(Comparator.comparingLong(Candidate::count).reversed().thenComparing(Candidate::key));
    Candidate best = found.get(0);
    Map<String, String> names =
        search.displayNames(searcher, found.stream().map(Candidate::key).toList());
    Person person = record(view, searcher, best, names.get(best.key()));
    List<String> others = found.subList(1, found.size()).stream().map(c -> names.get(c.key())).toList();
    SearchService.checkTime(searcher);
    return withOthers(person, others);
  }

  private record Candidate(String key, long count, FacetsCollector hits) {}

  private DrillDownQuery own(String key) {
    DrillDownQuery query = new DrillDownQuery(search.schema().facetsConfig());
    query.add(Schema.FACET_SPEAKER, key);
    return query;
  }

  private Person record(TranscriptIndex.View view, IndexSearcher searcher, Candidate c, String name)
      throws IOException {
    var counts = new SortedSetDocValuesFacetCounts(view.facets(), c.hits());
    Map<Long, Long> days = Timelines.days(c.hits());
    Timeline timeline = Timelines.of(Interval.YEAR, days);
    List<Long> dated = days.keySet().stream().filter(d -> d != Long.MIN_VALUE).toList();
    Printed printed = printed(searcher, c.hits());
    return new Person(
        name,
        new TreeMap<>(search.nameForms(searcher, c.key())),
        SearchService.values(counts.getTopChildren(LISTED, Schema.FACET_ROLE)),
        printed.titles(),
        printed.affiliations(),
        SearchService.values(counts.getTopChildren(LISTED, Schema.FACET_PROGRAM)),
        dated.isEmpty() ? null : LocalDate.ofEpochDay(dated.get(0)),
        dated.isEmpty() ? null : LocalDate.ofEpochDay(dated.get(dated.size() - 1)),
        c.count(),
        SearchService.values(counts.getTopChildren(LISTED, Schema.FACET_TOPIC)),
        timeline,
        recent(searcher, c.key()),
        List.of(),
        null);
  }

  private List<Hit> recent(IndexSearcher searcher, String key) throws IOException {
    DrillDownQuery query = own(key);
    ScoreDoc[] docs =
        searcher.search(query, RECENT, SearchService.order(SearchRequest.SortOrder.DATE)).scoreDocs;
    return search.hits(searcher, query, docs, SearchRequest.of(""));
  }

  private record Printed(List<FacetValue> titles, List<FacetValue> affiliations) {}

  /** Titles and affiliations as printed with their turns: stored only, so read from each of their turns. */
  private static Printed printed(IndexSearcher searcher, FacetsCollector hits) throws IOException {
    Map<String, Long> titles = new HashMap<>();
    Map<String, Long> affiliations = new HashMap<>();
    Set<String> fields = Set.of(Schema.SPEAKER_TITLE, Schema.SPEAKER_AFFILIATION);
    for (FacetsCollector.MatchingDocs docs : hits.getMatchingDocs()) {
      StoredFields stored = docs.context().reader().storedFields();
      DocIdSetIterator it = docs.bits().iterator();
      for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
        Document d = stored.document(doc, fields);
        count(titles, d.get(Schema.SPEAKER_TITLE));
        count(affiliations, d.get(Schema.SPEAKER_AFFILIATION));
      }
    }
    return new Printed(top(titles), top(affiliations));
  }

  /**
   * The titles and affiliations printed with {@code turns} (their stored fields, read by any backend), each the
   * {@link #LISTED} most frequent first, ties by text.
   */
  public static List<List<FacetValue>> printed(List<Document> turns) {
    Map<String, Long> titles = new HashMap<>();
    Map<String, Long> affiliations = new HashMap<>();
    for (Document d : turns) {
      count(titles, d.get(Schema.SPEAKER_TITLE));
      count(affiliations, d.get(Schema.SPEAKER_AFFILIATION));
    }
    return List.of(top(titles), top(affiliations));
  }

  private static void count(Map<String, Long> counts, String value) {
    if (value != null && !value.isBlank()) {
      counts.merge(value, 1L, Long::sum);
    }
  }

  private static List<FacetValue> top(Map<String, Long> counts) {
    return counts.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(LISTED)
        .map(e -> new FacetValue(e.getKey(), e.getValue()))
        .toList();
  }

  /** {@code p} saying that the typed name also fitted {@code others}. */
  public static Person withOthers(Person p, List<String> others) {
    return new Person(p.name(), p.forms(), p.roles(), p.titles(), p.affiliations(), p.programs(), p.firstDate(),
        p.lastDate(), p.utterances(), p.topics(), p.timeline(), p.recent(), List.copyOf(others), p.shards());
  }
}
