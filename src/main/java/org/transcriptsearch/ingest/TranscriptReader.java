package org.transcriptsearch.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
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

    /**
     * A record read only in part, or with a value set aside: its location names the record, its reason the field
     * and what was done ("field date: 'June 2012' is not a date; the date is left empty"). The record itself is
     * still given to {@link #transcript}. Sinks that report to a person must override this; the default, for
     * sinks that only count transcripts, ignores it.
     */
    default void warning(BadInputException problem) {}

    /** {@code bytes} more of the input were read: for progress by bytes. Readers call it through {@link Inputs}. */
    default void bytesRead(long bytes) {}
  }

  /**
   * Reads {@code file}, giving each transcript or problem to {@code sink}.
   *
   * @throws IOException when the file cannot be read at all
   */
  void read(Path file, Sink sink) throws IOException;

  /**
   * Reads files that make one input together, such as the Interview corpus's episodes.csv and utterances.csv.
   * Readers of one-file inputs need not override it: by default each file is read on its own, in order.
   *
   * @throws IOException when a file cannot be read at all
   */
  default void read(List<Path> files, Sink sink) throws IOException {
    for (Path file : files) {
      read(file, sink);
    }
  }
}
