package org.transcriptsearch.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.lucene.store.AlreadyClosedException;
import org.transcriptsearch.dedup.MirrorGroups;
import org.transcriptsearch.index.TranscriptIndex;
import org.transcriptsearch.index.TranscriptStore;
import org.transcriptsearch.model.Transcript;
import org.transcriptsearch.reader.BadInputException;

/**
 * The state of one ingest run; receives what the readers find. Enrichment and indexing run on a worker per core,
 * at most {@link #IN_FLIGHT_PER_WORKER} transcripts per worker ahead of the reader. Every copy of one id goes to
 * the same worker, so copies are indexed in the order read and the last one read is the one kept. Before each
 * commit every transcript given so far is indexed, so a commit holds everything read before it.
 *
 * <p>The summary's counts are of what the workers indexed, not of what was read: a transcript the enrichment or
 * the index refuses on a worker's thread is a skipped record with its reason, never a silent success.
 */
final class IngestRun implements TranscriptReader.Sink, AutoCloseable {
  /** Transcripts between commits. */
  static final int COMMIT_EVERY = 5_000;

  /** Transcripts a worker may have waiting, so reading stays just ahead of indexing and memory stays flat. */
  static final int IN_FLIGHT_PER_WORKER = 32;

  /** How much of a refused record's error message the summary shows. */
  private static final int MESSAGE_CHARS = 300;

  private final TranscriptStore index;
  private final Enricher enricher;
  private final int workerCount;
  private final Ingester.Progress progress;
  private final List<ExecutorService> workers = new ArrayList<>();
  private final Semaphore inFlight;
  /** Commits on the way run here, so reading and indexing go on while a commit writes its segments. */
  private final ExecutorService committer =
      Executors.newSingleThreadExecutor(Thread.ofPlatform().name("ingest-commit").daemon().factory());
  private Future<?> committing = CompletableFuture.completedFuture(null);
  private final AtomicReference<IOException> failure = new AtomicReference<>();
  /** Ids read in this run, to count the copies met again. Read on the reader's thread only. */
  private final Set<String> seen = new HashSet<>();
  /**
   * The copies of one story, in this run or indexed before, become one transcript with a source each; null for a
   * store this product cannot search for candidates while writing (SolrCloud), where each copy is its own transcript.
   */
  private final MirrorGroups mirrors;
  /** Without mirror grouping: the transcripts written, with their turns as last written. */
  private final Map<String, Integer> indexed = new java.util.concurrent.ConcurrentHashMap<>();
  private final List<IngestSummary.Skipped> skipped = Collections.synchronizedList(new ArrayList<>());
  private final List<IngestSummary.Skipped> warnings = Collections.synchronizedList(new ArrayList<>());
  private volatile String input = "";
  final BytesProgress bytes = new BytesProgress();
  private long read;
  private long readUtterances;
  private long duplicates;
  private long sinceCommit;

  IngestRun(TranscriptStore index, Enricher enricher, int workerCount, Ingester.Progress progress) {
    this.index = index;
    this.mirrors = index instanceof TranscriptIndex embedded ? new MirrorGroups(embedded) : null;
    this.enricher = enricher;
    this.workerCount = workerCount;
    this.progress = progress;
    this.inFlight = new Semaphore(workerCount * IN_FLIGHT_PER_WORKER);
    ThreadFactory threads = Thread.ofPlatform().name("ingest-", 1).daemon().factory();
    for (int i = 0; i < workerCount; i++) {
      workers.add(Executors.newSingleThreadExecutor(threads));
    }
  }

  void reading(String name) {
    input = name;
  }

  /** The input under way is read whole: its size, not what its reader counted, is what was read. */
  void done(long inputBytes) {
    bytes.inputDone(inputBytes);
    progress.status(status());
  }

  @Override
  public void bytesRead(long count) {
    bytes.read(count);
  }

  private IngestStatus status() {
    return bytes.status(read, readUtterances);
  }

