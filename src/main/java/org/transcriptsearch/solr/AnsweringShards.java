package org.transcriptsearch.solr;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.client.solrj.request.SolrQuery;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.params.ShardParams;
import org.apache.solr.common.util.NamedList;

/**
 * Which shards of a collection answer at the moment, found when a query of every shard failed: a query of no
 * documents asked with {@code shards.tolerant} and {@code shards.info} (whose entry of a shard that could not answer
 * carries an error), its answering cores named by their shard from the cluster's status. The probe, rather than the
 * cluster's state alone, because a node killed outright stays listed as live until its ZooKeeper session expires.
 *
 * <p>Solr's own tolerance is not enough for the product's queries: a JSON facet with refinement fails the whole
 * request when a shard is missing (Solr 9.10.1 answers 503 "no servers hosting shard", or a 500 from the refinement),
 * so the query is asked again of the answering shards by name ({@code shards=shard2}), which refines as usual.
 *
 * @param all how many shards the collection has
 * @param names the shards that answered, in the cluster's order
 */
record AnsweringShards(int all, List<String> names) {
  AnsweringShards {
    names = List.copyOf(names);
  }

  /** Whether every shard answered (so the query failed for another reason than a missing shard). */
  boolean every() {
    return names.size() == all;
  }

  /** The value of Solr's {@code shards} parameter that asks these shards only. */
  String parameter() {
    return String.join(",", names);
  }

  /**
   * Asks the collection which shards answer now.
   *
   * @throws IOException when the probe or the cluster's status cannot be read
   */
  static AnsweringShards find(SolrClient client, String collection, long timeAllowedMillis) throws IOException {
    try {
      Map<String, Object> shards = shards(client, collection);
      Map<String, String> shardOfCore = shardOfCore(shards);
      SolrQuery probe = new SolrQuery("*:*").setRows(0);
      probe.set(ShardParams.SHARDS_TOLERANT, true);
      probe.set(ShardParams.SHARDS_INFO, true);
      probe.set("timeAllowed", Long.toString(timeAllowedMillis));
      List<String> answered = new ArrayList<>();
      for (String core : answeringCores(client.query(collection, probe))) {
        String shard = shardOfCore.get(core);
        if (shard != null && !answered.contains(shard)) {
          answered.add(shard);
        }
      }
      // Every shard counts, those with no replica at all too.
      return new AnsweringShards(shards.size(), shards.keySet().stream().filter(answered::contains).toList());
    } catch (SolrServerException | SolrException e) {
      throw new IOException("could not learn which shards of collection " + collection + " answer: "
          + e.getMessage(), e);
    }
  }

  /** The address of every core that answered a {@code shards.info} query without an error. */
  private static List<String> answeringCores(QueryResponse response) {
    List<String> cores = new ArrayList<>();
    if (response.getResponse().get(ShardParams.SHARDS_INFO) instanceof NamedList<?> shards) {
      for (Map.Entry<String, ?> shard : shards) {
        if (shard.getValue() instanceof NamedList<?> entry && entry.get("error") == null
            && entry.get("shardAddress") != null) {
          cores.add(trimmed(String.valueOf(entry.get("shardAddress"))));
        }
      }
    }
    return cores;
  }

  /** The collection's shards by name, each as the cluster's status gives it (its replicas under "replicas"). */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> shards(SolrClient client, String collection)
      throws SolrServerException, IOException {
    var status = CollectionAdminRequest.getClusterStatus().setCollectionName(collection).process(client);
    Map<String, Object> cluster = (Map<String, Object>) status.getResponse().get("cluster");
    Map<String, Object> collections = (Map<String, Object>) cluster.get("collections");
    return (Map<String, Object>) ((Map<String, Object>) collections.get(collection)).get("shards");
  }

  /** Each core's address (base URL and core name) with its shard's name. */
  @SuppressWarnings("unchecked")
  private static Map<String, String> shardOfCore(Map<String, Object> shards) {
    Map<String, String> out = new java.util.HashMap<>();
    for (Map.Entry<String, Object> shard : shards.entrySet()) {
      Map<String, Object> replicas = (Map<String, Object>) ((Map<String, Object>) shard.getValue()).get("replicas");
      for (Object replica : replicas == null ? List.of() : replicas.values()) {
        Map<String, Object> r = (Map<String, Object>) replica;
        out.put(trimmed(r.get("base_url") + "/" + r.get("core")), shard.getKey());
      }
    }
    return out;
  }

  private static String trimmed(String address) {
    return address.endsWith("/") ? address.substring(0, address.length() - 1) : address;
  }
}
