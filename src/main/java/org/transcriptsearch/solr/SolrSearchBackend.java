package org.transcriptsearch.solr;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.Query;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.request.schema.SchemaRequest;
import org.apache.solr.common.SolrException;
import org.apache.solr.client.solrj.request.json.JsonQueryRequest;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrDocumentList;
import org.transcriptsearch.index.Schema;
import org.transcriptsearch.ingest.TranscriptWriter;
import org.transcriptsearch.query.ProgramAliases;
import org.transcriptsearch.query.QueryNode;
import org.transcriptsearch.query.Reading;
import org.transcriptsearch.query.RoleNames;
import org.transcriptsearch.research.People;
import org.transcriptsearch.research.QuoteChecker;
import org.transcriptsearch.research.QuoteResults;
import org.transcriptsearch.research.SearchExport;
import org.transcriptsearch.research.Timelines;
import org.transcriptsearch.search.BadRequestException;
import org.transcriptsearch.search.Deadline;
import org.transcriptsearch.search.NotFoundException;
import org.transcriptsearch.search.QueryReading;
import org.transcriptsearch.search.Results.Alternative;
import org.transcriptsearch.search.Results.Episode;
import org.transcriptsearch.search.Results.EpisodeRef;
import org.transcriptsearch.search.Results.FacetValue;
import org.transcriptsearch.search.Results.Health;
import org.transcriptsearch.search.Results.Highlight;
import org.transcriptsearch.search.Results.HighlightedUtterance;
import org.transcriptsearch.search.Results.Hit;
import org.transcriptsearch.search.Results.Interpreted;
import org.transcriptsearch.search.Results.SearchResponse;
import org.transcriptsearch.search.Results.TurnHighlight;
import org.transcriptsearch.search.Results.Utterance;
import org.transcriptsearch.search.Results.UtteranceInContext;
import org.transcriptsearch.search.SearchBackend;
import org.transcriptsearch.search.SearchBackend.Listed;
import org.transcriptsearch.search.SearchLimits;
import org.transcriptsearch.search.SearchRequest;
import org.transcriptsearch.search.SearchService;
import org.transcriptsearch.search.SpeakerSearch;
import org.transcriptsearch.search.StoredAnswers;
import org.transcriptsearch.speakers.SpeakerNames;

/**
 * A SolrCloud collection as a {@link SearchBackend}: the same query model as the embedded index, rendered for Solr
 * ({@link SolrQueries}), ranked by the same BM25 over the whole collection's statistics (the configset's
 * ExactStatsCache) and the same length feature, ties by id; filters OR within a dimension and AND across, each
 * dimension's facet counted without its own filter (Solr's tags and {@code excludeTags}); pages continued by Solr's
 * {@code cursorMark}; hits highlighted by the product's own highlighter over their stored text, so fragments are the
 * embedded index's; "did you mean" spellings from the collection's terms ({@link SolrSpellings}); the quote check
 * reading through {@link SolrQuoteSource}. What differs is said in the README: a cursor that continues on the
 * collection as it is now (not a pinned snapshot). Writes over HTTP go through {@link #writes()}. Thread-safe.
 */
public final class SolrSearchBackend implements SearchBackend, AutoCloseable {
  /** How many more values than a facet lists each shard counts, for the facet's top values across shards. */
  static final int OVERREQUEST = 1_000;

  private final SolrNodes client;
  private final String url;
  private final String collection;
  private final Schema schema;
  private final SearchLimits limits;
  private final QueryReading reading;
  private final SolrQueries queries;
  private final SolrDirectory directory;
  private final Deadline deadline; // null: each call gets its own

  private SolrSearchBackend(
      SolrNodes client,
      String url,
      String collection,
      Schema schema,
      SearchLimits limits,
      QueryReading reading,
      SolrDirectory directory,
      Deadline deadline) {
    this.client = client;
    this.url = url;
    this.collection = collection;
    this.schema = schema;
    this.limits = limits;
    this.reading = reading;
    this.queries = new SolrQueries(schema);
    this.directory = directory;
    this.deadline = deadline;
  }

  /**
   * The backend of {@code collection} at the Solr node {@code url} (or several, comma-separated, failed over between:
   * {@link SolrNodes}), once Solr has confirmed that the collection holds this schema version.
   *
   * @throws BadRequestException if the address or the collection name cannot be valid
   * @throws SolrSetup.SchemaMismatchException if there is no such collection, or it has another schema
   * @throws IOException if Solr cannot be reached
   */
  public static SolrSearchBackend open(String url, String collection, Schema schema, SearchLimits limits)
      throws IOException {
    SolrNodes client = SolrClients.forNodes(url, collection);
    String checked = client.shown();
    try {
      new SolrSetup(client, checked, new SolrConfigset(schema)).verify(collection);
      checkRanking(client, checked, collection);
    } catch (IOException | RuntimeException e) {
      client.close();
      throw e;
    }
    return new SolrSearchBackend(client, checked, collection, schema, limits, new QueryReading(schema, limits),
        new SolrDirectory(schema.aliases()), null);
  }

