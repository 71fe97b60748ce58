package org.transcriptsearch.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transcriptsearch.TestIndexes;
import org.transcriptsearch.alerts.AlertRequest;
import org.transcriptsearch.alerts.AlertService;
import org.transcriptsearch.alerts.Webhooks;
import org.transcriptsearch.index.TranscriptIndex;
import org.transcriptsearch.search.SearchRequest;
import org.transcriptsearch.search.SearchService;

/** A watched folder: complete files indexed and moved to .done, unreadable ones to .failed with why, alerts matched. */
class FolderWatcherTest {
  @TempDir Path temp;
  private Path folder;
  private TranscriptIndex index;
  private SearchService search;
  private AlertService alerts;
  private FolderWatcher watcher;

  @BeforeEach
  void start() throws Exception {
    folder = Files.createDirectories(temp.resolve("inbox"));
    index = TranscriptIndex.openWritable(temp.resolve("index"), TestIndexes.PIPELINE.schema());
    search = new SearchService(index);
    alerts = AlertService.open(temp.resolve("alerts"), index, search, new Webhooks(Set.of()));
    index.addPutListener(alerts);
    watcher = new FolderWatcher(folder, index, TestIndexes.PIPELINE, Duration.ofMillis(50), Duration.ofMillis(1_000),
        Clock.systemUTC());
    watcher.start();
  }

  @AfterEach
  void stop() throws Exception {
    watcher.close();
    alerts.close();
    index.close();
  }

  static String line(String id, String text) {
    return """
        {"id": "%s", "title": "Watched story", "program": "Morning Edition", "date": "2024-05-01", "turns": [\
        {"n": 1, "speaker": {"name": "Jane Doe", "role": "guest"}, "text": "%s", "attribution": "labelled"}]}
        """.formatted(id, text);
  }

  private void awaitFile(Path path) throws InterruptedException {
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (!Files.exists(path) && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(path).exists();
  }

  @Test
  void aFileRenamedIntoPlaceIsIndexedMovedToDoneAndMatched() throws Exception {
    String alert = alerts.create(new AlertRequest("Okapi", "okapi", null, null, null, null, null, null, null)).id();
    Path part = folder.resolve("drop.jsonl.part");
    Files.writeString(part, line("w-1", "An okapi was born.") + line("w-2", "Nothing here."), StandardCharsets.UTF_8);
    Thread.sleep(1_500);
    assertThat(search.health().transcripts()).as("a .part file is still being written").isZero();

    Files.move(part, folder.resolve("drop.jsonl"));
    awaitFile(folder.resolve(FolderWatcher.DONE).resolve("drop.jsonl"));

    assertThat(folder.resolve("drop.jsonl")).doesNotExist();
    assertThat(search.health().transcripts()).isEqualTo(2);
    assertThat(search.search(SearchRequest.of("okapi")).hits().get(0).id()).isEqualTo("w-1-1");
    assertThat(alerts.awaitIdle(Duration.ofSeconds(10))).isTrue();
    assertThat(alerts.get(alert).latest()).extracting(e -> e.utteranceId()).containsExactly("w-1-1");
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (watcher.status().filesIndexed() == 0 && System.nanoTime() < deadline) {
      Thread.sleep(10); // counted just after the move
    }
    FolderWatcher.Status status = watcher.status();
    assertThat(status.filesIndexed()).isEqualTo(1);
    assertThat(status.transcripts()).isEqualTo(2);
    assertThat(status.last()).isEqualTo("drop.jsonl");
  }

  @Test
  void aFileStillGrowingWaitsUntilItIsComplete() throws Exception {
    Path file = folder.resolve("growing.jsonl");
    Files.writeString(file, line("g-1", "one"), StandardCharsets.UTF_8);
    for (int i = 2; i <= 4; i++) {
      Thread.sleep(300);
      Files.writeString(file, line("g-" + i, "more"), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }
    awaitFile(folder.resolve(FolderWatcher.DONE).resolve("growing.jsonl"));
    assertThat(search.health().transcripts()).isEqualTo(4);
  }

  @Test
  void anUnreadableFileGoesToFailedWithWhyAndTheOthersGoOn() throws Exception {
    Files.writeString(folder.resolve("a-broken.jsonl"), "{\"id\": \"x\", \"title\": \n", StandardCharsets.UTF_8);
    Files.writeString(folder.resolve("b-good.jsonl"), line("ok-1", "fine"), StandardCharsets.UTF_8);
    awaitFile(folder.resolve(FolderWatcher.DONE).resolve("b-good.jsonl"));
    Path failed = folder.resolve(FolderWatcher.FAILED).resolve("a-broken.jsonl");
    awaitFile(failed);
    String why = Files.readString(failed.resolveSibling("a-broken.jsonl.why.txt"));
    assertThat(why).startsWith(folder.resolve("a-broken.jsonl") + ": line 1");
    assertThat(search.health().transcripts()).isEqualTo(1);
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (watcher.status().filesFailed() == 0 && System.nanoTime() < deadline) {
      Thread.sleep(10); // counted just after the move
    }
    assertThat(watcher.status().filesFailed()).isEqualTo(1);
    assertThat(watcher.status().lastError()).startsWith("a-broken.jsonl: ");
    try (Stream<Path> left = Files.list(folder)) {
      assertThat(left.map(p -> p.getFileName().toString()).toList())
          .containsExactlyInAnyOrder(FolderWatcher.DONE, FolderWatcher.FAILED);
    }
  }

  @Test
  void theSameNameDroppedAgainIsIndexedAgainAndKeptBesideTheFirst() throws Exception {
    Files.writeString(folder.resolve("daily.jsonl"), line("d-1", "first version"), StandardCharsets.UTF_8);
    awaitFile(folder.resolve(FolderWatcher.DONE).resolve("daily.jsonl"));
    Files.writeString(folder.resolve("daily.jsonl"), line("d-1", "second version"), StandardCharsets.UTF_8);
    awaitFile(folder.resolve(FolderWatcher.DONE).resolve("1-daily.jsonl"));
    assertThat(search.health().transcripts()).isEqualTo(1);
    assertThat(search.search(SearchRequest.of("second")).total()).isEqualTo(1);
    assertThat(List.of(search.search(SearchRequest.of("first")).total())).containsExactly(0L);
  }
}
