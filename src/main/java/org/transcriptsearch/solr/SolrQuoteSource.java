package org.transcriptsearch.solr;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.apache.lucene.document.Document;
import org.apache.lucene.search.Query;
import org.apache.solr.client.solrj.request.json.JsonQueryRequest;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.client.solrj.response.TermsResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.util.NamedList;
import org.transcriptsearch.index.Schema;
import org.transcriptsearch.research.QuoteChecker;
import org.transcriptsearch.research.QuoteSource;
import org.transcriptsearch.search.Results.Hit;
import org.transcriptsearch.search.SearchRequest;

/**
 * A SolrCloud collection as where a quote check reads, retrieving what the embedded index retrieves: the candidates
 * by the same query (each word a term query, each pair a sloppy phrase of the same two terms weighed double, ranked by
 * the collection-wide BM25 of the configset's ExactStatsCache, equal scores by id), the candidates' neighbouring
 * turns in one request, and the words' weights from the collection's document frequencies (Solr's terms component,
 * summed over the shards) in one more. The check itself is the product's {@link QuoteChecker}. Thread-safe.
 */
final class SolrQuoteSource implements QuoteSource {
  /** Turns either side of a candidate a check may join it with: its speaker's next turn, or the one past it. */
  private static final int REACH = 2;

  /**
   * The stored fields a check reads of a turn it only aligns ({@link Turn#of}): a candidate's neighbours are read
   * with these alone (half the bytes of every stored field), and in full only when one is shown as a match.
   */
  static final String[] TURN_FIELDS =
      {Schema.ID, Schema.EPISODE_ID, Schema.TURN, Schema.SPEAKER_KEY, Schema.TEXT, Schema.DATE};

  /**
   * Solr's parameter that has each shard send the stored fields with its top hits, in one round rather than two
   * (top ids, then the fields of the winners): the check's two reads of turns ask for few rows, so each shard's
   * extra rows cost less than the round.
   */
  static final String SINGLE_PASS = "distrib.singlePass";

  private final SolrSearchBackend backend;
  private final Schema schema;

  SolrQuoteSource(SolrSearchBackend backend, Schema schema) {
    this.backend = backend;
    this.schema = schema;
  }

  @Override
  public Schema schema() {
    return schema;
  }

  @Override
  public <T> T read(SearchRequest filters, Check<T> check) throws IOException {
    SolrCalls calls = backend.requestCalls();
    return check.run(new CollectionReads(calls, backend.filtersOf(calls, filters)));
  }

  /** The Solr rendering of {@code query}: the same clauses as {@link QuoteQuery#lucene()}. */
  static Map<String, Object> rendered(QuoteQuery query) {
    List<Object> should = new ArrayList<>();
    query.terms().forEach(term -> should.add("{!term f=" + Schema.TEXT + "}" + term));
    // The pair's words as written, analysed by the collection with the index's chain, are the pair's two terms:
    // a phrase of them with the same slop and boost as Lucene's.
    query.pairs().forEach(pair -> should.add(Schema.TEXT + ":" + SolrQueries.quoted(pair.written()) + "~"
        + QuoteQuery.PAIR_SLOP + "^" + QuoteQuery.PAIR_BOOST));
    return Map.of("bool", Map.of("should", should));
  }

  /** {@code terms} as the terms component's list: commas and backslashes escaped. */
  static String termList(Set<String> terms) {
    List<String> escaped = new ArrayList<>();
    terms.stream().sorted().forEach(t -> escaped.add(t.replace("\\", "\\\\").replace(",", "\\,")));
    return String.join(",", escaped);
  }

  /** The live turns of the collection, and the document frequencies of some terms in their spoken text. */
  private record Frequencies(long turns, Map<String, Long> docFreqs) {}

