package org.transcriptsearch.solr;

import java.io.IOException;
import java.util.List;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.apache.solr.common.SolrException;
import org.transcriptsearch.index.Schema;
import org.transcriptsearch.ingest.TranscriptWriter;
import org.transcriptsearch.model.Transcript;
import org.transcriptsearch.search.Deadline;
import org.transcriptsearch.search.SearchLimits;

/**
 * A SolrCloud collection as the store of the HTTP API's writes: posted transcripts go through
 * {@link SolrTranscriptStore} as {@code index --solr} writes them (each copy its own transcript: mirror grouping needs
 * the embedded index), and a deleted episode's utterances are deleted by query. Each write opens its own store, so a
 * failure of one write never fails the next. A batch is not atomic across shards: Solr applies each shard's part on
 * its own, so a failure part-way can leave some transcripts of a batch written (the answer is then an error, and
 * posting the batch again replaces them). Thread-safe.
 */
public final class SolrTranscriptWrites implements TranscriptWriter.Store {
  private final SolrNodes client;
  private final String url;
  private final String collection;
  private final Schema schema;

  /** Writes into {@code collection} at {@code url} (already checked to hold this schema), reading with {@code client}. */
  public SolrTranscriptWrites(SolrNodes client, String url, String collection, Schema schema) {
    this.client = client;
    this.url = url;
    this.collection = collection;
    this.schema = schema;
  }

  @Override
  public void putAll(List<Transcript> transcripts, List<List<List<String>>> turnTopics) throws IOException {
    try (SolrTranscriptStore store = SolrTranscriptStore.sharing(client, collection, schema)) {
      for (int i = 0; i < transcripts.size(); i++) {
        store.put(transcripts.get(i), turnTopics.get(i));
      }
      store.commit();
    }
  }

  @Override
  public boolean contains(String episodeId) throws IOException {
    SolrCalls calls = new SolrCalls(client, url, collection, Deadline.after(SearchLimits.DEFAULT.timeout()));
    return calls.count("{!term f=" + Schema.EPISODE_ID + "}" + episodeId, List.of()) > 0;
  }

  @Override
  public void delete(String episodeId) throws IOException {
    try {
      new UpdateRequest().deleteByQuery("{!term f=" + Schema.EPISODE_ID + "}" + episodeId).process(client, collection);
    } catch (SolrServerException | SolrException e) {
      throw new IOException("Solr at " + url + " refused to delete episode " + episodeId + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void commit() throws IOException {
    try {
      client.commit(collection);
    } catch (SolrServerException | SolrException e) {
      throw new IOException("Solr at " + url + " failed to commit: " + e.getMessage(), e);
    }
  }
}
