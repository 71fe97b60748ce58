package org.transcriptsearch.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.RandomSamplingFacetsCollector;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollector;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.transcriptsearch.dedup.StoredTranscripts;
import org.transcriptsearch.index.Schema;
import org.transcriptsearch.index.TranscriptIndex;
import org.transcriptsearch.model.Role;
import org.transcriptsearch.model.Source;
import org.transcriptsearch.query.Describe;
import org.transcriptsearch.query.ProgramAliases;
import org.transcriptsearch.query.QueryNode;
import org.transcriptsearch.query.Reading;
import org.transcriptsearch.query.RoleNames;
import org.transcriptsearch.search.Results.QueryRead;
import org.transcriptsearch.topics.TopicTaxonomy;
import org.transcriptsearch.search.Results.Episode;
import org.transcriptsearch.search.Results.FacetValue;
import org.transcriptsearch.search.Results.Health;
import org.transcriptsearch.search.Results.Highlight;
import org.transcriptsearch.search.Results.HighlightedUtterance;
import org.transcriptsearch.search.Results.Hit;
import org.transcriptsearch.search.Results.SearchResponse;
import org.transcriptsearch.search.Results.TurnHighlight;
import org.transcriptsearch.search.Results.Utterance;
import org.transcriptsearch.search.Results.UtteranceInContext;

/**
 * Answers the questions of the API and the command line over one {@link TranscriptIndex}: ranked, filtered,
 * faceted, highlighted utterance search; one utterance with its context; whole episodes. Thread-safe.
 */
public final class SearchService {
  /** How many values each facet dimension lists. */
  static final int FACET_SIZE = 20;

  /**
   * How many hits a later page's top-hits pass counts before it skips the hits that cannot make the page (its own
   * total is then a lower bound; the answer's total comes from the facets' pass, exact).
   */
  static final int TOTAL_HITS_THRESHOLD = 1000;

  /** The most turns of context asked for on each side. */
  public static final int MAX_CONTEXT = 10;

  private final TranscriptIndex index;
  private final SearchLimits limits;
  private final FacetLabels labels;
  private final SpeakerDirectory speakers;
  private final Deadline deadline; // null: each call gets its own, of limits.timeout()
  private final QueryPlanner planner;
  private final IndexSpeakers speakerNames;
  private final ZeroResults zeroResults;
  private final int facetSample; // the most hits a facet dimension is counted over exactly
  private final ResultsCache results;

  /** A service over {@code index} with the default limits. */
  public SearchService(TranscriptIndex index) {
    this(index, SearchLimits.DEFAULT);
  }

  /** A service over {@code index}; it borrows searchers per call and never closes the index. */
  public SearchService(TranscriptIndex index, SearchLimits limits) {
    this(index, limits, new FacetLabels(), new SpeakerDirectory(), null, null, null, FacetSample.SAMPLE_SIZE,
        new ResultsCache());
  }

  private SearchService(
      TranscriptIndex index,
      SearchLimits limits,
      FacetLabels labels,
      SpeakerDirectory speakers,
      Deadline deadline,
      QueryPlanner planner,
      IndexSpeakers speakerNames,
      int facetSample,
      ResultsCache results) {
    this.index = index;
    this.facetSample = facetSample;
    this.results = results;
    this.limits = limits;
    this.labels = labels;
    this.speakers = speakers;
    this.deadline = deadline;
    this.planner = planner != null ? planner : new QueryPlanner(index.schema(), limits, TopicTaxonomy.bundled());
    this.speakerNames =
        speakerNames != null ? speakerNames : new IndexSpeakers(labels, speakers, index.schema().aliases());
    this.zeroResults = new ZeroResults(this);
  }

  /**
   * This service, with its caches, answering every call within {@code requestDeadline}: a request that makes several
   * calls (or a caller that set its own limit) gives them all one deadline.
   */
  public SearchService within(Deadline requestDeadline) {
    return new SearchService(
        index, limits, labels, speakers, requestDeadline, planner, speakerNames, facetSample, results);
  }

  /** This service, counting facets exactly over at most {@code hits} hits and over a sample beyond: for tests. */
  SearchService withFacetSample(int hits) {
    return new SearchService(index, limits, labels, speakers, deadline, planner, speakerNames, hits, results);
  }

  /**
   * This service with a results cache of its own of at most {@code entries} answers per index snapshot; 0 turns the
   * cache off (every search is worked out: for measuring search itself). The default keeps 256.
   *
   * @throws IllegalArgumentException when {@code entries} is negative
   */
  public SearchService withResultsCache(int entries) {
    if (entries < 0) {
      throw new IllegalArgumentException("a results cache keeps 0 answers or more, not " + entries);
    }
    return new SearchService(
        index, limits, labels, speakers, deadline, planner, speakerNames, facetSample, new ResultsCache(entries));
  }

