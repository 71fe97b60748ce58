package org.transcriptsearch.solr;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.request.json.JsonQueryRequest;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.client.solrj.response.json.BucketJsonFacet;
import org.apache.solr.client.solrj.response.json.NestableJsonFacet;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.params.ShardParams;
import org.transcriptsearch.search.BadRequestException;
import org.transcriptsearch.search.Deadline;
import org.transcriptsearch.search.Results.Shards;
import org.transcriptsearch.search.UnavailableException;
import org.transcriptsearch.search.Results.FacetValue;

/**
 * The queries of one request to one collection: each runs within the request's deadline (Solr's {@code timeAllowed}
 * too), and an answer Solr cut short at its time limit is an error rather than passed off as complete.
 *
 * <p>A shard whose every replica is down fails a strict request with an {@link UnavailableException}. A tolerant
 * request ({@link #tolerant}) whose query fails then is asked again of the shards that answer
 * ({@link AnsweringShards}), as are its later queries, and {@link #shards()} says how many that was. Not
 * thread-safe: one per request.
 */
final class SolrCalls {
  private final SolrClient client;
  private final String url;
  private final String collection;
  private final Deadline deadline;
  private final String need; // why a strict request needs every shard, as its 503 says
  private boolean tolerant;
  private AnsweringShards answering; // once a query of every shard failed: the shards asked from then on

  SolrCalls(SolrClient client, String url, String collection, Deadline deadline) {
    this(client, url, collection, deadline, false, EVERY_SHARD);
  }

  private SolrCalls(
      SolrClient client, String url, String collection, Deadline deadline, boolean tolerant, String need) {
    this.client = client;
    this.url = url;
    this.collection = collection;
    this.deadline = deadline;
    this.tolerant = tolerant;
    this.need = need;
  }

  /** What a strict request says it needs, when it does not say why. */
  static final String EVERY_SHARD = "this request needs every shard";

  /**
   * Calls of one request whose answer would be wrong rather than smaller without a shard: with a shard down they fail
   * with an {@link UnavailableException} whose message ends with {@code need}, why this request needs every shard
   * ("an utterance asked for by id may be on it: without it the answer would be 'not found'").
   */
  static SolrCalls strict(SolrClient client, String url, String collection, Deadline deadline, String need) {
    return new SolrCalls(client, url, collection, deadline, false, need);
  }

  /**
   * Calls of one request whose answer is still right when smaller (a page of hits, facet counts, who said the most):
   * with a shard down they are answered by the other shards, and {@link #shards()} says so.
   */
  static SolrCalls tolerant(SolrClient client, String url, String collection, Deadline deadline) {
    return new SolrCalls(client, url, collection, deadline, true, EVERY_SHARD);
  }

  /**
   * Fixes the shards of the calls from here on: those that answered so far (every shard, unless a query already had
   * to be asked again of fewer). For an answer that has said how many shards it comes from before it is complete
   * (an export's headers): a shard lost after that fails the later calls rather than leaving its hits out unsaid.
   */
  void settle() {
    tolerant = false;
  }

  /** The deadline the calls share. */
  Deadline deadline() {
    return deadline;
  }

  /** How many shards the calls asked and how many answered, when some did not; null when every shard answered. */
  Shards shards() {
    return answering == null ? null : new Shards(answering.all(), answering.names().size());
  }

  /**
   * Runs {@code request}.
   *
   * @throws BadRequestException when Solr refuses the query as the caller's mistake (a wildcard too large to run)
   * @throws UnavailableException when a shard has no live replica and the calls are strict, or no shard answers
   * @throws IOException when Solr cannot be reached or fails
   */
  QueryResponse run(JsonQueryRequest request) throws IOException {
    deadline.check();
    request.withParam("timeAllowed", Math.max(1, deadline.limit().toMillis()));
    QueryResponse response;
    if (answering != null) {
      response = process(request.withParam(ShardParams.SHARDS, answering.parameter()));
    } else {
      try {
        response = process(request);
      } catch (NoAnswer e) {
        throw e; // no node to ask which shards answer
      } catch (UnavailableException | ServerFailure e) {
        if (!tolerant) {
          throw strictFailure(e);
        }
        response = fromAnswering(request, e);
      }
    }
    // Only a time limit makes Solr send a partial answer here: no query is sent with shards.tolerant.
    if (partial(response)) {
      throw deadline.timeout();
    }
    deadline.check();
    return response;
  }