  /**
   * Refuses a collection set up before its schema had the ranking feature that search ranks by: its schema has this
   * version's name but no RankField {@link Schema.Ranking#WORDS}, so every search would fail at Solr.
   */
  private static void checkRanking(SolrClient client, String url, String collection) throws IOException {
    try {
      Map<String, Object> field = new SchemaRequest.Field(Schema.Ranking.WORDS).process(client, collection).getField();
      if (field != null && SolrFieldTypes.RANK.equals(field.get("type"))) {
        return;
      }
    } catch (SolrServerException e) {
      throw new IOException("no answer from Solr at " + url + " (" + SolrSetup.rootCause(e) + ")", e);
    } catch (SolrException e) {
      // no such field: refused below
    }
    throw new SolrSetup.SchemaMismatchException(
        "the collection " + collection + " at " + url + " was set up by an earlier build of schema " + Schema.VERSION
            + ", without the ranking field '" + Schema.Ranking.WORDS + "' that search ranks by; run solr setup for a"
            + " new --collection and index into it");
  }

  /** Where this backend searches, as a command says it: "collection NAME at URL". */
  public String shown() {
    return "collection " + collection + " at " + url;
  }

  @Override
  public SearchLimits limits() {
    return limits;
  }

  @Override
  public SolrSearchBackend within(Deadline requestDeadline) {
    return new SolrSearchBackend(client, url, collection, schema, limits, reading, directory, requestDeadline);
  }

  /** Calls that fail when a shard cannot answer: for answers that would be wrong rather than smaller without it. */
  private SolrCalls calls() {
    return calls(SolrCalls.EVERY_SHARD);
  }

  /** As {@link #calls()}, a shard down answered with a 503 that ends with {@code need}, why the answer needs it. */
  private SolrCalls calls(String need) {
    return SolrCalls.strict(
        client, url, collection, deadline != null ? deadline : Deadline.after(limits.timeout()), need);
  }

  // Why each request that a lost shard makes unavailable needs every shard, as its 503 says (docs/solr-backend.md).
  private static final String CURSOR_NEEDS = "a page after a cursor continues after the last hit of the page"
      + " before: without that shard it would skip the shard's hits, not just leave them out (a first page answers"
      + " from the shards left)";
  private static final String UTTERANCE_NEEDS = "the utterance asked for by id may be on that shard: without it"
      + " the answer could be \"not found\", which would be wrong";
  private static final String EPISODE_NEEDS = "a transcript's turns are spread over the shards: without one the"
      + " transcript would miss turns, or be \"not found\"";
  private static final String QUOTE_NEEDS = "a quote check needs every shard: a quote said on that shard would be \"not"
      + " found\", and the words' weights count every shard's turns";
  private static final String HEALTH_NEEDS = "the health check counts the whole collection";

  /**
   * Calls answered by the shards that can answer (see docs/solr-backend.md, "A shard lost"): only for answers that
   * are still right when smaller, and that say so (a first page of hits with its facets, who said the most).
   */
  private SolrCalls tolerantCalls() {
    return SolrCalls.tolerant(
        client, url, collection, deadline != null ? deadline : Deadline.after(limits.timeout()));
  }

  @Override
  public SearchResponse search(SearchRequest request) throws IOException {
    reading.typed(request.query()); // a query that cannot be read is refused before Solr is asked
    // A cursor that cannot be one is refused before Solr is asked too, so a shard down does not hide the mistake.
    SolrCursor given = request.cursor() == null ? null : SolrCursor.decode(request.cursor());
    if (given != null && given.order() != SearchRequest.SortOrder.DATE) {
      given.in(request.sort()); // a search ranks by its sort, or by date when it has no words
    }
    // A later page continues from the last hit of the page before: without a shard it would skip that shard's hits.
    SolrCalls calls = given == null ? tolerantCalls() : calls(CURSOR_NEEDS);
    Reading read = read(request, calls);
    List<Object> filters = filters(calls, request);
    boolean words = QueryReading.hasWords(read.query());
    // A query of filters only has no relevance to rank by: the newest transcript first, turns in spoken order.
    SearchRequest.SortOrder order = words ? request.sort() : SearchRequest.SortOrder.DATE;
    SolrCursor cursor = given == null ? SolrCursor.first(order) : given.in(order);
    Page page = page(calls, request, read.query(), words, filters, cursor);
    boolean partial = false;
    if (page.total() == 0 && read.partial() != null && request.cursor() == null) {
      Page most = page(calls, request, read.partial(), words, filters, cursor);
      if (most.total() > 0) {
        page = most;
        partial = true;
      }
    }
    boolean empty = page.total() == 0 || partial;
    Interpreted interpreted = interpreted(calls, request, read);
    List<Alternative> help = empty ? StoredAnswers.help(r -> count(calls, r), request, !partial) : List.of();
    // A page from fewer shards has no next page: it could not continue where the whole collection's page ends.
    String next = calls.shards() == null ? page.next() : null;
    return new SearchResponse(page.total(), "eq", null, page.hits(), page.facets(), next, page.collapsed(),
        QueryReading.described(request, read, words), interpreted, partial,
        empty ? didYouMean(calls, request, read) : List.of(), help, List.of(), calls.shards());
  }

  /** {@code request} read, the speakers a question may name looked up in the collection. */
  private Reading read(SearchRequest request, SolrCalls calls) throws IOException {
    try {
      return reading.read(request, directory.speakers(calls));
    } catch (java.io.UncheckedIOException e) {
      throw e.getCause(); // the collection's speakers could not be read: said as the failure it is
    }
  }

  /** The spellings the collection holds of the words and names of a search that found nothing (or only partly). */
  private List<Alternative> didYouMean(SolrCalls calls, SearchRequest request, Reading read) throws IOException {
    try (SolrSpellings spellings = new SolrSpellings(calls, directory, schema)) {
      return StoredAnswers.didYouMean(spellings, r -> count(calls, r), request, read);
    }
  }