  /** How many answers the results cache keeps per snapshot, and its hits and misses so far. */
  public Results.CacheStats resultsCache() {
    return results.stats();
  }

  /** The limits this service was made with. */
  public SearchLimits limits() {
    return limits;
  }

  /** Whether this service is bound to one deadline ({@link #within}). */
  boolean hasDeadline() {
    return deadline != null;
  }

  /** The deadline of a call starting now: the one this service is bound to, else a new one of the time limit. */
  Deadline deadline() {
    return deadline != null ? deadline : Deadline.after(limits.timeout());
  }

  /**
   * The Lucene query of a query string read plainly (variants, no speaker read into it), without filters.
   *
   * @throws BadRequestException saying where and why when the text cannot be read
   */
  Query parse(String query) {
    return planner.lucene(planner.plain(query).query());
  }

  /**
   * The Lucene query that selects the hits of {@code request} in {@code view}: the query as read (a speaker a
   * question names, variants), ranked as a search ranks it, with its dates and every filter. Every view that counts
   * or lists a search's hits (timeline, export, person, who said the most) starts here, so they and the search agree.
   *
   * @throws BadRequestException for bad query syntax, an unknown field or role
   */
  public Query query(TranscriptIndex.View view, SearchRequest request) throws IOException {
    Reading reading = planner.read(request, speakerNames.of(view));
    Query selected = drillDown(withDates(planner.lucene(reading.query()), request), filters(view, request), null);
    return QueryPlanner.ranked(selected, QueryPlanner.hasWords(reading.query()));
  }

  /** The reading of {@code request}'s query over {@code view}'s snapshot. */
  Reading reading(TranscriptIndex.View view, SearchRequest request) {
    return planner.read(request, speakerNames.of(view));
  }

  /** Whether {@code typed}, as a speaker filter, names nobody in {@code view}'s snapshot. */
  boolean speakerKeysMissing(TranscriptIndex.View view, String typed) throws IOException {
    List<String> keys = labels.of(view.facets(), Schema.FACET_SPEAKER);
    return FacetLabels.speakerKeys(keys, typed, index.schema().aliases()).stream().noneMatch(keys::contains);
  }

  /** The display name of the most frequent speaker {@code typed} names as a filter would, or null. */
  String speakerNamed(TranscriptIndex.View view, String typed) throws IOException {
    List<String> keys = labels.of(view.facets(), Schema.FACET_SPEAKER);
    List<String> found =
        FacetLabels.speakerKeys(keys, typed, index.schema().aliases()).stream().filter(keys::contains).toList();
    if (found.isEmpty()) {
      return null;
    }
    String best = found.get(0);
    long bestCount = -1;
    for (String key : found) {
      long n = view.searcher().count(new TermQuery(new Term(Schema.SPEAKER_KEY, key)));
      if (n > bestCount) {
        best = key;
        bestCount = n;
      }
    }
    return speakers.displayName(view.searcher().getIndexReader(), best);
  }

  /** The query planner, for {@link SpeakerSearch}. */
  QueryPlanner planner() {
    return planner;
  }

  /**
   * The Lucene query that {@link #search} runs for {@code request}'s query and dates over the latest snapshot,
   * before the facet filters: for code that must read a query as the search does (alerts index their saved
   * searches by its terms).
   *
   * @throws BadRequestException for bad query syntax or an unknown field
   */
  public Query query(SearchRequest request) {
    return withDates(parse(request.query()), request);
  }

  /**
   * Whether {@code request} finds anything, as {@link #search} would, counting only (no ranking, facets or
   * highlights): for code that only needs to know, such as alert matching over a batch of new transcripts.
   *
   * @throws BadRequestException for bad query syntax, an unknown field or role
   */
  public boolean finds(SearchRequest request) throws IOException {
    parse(request.query()); // a query that cannot be read is refused before a searcher is borrowed
    return index.withSearcher(view -> view.facets() != null && view.searcher().count(query(view, request)) > 0);
  }

  /**
   * The speaker keys of the index that {@code typed} names (see {@code FacetLabels.speakerKeys}): the person's key
   * when any written form of their name is typed, else every key holding all the words typed; possibly none there.
   */
  public List<String> speakerKeys(TranscriptIndex.View view, String typed) throws IOException {
    return FacetLabels.speakerKeys(
        labels.of(view.facets(), Schema.FACET_SPEAKER), typed, index.schema().aliases());
  }

