package org.transcriptsearch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.transcriptsearch.ingest.IngestStatus;

/** Progress that means something: bytes of bytes, records, the rate and the time left. */
class ConsoleProgressTest {
  @Test
  void aLineSaysBytesReadOfAllTheRecordsTheRateAndTheTimeLeft() {
    IngestStatus status = new IngestStatus(1_200_000_000L, 3_600_000_000L, 120_000, 3_600_000, Duration.ofSeconds(100));

    assertThat(ConsoleProgress.line(status))
        .isEqualTo(
            "indexing: 1.20 GB of 3.60 GB (33%), 120,000 transcripts, 3,600,000 utterances, 1,200 transcripts/s,"
                + " about 3 min 20 s left");
  }

  @Test
  void beforeAnythingIsReadThereIsNoTimeLeftToTell() {
    IngestStatus status = new IngestStatus(0, 52_000, 0, 0, Duration.ofMillis(3));

    assertThat(ConsoleProgress.line(status))
        .isEqualTo("indexing: 0 KB of 52 KB (0%), 0 transcripts, 0 utterances, 0.0 transcripts/s");
  }

  @Test
  void durationsAndSizesReadAsAPersonWouldSayThem() {
    assertThat(Rates.duration(Duration.ofMillis(2_400))).isEqualTo("2.4 s");
    assertThat(Rates.duration(Duration.ofSeconds(42))).isEqualTo("42 s");
    assertThat(Rates.duration(Duration.ofSeconds(3_725))).isEqualTo("1 h 2 min");
    assertThat(Rates.bytes(999)).isEqualTo("1 KB");
    assertThat(Rates.bytes(12_500_000)).isEqualTo("12.5 MB");
  }
}
