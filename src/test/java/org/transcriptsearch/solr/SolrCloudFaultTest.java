package org.transcriptsearch.solr;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.request.SolrQuery;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.transcriptsearch.TestIndexes;
import org.transcriptsearch.cli.CommandRun;
import org.transcriptsearch.generate.CorpusGenerator;
import org.transcriptsearch.http.ApiApp;
import org.transcriptsearch.http.ApiConfig;
import org.transcriptsearch.http.Newsroom;
import org.transcriptsearch.index.Schema;
import org.transcriptsearch.ingest.Enricher;
import org.transcriptsearch.ingest.TranscriptWriter;
import org.transcriptsearch.model.Json;
import org.transcriptsearch.model.Transcript;
import org.transcriptsearch.model.TranscriptIds;
import org.transcriptsearch.search.SearchLimits;

/**
 * A node of a two-node SolrCloud killed outright (SIGKILL: its own JVM, which gets no chance to close its cores or
 * leave ZooKeeper) under a load of searches and writes through the product's HTTP API, and started again. The
 * collection under test has 2 shards x 2 replicas, one replica of each shard on each node, so either node can fail;
 * a second collection of 2 shards x 1 replica loses a shard with the node, to see a search say it answered from fewer
 * shards. The product's server (ApiApp over {@link SolrSearchBackend}, as {@code serve --solr} runs it) is given both
 * nodes, the one to be killed first, as is the command line's ingest while it is down: requests go to the nodes in
 * turn, so the node killed is one the product was talking to, and from the kill on the product fails over to the other
 * node; its health check says which node answers, and once the node is back that requests use it again. Writes are
 * batches of transcripts posted to {@code /api/transcripts}, each acknowledged by its
 * 201 (the README: committed and searchable). The node killed holds the leader of shard1, so the writes meet a
 * leader election. Runs with {@code mvn -Psolrcloud test}.
 */
@Tag("solrcloud")
@ExtendWith(SharedSolrCloud.class)
class SolrCloudFaultTest {
  private static final String REPLICATED = "faults";
  private static final String SINGLE = "faults-single";
  private static final String TOKEN = "fault-token";
  private static final String SEARCH = "/api/search?from=1900-01-01&size=10";
  private static final int SEED_TRANSCRIPTS = 30;
  private static final int BATCH = 3;
  private static final int SEARCHERS = 3;
  private static final Duration BEFORE = Duration.ofSeconds(4);
  // Past ZooKeeper's session of the killed node (10 s: src/solrcloud NodeProcess), so that shard1 elects a new
  // leader and writes are acknowledged while the node is down.
  private static final Duration DOWN = Duration.ofSeconds(20);
  private static final Duration AFTER = Duration.ofSeconds(4);

  /**
   * When something happened, relative to the node's kill and restart: while {@code local.sh node kill|start} is at
   * work the node is neither up nor down, so what happens then is kept apart.
   */
  enum Phase { BEFORE, KILLING, DOWN, STARTING, AFTER }

  /**
   * One search's outcome: the HTTP status, the total, the response's shards field (null when absent), the body of an
   * answer other than 200 (null for a 200), and the exception of a request that got no answer.
   */
  record Search(Phase phase, String collection, int status, long total, JsonNode shards, String refusal,
      String failure) {}

  /** One batch acknowledged: its utterance ids, and whether it was sent and acknowledged while the node was down. */
  record Ack(Phase phase, List<String> ids) {}

  private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private static LocalSolrCloud cluster;
  private static SolrClient solr;
  private static String clientUrl;
  /** Both nodes, the one to be killed first, as the product's server and ingest are given them. */
  private static String bothNodes;
  private static Answer healthWhileDown;
  private static Answer healthAfter;
  private static final List<AutoCloseable> open = new ArrayList<>();
  private static Javalin replicatedServer;
  private static Javalin singleServer;
  private static int killed;
  private static long seeded;
  private static long singleDated;
  private static final ConcurrentLinkedQueue<Search> searches = new ConcurrentLinkedQueue<>();
  private static final List<Ack> acks = Collections.synchronizedList(new ArrayList<>());
  private static final List<String> writeFailures = Collections.synchronizedList(new ArrayList<>());
  private static boolean rejoined;
  private static Answer singleRejoined;
  private static CommandRun ingestWhileDown;