  /** One page of hits with facets. */
  private record Page(
      long total, List<Hit> hits, Map<String, List<FacetValue>> facets, String next, int collapsed) {}

  private Page page(
      SolrCalls calls,
      SearchRequest request,
      QueryNode node,
      boolean words,
      List<Object> filters,
      SolrCursor cursor) throws IOException {
    JsonQueryRequest query = selection(request, node, words, filters);
    query.setLimit(request.size()).setSort(sort(cursor.order())).returnFields("*", SolrStored.SCORE);
    query.withParam("cursorMark", cursor.mark());
    for (String dim : Schema.FACET_DIMENSIONS) {
      Map<String, Object> facet = SolrCalls.terms(SolrConfigset.facetField(dim), StoredAnswers.FACET_SIZE,
          "count desc");
      facet.put("domain", Map.of("excludeTags", tag(dim))); // drill-sideways: a dimension not filtered by itself
      // Each shard lists far more than the page shows, so the values a page lists are the collection's top ones
      // (refined to exact counts) unless a value is outside every shard's top OVERREQUEST.
      facet.put("overrequest", OVERREQUEST);
      query.withFacet(dim, facet);
    }
    QueryResponse response = calls.run(query);
    SolrDocumentList found = response.getResults();
    List<Document> docs = found.stream().map(SolrStored::document).toList();
    float[] scores = new float[found.size()];
    for (int i = 0; i < scores.length; i++) {
      scores[i] = SolrStored.score(found.get(i));
    }
    Map<String, String> names = names(calls, docs);
    List<Hit> hits = hits(calls, request, node, docs, scores, names);
    StoredAnswers.Folded folded = StoredAnswers.fold(docs, hits, key -> copies(calls, key));
    long seen = cursor.seen() + docs.size();
    String next = docs.size() == request.size() && seen < found.getNumFound()
        ? new SolrCursor(cursor.order(), seen, response.getNextCursorMark()).encoded()
        : null;
    return new Page(found.getNumFound(), folded.hits(), facets(calls, response), next, folded.collapsed());
  }

  /** The query of {@code node} ranked, with the request's dates and every filter. */
  private JsonQueryRequest selection(SearchRequest request, QueryNode node, boolean words, List<Object> filters) {
    JsonQueryRequest query = SolrCalls.query(SolrQueries.ranked(queries.search(node), words));
    if (request.from() != null || request.to() != null) {
      query.withFilter(Schema.DATE + ":[" + (request.from() == null ? "*" : request.from().toEpochDay()) + " TO "
          + (request.to() == null ? "*" : request.to().toEpochDay()) + "]");
    }
    filters.forEach(f -> SolrCalls.filter(query, f));
    return query;
  }

  private List<Hit> hits(
      SolrCalls calls, SearchRequest request, QueryNode node, List<Document> docs, float[] scores,
      Map<String, String> names) throws IOException {
    return hits(calls, request, reader -> reading.marks(node, request.topics(), reader), docs, scores, names);
  }

  /** The stored {@code docs} as hits of {@code request}, marked by the query {@code marks} makes over their texts. */
  private List<Hit> hits(
      SolrCalls calls, SearchRequest request, java.util.function.Function<IndexReader, Query> marking,
      List<Document> docs, float[] scores, Map<String, String> names) throws IOException {
    List<String> texts = docs.stream().map(StoredAnswers::text).toList();
    List<List<Highlight>> highlights;
    try (PageTexts page = PageTexts.of(schema, texts, docs)) {
      var searcher = page.searcher(calls.deadline());
      Query marks = marking.apply(searcher.getIndexReader());
      highlights = StoredAnswers.passages(searcher, schema.analyzer(), marks, page.docIds(), texts,
          request.passages(), request.fragmentSize());
    }
    List<Hit> hits = new ArrayList<>(docs.size());
    for (int i = 0; i < docs.size(); i++) {
      Document doc = docs.get(i);
      hits.add(StoredAnswers.hit(doc, names.get(doc.get(Schema.SPEAKER_KEY)), scores[i], highlights.get(i)));
    }
    return hits;
  }

  /** The stories that aired the soundbite of {@code key}, as the embedded index reads them. */
  private StoredAnswers.Copies copies(SolrCalls calls, String key) throws IOException {
    JsonQueryRequest query = SolrCalls.query("{!term f=" + Schema.SOUNDBITE + "}" + key)
        .setLimit(StoredAnswers.COPIES_READ).setSort(Schema.ID + " asc").returnFields(Schema.EPISODE_ID);
    SolrDocumentList copies = calls.run(query).getResults();
    TreeSet<String> episodes = new TreeSet<>();
    copies.forEach(d -> episodes.add(String.valueOf(d.getFieldValue(Schema.EPISODE_ID))));
    return new StoredAnswers.Copies(episodes, copies.getNumFound() > copies.size());
  }

  private Map<String, List<FacetValue>> facets(SolrCalls calls, QueryResponse response) throws IOException {
    Map<String, List<FacetValue>> out = new LinkedHashMap<>();
    for (String dim : Schema.FACET_DIMENSIONS) {
      List<FacetValue> values = SolrCalls.buckets(response, dim);
      if (dim.equals(Schema.FACET_SPEAKER)) {
        Map<String, String> names = directory.displayNames(calls, values.stream().map(FacetValue::value).toList());
        values = values.stream().map(v -> new FacetValue(names.get(v.value()), v.count())).toList();
      }
      out.put(dim, values);
    }
    return out;
  }

