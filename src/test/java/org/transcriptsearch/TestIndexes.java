package org.transcriptsearch;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.transcriptsearch.index.TranscriptIndex;
import org.transcriptsearch.ingest.Format;
import org.transcriptsearch.ingest.IngestSummary;
import org.transcriptsearch.ingest.Ingester;
import org.transcriptsearch.ingest.Pipeline;

/** Real indexes on disk for tests, built through the real ingest path. */
public final class TestIndexes {
  /** The pipeline every test shares, as the application does. */
  public static final Pipeline PIPELINE = Pipeline.standard();

  /** The bundled sample corpus of the project. */
  public static final Path SAMPLE_CORPUS = Path.of("index-data", "transcripts");

  /** The test corpus of canonical JSON lines that exercises filters, facets, dates and sorting. */
  public static final Path FIXTURE_CORPUS = Path.of("src", "test", "resources", "fixtures", "corpus.jsonl");

  private TestIndexes() {}

  /** Opens a writable index in {@code dir} and ingests {@code inputs} into it, refreshed for searching. */
  public static TranscriptIndex build(Path dir, Path... inputs) throws IOException {
    TranscriptIndex index = TranscriptIndex.openWritable(dir, PIPELINE.schema());
    ingest(index, inputs);
    return index;
  }

  /** Ingests {@code inputs} (format detected per file) into {@code index}, then refreshes it. */
  public static IngestSummary ingest(TranscriptIndex index, Path... inputs) throws IOException {
    IngestSummary summary =
        PIPELINE.ingester(index).ingest(List.of(inputs), Format.AUTO, Ingester.Progress.NONE);
    index.refresh();
    return summary;
  }
}
