package org.transcriptsearch.solr;

import java.io.IOException;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.request.SolrQuery;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.params.ShardParams;

/**
 * Searches of a collection that answer from the shards that can answer: with every replica of a shard down, Solr
 * would otherwise fail the whole search. Such an answer is partial (its counts and hits leave that shard out) and
 * says so; a caller shows it as partial instead of as the whole collection's answer.
 *
 * <p>Only for reads shown to a user. A read that a write depends on (the highest turn an earlier copy had, say)
 * must not be tolerant: a missing shard would make it wrong, not smaller.
 */
public final class TolerantSearch {
  private TolerantSearch() {}

  /** Solr's answer, and whether some shard did not contribute to it. */
  public record Answer(QueryResponse response, boolean partial) {}

  /**
   * Runs {@code query} on {@code collection} with {@code shards.tolerant=true}.
   *
   * @throws SolrServerException or IOException as {@link SolrClient#query} does (no node answered at all)
   * @throws org.apache.solr.common.SolrException when Solr refuses the query itself (a 4xx)
   */
  public static Answer query(SolrClient client, String collection, SolrQuery query)
      throws SolrServerException, IOException {
    SolrQuery tolerant = query.getCopy();
    tolerant.set(ShardParams.SHARDS_TOLERANT, true);
    QueryResponse response = client.query(collection, tolerant);
    return new Answer(response, partial(response));
  }

  /**
   * Whether Solr marked {@code response} as leaving something out: a shard that did not answer, or a limit (time,
   * CPU, memory) that stopped the search early. Both put {@code partialResults=true} in the response header.
   */
  public static boolean partial(QueryResponse response) {
    Object flag = response.getResponseHeader() == null ? null : response.getResponseHeader().get("partialResults");
    return Boolean.TRUE.equals(flag) || "true".equals(String.valueOf(flag));
  }
}
