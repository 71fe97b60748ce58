package org.transcriptsearch.solr;

import io.javalin.Javalin;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.request.CoreAdminRequest;
import org.apache.solr.client.solrj.request.SolrQuery;
import org.transcriptsearch.TestIndexes;
import org.transcriptsearch.cli.CommandRun;
import org.transcriptsearch.http.ApiApp;
import org.transcriptsearch.http.ApiConfig;
import org.transcriptsearch.http.Newsroom;
import org.transcriptsearch.index.Schema;
import org.transcriptsearch.search.SearchLimits;

/**
 * A collection of 2 shards x 1 replica on the shared test cluster, holding the bundled sample and the test corpus, and
 * the product's server over it; {@link #lose()} then takes shard1's only replica away (Solr's core UNLOAD), so that
 * shard1 has no replica while both nodes stay up for the other classes that share the cluster. Closing deletes the
 * collection.
 */
public final class LostShard implements AutoCloseable {
  private final LocalSolrCloud cluster;
  private final String collection;
  private final SolrClient solr;
  private final SolrSearchBackend backend;
  private final Javalin server;

  private LostShard(LocalSolrCloud cluster, String collection, SolrClient solr, SolrSearchBackend backend,
      Javalin server) {
    this.cluster = cluster;
    this.collection = collection;
    this.solr = solr;
    this.backend = backend;
    this.server = server;
  }

  /** Sets up {@code collection} through the command line, indexes the corpora into it and serves it. */
  public static LostShard create(LocalSolrCloud cluster, String collection) throws Exception {
    return create(cluster, collection, ApiConfig.DEFAULT);
  }

  /** As {@link #create(LocalSolrCloud, String)}, the server configured by {@code config} (CORS for a widget). */
  public static LostShard create(LocalSolrCloud cluster, String collection, ApiConfig config) throws Exception {
    run("solr", "setup", "--solr", cluster.url(), "--collection", collection, "--shards", "2", "--replicas", "1");
    run("index", "--solr", cluster.url(), "--collection", collection, TestIndexes.FIXTURE_CORPUS.toString(),
        TestIndexes.SAMPLE_CORPUS.toString());
    SolrSearchBackend backend = SolrSearchBackend.open(cluster.url(), collection, new Schema(), SearchLimits.DEFAULT);
    Javalin server = new ApiApp(backend, null, config, Newsroom.NONE).create().start("127.0.0.1", 0);
    return new LostShard(cluster, collection, SolrClients.forUrl(cluster.url()), backend, server);
  }

  /** The product's server over the collection. */
  public Javalin server() {
    return server;
  }

  /** The first node's URL, as {@code --solr} takes it. */
  public String url() {
    return cluster.url();
  }

  /** The collection's name. */
  public String collection() {
    return collection;
  }

  /** The ids of the utterances that shard {@code shard} holds (ask before {@link #lose()}). */
  public List<String> idsOf(String shard) throws Exception {
    Map<String, Object> replica = onlyReplica(shard);
    try (SolrClient node = SolrClients.forUrl((String) replica.get("base_url"))) {
      SolrQuery all = new SolrQuery("*:*").setRows(10_000).setFields(Schema.ID).setSort(Schema.ID, SolrQuery.ORDER.asc);
      all.set("distrib", false);
      List<String> ids = new ArrayList<>();
      node.query((String) replica.get("core"), all).getResults().forEach(d -> ids.add((String) d.get(Schema.ID)));
      return ids;
    }
  }

  /** Unloads shard1's only replica and returns once the cluster lists shard1 with no replica. */
  public void lose() throws Exception {
    Map<String, Object> replica = onlyReplica("shard1");
    try (SolrClient node = SolrClients.forUrl((String) replica.get("base_url"))) {
      CoreAdminRequest.unloadCore((String) replica.get("core"), node);
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!SolrCloudState.replicas(SolrCloudState.shards(solr, collection).get("shard1")).isEmpty()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("shard1 of " + collection + " still has a replica 30 s after its unload");
      }
      Thread.sleep(100);
    }
  }

  private Map<String, Object> onlyReplica(String shard) throws Exception {
    var replicas = SolrCloudState.replicas(SolrCloudState.shards(solr, collection).get(shard));
    if (replicas.size() != 1) {
      throw new IllegalStateException(shard + " of " + collection + " has " + replicas.size() + " replicas, not 1");
    }
    return replicas.values().iterator().next();
  }

  @Override
  public void close() throws Exception {
    server.stop();
    backend.close();
    try {
      SolrCloudState.deleteCollections(solr, collection);
    } finally {
      solr.close();
    }
  }

  private static void run(String... args) throws IOException {
    CommandRun done = CommandRun.run(args);
    if (done.status() != 0) {
      throw new IOException(String.join(" ", args) + " failed:\n" + done.out() + done.err());
    }
  }
}
