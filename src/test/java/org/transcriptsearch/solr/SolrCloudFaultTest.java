package org.transcriptsearch.solr;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.transcriptsearch.index.Schema;
import org.transcriptsearch.ingest.Enricher;
import org.transcriptsearch.model.Transcript;
import org.transcriptsearch.model.TranscriptIds;

/**
 * A node of a two-node SolrCloud stopped under a load of searches and writes, and started again. The collection under
 * test has 2 shards x 2 replicas, one replica of each shard on each node, so either node can fail; a second
 * collection of 2 shards x 1 replica loses a shard with the node, to see a search say it answered from fewer shards.
 * Writes go through the product's {@link SolrTranscriptStore} in batches of transcripts, each batch acknowledged when
 * its commit returns; searches through {@link TolerantSearch}. The node stopped holds the leader of shard1, so the
 * writes meet a leader election. Runs with {@code mvn -Psolrcloud test}.
 */
@Tag("solrcloud")
@ExtendWith(SharedSolrCloud.class)
class SolrCloudFaultTest {
  private static final String REPLICATED = "faults";
  private static final String SINGLE = "faults-single";
  private static final int SEED_TRANSCRIPTS = 30;
  private static final int BATCH = 3;
  private static final int SEARCHERS = 3;
  private static final Duration BEFORE = Duration.ofSeconds(4);
  private static final Duration DOWN = Duration.ofSeconds(8);
  private static final Duration AFTER = Duration.ofSeconds(4);

  /**
   * When something happened, relative to the node's stop and start: while {@code local.sh node stop|start} is at
   * work the node is neither up nor down, so what happens then is kept apart.
   */
  enum Phase { BEFORE, STOPPING, DOWN, STARTING, AFTER }

  /** One search's outcome. */
  record Search(Phase phase, String collection, long found, boolean partial, String failure) {}

  /** One batch acknowledged: its utterance ids, when, and the fewest replicas any of its writes reached. */
  record Ack(Phase phase, List<String> ids, int fewestReplicas) {}

  private static LocalSolrCloud cluster;
  private static SolrClient solr;
  private static String clientUrl;
  private static int stopped;
  private static long seeded;
  private static long singleSeeded;
  private static final ConcurrentLinkedQueue<Search> searches = new ConcurrentLinkedQueue<>();
  private static final List<Ack> acks = Collections.synchronizedList(new ArrayList<>());
  private static final List<String> writeFailures = Collections.synchronizedList(new ArrayList<>());
  private static boolean rejoined;
  private static CommandRun ingestWhileDown;