  /** The speaker a question was read to name, with how many hits the literal reading has. */
  private Interpreted interpreted(SolrCalls calls, SearchRequest request, Reading read) throws IOException {
    if (read.interpreted() == null) {
      return null;
    }
    long n = count(calls, request.withLiteral());
    Alternative alternative =
        new Alternative("read literally, as words anyone said: " + n + " " + (n == 1 ? "utterance" : "utterances"),
            null, Map.of("literal", "true"), n);
    return new Interpreted(read.interpreted().speaker(), read.interpreted().words(), alternative);
  }

  /** How many utterances {@code request} finds, read and filtered as a search reads and filters it. */
  private long count(SolrCalls calls, SearchRequest request) throws IOException {
    Reading read = read(request, calls);
    return calls.count(queries.search(read.query()), withDates(request, filters(calls, request)));
  }

  private static List<Object> withDates(SearchRequest request, List<Object> filters) {
    List<Object> all = new ArrayList<>(filters);
    if (request.from() != null || request.to() != null) {
      all.add(Schema.DATE + ":[" + (request.from() == null ? "*" : request.from().toEpochDay()) + " TO "
          + (request.to() == null ? "*" : request.to().toEpochDay()) + "]");
    }
    return all;
  }

  /**
   * The request's filters as tagged Solr filters, one per dimension asked for (OR within it), typed names resolved
   * to the collection's values as the embedded index resolves them.
   */
  private List<Object> filters(SolrCalls calls, SearchRequest request) throws IOException {
    Map<String, List<String>> values = new LinkedHashMap<>();
    for (String typed : request.speakers()) {
      List<String> named = StoredAnswers.speakerKeys(
          directory.labels(calls, Schema.FACET_SPEAKER), typed, schema.aliases());
      if (named.stream().anyMatch(String::isEmpty)) {
        throw new BadRequestException("speaker '" + typed + "' has no letters or digits to match a name by");
      }
      values.computeIfAbsent(Schema.FACET_SPEAKER, d -> new ArrayList<>()).addAll(named);
    }
    for (String typed : request.programs()) {
      values.computeIfAbsent(Schema.FACET_PROGRAM, d -> new ArrayList<>()).addAll(
          StoredAnswers.exact(directory.labels(calls, Schema.FACET_PROGRAM), ProgramAliases.resolve(typed)));
    }
    for (String typed : request.topics()) {
      values.computeIfAbsent(Schema.FACET_TOPIC, d -> new ArrayList<>()).addAll(
          StoredAnswers.exact(directory.labels(calls, Schema.FACET_TOPIC), typed));
    }
    for (String typed : request.roles()) {
      try {
        values.computeIfAbsent(Schema.FACET_ROLE, d -> new ArrayList<>()).add(RoleNames.of(typed).code());
      } catch (IllegalArgumentException e) {
        throw new BadRequestException(e.getMessage(), e);
      }
    }
    List<Object> filters = new ArrayList<>();
    values.forEach((dim, exact) -> {
      String field = SolrConfigset.facetField(dim);
      List<Object> any = exact.stream().distinct().map(v -> (Object) ("{!term f=" + field + "}" + v)).toList();
      filters.add(Map.of("#" + tag(dim), Map.of("bool", Map.of("should", any))));
    });
    return filters;
  }

  /** The Solr tag of a dimension's filter, which its own facet excludes. */
  private static String tag(String dim) {
    return "f_" + dim;
  }

  /** By score (ties by id), or by date, newest first (undated last), each transcript's turns in spoken order. */
  private static String sort(SearchRequest.SortOrder order) {
    return switch (order) {
      case RELEVANCE -> SolrStored.SCORE + " desc," + Schema.ID + " asc";
      // The id closes every sort: Solr's cursors need the unique key; spoken order is unique already.
      case DATE -> Schema.DATE + " desc," + Schema.SPOKEN_ORDER + " asc," + Schema.ID + " asc";
    };
  }

  private Map<String, String> names(SolrCalls calls, List<Document> docs) throws IOException {
    return directory.displayNames(calls, docs.stream().map(d -> d.get(Schema.SPEAKER_KEY)).distinct().toList());
  }

  @Override
  public HighlightedUtterance highlight(String utteranceId, String query) throws IOException {
    QueryNode node = reading.plain(query == null ? "" : query).query();
    SolrCalls calls = calls(UTTERANCE_NEEDS);
    Document doc = utteranceDoc(calls, utteranceId);
    Highlight whole = marked(calls, node, List.of(StoredAnswers.text(doc)), List.of(doc)).get(0);
    return new HighlightedUtterance(utteranceId, StoredAnswers.text(doc), whole.html(), whole.matches());
  }

  /** For each of {@code texts}, all of it with every match of {@code node} marked. */
  private List<Highlight> marked(SolrCalls calls, QueryNode node, List<String> texts, List<Document> docs)
      throws IOException {
    try (PageTexts page = PageTexts.of(schema, texts, docs)) {
      var searcher = page.searcher(calls.deadline());
      Query marks = reading.marks(node, List.of(), searcher.getIndexReader());
      return StoredAnswers.whole(searcher, schema.analyzer(), marks, page.docIds(), texts);
    }
  }