  @BeforeAll
  static void killANodeUnderLoad(LocalSolrCloud shared) throws Exception {
    cluster = shared;
    for (String[] layout : new String[][] {{REPLICATED, "2"}, {SINGLE, "1"}}) {
      CommandRun setup = CommandRun.run("solr", "setup", "--solr", cluster.url(), "--collection", layout[0],
          "--shards", "2", "--replicas", layout[1]);
      assertThat(setup.status()).as(setup.err()).isZero();
    }
    try (SolrClient first = SolrClients.forUrl(cluster.url())) {
      killed = leaderNodeOfShard1(first);
    }
    // The test's own checks go to the node that stays up; the product is given both nodes.
    clientUrl = cluster.nodeUrls().get(killed == 1 ? 1 : 0);
    bothNodes = cluster.nodeUrls().get(killed - 1) + "," + clientUrl;
    solr = SolrClients.forUrl(clientUrl);
    assertThat(shardsOn(SINGLE, cluster.nodeUrls().get(killed - 1))).as("the 2 x 1 collection has a shard on"
        + " the node to be killed, and one on the other").isEqualTo(1);
    CorpusGenerator corpus = new CorpusGenerator(17);
    seeded = seed(REPLICATED, corpus);
    seed(SINGLE, corpus);
    replicatedServer = server(REPLICATED, true);
    singleServer = server(SINGLE, false);
    singleDated = get(singleServer, SEARCH).body().path("total").asLong();

    AtomicReference<Phase> phase = new AtomicReference<>(Phase.BEFORE);
    AtomicBoolean running = new AtomicBoolean(true);
    ExecutorService pool = Executors.newFixedThreadPool(SEARCHERS + 1);
    List<Future<?>> load = new ArrayList<>();
    load.add(pool.submit(() -> write(corpus, phase, running)));
    for (int s = 0; s < SEARCHERS; s++) {
      load.add(pool.submit(() -> search(phase, running)));
    }
    try {
      awaitSearches(Phase.BEFORE, 3, BEFORE);
      phase.set(Phase.KILLING);
      cluster.killNode(killed);
      phase.set(Phase.DOWN);
      Thread.sleep(DOWN.toMillis() / 2);
      healthWhileDown = get(replicatedServer, "/api/health");
      ingestWhileDown = CommandRun.run("index", "--solr", bothNodes, "--collection", REPLICATED,
          TestIndexes.FIXTURE_CORPUS.toString());
      awaitSearches(Phase.DOWN, 12, DOWN.dividedBy(2));
      phase.set(Phase.STARTING);
      cluster.startNode(killed);
      phase.set(Phase.AFTER);
      Thread.sleep(AFTER.toMillis());
    } finally {
      running.set(false);
      for (Future<?> f : load) {
        f.get();
      }
      pool.shutdown();
    }
    rejoined = SolrCloudState.awaitAllActive(solr, REPLICATED, Duration.ofSeconds(90))
        && SolrCloudState.awaitAllActive(solr, SINGLE, Duration.ofSeconds(90));
    singleRejoined = get(singleServer, SEARCH);
    healthAfter = awaitBothNodesUsed();
    solr.commit(REPLICATED);
  }

  @AfterAll
  static void closeClient() throws Exception {
    for (AutoCloseable c : open.reversed()) {
      c.close();
    }
    if (solr != null) {
      SolrCloudState.deleteCollections(solr, REPLICATED, SINGLE);
      solr.close();
    }
  }

  @Test
  void searchesKeepAnsweringInFullWhileEveryShardHasAReplicaUp() {
    List<Search> replicated = searches.stream().filter(s -> s.collection().equals(REPLICATED)).toList();
    assertThat(replicated).allSatisfy(s -> assertThat(s.status()).as("%s", s).isEqualTo(200));
    assertThat(replicated).filteredOn(s -> s.phase() == Phase.DOWN).hasSizeGreaterThan(10)
        .allSatisfy(s -> assertThat(s.shards()).isNull());
    // Writes went on, so the counts only grow; never below what was there before the load.
    assertThat(replicated).allSatisfy(s -> assertThat(s.total()).isGreaterThanOrEqualTo(seeded));
  }

