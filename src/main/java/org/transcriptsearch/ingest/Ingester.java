package org.transcriptsearch.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
import org.transcriptsearch.index.TranscriptIndex;
import org.transcriptsearch.model.Transcript;
import org.transcriptsearch.reader.BadInputException;

/**
 * Reads files and folders of transcripts in any supported format, enriches them and writes them to the index by
 * id. A bad file or record is named with its reason and skipped; everything else is indexed. Commits in batches,
 * so a crash loses at most the batch under way and a re-run completes it.
 */
public final class Ingester {
  /** Transcripts between commits. */
  static final int COMMIT_EVERY = 5_000;

  /** Transcripts a worker may have waiting, so reading stays just ahead of indexing and memory stays flat. */
  static final int IN_FLIGHT_PER_WORKER = 32;

  /** How much of a refused record's error message the summary shows. */
  private static final int MESSAGE_CHARS = 300;

  private final TranscriptIndex index;
  private final Map<Format, TranscriptReader> readers;
  private final Enricher enricher;
  private final int workerCount;

  /**
   * An ingester with a worker per core.
   *
   * @param index where transcripts go
   * @param readers a reader for each concrete format
   * @param enricher what is added to each transcript before indexing
   */
  public Ingester(TranscriptIndex index, Map<Format, TranscriptReader> readers, Enricher enricher) {
    this(index, readers, enricher, Runtime.getRuntime().availableProcessors());
  }

  /** As {@link #Ingester(TranscriptIndex, Map, Enricher)} with {@code workers} enrichment and indexing threads. */
  Ingester(TranscriptIndex index, Map<Format, TranscriptReader> readers, Enricher enricher, int workers) {
    this.index = index;
    this.readers = Map.copyOf(readers);
    this.enricher = enricher;
    this.workerCount = Math.max(1, workers);
  }

  /** Told of progress as files are read. Every method does nothing unless overridden. */
  public interface Progress {
    /** Called before each file, with how many files there are in all. */
    default void file(Path file, int index, int total) {}

    /** Called after each transcript is read. */
    default void transcript(long transcriptsSoFar, long utterancesSoFar) {}

    /** Called after each transcript is read, with the bytes read of all the inputs' bytes. */
    default void status(IngestStatus status) {}

    /** A listener that ignores everything. */
    Progress NONE = new Progress() {};
  }

