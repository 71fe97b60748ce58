package org.transcriptsearch.ingest;

import java.io.IOException;
import java.nio.file.Path;
import org.transcriptsearch.model.Transcript;
import org.transcriptsearch.reader.BadInputException;

/** Reads the transcripts of one input file of one shape, streaming: a bad record is reported, not fatal. */
@FunctionalInterface
public interface TranscriptReader {
  /** Receives what a reader finds, in file order. */
  interface Sink {
    /**
     * A transcript read whole.
     *
     * @throws java.io.UncheckedIOException when it cannot be stored: a failure of the index, not of the input
     */
    void transcript(Transcript transcript);

    /** A record (or the whole file) that could not be read; the reader goes on with the next record. */
    void bad(BadInputException problem);
  }

  /**
   * Reads {@code file}, giving each transcript or problem to {@code sink}.
   *
   * @throws IOException when the file cannot be read at all
   */
  void read(Path file, Sink sink) throws IOException;
}