  @Test
  void aSearchAnsweredByFewerShardsSaysSo() {
    List<Search> single = searches.stream().filter(s -> s.collection().equals(SINGLE)).toList();
    assertThat(single).allSatisfy(s -> assertThat(s.status()).as("%s", s).isEqualTo(200));
    assertThat(singleDated).isPositive();
    assertThat(single).filteredOn(s -> s.phase() == Phase.BEFORE).isNotEmpty()
        .allSatisfy(s -> assertThat(s).extracting(Search::shards, Search::total).containsExactly(null, singleDated));
    // From the kill on, one shard of two is gone: each answer says so, and counts the other shard only.
    assertThat(single).filteredOn(s -> s.phase() == Phase.DOWN).hasSizeGreaterThan(10).allSatisfy(s -> {
      assertThat(s.shards()).isNotNull();
      assertThat(s.shards().path("asked").asInt()).isEqualTo(2);
      assertThat(s.shards().path("answered").asInt()).isEqualTo(1);
      assertThat(s.total()).isPositive().isLessThan(singleDated);
    });
    // Once the node has rejoined, the whole answer again.
    assertThat(singleRejoined.status()).isEqualTo(200);
    assertThat(singleRejoined.body().has("shards")).isFalse();
    assertThat(singleRejoined.body().path("total").asLong()).isEqualTo(singleDated);
  }

  @Test
  void everyAcknowledgedWriteIsThereAfterTheNodeRejoins() throws Exception {
    assertThat(acks).filteredOn(a -> a.phase() == Phase.BEFORE).isNotEmpty();
    // Writes went on while the node was down: batches sent and acknowledged within that time.
    assertThat(acks).filteredOn(a -> a.phase() == Phase.DOWN).isNotEmpty();
    List<String> acknowledged = acks.stream().flatMap(a -> a.ids().stream()).toList();
    for (int from = 0; from < acknowledged.size(); from += 200) {
      List<String> ids = acknowledged.subList(from, Math.min(acknowledged.size(), from + 200));
      SolrQuery query = new SolrQuery("{!terms f=" + Schema.ID + "}" + String.join(",", ids)).setRows(0);
      assertThat(solr.query(REPLICATED, query).getResults().getNumFound()).isEqualTo(ids.size());
    }
    // A failed batch was sent again until acknowledged, so the collection holds exactly the seed, the batches and
    // the command line's ingest.
    assertThat(documents(solr, REPLICATED, null)).isEqualTo(seeded + acknowledged.size() + fixtureUtterances());
    System.out.println("fault test: " + acks.size() + " batches acknowledged (" + acknowledged.size()
        + " utterances), " + acks.stream().filter(a -> a.phase() == Phase.DOWN).count() + " of them while the node"
        + " was down; " + writeFailures.size() + " failed and sent again: " + writeFailures);
  }

  /**
   * While the node is down, the health check answers from the other node and says which answers; requests skip the
   * node killed, since one met its closed port. Once it is back, requests use it again.
   */
  @Test
  void theHealthCheckSaysWhichNodeAnswersAndTheNodeBackIsUsedAgain() throws Exception {
    String killedUrl = cluster.nodeUrls().get(killed - 1);
    assertThat(healthWhileDown.status()).as("%s", healthWhileDown.body()).isEqualTo(200);
    assertThat(healthWhileDown.body().path("utterances").asLong()).isGreaterThanOrEqualTo(seeded);
    JsonNode down = healthWhileDown.body().path("nodes");
    assertThat(down).hasSize(2);
    assertThat(down.get(0).path("url").asText()).isEqualTo(killedUrl);
    assertThat(down.get(0).path("answers").asBoolean()).isFalse();
    assertThat(down.get(0).path("skipped").asBoolean()).isTrue();
    assertThat(down.get(0).path("problem").asText()).isEqualTo("connection refused");
    assertThat(down.get(1)).isEqualTo(Json.mapper().readTree(
        "{\"url\":\"" + clientUrl + "\",\"answers\":true,\"skipped\":false}"));
    assertThat(healthAfter.status()).isEqualTo(200);
    assertThat(healthAfter.body().path("nodes")).isEqualTo(Json.mapper().readTree(
        "[{\"url\":\"" + killedUrl + "\",\"answers\":true,\"skipped\":false},"
            + "{\"url\":\"" + clientUrl + "\",\"answers\":true,\"skipped\":false}]"));
  }