  /**
   * Whether Solr marked {@code response} as leaving something out ({@code partialResults} in its header): a limit
   * (time, CPU, memory) that stopped the search early, or with {@code shards.tolerant} a shard that did not answer.
   */
  static boolean partial(QueryResponse response) {
    Object flag = response.getResponseHeader() == null ? null : response.getResponseHeader().get("partialResults");
    return Boolean.TRUE.equals(flag) || "true".equals(String.valueOf(flag));
  }

  /**
   * What a strict call says of {@code failure}: unavailable when a shard cannot answer (a node killed outright is
   * listed as live until its ZooKeeper session expires, and Solr meanwhile fails on the connection with a 500), else
   * the failure of Solr it is.
   */
  private IOException strictFailure(IOException failure) {
    if (!(failure instanceof ServerFailure server)) {
      return failure;
    }
    try {
      AnsweringShards found = AnsweringShards.find(client, collection, Math.max(1, deadline.limit().toMillis()));
      return found.every() ? server.io() : unavailable(failure.getMessage(), failure);
    } catch (IOException e) {
      return server.io();
    }
  }

  /**
   * {@code request} asked again of the shards that answer, after {@code failure} of every shard. The cluster can move
   * between the failure and the probe (a node killed a moment ago still listed as live, a restarted one loading its
   * cores): a probe that finds every shard answering asks the whole collection again, and an answer that fails again
   * is probed once more, up to {@link #ATTEMPTS} times within the deadline, before the request gives up.
   */
  private QueryResponse fromAnswering(JsonQueryRequest request, IOException failure) throws IOException {
    IOException last = failure;
    for (int attempt = 1; ; attempt++) {
      AnsweringShards found = AnsweringShards.find(client, collection, Math.max(1, deadline.limit().toMillis()));
      if (found.names().isEmpty()) {
        throw unavailable("no shard of the collection answers", last);
      }
      try {
        // Every shard by name asks the same as none named, and replaces the names of an earlier attempt.
        QueryResponse response = process(request.withParam(ShardParams.SHARDS, found.parameter()));
        answering = found.every() ? null : found;
        return response;
      } catch (NoAnswer e) {
        throw e;
      } catch (UnavailableException | ServerFailure e) {
        last = e;
        if (attempt == ATTEMPTS) {
          // Every shard answers the probe yet the query still fails: not a missing shard.
          throw e instanceof ServerFailure server && found.every() ? server.io() : e;
        }
      }
      pause(attempt);
    }
  }

  /** How often a tolerant request asks which shards answer before it gives up. */
  private static final int ATTEMPTS = 3;

  /** A moment for the cluster to settle before attempt {@code attempt + 1}, cut short by the deadline. */
  private void pause(int attempt) throws IOException {
    long millis = Math.min(100L * attempt, deadline.limit().toMillis() / 4);
    try {
      Thread.sleep(Math.max(0, millis));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for SolrCloud to settle");
    }
    deadline.check();
  }

  private QueryResponse process(JsonQueryRequest request) throws IOException {
    deadline.check();
    try {
      return request.process(client, collection);
    } catch (SolrServerException | IOException e) {
      String message = "no answer from Solr at " + url + " (" + SolrSetup.rootCause(e) + ")";
      throw unanswered(e) ? new NoAnswer(message, e) : new IOException(message, e);
    } catch (SolrException e) {
      if (e.code() == SolrException.ErrorCode.BAD_REQUEST.code) {
        throw new BadRequestException("bad query: SolrCloud refused it: " + e.getMessage(), e);
      }
      if (e.code() == SolrException.ErrorCode.SERVICE_UNAVAILABLE.code) {
        throw unavailable(e.getMessage(), e);
      }
      throw new ServerFailure("Solr at " + url + " failed: " + e.getMessage(), e);
    }
  }