  /**
   * Ingests {@code paths} (files, or folders read recursively in name order) and commits. The two files of an
   * Interview corpus (episodes.csv and utterances.csv, named together or found in one folder) are read as one
   * input; files no reader claims are listed in {@link IngestSummary#ignored()}.
   *
   * @param format the format of every file, or {@link Format#AUTO} to decide per file
   */
  public IngestSummary ingest(List<Path> paths, Format format, Progress progress) throws IOException {
    try (Run run = new Run(progress)) {
      InputPlan plan = InputPlan.of(paths, format);
      plan.problems().forEach(run::bad);
      List<InputPlan.Input> inputs = plan.inputs();
      run.bytesTotal = bytes(inputs);
      for (int i = 0; i < inputs.size(); i++) {
        progress.file(inputs.get(i).shown(), i, inputs.size());
        run.reading(inputs.get(i).shown().toString());
        read(inputs.get(i), run);
        run.done(bytes(List.of(inputs.get(i))));
      }
      try {
        run.commit();
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
      return run.summary(plan);
    }
  }

  /** The size of the inputs' files; a file that cannot be sized counts for nothing (its reader will say why). */
  private static long bytes(List<InputPlan.Input> inputs) {
    long total = 0;
    for (InputPlan.Input input : inputs) {
      for (Path file : input.files()) {
        try {
          total += Files.size(file);
        } catch (IOException e) {
          // reported by the reader when it opens the file
        }
      }
    }
    return total;
  }

  private void read(InputPlan.Input input, Run run) throws IOException {
    String name = input.files().size() == 1 ? input.files().get(0).toString() : input.files().toString();
    TranscriptReader reader = readers.get(input.format());
    if (reader == null) {
      run.bad(new BadInputException(name, null, "no reader for format " + input.format()));
      return;
    }
    try {
      reader.read(input.files(), run);
    } catch (UncheckedIOException e) {
      throw e.getCause(); // the index failed: not the input's fault, so stop
    } catch (CharacterCodingException e) {
      run.bad(new BadInputException(name, null, "not UTF-8 text; reading stopped at the bad bytes", e));
    } catch (IOException e) {
      run.bad(new BadInputException(name, null, "cannot read: " + e, e));
    }
  }

  /**
   * The state of one ingest run; receives what the readers find. Enrichment and indexing run on a worker per core,
   * at most {@link #IN_FLIGHT_PER_WORKER} transcripts per worker ahead of the reader. Every copy of one id goes to
   * the same worker, so copies are indexed in the order read and the last one read is the one kept. Before each
   * commit every transcript given so far is indexed, so a commit holds everything read before it.
   *
   * <p>The summary's counts are of what the workers indexed, not of what was read: a transcript the enrichment or
   * the index refuses on a worker's thread is a skipped record with its reason, never a silent success.
   */
  private final class Run implements TranscriptReader.Sink, AutoCloseable {
    private final Progress progress;
    private final List<ExecutorService> workers = new ArrayList<>(workerCount);
    private final Semaphore inFlight = new Semaphore(workerCount * IN_FLIGHT_PER_WORKER);
    /** Commits on the way run here, so reading and indexing go on while a commit writes its segments. */
    private final ExecutorService committer =
        Executors.newSingleThreadExecutor(Thread.ofPlatform().name("ingest-commit").daemon().factory());
    private Future<?> committing = CompletableFuture.completedFuture(null);
    private final AtomicReference<IOException> failure = new AtomicReference<>();
    /** Ids read in this run, to count the copies met again. Read on the reader's thread only. */
    private final Set<String> seen = new HashSet<>();
    /** Id -> utterances of the copy of it last indexed in this run: what the index holds from this run. */
    private final Map<String, Integer> indexed = new ConcurrentHashMap<>();
    private final List<IngestSummary.Skipped> skipped = Collections.synchronizedList(new ArrayList<>());
    private final List<IngestSummary.Skipped> warnings = Collections.synchronizedList(new ArrayList<>());
    private volatile String input = "";
    private final long started = System.nanoTime();
    private long bytesTotal;
    /** Bytes of the inputs read whole, and of the one under way as its reader reads it. */
    private long bytesDone;
    private long bytesInInput;
    private long read;
    private long readUtterances;
    private long duplicates;
    private long sinceCommit;

    Run(Progress progress) {
      this.progress = progress;
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
      bytesDone += inputBytes;
      bytesInInput = 0;
      progress.status(status());
    }

    @Override
    public void bytesRead(long bytes) {
      bytesInInput += bytes;
    }

    private IngestStatus status() {
      long readSoFar = Math.min(bytesTotal, bytesDone + bytesInInput);
      return new IngestStatus(readSoFar, bytesTotal, read, readUtterances, Duration.ofNanos(System.nanoTime() - started));
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
        index.put(enriched.transcript(), enriched.turnTopics());
        indexed.put(given.id(), enriched.transcript().turns().size());
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

    IngestSummary summary(InputPlan plan) {
      long utterances = indexed.values().stream().mapToLong(Integer::longValue).sum();
      return new IngestSummary(
          plan.fileCount(), indexed.size(), utterances, duplicates, skipped, plan.ignored(), warnings);
    }

    /** Waits for every transcript given so far to be indexed, then commits. */
    void commit() {
      drain();
      try {
        index.commit();
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
                index.commit();
                return null;
              });
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
      skipped.add(summaryEntry(problem));
    }

    @Override
    public void warning(BadInputException problem) {
      warnings.add(summaryEntry(problem));
    }

    private static IngestSummary.Skipped summaryEntry(BadInputException problem) {
      String where = problem.location() == null ? problem.file() : problem.file() + ": " + problem.location();
      return new IngestSummary.Skipped(where, problem.reason());
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
}