  /** The display names of speaker keys. */
  public Map<String, String> displayNames(IndexSearcher searcher, java.util.Collection<String> keys) throws IOException {
    return speakers.displayNames(searcher.getIndexReader(), keys);
  }

  /** The forms of one speaker's name with their utterance counts. */
  public Map<String, Integer> nameForms(IndexSearcher searcher, String key) throws IOException {
    return speakers.forms(searcher.getIndexReader(), key);
  }

  /** The values of a facet dimension, for {@link SpeakerSearch}. */
  List<String> facetValues(TranscriptIndex.View view, String dim) throws IOException {
    return labels.of(view.facets(), dim);
  }

  /**
   * Runs a search: the query and filters select utterances, ranked by relevance (ties by id) or by date (newest
   * first); each facet dimension is counted without its own filter (drill-sideways).
   *
   * @throws BadRequestException for bad query syntax, an unknown field or role, or a malformed cursor
   */
  public SearchResponse search(SearchRequest request) throws IOException {
    planner.typed(request.query()); // a query that cannot be read is refused before a searcher is borrowed
    Long snapshot = request.cursor() == null ? null : Cursor.snapshot(request.cursor());
    if (snapshot == null) {
      return index.withSearcher(view -> cached(view, request));
    }
    try {
      return index.withSnapshot(snapshot, view -> cached(view, request));
    } catch (TranscriptIndex.ExpiredSnapshotException e) {
      throw new BadRequestException(
          "this cursor has expired: the index changed since its first page and the snapshot that page was ranked on"
              + " is no longer kept (the newest " + TranscriptIndex.MAX_SNAPSHOTS + " are, for up to "
              + TranscriptIndex.SNAPSHOT_SECONDS + " s); run the search again from its first page",
          e);
    }
  }

  /** The answer kept for {@code request} over this snapshot, else the search's. */
  private SearchResponse cached(TranscriptIndex.View view, SearchRequest request) throws IOException {
    return results.get(view.searcher().getIndexReader(), request, () -> search(view, request));
  }

  private SearchResponse search(TranscriptIndex.View view, SearchRequest request) throws IOException {
    if (view.facets() == null) {
      return new SearchResponse(0, "eq", null, List.of(), emptyFacets(), null, 0, null, null, false, List.of(),
          List.of(), List.of(), null);
    }
    IndexSearcher searcher = timed(view.searcher());
    Reading reading = reading(view, request);
    Map<String, List<String>> filters = filters(view, request);
    boolean words = QueryPlanner.hasWords(reading.query());
    // A query of filters only has no relevance to rank by: the newest transcript first, turns in spoken order.
    SearchRequest.SortOrder order = words ? request.sort() : SearchRequest.SortOrder.DATE;
    Page page = page(view, searcher, request, reading.query(), words, filters, order);
    boolean partial = false;
    if (page.total() == 0 && reading.partial() != null && request.cursor() == null) {
      Page most = page(view, searcher, request, reading.partial(), words, filters, order);
      if (most.total() > 0) {
        page = most;
        partial = true;
      }
    }
    boolean empty = page.total() == 0 || partial;
    QueryRead read = new QueryRead(request.query(), Describe.of(reading.query()), reading.expansions(),
        reading.ignored(), words ? order.name().toLowerCase(java.util.Locale.ROOT) : "newest");
    return new SearchResponse(
        page.total(),
        page.relation(),
        page.estimatedTotal(),
        page.hits(),
        page.facets(),
        page.next(),
        page.collapsed(),
        read,
        zeroResults.interpreted(view, searcher, request, reading),
        partial,
        empty ? zeroResults.didYouMean(view, searcher, request, reading) : List.of(),
        empty ? zeroResults.help(view, searcher, request, reading, !partial) : List.of(),
        page.estimated(),
        null);
  }

  /** One page of hits with facets; {@code estimated} names the dimensions whose counts come from a sample. */
  private record Page(
      long total,
      String relation,
      Long estimatedTotal,
      List<Hit> hits,
      Map<String, List<FacetValue>> facets,
      List<String> estimated,
      String next,
      int collapsed) {}

  /** A search's facet values per dimension, and the dimensions whose counts are estimates. */
  private record Facets(Map<String, List<FacetValue>> values, List<String> estimated) {}

