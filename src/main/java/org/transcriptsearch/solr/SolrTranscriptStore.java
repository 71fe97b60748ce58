package org.transcriptsearch.solr;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.request.SolrQuery;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.apache.solr.client.solrj.response.UpdateResponse;
import org.apache.solr.common.SolrDocumentList;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.SolrInputDocument;
import org.transcriptsearch.index.Schema;
import org.transcriptsearch.index.TranscriptStore;
import org.transcriptsearch.model.Transcript;
import org.transcriptsearch.model.TranscriptIds;
import org.transcriptsearch.model.Turn;

/**
 * A SolrCloud collection as the store ingest writes to: each transcript's utterances are added through
 * {@link SolrDocuments}, replacing by utterance id, and the utterances an earlier copy had beyond the new copy's
 * turns are deleted by id in the same request, so re-indexing leaves the same counts. No delete-by-query: Solr
 * opens a new real-time searcher on every shard for each one, which would cost a segment per transcript.
 *
 * <p>Thread-safe. Every copy of one id must come from one thread (ingest's workers do so), so a copy's cleanup
 * never races another copy's adds.
 */
public final class SolrTranscriptStore implements TranscriptStore {
  private final SolrClient client;
  private final boolean owned; // whether closing the store closes the client
  private final String url;
  private final String collection;
  private final SolrDocuments documents;
  /** Id -> the highest turn number written in this run: turns the collection may hold uncommitted. */
  private final Map<String, Integer> written = new ConcurrentHashMap<>();
  /**
   * Tries of one request that met no answer. The JDK's HTTP client sometimes sends on a kept-alive connection the
   * node is closing ("connection closed locally", seen about once in 3,000 transcripts); every request here adds,
   * deletes by id, reads or commits, so sending it again is harmless.
   */
  static final int ATTEMPTS = 3;

  /**
   * How long a request answered by a server error is sent again. Solr answers 5xx while a node it forwards to is
   * stopping or a shard has no leader yet; on a two-node cluster with one stopped, writes went on within a second
   * (SolrCloudFaultTest). A node that dies without a goodbye is noticed when its ZooKeeper session expires.
   */
  static final Duration SERVER_ERROR_PATIENCE = Duration.ofSeconds(30);

  private static final String MIN_RF = "min_rf";

  /** The first failure of Solr itself: every later call fails at once with it instead of waiting for a timeout. */
  private final AtomicReference<IOException> failed = new AtomicReference<>();

  /** The replicas each shard has: how many copies a write should reach (Solr reports how many it did). */
  private final int replicas;
  /** Transcripts whose write reached fewer replicas than {@link #replicas}, and the fewest any write reached. */
  private final LongAdder underReplicated = new LongAdder();
  private final AtomicInteger fewest = new AtomicInteger(Integer.MAX_VALUE);

  private SolrTranscriptStore(
      SolrClient client, String url, String collection, Schema schema, int replicas, boolean owned) {
    this.client = client;
    this.owned = owned;
    this.url = url;
    this.collection = collection;
    this.documents = new SolrDocuments(schema);
    this.replicas = replicas;
  }

  /**
   * A store writing into {@code collection} at the Solr node {@code url} (or several, comma-separated, failed over
   * between: {@link SolrNodes}), once the collection is known to exist with
   * this schema version.
   *
   * @throws org.transcriptsearch.search.BadRequestException if {@code url} or {@code collection} cannot be valid
   * @throws SolrSetup.SchemaMismatchException if the collection is missing or of another schema
   * @throws IOException if Solr cannot be reached or answers an error
   */
  public static SolrTranscriptStore open(String url, String collection, Schema schema) throws IOException {
    SolrNodes client = SolrClients.forNodes(url, collection);
    try {
      return over(client, collection, schema, true);
    } catch (IOException | RuntimeException e) {
      client.close();
      throw e;
    }
  }

  /**
   * A store writing into {@code collection} through {@code client}, which it leaves open when closed: the server's
   * writes share the client of its searches, so a node it found dead is skipped by both.
   *
   * @throws SolrSetup.SchemaMismatchException if the collection is missing or of another schema
   * @throws IOException if Solr cannot be reached or answers an error
   */
  static SolrTranscriptStore sharing(SolrNodes client, String collection, Schema schema) throws IOException {
    return over(client, collection, schema, false);
  }

