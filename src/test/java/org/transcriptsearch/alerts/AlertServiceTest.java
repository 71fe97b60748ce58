package org.transcriptsearch.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transcriptsearch.TestIndexes;
import org.transcriptsearch.index.TranscriptIndex;
import org.transcriptsearch.search.SearchService;

/** Alerts read back from their folder: one the search can no longer read is reported, the others go on. */
class AlertServiceTest {
  @TempDir Path temp;

  @Test
  void aSavedAlertWhoseQueryNoLongerParsesIsReportedNotFatal() throws Exception {
    Path dir = Files.createDirectories(temp.resolve("alerts"));
    Files.writeString(dir.resolve("alerts.json"), """
        [{"id": "old1", "name": "Old syntax", "q": "crimea AND (", "feedToken": "t1",
          "created": "2020-01-01T00:00:00Z"},
         {"id": "good", "name": "Fine", "q": "pangolin", "feedToken": "t2", "created": "2020-01-01T00:00:00Z"}]
        """, StandardCharsets.UTF_8);
    try (TranscriptIndex index = TranscriptIndex.openWritable(temp.resolve("index"), TestIndexes.PIPELINE.schema())) {
      SearchService search = new SearchService(index);
      AlertService alerts = AlertService.open(dir, index, search, new Webhooks(Set.of()));
      try {
        index.addPutListener(alerts);
        assertThat(alerts.get("old1").problem()).startsWith("bad query: ");
        assertThat(alerts.get("good").problem()).isNull();
        assertThat(alerts.status().broken()).isEqualTo(1);

        TestIndexes.ingest(index, TestIndexes.FIXTURE_CORPUS);
        Files.writeString(temp.resolve("p.jsonl"), """
            {"id": "p-1", "title": "T", "turns": [{"n": 1, "speaker": {"name": "A B", "role": "guest"},
            "text": "A pangolin.", "attribution": "labelled"}]}
            """.replace("\n", " ") + "\n", StandardCharsets.UTF_8);
        TestIndexes.ingest(index, temp.resolve("p.jsonl"));
        assertThat(alerts.awaitIdle(Duration.ofSeconds(20))).isTrue();
        assertThat(alerts.get("good").matches()).isEqualTo(1);
        assertThat(alerts.get("old1").matches()).isZero();
      } finally {
        alerts.close();
      }
    }
  }

  @Test
  void aDamagedAlertFileIsNamed() throws Exception {
    Path dir = Files.createDirectories(temp.resolve("alerts"));
    Files.writeString(dir.resolve("alerts.json"), "[{\"id\": ", StandardCharsets.UTF_8);
    try (TranscriptIndex index = TranscriptIndex.openWritable(temp.resolve("index"), TestIndexes.PIPELINE.schema())) {
      assertThatThrownBy(() -> AlertService.open(dir, index, new SearchService(index), new Webhooks(Set.of())))
          .isInstanceOf(IOException.class)
          .hasMessageStartingWith(dir.resolve("alerts.json") + ": not a list of alerts");
    }
  }
}