  @Override
  public UtteranceInContext utterance(String utteranceId, int context) throws IOException {
    if (context < 0 || context > SearchService.MAX_CONTEXT) {
      throw new BadRequestException(
          "context must be between 0 and " + SearchService.MAX_CONTEXT + ", was " + context);
    }
    SolrCalls calls = calls(UTTERANCE_NEEDS);
    Document doc = utteranceDoc(calls, utteranceId);
    int turn = StoredAnswers.turn(doc);
    List<Document> around = turns(calls, doc.get(Schema.EPISODE_ID), turn - context, turn + context);
    Map<String, String> names = names(calls, around);
    List<Utterance> before = new ArrayList<>();
    List<Utterance> after = new ArrayList<>();
    for (Document d : around) {
      int n = StoredAnswers.turn(d);
      if (n != turn) {
        (n < turn ? before : after).add(StoredAnswers.utterance(d, names.get(d.get(Schema.SPEAKER_KEY))));
      }
    }
    String name = names(calls, List.of(doc)).get(doc.get(Schema.SPEAKER_KEY));
    return new UtteranceInContext(StoredAnswers.episode(doc), StoredAnswers.utterance(doc, name), before, after);
  }

  @Override
  public Episode episode(String episodeId, String query) throws IOException {
    QueryNode node = query == null || query.isBlank() ? null : reading.plain(query).query();
    SolrCalls calls = calls(EPISODE_NEEDS);
    List<Document> stored = turns(calls, episodeId, 1, Integer.MAX_VALUE);
    if (stored.isEmpty()) {
      throw new NotFoundException("no episode with id '" + episodeId + "'");
    }
    Map<String, String> names = names(calls, stored);
    List<Utterance> turns =
        stored.stream().map(d -> StoredAnswers.utterance(d, names.get(d.get(Schema.SPEAKER_KEY)))).toList();
    List<TurnHighlight> highlights = new ArrayList<>();
    if (node != null) {
      List<Highlight> whole = marked(calls, node, turns.stream().map(Utterance::text).toList(), stored);
      for (int i = 0; i < whole.size(); i++) {
        if (!whole.get(i).matches().isEmpty()) {
          Utterance turn = turns.get(i);
          highlights.add(new TurnHighlight(turn.id(), turn.turn(), whole.get(i).html(), whole.get(i).matches()));
        }
      }
    }
    Document first = stored.get(0);
    EpisodeRef ref = StoredAnswers.episode(first);
    return new Episode(ref.id(), ref.title(), ref.program(), ref.date(), ref.url(), first.get(Schema.SOURCE),
        StoredAnswers.episodeTopics(first), turns, highlights, StoredAnswers.sources(first, ref));
  }

  private static Document utteranceDoc(SolrCalls calls, String utteranceId) throws IOException {
    SolrDocumentList found =
        calls.run(SolrCalls.query("{!term f=" + Schema.ID + "}" + utteranceId).setLimit(1)).getResults();
    if (found.isEmpty()) {
      throw new NotFoundException("no utterance with id '" + utteranceId + "'");
    }
    return SolrStored.document(found.get(0));
  }

  /** The stored turns {@code fromTurn..toTurn} of an episode, in turn order. */
  private static List<Document> turns(SolrCalls calls, String episodeId, int fromTurn, int toTurn)
      throws IOException {
    Object episode = "{!term f=" + Schema.EPISODE_ID + "}" + episodeId;
    String range = Schema.TURN + ":[" + Math.max(1, fromTurn) + " TO " + toTurn + "]";
    long count = calls.count(episode, List.of(range));
    JsonQueryRequest query = SolrCalls.query(episode).setLimit((int) Math.max(1, count))
        .setSort(Schema.TURN + " asc").withFilter(range);
    return calls.run(query).getResults().stream().map(SolrStored::document).toList();
  }

  /** Hits read per call when every hit of a search is tallied. */
  private static final int TALLY_BATCH = 1_000;

  @Override
  public SpeakerSearch.SpeakersAbout speakersAbout(SearchRequest request, SpeakerSearch.AboutOptions options)
      throws IOException {
    SpeakerSearch.check(request, options);
    // "Who said the most about Lavrov" counts who mentions him: a name is a word here, not a speaker to read in.
    SearchRequest literal = request.withLiteral();
    Selected selected = selected(literal, tolerantCalls());
    SolrTally tally = new SolrTally(options.quotes());
    String mark = "*";
    while (true) {
      JsonQueryRequest query = selected.query().setLimit(TALLY_BATCH)
          .setSort(sort(SearchRequest.SortOrder.RELEVANCE))
          .returnFields(Schema.ID, Schema.SPEAKER_KEY, Schema.ROLE, Schema.EPISODE_ID, Schema.PROGRAM, SolrStored.SCORE);
      withoutRoles(query, options);
      query.withParam("cursorMark", mark);
      QueryResponse response = selected.calls().run(query);
      response.getResults().forEach(d -> tally.add(SolrStored.document(d), SolrStored.score(d)));
      String next = response.getNextCursorMark();
      if (response.getResults().size() < TALLY_BATCH || next.equals(mark)) {
        break;
      }
      mark = next;
    }
    List<SolrTally.Person> top = tally.top(options.limit());
    SolrCalls calls = selected.calls();
    Map<String, String> names =
        directory.displayNames(calls, top.stream().map(p -> p.count().key()).distinct().toList());
    List<String> quoted = top.stream().flatMap(p -> p.quotes().stream()).toList();
    List<Hit> hits = quotes(calls, literal, selected.node(), quoted);
    List<SpeakerSearch.SpeakerAbout> out = new ArrayList<>(top.size());
    int next = 0;
    for (SolrTally.Person p : top) {
      List<Hit> own = hits.subList(next, next + p.quotes().size());
      next += p.quotes().size();
      out.add(p.count().about(names.get(p.count().key()), own));
    }
    return new SpeakerSearch.SpeakersAbout(request.query(), out, calls.shards());
  }

