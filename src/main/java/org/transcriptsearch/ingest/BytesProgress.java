package org.transcriptsearch.ingest;

import java.time.Duration;

/**
 * How far a run has read its inputs, in bytes: the inputs read whole plus what the reader of the one under way has
 * counted so far. Used by one reading thread.
 */
final class BytesProgress {
  private final long started = System.nanoTime();
  private long total;
  private long done;
  private long inInput;

  /** The bytes of all the inputs. */
  void total(long bytes) {
    total = bytes;
  }

  /** The input under way is read whole: its size, not what its reader counted, is what was read. */
  void inputDone(long inputBytes) {
    done += inputBytes;
    inInput = 0;
  }

  /** The reader of the input under way has read this many more bytes. */
  void read(long bytes) {
    inInput += bytes;
  }

  /** Where the run is, with these counts of transcripts and utterances. */
  IngestStatus status(long transcripts, long utterances) {
    long soFar = Math.min(total, done + inInput);
    return new IngestStatus(soFar, total, transcripts, utterances, Duration.ofNanos(System.nanoTime() - started));
  }
}
