package org.transcriptsearch.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
   * Ingests {@code paths} (files, or folders read recursively in name order) and commits. The two files of an
   * Interview corpus (episodes.csv and utterances.csv, named together or found in one folder) are read as one
   * input; files no reader claims are listed in {@link IngestSummary#ignored()}.
   *
   * @param format the format of every file, or {@link Format#AUTO} to decide per file
   */
  public IngestSummary ingest(List<Path> paths, Format format, Progress progress) throws IOException {
    Run run = new Run(progress);
    InputPlan plan = InputPlan.of(paths, format);
    plan.problems().forEach(run::bad);
    List<InputPlan.Input> inputs = plan.inputs();
    for (int i = 0; i < inputs.size(); i++) {
      progress.file(inputs.get(i).shown(), i, inputs.size());
      read(inputs.get(i), run);
    }
    index.commit();
    return new IngestSummary(
        plan.fileCount(), run.transcripts, run.utterances, run.duplicates, run.skipped, plan.ignored());
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
