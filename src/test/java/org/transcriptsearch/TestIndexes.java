package org.transcriptsearch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.transcriptsearch.generate.CorpusGenerator;
import org.transcriptsearch.generate.JsonlWriter;
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

  /**
   * Writes {@code transcripts} generated transcripts (seed 42) into {@code dir}/corpus and builds a writable index of
   * them in {@code dir}/index.
   */
  public static TranscriptIndex generated(Path dir, int transcripts) throws IOException {
    Path corpus = dir.resolve("corpus");
    Files.createDirectories(corpus);
    CorpusGenerator generator = new CorpusGenerator(42);
    try (JsonlWriter writer = new JsonlWriter(corpus)) {
      for (int i = 0; i < transcripts; i++) {
        writer.write(i, generator.transcript(i));
      }
    }
    return build(dir.resolve("index"), corpus.resolve(JsonlWriter.FILE_NAME));
  }

  /** Ingests {@code inputs} (format detected per file) into {@code index}, then refreshes it. */
  public static IngestSummary ingest(TranscriptIndex index, Path... inputs) throws IOException {
    IngestSummary summary =
        PIPELINE.ingester(index).ingest(List.of(inputs), Format.AUTO, Ingester.Progress.NONE);
    index.refresh();
    return summary;
  }
}
