package org.transcriptsearch.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
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
   * Ingests {@code paths} (files, or folders read recursively in name order) and commits.
   *
   * @param format the format of every file, or {@link Format#AUTO} to decide per file
   */
  public IngestSummary ingest(List<Path> paths, Format format, Progress progress) throws IOException {
    Run run = new Run(progress);
    List<Path> files = new ArrayList<>();
    for (Path path : paths) {
      files.addAll(expand(path, run));
    }
    for (int i = 0; i < files.size(); i++) {
      progress.file(files.get(i), i, files.size());
      readFile(files.get(i), format, run);
    }
    index.commit();
    return new IngestSummary(files.size(), run.transcripts, run.utterances, run.duplicates, run.skipped);
  }

  private void readFile(Path file, Format format, Run run) throws IOException {
    try {
      Format concrete = format == Format.AUTO ? Format.detect(file) : format;
      TranscriptReader reader = readers.get(concrete);
      if (reader == null) {
        run.bad(new BadInputException(file.toString(), null, "no reader for format " + concrete));
        return;
      }
      reader.read(file, run);
    } catch (UncheckedIOException e) {
      throw e.getCause(); // the index failed: not the input's fault, so stop
    } catch (IOException e) {
      run.bad(new BadInputException(file.toString(), null, "cannot read: " + e, e));
    }
  }

  private static List<Path> expand(Path path, Run run) throws IOException {
    if (Files.isDirectory(path)) {
      try (Stream<Path> walk = Files.walk(path)) {
        return walk.filter(Files::isRegularFile)
            .filter(p -> !p.getFileName().toString().startsWith("."))
            .sorted()
            .toList();
      }
    }
    if (!Files.exists(path)) {
      run.bad(new BadInputException(path.toString(), null, "no such file or folder"));
      return List.of();
    }
    return List.of(path);
  }

  /** The state of one ingest run; receives what the readers find. */
  private final class Run implements TranscriptReader.Sink {
    private final Progress progress;
    private final Map<String, Boolean> seen = new HashMap<>();
    private final List<IngestSummary.Skipped> skipped = new ArrayList<>();
    private long transcripts;
    private long utterances;
    private long duplicates;
    private long sinceCommit;

    Run(Progress progress) {
      this.progress = progress;
    }

    @Override
    public void transcript(Transcript read) {
      Transcript transcript = enricher.enrich(read);
      try {
        index.put(transcript, enricher::turnTopics);
        if (++sinceCommit >= COMMIT_EVERY) {
          index.commit();
          sinceCommit = 0;
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      if (seen.put(transcript.id(), Boolean.TRUE) != null) {
        duplicates++;
      } else {
        transcripts++;
        utterances += transcript.turns().size();
      }
      progress.transcript(transcripts, utterances);
    }

    @Override
    public void bad(BadInputException problem) {
      String where = problem.location() == null ? problem.file() : problem.file() + ": " + problem.location();
      skipped.add(new IngestSummary.Skipped(where, problem.reason()));
    }
  }
}