  /** One check's reads of the collection. */
  private final class CollectionReads implements Reads {
    private final SolrCalls calls;
    private final List<Object> filters;
    private final List<Document> stored = new ArrayList<>(); // a turn's ref is its place here
    private final Set<Integer> thin = new HashSet<>(); // refs of turns read with TURN_FIELDS only
    private final Map<String, Turn> byEpisodeTurn = new HashMap<>();
    private final Set<String> looked = new HashSet<>(); // turns asked for, found or not
    private final Set<String> asked = new HashSet<>(); // terms whose frequency was asked for, found or not
    private final Map<String, Long> docFreqs = new HashMap<>(); // of the terms asked for that the collection has
    private long turns = -1; // the live turns, once counted

    CollectionReads(SolrCalls calls, List<Object> filters) {
      this.calls = calls;
      this.filters = filters;
    }

    @Override
    public List<Found> candidates(QuoteQuery query, int n) throws IOException {
      // Every stored field: the candidates are the matches a check shows, as hits.
      JsonQueryRequest request = SolrCalls.query(rendered(query)).setLimit(n)
          .setSort(SolrStored.SCORE + " desc," + Schema.ID + " asc").returnFields("*", SolrStored.SCORE);
      request.withParam(SINGLE_PASS, true);
      filters.forEach(f -> SolrCalls.filter(request, f));
      List<Found> found = new ArrayList<>();
      for (SolrDocument d : calls.run(request).getResults()) {
        found.add(new Found(keep(SolrStored.document(d), false), SolrStored.score(d)));
      }
      neighbours(found);
      return found;
    }

    /** Reads in one request the turns around every candidate that a check may join it with. */
    private void neighbours(List<Found> found) throws IOException {
      List<Object> around = new ArrayList<>();
      int most = 0;
      for (Found f : found) {
        Turn t = f.turn();
        int from = Math.max(1, t.turn() - REACH);
        int to = t.turn() + REACH;
        for (int n = from; n <= to; n++) {
          looked.add(t.episodeId() + "#" + n);
        }
        around.add(Map.of("bool", Map.of("filter", List.of("{!term f=" + Schema.EPISODE_ID + "}" + t.episodeId(),
            Schema.TURN + ":[" + from + " TO " + to + "]"))));
        most += to - from + 1;
      }
      if (around.isEmpty()) {
        return;
      }
      // The candidates are held already: only the turns around them that are not, with what aligning them reads.
      String held = String.join("\u0001", found.stream().map(f -> f.turn().id()).distinct().toList());
      Map<String, Object> query = Map.of("bool", Map.of("should", around,
          "must_not", List.of("{!terms f=" + Schema.ID + " separator=\"\u0001\"}" + held)));
      JsonQueryRequest request = SolrCalls.query(query).setLimit(most).setSort(Schema.ID + " asc")
          .returnFields(TURN_FIELDS);
      request.withParam(SINGLE_PASS, true);
      for (SolrDocument d : calls.run(request).getResults()) {
        keep(SolrStored.document(d), true);
      }
    }

    /** Holds {@code doc}, read with {@link #TURN_FIELDS} only when {@code partly}; a turn held already stays. */
    private Turn keep(Document doc, boolean partly) {
      Turn turn = Turn.of(stored.size(), doc);
      Turn known = byEpisodeTurn.putIfAbsent(turn.episodeId() + "#" + turn.turn(), turn);
      if (known != null) {
        return known;
      }
      if (partly) {
        thin.add(stored.size());
      }
      stored.add(doc);
      return turn;
    }

    @Override
    public Turn turn(String episodeId, int number) throws IOException {
      String key = episodeId + "#" + number;
      if (number < 1) {
        return null;
      }
      Turn known = byEpisodeTurn.get(key);
      if (known != null || !looked.add(key)) { // read already (with the candidates' neighbours, or alone), or absent
        return known;
      }
      JsonQueryRequest request = SolrCalls.query("{!term f=" + Schema.EPISODE_ID + "}" + episodeId).setLimit(1)
          .withFilter(Schema.TURN + ":" + number).returnFields("*");
      var results = calls.run(request).getResults();
      return results.isEmpty() ? null : keep(SolrStored.document(results.get(0)), false);
    }

