package org.transcriptsearch.index;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import org.transcriptsearch.model.Transcript;

/**
 * Where ingest writes enriched transcripts: the embedded index ({@link TranscriptIndex}) or a SolrCloud collection
 * ({@code solr/SolrTranscriptStore}). Reading, enrichment and the summary are the ingester's; a store only maps and
 * stores. Implementations take {@link #put} from several threads at once.
 */
public interface TranscriptStore extends Closeable {
  /**
   * Adds or replaces a transcript by id, with the topics of each turn: a re-ingest never duplicates, and a copy with
   * fewer turns leaves none of the old ones behind.
   *
   * @throws IOException when the store itself fails (ingest stops)
   * @throws RuntimeException when the store refuses this transcript (ingest skips it with the message as reason)
   */
  void put(Transcript transcript, List<List<String>> turnTopics) throws IOException;

  /** Makes every write so far durable and visible to searches. */
  void commit() throws IOException;
}