  private Page page(
      TranscriptIndex.View view,
      IndexSearcher searcher,
      SearchRequest request,
      QueryNode node,
      boolean words,
      Map<String, List<String>> filters,
      SearchRequest.SortOrder order)
      throws IOException {
    // The prior is added last, around the filters, so a top-hits pass skips over one flat query (PriorSum).
    Query base = withDates(planner.lucene(node), request);
    Sort sort = sort(order);
    FieldDoc after = request.cursor() == null ? null : Cursor.decode(request.cursor(), order);
    if (after != null) {
      // Ids are unique, so the sort values alone place the cursor; the last doc id only keeps the hit the cursor
      // names from coming back (it ties with itself) and must lie within this reader.
      after = new FieldDoc(searcher.getIndexReader().maxDoc() - 1, after.score, after.fields);
    }
    Query selected = QueryPlanner.ranked(drillDown(base, filters, null), words);
    // One hit more than the page tells whether a next page exists, so the last page carries no cursor.
    int numHits = Math.max(1, Math.min(request.size() + 1, searcher.getIndexReader().maxDoc()));
    TopDocs top;
    CountedFacets counted = null;
    Facets facets;
    IndexReader reader = searcher.getIndexReader();
    CountedFacets all = request.facets().isEmpty()
        ? results.peek(reader, selected, facetSample)
        : results.kept(reader, selected, facetSample);
    if (all != null) {
      // These hits were counted before: past TOTAL_HITS_THRESHOLD hits the top-hits pass skips the hits that
      // cannot make the page, and the total and the facets are the ones kept.
      top = searcher.search(selected, new TopFieldCollectorManager(sort, numHits, after, TOTAL_HITS_THRESHOLD));
      counted = all;
    } else if (request.facets().isEmpty()) {
      top = searcher.search(selected, new TopFieldCollectorManager(sort, numHits, after, Integer.MAX_VALUE));
    } else {
      FacetSample sample;
      FacetSample.Bound bound = FacetSample.Bound.of(searcher, selected).refined(searcher, selected, facetSample);
      if (after == null && bound.hits() < 2L * facetSample) {
        // A first page of few hits: one pass ranks the page and counts every hit. Two passes would match every hit
        // twice (a phrase's positions included), which cost more than the scores a top-hits threshold skips.
        var topHits = new TopFieldCollectorManager(sort, numHits, null, Integer.MAX_VALUE);
        Object[] both = searcher.search(selected, new MultiCollectorManager(topHits, FacetSample.collector(facetSample)));
        top = (TopDocs) both[0];
        sample = FacetSample.of(
            searcher, view.facets(), (RandomSamplingFacetsCollector) both[1], facetSample, index.idleSliceExecutor());
      } else {
        // Many hits, or a later page: past TOTAL_HITS_THRESHOLD hits the top-hits pass skips the hits that cannot
        // make the page (and those ranked before the cursor), and the facets are counted over a sample that visits
        // about its own hits and not every hit (FacetSample), so neither pass grows with the hits.
        // (What the top-hits pass counted is not used: how far it counts depends on how its slices ran, and an
        // answer must not.)
        top = searcher.search(selected, new TopFieldCollectorManager(sort, numHits, after, TOTAL_HITS_THRESHOLD));
        checkTime(searcher);
        sample = FacetSample.of(searcher, view.facets(), selected, facetSample, index.idleSliceExecutor(), bound);
      }
      all = CountedFacets.of(sample, FACET_SIZE);
      results.keep(reader, selected, facetSample, all);
      counted = all;
    }
    facets = request.facets().isEmpty()
        ? new Facets(Map.of(), List.of())
        : facets(view, searcher, base, words, filters, all, request.facets());
    scores(top.scoreDocs, searcher, selected, order);
    checkTime(searcher);
    ScoreDoc[] page = Arrays.copyOf(top.scoreDocs, Math.min(top.scoreDocs.length, request.size()));
    List<Document> docs = documents(searcher, page);
    Query marks = planner.highlight(node, request.topics(), searcher.getIndexReader());
    Soundbites.Page hits = Soundbites.fold(searcher, docs, hits(searcher, marks, page, docs, request));
    String next =
        top.scoreDocs.length > request.size() ? Cursor.after(page[page.length - 1], order, keep(view, order)) : null;
    if (counted == null) {
      return new Page(top.totalHits.value(), "eq", null, hits.hits(), facets.values(), facets.estimated(), next,
          hits.collapsed());
    }
    return counted.totalExact()
        ? new Page(counted.total(), "eq", null, hits.hits(), facets.values(), facets.estimated(), next, hits.collapsed())
        : new Page(counted.found(), "gte", counted.total(), hits.hits(), facets.values(), facets.estimated(), next,
            hits.collapsed());
  }