  /** Whether {@code e} is no node answering at all: the connection to each failed (refused, reset, timed out). */
  private static boolean unanswered(Exception e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof IOException) {
        return true;
      }
    }
    return false;
  }

  /**
   * No node given to {@code --solr} answered (each was tried in turn): the request is sound, and answers again once
   * a node is back, so a server says 503 rather than failing as if it were its own fault.
   */
  static final class NoAnswer extends UnavailableException {
    private static final long serialVersionUID = 1L;

    NoAnswer(String message, Exception cause) {
      super(message, cause);
    }
  }

  /** Solr failed the query (a 5xx other than 503): a shard gone mid-query can be why, so a tolerant call looks. */
  private static final class ServerFailure extends IOException {
    private static final long serialVersionUID = 1L;

    ServerFailure(String message, SolrException cause) {
      super(message, cause);
    }

    /** As callers see it: a plain failure of Solr. */
    IOException io() {
      return new IOException(getMessage(), getCause());
    }
  }

  /**
   * The failure of an answer that the shards that answered cannot give, though each of its calls was answered:
   * {@code need} says why it needs the others (said as the 503 of a strict call says it).
   */
  UnavailableException unavailable(String need) {
    String answered = answering == null ? "a shard does not answer"
        : answering.names().size() + " of " + answering.all() + " shards answer";
    return new UnavailableException("part of collection " + collection + " at " + url + " cannot answer (" + answered
        + "): every replica of a shard is down, and " + need + "; it answers again once a replica of that shard is"
        + " back", null);
  }

  private UnavailableException unavailable(String why, Exception cause) {
    return new UnavailableException("part of collection " + collection + " at " + url + " cannot answer (" + why
        + "): every replica of a shard is down, and " + need + "; it answers again once a replica of that shard is"
        + " back", cause);
  }

  /** How many documents {@code query} (a JSON query) finds with {@code filters}. */
  long count(Object query, List<Object> filters) throws IOException {
    JsonQueryRequest request = query(query).setLimit(0);
    filters.forEach(f -> filter(request, f));
    return run(request).getResults().getNumFound();
  }

  /** A request of the JSON query {@code query}. */
  @SuppressWarnings("unchecked")
  static JsonQueryRequest query(Object query) {
    JsonQueryRequest request = new JsonQueryRequest();
    if (query instanceof Map<?, ?> map) {
      request.setQuery((Map<String, Object>) map);
    } else {
      request.setQuery(String.valueOf(query));
    }
    return request;
  }

  /** Adds the JSON filter {@code filter} (a string or a map) to {@code request}. */
  @SuppressWarnings("unchecked")
  static void filter(JsonQueryRequest request, Object filter) {
    if (filter instanceof Map<?, ?> map) {
      request.withFilter((Map<String, Object>) map);
    } else {
      request.withFilter(String.valueOf(filter));
    }
  }

  /** A terms facet of {@code field}: the {@code limit} most frequent values (all for -1), ties in value order. */
  static Map<String, Object> terms(String field, int limit, String sort) {
    Map<String, Object> facet = new LinkedHashMap<>();
    facet.put("type", "terms");
    facet.put("field", field);
    facet.put("limit", limit);
    facet.put("mincount", 1);
    facet.put("sort", sort);
    facet.put("refine", true); // exact counts across shards for the values listed
    return facet;
  }

  /** The buckets of the facet {@code name} of {@code response}: value and count, in Solr's order. */
  static List<FacetValue> buckets(QueryResponse response, String name) {
    NestableJsonFacet facets = response.getJsonFacetingResponse();
    if (facets == null || facets.getBucketBasedFacets(name) == null) {
      return List.of();
    }
    List<BucketJsonFacet> buckets = facets.getBucketBasedFacets(name).getBuckets();
    return buckets.stream().map(b -> new FacetValue(String.valueOf(b.getVal()), b.getCount())).toList();
  }
}