  /** Leaves out hosts or unidentified speakers when the options say so. */
  private static void withoutRoles(JsonQueryRequest query, SpeakerSearch.AboutOptions options) {
    String field = SolrConfigset.facetField(Schema.FACET_ROLE);
    if (!options.hosts()) {
      query.withFilter("-" + field + ":" + org.transcriptsearch.model.Role.HOST.code());
    }
    if (!options.unidentified()) {
      query.withFilter("-" + field + ":" + org.transcriptsearch.model.Role.UNIDENTIFIED.code());
    }
  }

  /** The utterances {@code ids} as hits of {@code request}, in that order, scored and highlighted as a search. */
  private List<Hit> quotes(SolrCalls calls, SearchRequest request, QueryNode node, List<String> ids)
      throws IOException {
    if (ids.isEmpty()) {
      return List.of();
    }
    JsonQueryRequest query = selection(request, node, QueryReading.hasWords(node), filters(calls, request))
        .setLimit(ids.size()).returnFields("*", SolrStored.SCORE);
    query.withFilter("{!terms f=" + Schema.ID + " separator=\"\u0001\"}" + String.join("\u0001", ids));
    Map<String, SolrDocument> byId = new java.util.HashMap<>();
    calls.run(query).getResults().forEach(d -> byId.put(String.valueOf(d.getFieldValue(Schema.ID)), d));
    List<SolrDocument> found = ids.stream().map(byId::get).toList();
    List<Document> docs = found.stream().map(SolrStored::document).toList();
    float[] scores = new float[docs.size()];
    for (int i = 0; i < scores.length; i++) {
      scores[i] = SolrStored.score(found.get(i));
    }
    return hits(calls, request, node, docs, scores, names(calls, docs));
  }

  @Override
  public List<FacetValue> speakerNames(String prefix, int limit) throws IOException {
    return nameSuggestions(prefix, limit).values();
  }

  /** Name suggestions from the shards that answer: a name is suggested, and counted, by the turns they hold. */
  @Override
  public Listed<FacetValue> nameSuggestions(String prefix, int limit) throws IOException {
    if (limit < 1 || limit > SpeakerSearch.MAX_SPEAKERS) {
      throw new BadRequestException("size must be between 1 and " + SpeakerSearch.MAX_SPEAKERS + ", was " + limit);
    }
    String typed = SpeakerNames.key(prefix == null ? "" : prefix);
    SolrCalls calls = tolerantCalls();
    List<FacetValue> byKey = everySpeaker(calls).stream()
        .filter(v -> typed.isEmpty() || v.value().startsWith(typed) || v.value().contains(" " + typed))
        .limit(limit)
        .toList();
    Map<String, String> names = directory.displayNames(calls, byKey.stream().map(FacetValue::value).toList());
    return new Listed<>(byKey.stream().map(v -> new FacetValue(names.get(v.value()), v.count())).toList(),
        calls.shards());
  }

  @Override
  public List<SpeakerSearch.SpeakerEntry> speakers(String prefix, int limit) throws IOException {
    return speakerList(prefix, limit).values();
  }

  /** The speaker list from the shards that answer, each speaker with the turns they hold. */
  @Override
  public Listed<SpeakerSearch.SpeakerEntry> speakerList(String prefix, int limit) throws IOException {
    if (limit < 1) {
      throw new BadRequestException("limit must be 1 or more, was " + limit);
    }
    String typed = SpeakerNames.key(prefix == null ? "" : prefix);
    SolrCalls calls = tolerantCalls();
    List<SpeakerSearch.SpeakerEntry> entries = new ArrayList<>();
    for (FacetValue v : everySpeaker(calls)) {
      if (entries.size() == limit) {
        break;
      }
      if (typed.isEmpty() || v.value().startsWith(typed) || v.value().contains(" " + typed)) {
        entries.add(entry(calls, v));
      }
    }
    return new Listed<>(entries, calls.shards());
  }

  /** Every speaker key with its utterance count, most frequent first, ties by key. */
  private static List<FacetValue> everySpeaker(SolrCalls calls) throws IOException {
    JsonQueryRequest query = SolrCalls.query(SolrQueries.ALL).setLimit(0);
    query.withFacet("speakers", SolrCalls.terms(SolrConfigset.facetField(Schema.FACET_SPEAKER), -1, "count desc"));
    return SolrCalls.buckets(calls.run(query), "speakers");
  }

  private SpeakerSearch.SpeakerEntry entry(SolrCalls calls, FacetValue byKey) throws IOException {
    String key = byKey.value();
    JsonQueryRequest query = SolrCalls.query("{!term f=" + Schema.SPEAKER_KEY + "}" + key).setLimit(0);
    query.withFacet("forms", forms(key));
    query.withFacet("roles", SolrCalls.terms(SolrConfigset.facetField(Schema.FACET_ROLE), 10, "count desc"));
    query.withFacet("programs", SolrCalls.terms(SolrConfigset.facetField(Schema.FACET_PROGRAM), 20, "count desc"));
    QueryResponse response = calls.run(query);
    return new SpeakerSearch.SpeakerEntry(directory.displayNames(calls, List.of(key)).get(key), byKey.count(),
        variants(response, key), SolrCalls.buckets(response, "roles"), SolrCalls.buckets(response, "programs"));
  }