  /**
   * Gives each hit its score: ranked by relevance, the score the hits were ranked by (the sort's first value); by
   * date, the query's score worked out for the page's hits alone.
   */
  private static void scores(ScoreDoc[] hits, IndexSearcher searcher, Query query, SearchRequest.SortOrder order)
      throws IOException {
    if (order == SearchRequest.SortOrder.RELEVANCE) {
      for (ScoreDoc hit : hits) {
        hit.score = (Float) ((FieldDoc) hit).fields[0];
      }
    } else {
      TopFieldCollector.populateScores(hits, searcher, query);
    }
  }

  /** The snapshot a relevance cursor continues on (date cursors need none: dates do not move). */
  private long keep(TranscriptIndex.View view, SearchRequest.SortOrder order) throws IOException {
    return order == SearchRequest.SortOrder.RELEVANCE ? index.keep(view) : 0;
  }

  /**
   * {@code base} restricted by the filters of every dimension but {@code except} (none when null): OR within a
   * dimension, AND across dimensions.
   */
  Query drillDown(Query base, Map<String, List<String>> filters, String except) {
    DrillDownQuery drillDown = new DrillDownQuery(index.schema().facetsConfig(), base);
    filters.forEach(
        (dim, values) -> {
          if (!dim.equals(except)) {
            values.forEach(value -> drillDown.add(dim, value));
          }
        });
    return drillDown;
  }

  /**
   * Facet counts of {@code dims} as a faceted search page needs them (drill-sideways): a dimension without a filter
   * is counted over the hits; a filtered one over the hits of every other filter, so its other values stay in view.
   */
  private Facets facets(
      TranscriptIndex.View view,
      IndexSearcher searcher,
      Query base,
      boolean words,
      Map<String, List<String>> filters,
      CountedFacets hits,
      List<String> dims)
      throws IOException {
    Map<String, List<FacetValue>> out = new LinkedHashMap<>();
    List<String> estimated = new ArrayList<>();
    for (String dim : Schema.FACET_DIMENSIONS) {
      if (!dims.contains(dim)) {
        continue;
      }
      CountedFacets counts = hits;
      if (filters.containsKey(dim)) {
        checkTime(searcher);
        // Ranked as the search is (counting ignores scores), so the counts kept for one are found for the other.
        Query sideways = QueryPlanner.ranked(drillDown(base, filters, dim), words);
        counts = results.counts(searcher.getIndexReader(), sideways, facetSample, () -> CountedFacets.of(
            FacetSample.of(searcher, view.facets(), sideways, facetSample, index.idleSliceExecutor(), null), FACET_SIZE));
      }
      List<FacetValue> values = counts.values(dim);
      out.put(dim, dim.equals(Schema.FACET_SPEAKER) ? named(searcher, values) : values);
      if (counts.estimated()) {
        estimated.add(dim);
      }
    }
    return new Facets(out, List.copyOf(estimated));
  }

  /** The values and counts of one dimension's result; empty when it has none. */
  public static List<FacetValue> values(FacetResult result) {
    List<FacetValue> values = new ArrayList<>();
    if (result != null) {
      for (LabelAndValue lv : result.labelValues) {
        values.add(new FacetValue(lv.label, lv.value.longValue()));
      }
    }
    return values;
  }

  /** The query of {@code request} alone, without its filters: what highlighting marks. */
  public Query textQuery(SearchRequest request) {
    return parse(request.query());
  }

  /** The order of hits a search of this order lists. */
  public static Sort order(SearchRequest.SortOrder order) {
    return sort(order);
  }

  /** The schema of the index searched: its analyzers and field names. */
  public Schema schema() {
    return index.schema();
  }

  /** Runs {@code fn} on a view of the latest snapshot of the index, released afterwards. */
  public <T> T withView(TranscriptIndex.SearcherFunction<T> fn) throws IOException {
    return index.withSearcher(fn);
  }

  /**
   * A searcher of the same reader that gives up at the call's deadline (the shared one is left untouched), while it
   * rewrites a query as well as while it collects hits; the deadline rides with it, so every phase that uses it
   * (highlighting included) is bounded by the same one.
   */
  public IndexSearcher timed(IndexSearcher shared) {
    if (shared.getTimeout() instanceof Deadline) {
      return shared;
    }
    return new TimedSearcher(shared.getIndexReader(), index.idleSliceExecutor(), deadline());
  }

  /**
   * Partial results are never passed off as complete: a search that ran out of time is an error; so is a call
   * past its deadline between phases.
   */
  public static void checkTime(IndexSearcher searcher) {
    if (searcher.getTimeout() instanceof Deadline d && (searcher.timedOut() || d.shouldExit())) {
      throw d.timeout();
    }
  }