  private static SolrTranscriptStore over(SolrNodes client, String collection, Schema schema, boolean owned)
      throws IOException {
    SolrSetup setup = new SolrSetup(client, client.shown(), new SolrConfigset(schema));
    setup.verify(collection);
    return new SolrTranscriptStore(client, client.shown(), collection, schema, setup.replicasPerShard(collection),
        owned);
  }

  /** Where this store writes, as the index summary names it. */
  public String shown() {
    return "collection " + collection + " at " + url;
  }

  @Override
  public void put(Transcript transcript, List<List<String>> turnTopics) throws IOException {
    failFast();
    List<SolrInputDocument> docs = documents.of(transcript, turnTopics);
    int highest = Math.max(highestCommitted(transcript.id()), written.getOrDefault(transcript.id(), 0));
    List<String> stale = staleIds(transcript, highest);
    UpdateRequest update = new UpdateRequest();
    // With min_rf, Solr reports in "rf" the replication factor the write achieved (the fewest replicas of any shard
    // it touched; SolrCloudFaultTest sees 1 of 2 with a node down). SolrJ 10 has no constant for the parameter.
    update.setParam(MIN_RF, Integer.toString(replicas));
    update.add(docs);
    if (!stale.isEmpty()) {
      update.deleteById(stale); // disjoint from the ids added, so the order Solr applies them in does not matter
    }
    try {
      count(retried(() -> update.process(client, collection)));
    } catch (SolrException e) {
      throw refusedOrFailed(e, transcript, highest);
    } catch (SolrServerException | IOException e) {
      throw failure(e);
    }
    written.merge(transcript.id(), highestTurn(transcript), Math::max);
  }

  /** Counts a write that reached fewer replicas than each shard has (a replica was down or recovering). */
  private void count(UpdateResponse response) {
    Object rf = response.getResponseHeader() == null ? null : response.getResponseHeader().get(UpdateRequest.REPFACT);
    if (rf instanceof Number achieved) {
      fewest.accumulateAndGet(achieved.intValue(), Math::min);
      if (achieved.intValue() < replicas) {
        underReplicated.increment();
      }
    }
  }

  /** How writes were replicated so far: the replicas each shard has, writes that reached fewer, the fewest reached. */
  public record Replication(int replicas, long underReplicated, int fewest) {}

  /** How this store's writes so far were replicated; {@code fewest} is {@code replicas} when nothing was written. */
  public Replication replication() {
    int least = fewest.get();
    return new Replication(replicas, underReplicated.sum(), least == Integer.MAX_VALUE ? replicas : least);
  }

  /**
   * What to tell the user when some writes reached fewer replicas than the collection has: Solr accepted them (and
   * the commit made them durable on the replicas that took them) while a replica was down, so until that replica has
   * recovered they live on fewer machines than asked for. Empty when every write reached every replica.
   */
  public Optional<String> replicationWarning() {
    Replication r = replication();
    if (r.underReplicated() == 0) {
      return Optional.empty();
    }
    return Optional.of(r.underReplicated() + " transcript(s) reached only " + r.fewest() + " of the " + r.replicas()
        + " replicas of their shard (a replica was down); they are indexed, and the replica copies them when it"
        + " recovers: until then losing the node that holds them would lose them");
  }

  /**
   * The ids of the utterances a copy whose turns went up to {@code highest} had and {@code transcript} has not.
   * Deleting an id Solr does not hold does nothing, so every number up to {@code highest} is named.
   */
  static List<String> staleIds(Transcript transcript, int highest) {
    Set<Integer> kept = new HashSet<>();
    transcript.turns().forEach(turn -> kept.add(turn.n()));
    List<String> stale = new ArrayList<>();
    for (int n = 1; n <= highest; n++) { // turns count from 1
      if (!kept.contains(n)) {
        stale.add(TranscriptIds.utterance(transcript.id(), n));
      }
    }
    return stale;
  }

  private static int highestTurn(Transcript transcript) {
    return transcript.turns().stream().mapToInt(Turn::n).max().orElse(0);
  }