    @Override
    public ToDoubleFunction<String> weights(Set<String> terms) throws IOException {
      Frequencies listed = known(terms);
      Map<String, Double> weights = new HashMap<>();
      return term -> weights.computeIfAbsent(term, t -> {
        try { // a term the check did not list is looked up alone
          Frequencies f = listed.docFreqs().containsKey(t) || terms.contains(t) ? listed : known(Set.of(t));
          return QuoteChecker.idf(f.turns(), f.docFreqs().getOrDefault(t, 0L));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }

    /**
     * The frequencies of {@code terms}, only those not looked up before by this check asked of the collection, and
     * every one with the live turns counted by the check's first look-up (one count for the whole check).
     */
    private Frequencies known(Set<String> terms) throws IOException {
      Set<String> unknown = new HashSet<>(terms);
      unknown.removeAll(asked);
      if (!unknown.isEmpty()) { // an empty terms.list would list every term of the field
        Frequencies read = frequencies(unknown);
        docFreqs.putAll(read.docFreqs());
        asked.addAll(unknown);
        turns = turns < 0 ? read.turns() : turns;
      }
      return new Frequencies(turns, docFreqs);
    }

    /**
     * How many turns of the collection have each of {@code terms} in their spoken text (deleted ones not yet merged
     * away included, as Lucene's document frequency counts them; a term in none is left out), and how many live turns
     * it has.
     */
    private Frequencies frequencies(Set<String> terms) throws IOException {
      JsonQueryRequest request = new JsonQueryRequest();
      request.setPath("/terms");
      // In the request's body, not its address: a check can list a few thousand words.
      request.withParam("terms", true).withParam("terms.fl", Schema.TEXT).withParam("terms.stats", true)
          .withParam("terms.limit", -1).withParam("distrib", true).withParam("terms.list", termList(terms));
      QueryResponse response = calls.run(request);
      Map<String, Long> docFreqs = new HashMap<>();
      TermsResponse found = response.getTermsResponse();
      List<TermsResponse.Term> list = found == null ? null : found.getTerms(Schema.TEXT);
      if (list != null) {
        list.forEach(t -> docFreqs.put(t.getTerm(), t.getFrequency()));
      }
      Object stats = response.getResponse().get("indexstats");
      long turns = stats instanceof NamedList<?> n && n.get("numDocs") instanceof Number d ? d.longValue() : 0L;
      return new Frequencies(turns, docFreqs);
    }

    /**
     * Reads in one request every stored field of the turns {@code refs} (read with {@link #TURN_FIELDS} only), which
     * a check shows as matches: a match that starts on the turn before a candidate.
     */
    private void whole(List<Integer> refs) throws IOException {
      if (refs.isEmpty()) {
        return;
      }
      Map<String, Integer> byId = new HashMap<>();
      refs.forEach(r -> byId.put(stored.get(r).get(Schema.ID), r));
      JsonQueryRequest request = SolrCalls.query(
          "{!terms f=" + Schema.ID + " separator=\"\u0001\"}" + String.join("\u0001", byId.keySet()))
          .setLimit(refs.size()).returnFields("*");
      for (SolrDocument d : calls.run(request).getResults()) {
        Integer ref = byId.get(String.valueOf(d.getFieldValue(Schema.ID)));
        if (ref != null) {
          stored.set(ref, SolrStored.document(d));
          thin.remove(ref);
        }
      }
    }

    @Override
    public List<Hit> hits(List<Found> shown, Query marks) throws IOException {
      whole(shown.stream().map(f -> f.turn().ref()).filter(thin::contains).distinct().toList());
      List<Document> docs = shown.stream().map(f -> stored.get(f.turn().ref())).toList();
      float[] scores = new float[shown.size()];
      for (int i = 0; i < scores.length; i++) {
        scores[i] = shown.get(i).score();
      }
      return backend.hits(calls, marks, docs, scores);
    }
  }
}
