package org.transcriptsearch.solr;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.common.cloud.Replica;

/** What the SolrCloud tests ask of a cluster's state, and the collections they leave behind. */
final class SolrCloudState {
  private SolrCloudState() {}

  /** A collection's shards by name, each as the cluster status gives it (its replicas under "replicas"). */
  @SuppressWarnings("unchecked")
  static Map<String, Map<String, Object>> shards(SolrClient solr, String collection) throws Exception {
    var state = CollectionAdminRequest.getClusterStatus().setCollectionName(collection).process(solr);
    Map<String, Object> cluster = (Map<String, Object>) state.getResponse().get("cluster");
    Map<String, Object> found = (Map<String, Object>) ((Map<String, Object>) cluster.get("collections")).get(collection);
    return (Map<String, Map<String, Object>>) found.get("shards");
  }

  /** A shard's replicas by core node name, each with its "state", "node_name", "core", "base_url" and "leader". */
  @SuppressWarnings("unchecked")
  static Map<String, Map<String, Object>> replicas(Map<String, Object> shard) {
    return (Map<String, Map<String, Object>>) shard.get("replicas");
  }

  static boolean allReplicasActive(SolrClient solr, String collection) throws Exception {
    return shards(solr, collection).values().stream()
        .flatMap(shard -> replicas(shard).values().stream())
        .allMatch(replica -> Replica.State.ACTIVE.toString().equals(replica.get("state")));
  }

  /** Waits until every replica of {@code collection} is active; false if that took longer than {@code limit}. */
  static boolean awaitAllActive(SolrClient solr, String collection, Duration limit) throws Exception {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!allReplicasActive(solr, collection)) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(250);
    }
    return true;
  }

  /**
   * Deletes each of {@code collections} that exists: a test class leaves the shared cluster as it found it, so the
   * cluster's one JVM does not carry every class's cores to the end of the run.
   */
  static void deleteCollections(SolrClient solr, String... collections) throws Exception {
    List<String> existing = CollectionAdminRequest.listCollections(solr);
    for (String collection : collections) {
      if (existing.contains(collection)) {
        CollectionAdminRequest.deleteCollection(collection).process(solr);
      }
    }
  }
}