  @Override
  public void transcript(Transcript given) {
    if (!seen.add(given.id())) {
      duplicates++; // a mirror of a story already given: it replaces the first copy
    } else {
      read++;
    }
    readUtterances += given.turns().size();
    String from = input;
    inFlight.acquireUninterruptibly();
    workers.get(Math.floorMod(given.id().hashCode(), workerCount)).execute(() -> index(given, from));
    progress.transcript(read, readUtterances);
    progress.status(status());
    if (++sinceCommit >= COMMIT_EVERY) {
      commitInBackground();
      sinceCommit = 0;
    }
  }

  private void index(Transcript given, String from) {
    try {
      Enricher.Enriched enriched = enricher.enrich(given);
      if (mirrors != null) {
        mirrors.put(enriched.transcript(), enriched.turnTopics());
      } else {
        index.put(enriched.transcript(), enriched.turnTopics());
        indexed.put(given.id(), enriched.transcript().turns().size());
      }
    } catch (IOException | AlreadyClosedException e) {
      failure.compareAndSet(null, e instanceof IOException io ? io : new IOException(e));
    } catch (RuntimeException e) {
      // Lucene refuses a document it cannot hold (a term or facet label too long) before it replaces anything,
      // so an earlier copy of the id, if any, stays as it was.
      bad(new BadInputException(from, "transcript " + given.id(), "could not be indexed: " + brief(e), e));
    } finally {
      inFlight.release();
    }
  }

  /**
   * Counted as written, not as read: the copies of one story are one transcript; a duplicate is the same copy read
   * twice (an identical copy on another site is a mirror).
   */
  IngestSummary summary(InputPlan plan) {
    if (mirrors == null) {
      long utterances = indexed.values().stream().mapToLong(Integer::longValue).sum();
      return new IngestSummary(
          plan.fileCount(), indexed.size(), utterances, duplicates, skipped, plan.ignored(), warnings);
    }
    return new IngestSummary(
        plan.fileCount(),
        mirrors.transcripts(),
        mirrors.utterances(),
        mirrors.duplicates(),
        skipped,
        plan.ignored(),
        warnings,
        mirrors.mirrors());
  }

  /** Waits for every transcript given so far to be indexed, then commits. */
  void commit() {
    drain();
    try {
      commitIndex();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Waits for every transcript given so far to be indexed, then starts a commit of them and returns: the commit
   * holds all of them (and perhaps some read after). Committing on the reader's thread left the workers idle while
   * it wrote, a quarter of an ingest's time on two cores. One commit at a time; a failed one stops the next.
   */
  private void commitInBackground() {
    drain();
    committing =
        committer.submit(
            () -> {
              commitIndex();
              return null;
            });
  }

  /** Commits through the mirror groups when there are some, so they forget what the commit holds. */
  private void commitIndex() throws IOException {
    if (mirrors != null) {
      mirrors.commit();
    } else {
      index.commit();
    }
  }

  /** Waits for the transcripts given so far and for the commit under way; rethrows an index failure. */
  private void drain() {
    int all = workerCount * IN_FLIGHT_PER_WORKER;
    inFlight.acquireUninterruptibly(all);
    inFlight.release(all);
    try {
      committing.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a commit", e);
    } catch (ExecutionException e) {
      failure.compareAndSet(null, e.getCause() instanceof IOException io ? io : new IOException(e.getCause()));
    }
    IOException failed = failure.get();
    if (failed != null) {
      throw new UncheckedIOException(failed); // the index failed: not the input's fault, so stop
    }
  }

  @Override
  public void bad(BadInputException problem) {
    skipped.add(IngestSummary.Skipped.of(problem));
  }

  @Override
  public void warning(BadInputException problem) {
    warnings.add(IngestSummary.Skipped.of(problem));
  }


  /** An exception's message, cut to a readable length: Lucene's quote the whole refused value. */
  private static String brief(RuntimeException e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return message.length() <= MESSAGE_CHARS ? message : message.substring(0, MESSAGE_CHARS) + "...";
  }

  @Override
  public void close() {
    workers.forEach(ExecutorService::shutdownNow);
    committer.shutdown(); // a commit under way finishes; the last one is waited for by commit()
  }
}
