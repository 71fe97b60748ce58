package org.transcriptsearch.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.transcriptsearch.index.Schema;
import org.transcriptsearch.index.UtteranceDocuments;
import org.transcriptsearch.ingest.Enricher;
import org.transcriptsearch.ingest.Pipeline;
import org.transcriptsearch.model.Transcript;

/**
 * The limit of ingest: raw Lucene with the product's schema, analyzer and RAM buffer. Documents are built with the
 * product's UtteranceDocuments from enriched transcripts BEFORE timing, a chunk at a time (the whole corpus of
 * Documents would not fit the common heap); only IndexWriter.addDocuments (one call per transcript, spread over
 * THREADS threads, as the product's worker per core), the final commit and close are timed.
 */
final class LuceneIngest {
  /** Transcripts per chunk of prebuilt documents (about 60,000 utterances). */
  static final int CHUNK = 2_000;

  private LuceneIngest() {}

  public static void main(String[] args) throws Exception {
    Path jsonl = Path.of(args[0]);
    Path indexDir = Path.of(args[1]);
    int threads = Integer.parseInt(args[2]);
    Path result = Path.of(args[3]);
    Pipeline pipeline = Pipeline.standard();
    Schema schema = pipeline.schema();
    Enricher enricher = pipeline.enricher();
    UtteranceDocuments documents = new UtteranceDocuments(schema);
    IndexWriterConfig config = new IndexWriterConfig(schema.analyzer());
    config.setOpenMode(IndexWriterConfig.OpenMode.CREATE);
    config.setRAMBufferSizeMB(256); // as TranscriptIndex.openWritable
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long[] timedNanos = new long[1];
    long[] utterances = new long[1];
    try (FSDirectory dir = FSDirectory.open(indexDir);
        IndexWriter writer = new IndexWriter(dir, config)) {
      List<Transcript> chunk = new ArrayList<>(CHUNK);
      Runnable flush =
          () -> {
            try {
              timedNanos[0] += addChunk(chunk, enricher, documents, writer, pool, threads, utterances);
            } catch (Exception e) {
              throw new IllegalStateException(e);
            }
            chunk.clear();
          };
      Corpus.each(
          jsonl,
          t -> {
            chunk.add(t);
            if (chunk.size() == CHUNK) {
              flush.run();
            }
          });
      flush.run();
      long start = System.nanoTime();
      writer.setLiveCommitData(Map.of("transcript-search.schema", Schema.VERSION).entrySet());
      writer.commit();
      writer.close(); // waits for running merges, as the product's close does
      timedNanos[0] += System.nanoTime() - start;
    } finally {
      pool.shutdownNow();
    }
    double seconds = timedNanos[0] / 1e9;
    System.out.printf("lucene-ingest: %d utterances in %.2f s timed (%.0f/s), %d threads%n",
        utterances[0], seconds, utterances[0] / seconds, threads);
    var r = Results.node();
    r.put("lucene_ingest_seconds", seconds);
    r.put("lucene_ingest_utterances", utterances[0]);
    r.put("lucene_ingest_per_s", utterances[0] / seconds);
    r.put("lucene_ingest_threads", threads);
    Results.put(result, r);
  }

  /** Builds the chunk's documents untimed; returns the nanoseconds spent adding them. */
  private static long addChunk(
      List<Transcript> chunk,
      Enricher enricher,
      UtteranceDocuments documents,
      IndexWriter writer,
      ExecutorService pool,
      int threads,
      long[] utterances)
      throws Exception {
    List<List<Document>> built =
        chunk.parallelStream()
            .map(
                t -> {
                  Enricher.Enriched e = enricher.enrich(t);
                  try {
                    return documents.of(e.transcript(), e.turnTopics());
                  } catch (IOException x) {
                    throw new UncheckedIOException(x);
                  }
                })
            .toList();
    built.forEach(docs -> utterances[0] += docs.size());
    long start = System.nanoTime();
    List<Future<?>> work = new ArrayList<>();
    for (int w = 0; w < threads; w++) {
      int first = w;
      work.add(
          pool.submit(
              () -> {
                for (int i = first; i < built.size(); i += threads) {
                  writer.addDocuments(built.get(i));
                }
                return null;
              }));
    }
    for (Future<?> f : work) {
      f.get();
    }
    return System.nanoTime() - start;
  }
}