  /** {@code index --solr} while a replica is down indexes everything, and says the writes reached fewer replicas. */
  @Test
  void anIngestWhileAReplicaIsDownSaysItsWritesReachedFewerReplicas() {
    assertThat(ingestWhileDown.status()).as(ingestWhileDown.err()).isZero();
    assertThat(ingestWhileDown.err())
        .containsPattern("(?m)^warning: \\d+ transcript\\(s\\) reached only 1 of the 2 replicas of their shard \\(a"
            + " replica was down\\); they are indexed, and the replica copies them when it recovers: until then losing"
            + " the node that holds them would lose them$");
  }

  @Test
  void theNodeRejoinsAndBothReplicasOfEveryShardHoldTheSame() throws Exception {
    assertThat(rejoined).as("every replica active again within 90 s").isTrue();
    long total = 0;
    for (var shard : SolrCloudState.shards(solr, REPLICATED).entrySet()) {
      List<Long> counts = new ArrayList<>();
      for (Map<String, Object> replica : SolrCloudState.replicas(shard.getValue()).values()) {
        try (SolrClient node = SolrClients.forUrl((String) replica.get("base_url"))) {
          counts.add(documents(node, (String) replica.get("core"), false));
        }
      }
      assertThat(counts).as(shard.getKey()).hasSize(2).containsOnly(counts.getFirst());
      total += counts.getFirst();
    }
    assertThat(total).isEqualTo(documents(solr, REPLICATED, null));
  }

  /**
   * Waits {@code least}, then on until each collection has {@code searches} searches recorded in {@code phase} (a
   * loaded machine answers slowly: the assertions need enough of them) and a batch was acknowledged in it, at most a
   * minute longer.
   */
  private static void awaitSearches(Phase phase, int searches, Duration least) throws InterruptedException {
    Thread.sleep(least.toMillis());
    long giveUp = System.nanoTime() + Duration.ofMinutes(1).toNanos();
    while (System.nanoTime() - giveUp < 0 && !(recorded(phase, REPLICATED) >= searches
        && recorded(phase, SINGLE) >= searches && acks.stream().anyMatch(a -> a.phase() == phase))) {
      Thread.sleep(100);
    }
  }

  private static long recorded(Phase phase, String collection) {
    return searches.stream().filter(s -> s.phase() == phase && s.collection().equals(collection)).count();
  }

  /**
   * The health check of the replicated collection's server once the restarted node answers and requests no longer
   * skip it (it is probed every few seconds), or its last answer after 30 s.
   */
  private static Answer awaitBothNodesUsed() throws Exception {
    long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    Answer health;
    do {
      health = get(replicatedServer, "/api/health");
      boolean used = health.status() == 200;
      for (JsonNode node : health.body().path("nodes")) {
        used &= node.path("answers").asBoolean() && !node.path("skipped").asBoolean();
      }
      if (used) {
        return health;
      }
      Thread.sleep(250);
    } while (System.nanoTime() < until);
    return health;
  }

  /** The product's server over {@code collection} at both nodes, taking writes when asked to. */
  private static Javalin server(String collection, boolean writes) throws IOException {
    SolrSearchBackend backend = SolrSearchBackend.open(bothNodes, collection, new Schema(), SearchLimits.DEFAULT);
    open.add(backend);
    ApiConfig config = writes ? ApiConfig.DEFAULT.withAdminToken(TOKEN) : ApiConfig.DEFAULT;
    Javalin app = new ApiApp(backend, writes ? new TranscriptWriter(backend.writes(), TestIndexes.PIPELINE) : null,
        config, Newsroom.NONE).create().start("127.0.0.1", 0);
    open.add(app::stop);
    return app;
  }

  /** The utterances the command line's ingest reported, from its summary's first line. */
  private static long fixtureUtterances() {
    var m = java.util.regex.Pattern.compile("^Indexed \\d+ transcripts \\(([\\d,]+) utterances\\)")
        .matcher(ingestWhileDown.out().lines().findFirst().orElse(""));
    assertThat(m.find()).as(ingestWhileDown.out()).isTrue();
    return Long.parseLong(m.group(1).replace(",", ""));
  }

  /** The node (from 1) holding the leader of {@code faults}'s shard1. */
  private static int leaderNodeOfShard1(SolrClient client) throws Exception {
    Map<String, Object> shard1 = SolrCloudState.shards(client, REPLICATED).get("shard1");
    String leaderUrl = SolrCloudState.replicas(shard1).values().stream()
        .filter(r -> "true".equals(String.valueOf(r.get("leader"))))
        .map(r -> (String) r.get("base_url"))
        .findFirst()
        .orElseThrow();
    return cluster.nodeUrls().indexOf(leaderUrl) + 1;
  }