  @Override
  public SearchExport.Size export(
      SearchRequest request, SearchExport.Format format, int limit, SearchExport.Start start) throws IOException {
    SearchExport.checkLimit(limit);
    SolrCalls calls = tolerantCalls();
    Selected selected = selected(request, calls);
    long total = calls.run(selected.query().setLimit(0)).getResults().getNumFound();
    // The headers say which shards the rows come from: a shard lost after them fails the export, not shortens it.
    calls.settle();
    return SearchExport.write(new CursorHits(selected, request.sort()), total, calls.shards(), format, limit, start);
  }

  /** A search's query read and filtered once, from which each call builds its own request. */
  private record Selected(SolrCalls calls, SearchRequest request, QueryNode node, boolean words, List<Object> filters,
      SolrSearchBackend backend) {
    JsonQueryRequest query() {
      return backend.selection(request, node, words, filters);
    }
  }

  /** {@code request}'s query as a search reads and filters it, with the dates: the same hits as the embedded one. */
  private Selected selected(SearchRequest request) throws IOException {
    return selected(request, calls());
  }

  private Selected selected(SearchRequest request, SolrCalls calls) throws IOException {
    reading.typed(request.query()); // a query that cannot be read is refused before Solr is asked
    Reading read = read(request, calls);
    return new Selected(calls, request, read.query(), QueryReading.hasWords(read.query()), filters(calls, request),
        this);
  }

  /** The hits of one search read in batches, each continuing the last one's Solr cursor, in the export's order. */
  private final class CursorHits implements SearchExport.Hits {
    private final Selected selected;
    private final SearchRequest.SortOrder order;
    private String mark = "*";

    CursorHits(Selected selected, SearchRequest.SortOrder order) {
      this.selected = selected;
      this.order = order;
    }

    @Override
    public List<SearchExport.Row> next(int n) throws IOException {
      JsonQueryRequest query = selected.query().setLimit(n).setSort(sort(order)).returnFields("*");
      query.withParam("cursorMark", mark);
      QueryResponse response = selected.calls().run(query);
      mark = response.getNextCursorMark();
      List<Document> docs = response.getResults().stream().map(SolrStored::document).toList();
      Map<String, String> names = names(selected.calls(), docs);
      return docs.stream().map(d -> SearchExport.row(d, names.get(d.get(Schema.SPEAKER_KEY)))).toList();
    }
  }

  @Override
  public Timelines.Timeline timeline(SearchRequest request, Timelines.Interval interval) throws IOException {
    SolrCalls calls = tolerantCalls();
    Selected selected = selected(request, calls);
    JsonQueryRequest query = selected.query().setLimit(0);
    query.withFacet("days", SolrCalls.terms(Schema.DATE, -1, "index asc"));
    return Timelines.of(interval, days(calls.run(query))).from(calls.shards());
  }

  @Override
  public People.Person person(String typed) throws IOException {
    String name = typed == null ? "" : typed;
    SolrCalls calls = tolerantCalls();
    List<String> keys = name.isBlank() ? List.of()
        : StoredAnswers.speakerKeys(directory.labels(calls, Schema.FACET_SPEAKER), name, schema.aliases()).stream()
            .filter(k -> !k.isEmpty()).toList();
    List<FacetValue> found = new ArrayList<>();
    for (String key : keys) {
      long count = calls.count(own(key), List.of());
      if (count > 0) {
        found.add(new FacetValue(key, count));
      }
    }
    if (found.isEmpty() && calls.shards() != null) {
      // Their turns may all be on a shard that is down: "no such speaker" would be wrong, not smaller.
      throw calls.unavailable("no speaker named '" + name + "' has turns on the shards that answer: theirs may all be"
          + " on that shard, so \"no such speaker\" would be wrong");
    }
    if (found.isEmpty()) {
      throw new NotFoundException("no speaker named '" + name + "'");
    }
    found.sort(Comparator.comparingLong(FacetValue::count).reversed().thenComparing(FacetValue::value));
    Map<String, String> names = directory.displayNames(calls, found.stream().map(FacetValue::value).toList());
    People.Person person = person(calls, found.get(0), names.get(found.get(0).value()));
    return People.withOthers(person, found.subList(1, found.size()).stream().map(f -> names.get(f.value())).toList())
        .from(calls.shards());
  }

  /** The turns of one speaker key, as the embedded index drills down into its speaker facet. */
  private static String own(String key) {
    return "{!term f=" + SolrConfigset.facetField(Schema.FACET_SPEAKER) + "}" + key;
  }

