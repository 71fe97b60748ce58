package org.transcriptsearch.ingest;

import java.io.IOException;
import java.util.List;
import org.transcriptsearch.index.TranscriptIndex;
import org.transcriptsearch.index.TranscriptStore;
import org.transcriptsearch.model.Transcript;

/**
 * Stores that tell a listener of each transcript once the store has taken it, and that what it was told of is
 * searchable once a commit is done (a Solr commit opens a new searcher and waits for it), as the embedded index tells
 * its {@link TranscriptIndex.PutListener}s: so that alerts are matched against what is written into a store of
 * another backend (a SolrCloud collection) through the product, whichever way it comes (a POST, a watched file).
 */
public final class ListenedStores {
  private ListenedStores() {}

  /** A commit that makes searchable what was written before it. */
  @FunctionalInterface
  private interface Commit {
    void run() throws IOException;
  }

  /** Runs {@code commit}, then tells {@code listener} that what it was told of before is searchable. */
  private static void searchableAfter(Commit commit, TranscriptIndex.PutListener listener) throws IOException {
    Runnable searchable = listener.refreshing();
    try {
      commit.run();
    } finally {
      searchable.run();
    }
  }

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
        searchableAfter(store::commit, listener);
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
        searchableAfter(store::commit, listener);
      }
    };
  }
}
