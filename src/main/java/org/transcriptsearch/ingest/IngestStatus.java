package org.transcriptsearch.ingest;

import java.time.Duration;
import java.util.Optional;

/**
 * Where an ingest run is: what was read so far, of how much, and how long it took.
 *
 * @param bytesRead bytes of the inputs read so far
 * @param bytesTotal bytes of all the inputs
 * @param transcripts transcripts read so far (a copy of one met before not counted again)
 * @param utterances utterances read so far
 * @param elapsed time since the run began
 */
public record IngestStatus(long bytesRead, long bytesTotal, long transcripts, long utterances, Duration elapsed) {
  /** The share of the bytes read, from 0 to 1. */
  public double done() {
    return bytesTotal <= 0 ? 1 : Math.min(1, (double) bytesRead / bytesTotal);
  }

  /** The time left at the rate so far, once there is a rate to go by. */
  public Optional<Duration> left() {
    if (bytesRead <= 0 || elapsed.isZero()) {
      return Optional.empty();
    }
    double perByte = (double) elapsed.toNanos() / bytesRead;
    return Optional.of(Duration.ofNanos((long) (perByte * Math.max(0, bytesTotal - bytesRead))));
  }
}
