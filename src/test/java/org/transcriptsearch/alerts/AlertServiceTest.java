package org.transcriptsearch.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transcriptsearch.TestIndexes;
import org.transcriptsearch.index.TranscriptIndex;
import org.transcriptsearch.index.TranscriptStore;
import org.transcriptsearch.ingest.Format;
import org.transcriptsearch.ingest.Ingester;
import org.transcriptsearch.ingest.ListenedStores;
import org.transcriptsearch.model.Attribution;
import org.transcriptsearch.model.Role;
import org.transcriptsearch.model.Speaker;
import org.transcriptsearch.model.Transcript;
import org.transcriptsearch.model.Turn;
import org.transcriptsearch.search.BadRequestException;
import org.transcriptsearch.search.EmbeddedBackend;
import org.transcriptsearch.search.SearchRequest;
import org.transcriptsearch.search.SearchService;

/**
 * Alerts read back from their folder: one the search can no longer read is reported, the others go on; alerts of a
 * server whose corpus another backend keeps are checked by that backend and match what a listened store takes.
 */
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
  void alertsOverABackendAreCheckedByItAndMatchWhatAListenedStoreTakes() throws Exception {
    try (TranscriptIndex index = TranscriptIndex.openWritable(temp.resolve("index"), TestIndexes.PIPELINE.schema())) {
      AlertService alerts = AlertService.open(
          temp.resolve("alerts"), index.schema(), EmbeddedBackend.of(index), new Webhooks(Set.of()));
      try {
        assertThatThrownBy(() -> alerts.create(request("Unclosed", "pangolin AND (")))
            .isInstanceOf(BadRequestException.class)
            .hasMessageContaining("is never closed");
        String id = alerts.create(request("Pangolins", "pangolin")).id();
        Path file = Files.writeString(temp.resolve("p.jsonl"), """
            {"id": "p-1", "title": "T", "turns": [{"n": 1, "speaker": {"name": "A B", "role": "guest"},
            "text": "A pangolin.", "attribution": "labelled"}]}
            """.replace("\n", " ") + "\n", StandardCharsets.UTF_8);
        // Written without the listener: no server saw it, so no alert hears of it.
        TestIndexes.ingest(index, file);
        assertThat(alerts.awaitIdle(Duration.ofSeconds(20))).isTrue();
        assertThat(alerts.get(id).matches()).isZero();
        try (TranscriptStore listened = ListenedStores.of(unclosing(index), alerts)) {
          TestIndexes.PIPELINE.ingester(listened).ingest(List.of(file), Format.AUTO, Ingester.Progress.NONE);
        }
        assertThat(alerts.awaitIdle(Duration.ofSeconds(20))).isTrue();
        AlertView matched = alerts.get(id);
        assertThat(matched.matches()).isEqualTo(1);
        assertThat(matched.latest()).extracting(FeedEntry::utteranceId, FeedEntry::quote)
            .containsExactly(tuple("p-1-1", "A <mark>pangolin</mark>."));
      } finally {
        alerts.close();
      }
    }
  }

  @Test
  void aTranscriptIsMatchedOnceItIsSearchableNotWhenItIsWritten() throws Exception {
    try (TranscriptIndex index = TranscriptIndex.openWritable(temp.resolve("index"), TestIndexes.PIPELINE.schema())) {
      SearchService search = new SearchService(index);
      AlertService alerts = AlertService.open(temp.resolve("alerts"), index, search, new Webhooks(Set.of()));
      List<String> foundWhenTold = new ArrayList<>();
      try {
        index.addPutListener(alerts);
        // A second listener checks what the index says is searchable against a search of it.
        index.addPutListener(new TranscriptIndex.PutListener() {
          private final List<String> told = new ArrayList<>();

          @Override
          public void put(Transcript transcript, List<List<String>> turnTopics) {
            told.add(transcript.id());
          }

          @Override
          public Runnable refreshing() {
            List<String> taken = List.copyOf(told);
            told.clear();
            return () -> taken.forEach(id -> foundWhenTold.add(id + "=" + found(search, id)));
          }
        });
        String id = alerts.create(request("Pangolins", "pangolin")).id();
        index.put(pangolin("p-1"), List.of(List.of()));
        assertThat(alerts.awaitIdle(Duration.ofSeconds(20))).isTrue();
        assertThat(alerts.get(id).matches()).as("written, not yet searchable").isZero();
        assertThat(alerts.status().waiting()).isEqualTo(1);

        index.refresh();
        assertThat(alerts.awaitIdle(Duration.ofSeconds(20))).isTrue();
        assertThat(alerts.get(id).matches()).isEqualTo(1);
        assertThat(alerts.status().waiting()).isZero();

        index.put(pangolin("p-2"), List.of(List.of()));
        index.commit(); // with listeners, a commit makes the writes searchable too
        assertThat(alerts.awaitIdle(Duration.ofSeconds(20))).isTrue();
        assertThat(alerts.get(id).matches()).isEqualTo(2);
        assertThat(foundWhenTold).containsExactly("p-1=true", "p-2=true");
      } finally {
        alerts.close();
      }
    }
  }

  /** Whether a search for pangolins finds the transcript {@code episodeId}. */
  private static boolean found(SearchService search, String episodeId) {
    try {
      return search.search(SearchRequest.of("pangolin")).hits().stream()
          .anyMatch(hit -> hit.id().startsWith(episodeId + "-"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Transcript pangolin(String id) {
    Speaker guest = new Speaker("Ana Ruiz", null, Role.GUEST, null, null);
    return new Transcript(id, "T", "Morning Edition", LocalDate.of(2020, 1, 1), null, "test", List.of(),
        List.of(new Turn(1, guest, "A pangolin.", Attribution.LABELLED, List.of())));
  }

  private static AlertRequest request(String name, String q) {
    return new AlertRequest(name, q, null, null, null, null, null, null, null);
  }

  /** The index as a store whose closing leaves the index open (the test closes it). */
  private static TranscriptStore unclosing(TranscriptIndex index) {
    return new TranscriptStore() {
      @Override
      public void put(Transcript transcript, List<List<String>> turnTopics) throws IOException {
        index.put(transcript, turnTopics);
      }

      @Override
      public void commit() throws IOException {
        index.commit();
        index.refresh();
      }

      @Override
      public void close() {}
    };
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