  @BeforeAll
  static void stopANodeUnderLoad(LocalSolrCloud shared) throws Exception {
    cluster = shared;
    for (String[] layout : new String[][] {{REPLICATED, "2"}, {SINGLE, "1"}}) {
      CommandRun setup = CommandRun.run("solr", "setup", "--solr", cluster.url(), "--collection", layout[0], "--shards", "2",
          "--replicas", layout[1]);
      assertThat(setup.status()).as(setup.err()).isZero();
    }
    try (SolrClient first = SolrClients.forUrl(cluster.url())) {
      stopped = leaderNodeOfShard1(first);
    }
    // Every request goes to the node that stays up; Solr forwards to the shards' leaders and replicas from there.
    clientUrl = cluster.nodeUrls().get(stopped == 1 ? 1 : 0);
    solr = SolrClients.forUrl(clientUrl);
    CorpusGenerator corpus = new CorpusGenerator(17);
    seeded = seed(REPLICATED, corpus, 0);
    singleSeeded = seed(SINGLE, corpus, 0);

    AtomicReference<Phase> phase = new AtomicReference<>(Phase.BEFORE);
    AtomicBoolean running = new AtomicBoolean(true);
    ExecutorService pool = Executors.newFixedThreadPool(SEARCHERS + 1);
    List<Future<?>> load = new ArrayList<>();
    load.add(pool.submit(() -> write(corpus, phase, running)));
    for (int s = 0; s < SEARCHERS; s++) {
      load.add(pool.submit(() -> search(phase, running)));
    }
    try {
      Thread.sleep(BEFORE.toMillis());
      phase.set(Phase.STOPPING);
      cluster.stopNode(stopped);
      phase.set(Phase.DOWN);
      Thread.sleep(DOWN.toMillis() / 2);
      ingestWhileDown = CommandRun.run("index", "--solr", clientUrl, "--collection", REPLICATED,
          TestIndexes.FIXTURE_CORPUS.toString());
      Thread.sleep(DOWN.toMillis() / 2);
      phase.set(Phase.STARTING);
      cluster.startNode(stopped);
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
    solr.commit(REPLICATED);
  }

  @AfterAll
  static void closeClient() throws Exception {
    if (solr != null) {
      SolrCloudState.deleteCollections(solr, REPLICATED, SINGLE);
      solr.close();
    }
  }

  @Test
  void searchesKeepAnsweringInFullWhileEveryShardHasAReplicaUp() {
    List<Search> replicated = searches.stream().filter(s -> s.collection().equals(REPLICATED)).toList();
    assertThat(replicated).extracting(Search::failure).containsOnlyNulls();
    assertThat(replicated).filteredOn(s -> s.phase() == Phase.DOWN).hasSizeGreaterThan(10)
        .allSatisfy(s -> assertThat(s.partial()).isFalse());
    // Writes went on, so the counts only grow; never below what was there before the load.
    assertThat(replicated).allSatisfy(s -> assertThat(s.found()).isGreaterThanOrEqualTo(seeded));
  }

  @Test
  void aSearchAnsweredByFewerShardsSaysSo() {
    List<Search> single = searches.stream().filter(s -> s.collection().equals(SINGLE)).toList();
    assertThat(single).extracting(Search::failure).containsOnlyNulls();
    assertThat(single).filteredOn(s -> s.phase() == Phase.BEFORE).isNotEmpty()
        .allSatisfy(s -> assertThat(s).extracting(Search::partial, Search::found).containsExactly(false, singleSeeded));
    // With its node down one shard of two is gone: the answer is partial, says so, and counts the other shard only.
    assertThat(single).filteredOn(s -> s.phase() == Phase.DOWN).hasSizeGreaterThan(10).allSatisfy(s -> {
      assertThat(s.partial()).isTrue();
      assertThat(s.found()).isPositive().isLessThan(singleSeeded);
    });
  }

  /** The store sends a write again while Solr answers a server error, so the node's stop fails no batch. */
  @Test
  void noWriteFailsWhileTheNodeStopsAndRestarts() {
    assertThat(writeFailures).isEmpty();
  }

  @Test
  void everyAcknowledgedWriteIsThereAfterTheNodeRejoins() throws Exception {
    assertThat(acks).filteredOn(a -> a.phase() == Phase.BEFORE).isNotEmpty()
        .allSatisfy(a -> assertThat(a.fewestReplicas()).isEqualTo(2));
    // Writes went on while the node was down, and Solr said they reached one replica of two.
    assertThat(acks).filteredOn(a -> a.phase() == Phase.DOWN).isNotEmpty()
        .anySatisfy(a -> assertThat(a.fewestReplicas()).isEqualTo(1));
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
        + " utterances), " + writeFailures.size() + " failed and sent again: " + writeFailures);
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

  /** The utterances the command line's ingest reported, from its summary's first line. */
  private static long fixtureUtterances() {
    var m = java.util.regex.Pattern.compile("^Indexed \\d+ transcripts \\(([\\d,]+) utterances\\)")
        .matcher(firstLine(ingestWhileDown));
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

  /** Writes {@link #SEED_TRANSCRIPTS} transcripts into {@code collection}, committed; returns its documents. */
  private static long seed(String collection, CorpusGenerator corpus, long from) throws Exception {
    try (SolrTranscriptStore store = SolrTranscriptStore.open(clientUrl, collection, TestIndexes.PIPELINE.schema())) {
      for (long i = from; i < from + SEED_TRANSCRIPTS; i++) {
        Enricher.Enriched t = TestIndexes.PIPELINE.enricher().enrich(corpus.transcript(i));
        store.put(t.transcript(), t.turnTopics());
      }
      store.commit();
    }
    return documents(solr, collection, null);
  }

  /**
   * Batches of new transcripts into the replicated collection, each acknowledged when its commit returns. A batch
   * that fails (a leader gone, an election under way) is sent again through a new store, as a user runs the ingest
   * again: writes by id make that harmless. Returns once a batch is acknowledged after the load stopped.
   */
  private static Void write(CorpusGenerator corpus, AtomicReference<Phase> phase, AtomicBoolean running)
      throws Exception {
    long next = SEED_TRANSCRIPTS;
    while (running.get()) {
      List<Transcript> batch = new ArrayList<>();
      for (int i = 0; i < BATCH; i++) {
        batch.add(corpus.transcript(next++));
      }
      while (!writeBatch(batch, phase)) {
        Thread.sleep(250);
      }
    }
    return null;
  }

  private static boolean writeBatch(List<Transcript> batch, AtomicReference<Phase> phase) {
    try (SolrTranscriptStore store = SolrTranscriptStore.open(clientUrl, REPLICATED, TestIndexes.PIPELINE.schema())) {
      List<String> ids = new ArrayList<>();
      for (Transcript transcript : batch) {
        Enricher.Enriched t = TestIndexes.PIPELINE.enricher().enrich(transcript);
        store.put(t.transcript(), t.turnTopics());
        t.transcript().turns().forEach(turn -> ids.add(TranscriptIds.utterance(t.transcript().id(), turn.n())));
      }
      store.commit();
      acks.add(new Ack(phase.get(), ids, store.replication().fewest()));
      return true;
    } catch (Exception e) {
      writeFailures.add(phase.get() + ": " + e.getMessage());
      return false;
    }
  }

  private static Void search(AtomicReference<Phase> phase, AtomicBoolean running) throws Exception {
    while (running.get()) {
      for (String collection : List.of(REPLICATED, SINGLE)) {
        Phase at = phase.get();
        try {
          SolrQuery query = new SolrQuery("*:*").setRows(10).setFacet(true)
              .addFacetField(SolrConfigset.facetField(Schema.FACET_SPEAKER));
          TolerantSearch.Answer answer = TolerantSearch.query(solr, collection, query);
          // A search begun before the stop may end after it: only what began and ended in one phase is counted.
          if (phase.get() == at) {
            searches.add(new Search(at, collection, answer.response().getResults().getNumFound(), answer.partial(),
                null));
          }
        } catch (Exception e) {
          searches.add(new Search(at, collection, -1, false, e.toString()));
        }
      }
      Thread.sleep(20);
    }
    return null;
  }

  /** The documents of {@code collection} (or one core, with {@code distrib} false) that a search finds. */
  private static long documents(SolrClient client, String collection, Boolean distrib) throws Exception {
    SolrQuery query = new SolrQuery("*:*").setRows(0);
    if (distrib != null) {
      query.set("distrib", distrib);
    }
    return client.query(collection, query).getResults().getNumFound();
  }

  private static String firstLine(CommandRun run) {
    return run.out().lines().findFirst().orElse("");
  }
}