  /** The record of the speaker {@code key} (with its utterance count), shown as {@code name}. */
  private People.Person person(SolrCalls calls, FacetValue key, String name) throws IOException {
    JsonQueryRequest query = SolrCalls.query(own(key.value())).setLimit(0);
    query.withFacet("forms", forms(key.value()));
    for (String dim : List.of(Schema.FACET_ROLE, Schema.FACET_PROGRAM, Schema.FACET_TOPIC)) {
      query.withFacet(dim, SolrCalls.terms(SolrConfigset.facetField(dim), People.LISTED, "count desc"));
    }
    query.withFacet("days", SolrCalls.terms(Schema.DATE, -1, "index asc"));
    QueryResponse response = calls.run(query);
    Map<Long, Long> days = days(response);
    List<Long> dated = days.keySet().stream().filter(d -> d != Long.MIN_VALUE).toList();
    // Titles and affiliations are stored only: read from each of their turns, as the embedded index reads them.
    JsonQueryRequest turns = SolrCalls.query(own(key.value())).setLimit((int) key.count())
        .setSort(Schema.ID + " asc").returnFields(Schema.SPEAKER_TITLE, Schema.SPEAKER_AFFILIATION);
    List<List<FacetValue>> printed =
        People.printed(calls.run(turns).getResults().stream().map(SolrStored::document).toList());
    return new People.Person(name, variants(response, key.value()), SolrCalls.buckets(response, Schema.FACET_ROLE),
        printed.get(0), printed.get(1), SolrCalls.buckets(response, Schema.FACET_PROGRAM),
        dated.isEmpty() ? null : java.time.LocalDate.ofEpochDay(dated.get(0)),
        dated.isEmpty() ? null : java.time.LocalDate.ofEpochDay(dated.get(dated.size() - 1)),
        key.count(), SolrCalls.buckets(response, Schema.FACET_TOPIC), Timelines.of(Timelines.Interval.YEAR, days),
        recent(calls, key.value()), List.of(), null);
  }

  /** The most recent turns of a speaker (dated ones first), as search hits with nothing marked. */
  private List<Hit> recent(SolrCalls calls, String key) throws IOException {
    JsonQueryRequest query = SolrCalls.query(own(key)).setLimit(People.RECENT)
        .setSort(sort(SearchRequest.SortOrder.DATE)).returnFields("*");
    List<Document> docs = calls.run(query).getResults().stream().map(SolrStored::document).toList();
    float[] scores = new float[docs.size()];
    java.util.Arrays.fill(scores, Float.NaN);
    SearchRequest request = SearchRequest.of("");
    return hits(calls, request, reading.plain("").query(), docs, scores, names(calls, docs));
  }

  /** The facet of the forms of the name of speaker {@code key}. */
  private static Map<String, Object> forms(String key) {
    Map<String, Object> forms = SolrCalls.terms(Schema.SPEAKER_FORM, -1, "index asc");
    forms.put("prefix", key + Schema.FORM_SEPARATOR);
    return forms;
  }

  /** The forms of the name of speaker {@code key} with their utterance counts, from the facet {@link #forms}. */
  private static Map<String, Integer> variants(QueryResponse response, String key) {
    Map<String, Integer> variants = new TreeMap<>();
    int cut = key.length() + 1;
    SolrCalls.buckets(response, "forms").forEach(f -> variants.merge(f.value().substring(cut), (int) f.count(),
        Integer::sum));
    return variants;
  }

  /** The hits of a response per air day (epoch day), the undated under {@code Long.MIN_VALUE}, from facet "days". */
  private static Map<Long, Long> days(QueryResponse response) {
    Map<Long, Long> days = new TreeMap<>();
    long dated = 0;
    for (FacetValue day : SolrCalls.buckets(response, "days")) {
      days.put(Long.parseLong(day.value()), day.count());
      dated += day.count();
    }
    long undated = response.getResults().getNumFound() - dated; // a transcript without an air date has no value
    if (undated > 0) {
      days.put(Long.MIN_VALUE, undated);
    }
    return days;
  }

  @Override
  public QuoteResults.QuoteCheck checkQuote(String text, SearchRequest filters, int size) throws IOException {
    return new QuoteChecker(new SolrQuoteSource(this, schema)).check(text, filters, size);
  }

  /** The calls of one request, within this backend's deadline or the default time limit. */
  SolrCalls requestCalls() {
    return calls(QUOTE_NEEDS);
  }

  /** The filters and dates of {@code request} as Solr filters, as a search filters by them. */
  List<Object> filtersOf(SolrCalls calls, SearchRequest request) throws IOException {
    return withDates(request, filters(calls, request));
  }

  /** The stored {@code docs} with {@code scores} as hits of a search, marked by the Lucene query {@code marks}. */
  List<Hit> hits(SolrCalls calls, Query marks, List<Document> docs, float[] scores) throws IOException {
    return hits(calls, SearchRequest.of(""), reader -> marks, docs, scores, names(calls, docs));
  }

  @Override
  public Health health() throws IOException {
    SolrCalls calls = calls(HEALTH_NEEDS);
    long utterances = calls.count(SolrQueries.ALL, List.of());
    long transcripts = calls.count(Schema.TURN + ":1", List.of());
    // The newest write's version stands for the index version: it changes with every write, as the embedded one does.
    JsonQueryRequest newest = SolrCalls.query(SolrQueries.ALL).setLimit(1).setSort("_version_ desc")
        .returnFields("_version_");
    SolrDocumentList found = calls.run(newest).getResults();
    long version = found.isEmpty() || !(found.get(0).getFieldValue("_version_") instanceof Number n)
        ? 0 : n.longValue();
    return new Health("ok", utterances, transcripts, version, client.states());
  }

  /** The collection as the store of the HTTP API's writes (POST transcripts, DELETE episodes). */
  public TranscriptWriter.Store writes() {
    return new SolrTranscriptWrites(client, url, collection, schema);
  }

  @Override
  public void close() throws IOException {
    client.close();
  }
}