  static Query withDates(Query query, SearchRequest request) {
    if (request.from() == null && request.to() == null) {
      return query;
    }
    long from = request.from() == null ? Long.MIN_VALUE : request.from().toEpochDay();
    long to = request.to() == null ? Long.MAX_VALUE : request.to().toEpochDay();
    return new BooleanQuery.Builder()
        .add(query, Occur.MUST)
        .add(LongPoint.newRangeQuery(Schema.DATE, from, to), Occur.FILTER)
        .build();
  }

  /** The request's filters as exact facet values per dimension (typed names resolved); only dimensions asked for. */
  Map<String, List<String>> filters(TranscriptIndex.View view, SearchRequest request) throws IOException {
    Map<String, List<String>> filters = new LinkedHashMap<>();
    List<String> keys = request.speakers().isEmpty() ? List.of() : labels.of(view.facets(), Schema.FACET_SPEAKER);
    for (String typed : request.speakers()) {
      List<String> named = FacetLabels.speakerKeys(keys, typed, index.schema().aliases());
      if (named.stream().anyMatch(String::isEmpty)) {
        // A facet path cannot be empty: a name of punctuation alone names nobody, and that is the caller's to fix.
        throw new BadRequestException("speaker '" + typed + "' has no letters or digits to match a name by");
      }
      add(filters, Schema.FACET_SPEAKER, named);
    }
    for (String typed : request.programs()) {
      List<String> programs = labels.of(view.facets(), Schema.FACET_PROGRAM);
      add(filters, Schema.FACET_PROGRAM, FacetLabels.exact(programs, ProgramAliases.resolve(typed)));
    }
    for (String typed : request.topics()) {
      add(filters, Schema.FACET_TOPIC, FacetLabels.exact(labels.of(view.facets(), Schema.FACET_TOPIC), typed));
    }
    for (String typed : request.roles()) {
      add(filters, Schema.FACET_ROLE, List.of(role(typed).code()));
    }
    return filters;
  }

  private static void add(Map<String, List<String>> filters, String dim, List<String> values) {
    filters.computeIfAbsent(dim, d -> new ArrayList<>()).addAll(values);
  }

  private static Role role(String typed) {
    try {
      return RoleNames.of(typed);
    } catch (IllegalArgumentException e) {
      throw new BadRequestException(e.getMessage(), e);
    }
  }

  /** By score (ties by id), or by date, newest first, each transcript's turns in spoken order. */
  static Sort sort(SearchRequest.SortOrder order) {
    return switch (order) {
      case RELEVANCE -> new Sort(SortField.FIELD_SCORE, new SortField(Schema.ID, SortField.Type.STRING));
      case DATE -> {
        SortField byDate = new SortField(Schema.DATE, SortField.Type.LONG, true);
        byDate.setMissingValue(Long.MIN_VALUE); // undated transcripts last
        yield new Sort(byDate, new SortField(Schema.SPOKEN_ORDER, SortField.Type.STRING));
      }
    };
  }

  /**
   * The hits of {@code scoreDocs} as a search answers them, highlighted for {@code query} with the passages of
   * {@code request}, each with its citation and permalink.
   */
  public List<Hit> hits(IndexSearcher searcher, Query query, ScoreDoc[] scoreDocs, SearchRequest request)
      throws IOException {
    return hits(searcher, query, scoreDocs, documents(searcher, scoreDocs), request);
  }

  /** As {@link #hits(IndexSearcher, Query, ScoreDoc[], SearchRequest)}, with the stored documents already read. */
  private List<Hit> hits(
      IndexSearcher searcher, Query query, ScoreDoc[] scoreDocs, List<Document> docs, SearchRequest request)
      throws IOException {
    int[] docIds = Arrays.stream(scoreDocs).mapToInt(sd -> sd.doc).toArray();
    List<String> texts = docs.stream().map(StoredUtterances::text).toList();
    List<List<Highlight>> highlights =
        Highlighting.of(
            searcher,
            index.schema().analyzer(),
            query,
            docIds,
            texts,
            request.passages(),
            request.fragmentSize());
    Map<String, String> names = speakerNames(searcher, docs);
    List<Hit> hits = new ArrayList<>(scoreDocs.length);
    for (int i = 0; i < scoreDocs.length; i++) {
      Document doc = docs.get(i);
      String name = names.get(doc.get(Schema.SPEAKER_KEY));
      hits.add(
          new Hit(
              doc.get(Schema.ID),
              StoredUtterances.episode(doc),
              StoredUtterances.turn(doc),
              StoredUtterances.speakerRef(doc, name),
              StoredUtterances.topics(doc),
              Float.isNaN(scoreDocs[i].score) ? 0f : scoreDocs[i].score,
              texts.get(i),
              highlights.get(i),
              StoredUtterances.citation(doc, name),
              StoredUtterances.permalink(doc)));
    }
    return hits;
  }

