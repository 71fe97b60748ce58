package org.transcriptsearch.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import org.transcriptsearch.dedup.MirrorGroups;
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

  private final TranscriptIndex index;
  private final Map<Format, TranscriptReader> readers;
  private final Enricher enricher;

  /**
   * @param index where transcripts go
   * @param readers a reader for each concrete format
   * @param enricher what is added to each transcript before indexing
   */
  public Ingester(TranscriptIndex index, Map<Format, TranscriptReader> readers, Enricher enricher) {
    this.index = index;
    this.readers = Map.copyOf(readers);
    this.enricher = enricher;
  }

  /** Told of progress as files are read. */
  public interface Progress {
    /** Called before each file, with how many files there are in all. */
    void file(Path file, int index, int total);

    /** Called after each transcript is indexed. */
    void transcript(long transcriptsSoFar, long utterancesSoFar);

    /** A listener that ignores everything. */
    Progress NONE =
        new Progress() {
          @Override
          public void file(Path file, int index, int total) {}

          @Override
          public void transcript(long transcriptsSoFar, long utterancesSoFar) {}
        };
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
      for (int i = 0; i < inputs.size(); i++) {
        progress.file(inputs.get(i).shown(), i, inputs.size());
        run.reading(inputs.get(i).shown().toString());
        read(inputs.get(i), run);
      }
      try {
        run.commit();
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
      // Counted as written, not as read: the copies of one story are one transcript.
      return new IngestSummary(
          plan.fileCount(),
          run.mirrors.transcripts(),
          run.mirrors.utterances(),
          run.mirrors.duplicates(), // an identical copy on another site is a mirror, not a duplicate
          run.skipped,
          plan.ignored(),
          run.mirrors.mirrors());
    }
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
   * The state of one ingest run; receives what the readers find. The reader's thread keeps the counts; enrichment
   * and indexing run on a worker per core, at most {@link #IN_FLIGHT_PER_WORKER} transcripts ahead of the reader.
   * Before each commit every transcript given so far is indexed, so a commit holds everything read before it.
   */
  private final class Run implements TranscriptReader.Sink, AutoCloseable {
    private final Progress progress;
    private final int workerCount = Math.max(1, Runtime.getRuntime().availableProcessors());
    private final ExecutorService workers =
        Executors.newFixedThreadPool(workerCount, Thread.ofPlatform().name("ingest-", 1).daemon().factory());
    private final Semaphore inFlight = new Semaphore(workerCount * IN_FLIGHT_PER_WORKER);
    /** Commits on the way run here, so reading and indexing go on while a commit writes its segments. */
    private final ExecutorService committer =
        Executors.newSingleThreadExecutor(Thread.ofPlatform().name("ingest-commit").daemon().factory());
    private Future<?> committing = CompletableFuture.completedFuture(null);
    private final AtomicReference<IOException> failure = new AtomicReference<>();
    private final Map<String, Boolean> seen = new HashMap<>();
    /** The copies of one story, in this run or indexed before, become one transcript with a source each. */
    private final MirrorGroups mirrors = new MirrorGroups(index);
    private final List<IngestSummary.Skipped> skipped = Collections.synchronizedList(new ArrayList<>());
    private volatile String input = "";
    private long transcripts;
    private long utterances;
    private long duplicates;
    private long sinceCommit;

    Run(Progress progress) {
      this.progress = progress;
    }

    void reading(String name) {
      input = name;
    }

    @Override
    public void transcript(Transcript read) {
      if (seen.put(read.id(), Boolean.TRUE) != null) {
        duplicates++; // a mirror of a story already given: it replaces the first copy
      } else {
        transcripts++;
        utterances += read.turns().size();
      }
      String from = input;
      inFlight.acquireUninterruptibly();
      workers.execute(() -> index(read, from));
      progress.transcript(transcripts, utterances);
      if (++sinceCommit >= COMMIT_EVERY) {
        commitInBackground();
        sinceCommit = 0;
      }
    }

    private void index(Transcript read, String from) {
      try {
        Enricher.Enriched enriched;
        try {
          enriched = enricher.enrich(read);
        } catch (RuntimeException e) {
          bad(new BadInputException(from, "transcript " + read.id(), "could not be enriched: " + e, e));
          return;
        }
        mirrors.put(enriched.transcript(), enriched.turnTopics());
      } catch (IOException e) {
        failure.compareAndSet(null, e);
      } finally {
        inFlight.release();
      }
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
      String where = problem.location() == null ? problem.file() : problem.file() + ": " + problem.location();
      skipped.add(new IngestSummary.Skipped(where, problem.reason()));
    }

    @Override
    public void close() {
      workers.shutdownNow();
      committer.shutdown(); // a commit under way finishes; the last one is waited for by commit()
    }
  }
}
