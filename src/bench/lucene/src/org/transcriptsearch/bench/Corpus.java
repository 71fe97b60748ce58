package org.transcriptsearch.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.transcriptsearch.ingest.JsonlReader;
import org.transcriptsearch.ingest.TranscriptReader;
import org.transcriptsearch.model.Transcript;
import org.transcriptsearch.reader.BadInputException;

/** The benchmark's generated corpus, read with the product's JSONL reader; a bad record stops the step. */
final class Corpus {
  private Corpus() {}

  /** Gives each transcript of {@code jsonl} to {@code each}, in file order. */
  static void each(Path jsonl, Consumer<Transcript> each) throws IOException {
    new JsonlReader()
        .read(
            jsonl,
            new TranscriptReader.Sink() {
              @Override
              public void transcript(Transcript t) {
                each.accept(t);
              }

              @Override
              public void bad(BadInputException problem) {
                throw new IllegalStateException("bad input in the benchmark corpus: " + problem.getMessage());
              }
            });
  }
}
