package org.transcriptsearch.solr;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.request.SolrQuery;
import org.apache.solr.client.solrj.request.UpdateRequest;
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

  /** The first failure of Solr itself: every later call fails at once with it instead of waiting for a timeout. */
  private final AtomicReference<IOException> failed = new AtomicReference<>();

  private SolrTranscriptStore(SolrClient client, String url, String collection, Schema schema) {
    this.client = client;
    this.url = url;
    this.collection = collection;
    this.documents = new SolrDocuments(schema);
  }

  /**
   * A store writing into {@code collection} at the Solr node {@code url}, once the collection is known to exist with
   * this schema version.
   *
   * @throws org.transcriptsearch.search.BadRequestException if {@code url} or {@code collection} cannot be valid
   * @throws SolrSetup.SchemaMismatchException if the collection is missing or of another schema
   * @throws IOException if Solr cannot be reached or answers an error
   */
  public static SolrTranscriptStore open(String url, String collection, Schema schema) throws IOException {
    SolrClient client = SolrClients.forUrl(url);
    try {
      new SolrSetup(client, SolrClients.checked(url), new SolrConfigset(schema)).verify(collection);
    } catch (IOException | RuntimeException e) {
      client.close();
      throw e;
    }
    return new SolrTranscriptStore(client, SolrClients.checked(url), collection, schema);
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
    update.add(docs);
    if (!stale.isEmpty()) {
      update.deleteById(stale); // disjoint from the ids added, so the order Solr applies them in does not matter
    }
    try {
      retried(() -> update.process(client, collection));
    } catch (SolrException e) {
      throw refusedOrFailed(e, transcript, highest);
    } catch (SolrServerException | IOException e) {
      throw failure(e);
    }
    written.merge(transcript.id(), highestTurn(transcript), Math::max);
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

  /** Sends {@code request} up to {@link #ATTEMPTS} times while no answer comes; an answer, even an error, is final. */
  private static <T> T retried(Request<T> request) throws SolrServerException, IOException {
    for (int attempt = 1; ; attempt++) {
      try {
        return request.send();
      } catch (SolrServerException | IOException e) {
        if (attempt >= ATTEMPTS) {
          throw e;
        }
      }
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
    client.close();
  }
}