  /** How many shards of {@code collection} have a replica on the node at {@code nodeUrl}. */
  private static long shardsOn(String collection, String nodeUrl) throws Exception {
    return SolrCloudState.shards(solr, collection).values().stream()
        .filter(shard -> SolrCloudState.replicas(shard).values().stream()
            .anyMatch(r -> nodeUrl.equals(r.get("base_url"))))
        .count();
  }

  /** Writes {@link #SEED_TRANSCRIPTS} transcripts into {@code collection}, committed; returns its documents. */
  private static long seed(String collection, CorpusGenerator corpus) throws Exception {
    try (SolrTranscriptStore store = SolrTranscriptStore.open(bothNodes, collection, TestIndexes.PIPELINE.schema())) {
      for (long i = 0; i < SEED_TRANSCRIPTS; i++) {
        Enricher.Enriched t = TestIndexes.PIPELINE.enricher().enrich(corpus.transcript(i));
        store.put(t.transcript(), t.turnTopics());
      }
      store.commit();
    }
    return documents(solr, collection, null);
  }

  /**
   * Batches of new transcripts posted to the replicated collection's server, each acknowledged by its 201. A batch
   * that fails is posted again, as a newsroom's feed would: writes by id make that harmless. Returns once a batch is
   * acknowledged after the load stopped.
   */
  private static Void write(CorpusGenerator corpus, AtomicReference<Phase> phase, AtomicBoolean running)
      throws Exception {
    long next = SEED_TRANSCRIPTS;
    while (running.get()) {
      List<Transcript> batch = new ArrayList<>();
      for (int i = 0; i < BATCH; i++) {
        batch.add(corpus.transcript(next++));
      }
      while (!post(batch, phase)) {
        Thread.sleep(250);
      }
    }
    return null;
  }

  private static boolean post(List<Transcript> batch, AtomicReference<Phase> phase) {
    Phase at = phase.get();
    try {
      HttpResponse<String> response = http.send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + replicatedServer.port() + "/api/transcripts"))
              .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(Json.mapper().writeValueAsString(batch))).build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      if (response.statusCode() != 201) {
        writeFailures.add(at + ": " + response.statusCode() + " " + response.body());
        return false;
      }
      List<String> ids = new ArrayList<>();
      for (Transcript transcript : batch) {
        Transcript enriched = TestIndexes.PIPELINE.enricher().enrich(transcript).transcript();
        enriched.turns().forEach(turn -> ids.add(TranscriptIds.utterance(enriched.id(), turn.n())));
      }
      // A batch counts as written while the node was down only if it was sent and acknowledged then.
      acks.add(new Ack(phase.get() == at ? at : Phase.KILLING, ids));
      return true;
    } catch (Exception e) {
      writeFailures.add(at + ": " + e);
      return false;
    }
  }

  private static Void search(AtomicReference<Phase> phase, AtomicBoolean running) throws Exception {
    while (running.get()) {
      for (Javalin server : List.of(replicatedServer, singleServer)) {
        String collection = server == replicatedServer ? REPLICATED : SINGLE;
        Phase at = phase.get();
        try {
          Answer answer = get(server, SEARCH);
          // A search begun before the kill may end after it: only what began and ended in one phase is counted.
          if (phase.get() == at) {
            searches.add(new Search(at, collection, answer.status(), answer.body().path("total").asLong(-1),
                answer.body().get("shards"), answer.status() == 200 ? null : answer.body().toString(), null));
          }
        } catch (Exception e) {
          searches.add(new Search(at, collection, -1, -1, null, null, e.toString()));
        }
      }
      Thread.sleep(20);
    }
    return null;
  }

  private record Answer(int status, JsonNode body) {}

  private static Answer get(Javalin app, String path) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    return new Answer(response.statusCode(), Json.mapper().readTree(response.body()));
  }

  /** The documents of {@code collection} (or one core, with {@code distrib} false) that a search finds. */
  private static long documents(SolrClient client, String collection, Boolean distrib) throws Exception {
    SolrQuery query = new SolrQuery("*:*").setRows(0);
    if (distrib != null) {
      query.set("distrib", distrib);
    }
    return client.query(collection, query).getResults().getNumFound();
  }
}