  /** The highest turn number of {@code episodeId} the collection holds committed; 0 when it holds none. */
  private int highestCommitted(String episodeId) throws IOException {
    SolrQuery query = new SolrQuery("{!term f=" + Schema.EPISODE_ID + " v=$episode}");
    query.set("episode", episodeId);
    query.setRows(1).setFields(Schema.TURN).addSort(Schema.TURN, SolrQuery.ORDER.desc);
    query.set("distrib.singlePass", true); // one round to the shards: the only field asked for is the sort's
    try {
      SolrDocumentList found = retried(() -> client.query(collection, query)).getResults();
      return found.isEmpty() ? 0 : ((Number) found.getFirst().getFirstValue(Schema.TURN)).intValue();
    } catch (SolrException | SolrServerException | IOException e) {
      throw failure(e);
    }
  }

  /**
   * A refusal of this transcript (Solr's 4xx: a value it cannot hold) is the record's problem: ingest skips it. Solr
   * may have added the utterances before the refused one, so they are deleted again rather than left mixed with the
   * earlier copy's. Anything else is Solr failing, and stops ingest.
   */
  private RuntimeException refusedOrFailed(SolrException e, Transcript transcript, int highest) throws IOException {
    if (e.code() < 400 || e.code() >= 500) {
      throw failure(e);
    }
    List<String> all = staleIds(transcript, Math.max(highest, highestTurn(transcript)));
    transcript.turns().forEach(turn -> all.add(TranscriptIds.utterance(transcript.id(), turn.n())));
    try {
      retried(() -> new UpdateRequest().deleteById(all).process(client, collection));
    } catch (SolrException | SolrServerException | IOException cleanup) {
      throw failure(cleanup);
    }
    written.remove(transcript.id());
    // the reason first: ingest cuts a long message short, and Solr quotes the refused value
    return new IllegalArgumentException("Solr refused it; the collection holds no copy of it: " + e.getMessage());
  }

  /** A request to Solr. */
  @FunctionalInterface
  private interface Request<T> {
    T send() throws SolrServerException, IOException;
  }

  /**
   * Sends {@code request} up to {@link #ATTEMPTS} times while no answer comes, and again while Solr answers a server
   * error (5xx) for up to {@link #SERVER_ERROR_PATIENCE}: that is a node of the cluster lost mid-request or a shard
   * electing a new leader, which passes in seconds. A refusal (4xx) is final. Every request here is an add or delete
   * by id, a read or a commit, so sending it again after Solr applied part of it leaves the same result.
   */
  private static <T> T retried(Request<T> request) throws SolrServerException, IOException {
    long giveUp = System.nanoTime() + SERVER_ERROR_PATIENCE.toNanos();
    long pause = 100;
    for (int attempt = 1; ; attempt++) {
      try {
        return request.send();
      } catch (SolrServerException | IOException e) {
        if (attempt >= ATTEMPTS) {
          throw e;
        }
      } catch (SolrException e) {
        if (e.code() < 500 || System.nanoTime() + pause * 1_000_000 > giveUp) {
          throw e;
        }
        pause(pause);
        pause = Math.min(pause * 2, 2_000);
      }
    }
  }

  private static void pause(long millis) throws IOException {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("interrupted while waiting to send a request to Solr again");
    }
  }

  private IOException failure(Exception e) {
    IOException failure =
        e instanceof SolrException solr
            ? new IOException("Solr at " + url + " failed (" + solr.getMessage() + ")", e)
            : new IOException("no answer from Solr at " + url + " (" + SolrSetup.rootCause(e) + ")", e);
    failed.compareAndSet(null, failure);
    return failure;
  }

  private void failFast() throws IOException {
    IOException failure = failed.get();
    if (failure != null) {
      throw new IOException(failure.getMessage(), failure);
    }
  }

  @Override
  public void commit() throws IOException {
    failFast();
    try {
      retried(() -> client.commit(collection));
    } catch (SolrException | SolrServerException | IOException e) {
      throw failure(e);
    }
  }

  @Override
  public void close() throws IOException {
    if (owned) {
      client.close();
    }
  }
}
