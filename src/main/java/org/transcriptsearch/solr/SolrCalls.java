package org.transcriptsearch.solr;

import java.io.IOException;
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
import org.transcriptsearch.search.BadRequestException;
import org.transcriptsearch.search.Deadline;
import org.transcriptsearch.search.Results.FacetValue;

/**
 * The queries of one request to one collection: each runs within the request's deadline (Solr's {@code timeAllowed}
 * too), and an answer Solr cut short is an error rather than passed off as complete.
 */
final class SolrCalls {
  private final SolrClient client;
  private final String url;
  private final String collection;
  private final Deadline deadline;

  SolrCalls(SolrClient client, String url, String collection, Deadline deadline) {
    this.client = client;
    this.url = url;
    this.collection = collection;
    this.deadline = deadline;
  }

  /** The deadline the calls share. */
  Deadline deadline() {
    return deadline;
  }

  /**
   * Runs {@code request}.
   *
   * @throws BadRequestException when Solr refuses the query as the caller's mistake (a wildcard too large to run)
   * @throws IOException when Solr cannot be reached, fails, or answers from only some shards
   */
  QueryResponse run(JsonQueryRequest request) throws IOException {
    deadline.check();
    request.withParam("timeAllowed", Math.max(1, deadline.limit().toMillis()));
    QueryResponse response;
    try {
      response = request.process(client, collection);
    } catch (SolrServerException | IOException e) {
      throw new IOException("no answer from Solr at " + url + " (" + e.getMessage() + ")", e);
    } catch (SolrException e) {
      if (e.code() == SolrException.ErrorCode.BAD_REQUEST.code) {
        throw new BadRequestException("bad query: SolrCloud refused it: " + e.getMessage(), e);
      }
      throw new IOException("Solr at " + url + " failed: " + e.getMessage(), e);
    }
    // Without shards.tolerant a missing shard fails the whole request; a partial answer is Solr's own time limit.
    Object partial = response.getHeader() == null ? null : response.getHeader().get("partialResults");
    if (partial != null && Boolean.parseBoolean(String.valueOf(partial))) {
      throw deadline.timeout();
    }
    deadline.check();
    return response;
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
