package org.transcriptsearch.ingest;

import java.io.IOException;
import java.util.List;
import org.transcriptsearch.index.TranscriptIndex;
import org.transcriptsearch.index.TranscriptStore;
import org.transcriptsearch.model.Transcript;

/**
 * Stores that tell a listener of each transcript once the store has taken it, as the embedded index tells its
 * {@link TranscriptIndex.PutListener}s: so that alerts are matched against what is written into a store of another
 * backend (a SolrCloud collection) through the product, whichever way it comes (a POST, a watched file).
 */
public final class ListenedStores {
  private ListenedStores() {}

  /** {@code store}, telling {@code listener} of each transcript it has taken; a refused one is not told. */
  public static TranscriptStore of(TranscriptStore store, TranscriptIndex.PutListener listener) {
    return new TranscriptStore() {
      @Override
      public void put(Transcript transcript, List<List<String>> turnTopics) throws IOException {
        store.put(transcript, turnTopics);
        listener.put(transcript, turnTopics);
      }

      @Override
      public void commit() throws IOException {
        store.commit();
      }

      @Override
      public void close() throws IOException {
        store.close();
      }
    };
  }

  /** {@code store}, telling {@code listener} of each transcript of a batch once the whole batch is taken. */
  public static TranscriptWriter.Store of(TranscriptWriter.Store store, TranscriptIndex.PutListener listener) {
    return new TranscriptWriter.Store() {
      @Override
      public void putAll(List<Transcript> transcripts, List<List<List<String>>> turnTopics) throws IOException {
        store.putAll(transcripts, turnTopics);
        for (int i = 0; i < transcripts.size(); i++) {
          listener.put(transcripts.get(i), turnTopics.get(i));
        }
      }

      @Override
      public boolean contains(String episodeId) throws IOException {
        return store.contains(episodeId);
      }

      @Override
      public void delete(String episodeId) throws IOException {
        store.delete(episodeId);
      }

      @Override
      public void commit() throws IOException {
        store.commit();
      }
    };
  }
}
