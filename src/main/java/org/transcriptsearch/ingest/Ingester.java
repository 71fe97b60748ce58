package org.transcriptsearch.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.transcriptsearch.index.TranscriptStore;
import org.transcriptsearch.reader.BadInputException;

/**
 * Reads files and folders of transcripts in any supported format, enriches them and writes them to the index by
 * id. A bad file or record is named with its reason and skipped; everything else is indexed. Commits in batches,
 * so a crash loses at most the batch under way and a re-run completes it.
 */
public final class Ingester {
  /** Transcripts between commits. */
  static final int COMMIT_EVERY = IngestRun.COMMIT_EVERY;

  private final TranscriptStore index;
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
  public Ingester(TranscriptStore index, Map<Format, TranscriptReader> readers, Enricher enricher) {
    this(index, readers, enricher, Runtime.getRuntime().availableProcessors());
  }

  /** As {@link #Ingester(TranscriptStore, Map, Enricher)} with {@code workers} enrichment and indexing threads. */
  Ingester(TranscriptStore index, Map<Format, TranscriptReader> readers, Enricher enricher, int workers) {
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
    try (IngestRun run = new IngestRun(index, enricher, workerCount, progress)) {
      InputPlan plan = InputPlan.of(paths, format);
      plan.problems().forEach(run::bad);
      List<InputPlan.Input> inputs = plan.inputs();
      run.bytes.total(bytes(inputs));
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

  private void read(InputPlan.Input input, IngestRun run) throws IOException {
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
}
