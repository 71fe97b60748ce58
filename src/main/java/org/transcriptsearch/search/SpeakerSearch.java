package org.transcriptsearch.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Collection;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.TermQuery;
import org.transcriptsearch.model.Role;
import org.apache.lucene.facet.FacetsCollectorManager;
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

  /**
   * A speaker who talked about the subject: how often, in what role, on which programs, and their best quotes.
   *
   * @param episode for an anonymous speaker ("Unidentified Man"), the one transcript they speak in; else null
   */
  public record SpeakerAbout(
      String name,
      String role,
      long count,
      float bestScore,
      List<FacetValue> programs,
      List<Hit> quotes,
      String episode) {
    /** A named speaker. */
    public SpeakerAbout(
        String name, String role, long count, float bestScore, List<FacetValue> programs, List<Hit> quotes) {
      this(name, role, count, bestScore, programs, quotes, null);
    }
  }

  /**
   * The answer to "who said the most about X".
   *
   * @param shards present only when some shards of a SolrCloud collection did not answer: the counts are those of
   *     the shards that did (see {@link Results.SearchResponse#shards()})
   */
  public record SpeakersAbout(
      String query,
      List<SpeakerAbout> speakers,
      @JsonInclude(JsonInclude.Include.NON_NULL) Results.Shards shards) {
    /** An answer from every shard (or from the embedded index). */
    public SpeakersAbout(String query, List<SpeakerAbout> speakers) {
      this(query, speakers, null);
    }
  }

  /**
   * Who talks about a subject, and what to leave out.
   *
   * @param limit speakers to list, 1 to {@link #MAX_SPEAKERS}
   * @param quotes quotes per speaker, 0 to {@link #MAX_QUOTES}
   * @param hosts whether hosts are listed (on a large corpus they say the most about everything)
   * @param unidentified whether unidentified speakers are listed (each one per transcript)
   */
  public record AboutOptions(int limit, int quotes, boolean hosts, boolean unidentified) {
    /** Everyone. */
    public static AboutOptions everyone(int limit, int quotes) {
      return new AboutOptions(limit, quotes, true, true);
    }
  }

  /**
   * Speakers ranked by how many of their utterances match {@code query} (ties by their best match's score), each
   * with {@code quotes} highlighted quotes.
   *
   * @throws BadRequestException for bad query syntax or out-of-range limits
   */
  public SpeakersAbout about(
      String query, List<String> programs, LocalDate from, LocalDate to, int limit, int quotes)
      throws IOException {
    return about(
        SearchRequest.builder().query(query).programs(programs).from(from).to(to).build(),
        AboutOptions.everyone(limit, quotes));
  }

  /**
   * Speakers ranked by how many of their utterances match the search {@code request} (its query and every filter:
   * speakers, programs, topics, roles, dates), ties by their best match's score, each with their best quotes. Counts
   * and quotes come from one pass over one index snapshot.
   *
   * @throws BadRequestException for bad query syntax, a blank query or out-of-range limits
   */
  public SpeakersAbout about(SearchRequest request, AboutOptions options) throws IOException {
    check(request, options);
    if (!search.hasDeadline()) { // the ranking and the quotes share one time limit
      return within(search.deadline()).about(request, options);
    }
    // "Who said the most about Lavrov" counts who mentions him: a name is a word here, not a speaker to read in.
    SearchRequest literal = request.withLiteral();
    return new SpeakersAbout(request.query(), index.withSearcher(view -> ranked(view, literal, options)));
  }

  /**
   * Refuses what every backend's "who said the most" refuses: a blank query, out-of-range limits.
   *
   * @throws BadRequestException saying which
   */
  public static void check(SearchRequest request, AboutOptions options) {
    if (request.query().isBlank()) {
      throw new BadRequestException("about needs a query");
    }
    if (options.limit() < 1 || options.limit() > MAX_SPEAKERS) {
      throw new BadRequestException("size must be between 1 and " + MAX_SPEAKERS + ", was " + options.limit());
    }
    if (options.quotes() < 0 || options.quotes() > MAX_QUOTES) {
      throw new BadRequestException("quotes must be between 0 and " + MAX_QUOTES + ", was " + options.quotes());
    }
  }

  private List<SpeakerAbout> ranked(TranscriptIndex.View view, SearchRequest request, AboutOptions options)
      throws IOException {
    if (view.facets() == null) {
      return List.of();
    }
    IndexSearcher searcher = search.timed(view.searcher());
    Query query = withoutRoles(search.query(view, request), options);
    Collection<SpeakerTally.Person> people = searcher.search(query, SpeakerTally.manager(options.quotes()));
    SearchService.checkTime(searcher);
    List<SpeakerTally.Person> top = people.stream()
        .sorted(Comparator.comparing((SpeakerTally.Person p) -> p.count, SpeakerCount.MOST))
        .limit(options.limit())
        .toList();
    Map<String, String> names =
        search.displayNames(searcher, top.stream().map(p -> p.count.key()).distinct().toList());
    List<ScoreDoc> quoted = new ArrayList<>();
    top.forEach(p -> quoted.addAll(p.bestQuotes()));
    Query marks =
        search.planner().highlight(search.reading(view, request).query(), request.topics(), searcher.getIndexReader());
    List<Hit> hits = search.hits(searcher, marks, quoted.toArray(ScoreDoc[]::new), request);
    List<SpeakerAbout> out = new ArrayList<>(top.size());
    int next = 0;
    for (SpeakerTally.Person p : top) {
      int n = p.quotes.size();
      List<Hit> own = hits.subList(next, next + n);
      next += n;
      out.add(p.count.about(names.get(p.count.key()), own));
    }
    return out;
  }

  private static Query withoutRoles(Query query, AboutOptions options) {
    if (options.hosts() && options.unidentified()) {
      return query;
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder().add(query, BooleanClause.Occur.MUST);
    if (!options.hosts()) {
      b.add(new TermQuery(new Term(Schema.ROLE, Role.HOST.code())), BooleanClause.Occur.MUST_NOT);
    }
    if (!options.unidentified()) {
      b.add(new TermQuery(new Term(Schema.ROLE, Role.UNIDENTIFIED.code())), BooleanClause.Occur.MUST_NOT);
    }
    return b.build();
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