  /** The display name of the speaker of each of {@code docs}, by speaker key. */
  private Map<String, String> speakerNames(IndexSearcher searcher, List<Document> docs) throws IOException {
    return speakers.displayNames(
        searcher.getIndexReader(), docs.stream().map(d -> d.get(Schema.SPEAKER_KEY)).distinct().toList());
  }

  /** Speaker facet values carry keys; a client reads (and filters by) display names. */
  List<FacetValue> named(IndexSearcher searcher, List<FacetValue> byKey) throws IOException {
    Map<String, String> names =
        speakers.displayNames(searcher.getIndexReader(), byKey.stream().map(FacetValue::value).toList());
    return byKey.stream().map(v -> new FacetValue(names.get(v.value()), v.count())).toList();
  }

  private static Map<String, List<FacetValue>> emptyFacets() {
    Map<String, List<FacetValue>> out = new LinkedHashMap<>();
    Schema.FACET_DIMENSIONS.forEach(dim -> out.put(dim, List.of()));
    return out;
  }

  /**
   * One utterance in full with every match of {@code query} marked.
   *
   * @throws NotFoundException for an unknown id
   * @throws BadRequestException for bad query syntax
   */
  public HighlightedUtterance highlight(String utteranceId, String query) throws IOException {
    QueryNode node = planner.plain(query == null ? "" : query).query();
    return index.withSearcher(
        view -> {
          IndexSearcher searcher = timed(view.searcher());
          Query parsed = planner.highlight(node, List.of(), searcher.getIndexReader());
          int docId = docIdOf(searcher, utteranceId);
          String text = StoredUtterances.text(searcher.storedFields().document(docId));
          Highlight whole = Highlighting.whole(searcher, index.schema().analyzer(), parsed, docId, text);
          return new HighlightedUtterance(utteranceId, text, whole.html(), whole.matches());
        });
  }

  /**
   * An utterance with up to {@code context} turns before and after it.
   *
   * @throws NotFoundException for an unknown id
   * @throws BadRequestException when {@code context} is outside 0..{@value #MAX_CONTEXT}
   */
  public UtteranceInContext utterance(String utteranceId, int context) throws IOException {
    if (context < 0 || context > MAX_CONTEXT) {
      throw new BadRequestException("context must be between 0 and " + MAX_CONTEXT + ", was " + context);
    }
    return index.withSearcher(
        view -> {
          IndexSearcher searcher = timed(view.searcher());
          Document doc = searcher.storedFields().document(docIdOf(searcher, utteranceId));
          int turn = StoredUtterances.turn(doc);
          List<Utterance> around = turns(searcher, doc.get(Schema.EPISODE_ID), turn - context, turn + context);
          List<Utterance> before = around.stream().filter(u -> u.turn() < turn).toList();
          List<Utterance> after = around.stream().filter(u -> u.turn() > turn).toList();
          String name = speakers.displayName(searcher.getIndexReader(), doc.get(Schema.SPEAKER_KEY));
          return new UtteranceInContext(
              StoredUtterances.episode(doc), StoredUtterances.utterance(doc, name), before, after);
        });
  }

  /**
   * A whole transcript.
   *
   * @throws NotFoundException for an unknown id
   */
  public Episode episode(String episodeId) throws IOException {
    return episode(episodeId, null);
  }

  /**
   * A whole transcript, with every match of {@code query} marked in the turns where it matches (none when the query
   * is null or blank). One call marks the whole transcript, so a client shows a searched transcript in one request.
   *
   * @throws NotFoundException for an unknown id
   * @throws BadRequestException for bad query syntax
   */
  public Episode episode(String episodeId, String query) throws IOException {
    QueryNode node = query == null || query.isBlank() ? null : planner.plain(query).query();
    return index.withSearcher(
        view -> {
          IndexSearcher searcher = timed(view.searcher());
          Query parsed = node == null ? null : planner.highlight(node, List.of(), searcher.getIndexReader());
          ScoreDoc[] docs = turnDocs(searcher, episodeId, 1, Integer.MAX_VALUE);
          if (docs.length == 0) {
            throw new NotFoundException("no episode with id '" + episodeId + "'");
          }
          List<Document> stored = documents(searcher, docs);
          List<Utterance> turns = utterances(searcher, stored);
          Document first = stored.get(0);
          var ref = StoredUtterances.episode(first);
          return new Episode(
              ref.id(),
              ref.title(),
              ref.program(),
              ref.date(),
              ref.url(),
              first.get(Schema.SOURCE),
              StoredUtterances.episodeTopics(first),
              turns,
              parsed == null ? List.of() : marked(searcher, parsed, docs, turns),
              sources(first, ref));
        });
  }

  /** The copies of the story the episode stands for; one indexed before sources were kept is its own one copy. */
  private static List<Source> sources(Document first, Results.EpisodeRef ref) {
    List<Source> stored = StoredTranscripts.sources(first);
    return stored.isEmpty() ? List.of(new Source(ref.id(), first.get(Schema.SOURCE), ref.url(), null)) : stored;
  }

  /** The turns in which {@code query} matches, whole, with its matches marked. */
  private List<TurnHighlight> marked(IndexSearcher searcher, Query query, ScoreDoc[] docs, List<Utterance> turns)
      throws IOException {
    int[] docIds = Arrays.stream(docs).mapToInt(d -> d.doc).toArray();
    List<String> texts = turns.stream().map(Utterance::text).toList();
    List<Highlight> whole = Highlighting.whole(searcher, index.schema().analyzer(), query, docIds, texts);
    List<TurnHighlight> marked = new ArrayList<>();
    for (int i = 0; i < whole.size(); i++) {
      if (!whole.get(i).matches().isEmpty()) {
        Utterance turn = turns.get(i);
        marked.add(new TurnHighlight(turn.id(), turn.turn(), whole.get(i).html(), whole.get(i).matches()));
      }
    }
    return marked;
  }

  /** The state of the index: how many utterances and transcripts it holds. */
  public Health health() throws IOException {
    return index.withSearcher(
        view -> {
          IndexSearcher searcher = view.searcher();
          long transcripts = searcher.count(IntPoint.newExactQuery(Schema.TURN, 1));
          long version =
              searcher.getIndexReader() instanceof DirectoryReader r ? r.getVersion() : 0L;
          return new Health("ok", searcher.getIndexReader().numDocs(), transcripts, version);
        });
  }

  private List<Utterance> turns(IndexSearcher searcher, String episodeId, int fromTurn, int toTurn)
      throws IOException {
    return utterances(searcher, documents(searcher, turnDocs(searcher, episodeId, fromTurn, toTurn)));
  }

  /** The documents of an episode's turns {@code fromTurn..toTurn}, in turn order. */
  private static ScoreDoc[] turnDocs(IndexSearcher searcher, String episodeId, int fromTurn, int toTurn)
      throws IOException {
    Query query =
        new BooleanQuery.Builder()
            .add(new TermQuery(new Term(Schema.EPISODE_ID, episodeId)), Occur.FILTER)
            .add(IntPoint.newRangeQuery(Schema.TURN, Math.max(1, fromTurn), toTurn), Occur.FILTER)
            .build();
    int count = Math.max(1, searcher.count(query));
    ScoreDoc[] docs = searcher.search(query, count, new Sort(new SortField(Schema.TURN, SortField.Type.INT))).scoreDocs;
    checkTime(searcher);
    return docs;
  }

  /** The stored documents of {@code scoreDocs}, in their order. */
  private static List<Document> documents(IndexSearcher searcher, ScoreDoc[] scoreDocs) throws IOException {
    StoredFields stored = searcher.storedFields();
    List<Document> docs = new ArrayList<>(scoreDocs.length);
    for (ScoreDoc sd : scoreDocs) {
      if (docs.size() % 64 == 63) {
        checkTime(searcher);
      }
      docs.add(stored.document(sd.doc));
    }
    return docs;
  }

  private List<Utterance> utterances(IndexSearcher searcher, List<Document> docs) throws IOException {
    Map<String, String> names = speakerNames(searcher, docs);
    return docs.stream()
        .map(doc -> StoredUtterances.utterance(doc, names.get(doc.get(Schema.SPEAKER_KEY))))
        .toList();
  }

  private static int docIdOf(IndexSearcher searcher, String utteranceId) throws IOException {
    TopDocs top = searcher.search(new TermQuery(new Term(Schema.ID, utteranceId)), 1);
    checkTime(searcher); // a search stopped by the deadline finds nothing: that is not "no such utterance"
    if (top.scoreDocs.length == 0) {
      throw new NotFoundException("no utterance with id '" + utteranceId + "'");
    }
    return top.scoreDocs[0].doc;
  }
}
