package org.transcriptsearch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** serve's (and check-mirrors') options that are refused before anything is opened. */
class ServeOptionsTest {
  @TempDir Path dir;

  @Test
  void aNegativeResultsCacheIsRefusedBeforeTheIndexIsOpened() {
    Path index = dir.resolve("index");
    CommandRun run = CommandRun.run("serve", "--index", index.toString(), "--port", "0", "--results-cache", "-1");
    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).contains("--results-cache: must be 0 or more, was -1");
    assertThat(Files.exists(index)).isFalse();
  }

  @Test
  void checkMirrorsOnSolrIsRefusedSayingWhy() {
    // Refused before Solr is reached: nothing listens at this address.
    CommandRun run = CommandRun.run("check-mirrors", "--solr", "http://127.0.0.1:9/solr", "--collection", "c",
        dir.resolve("mirrors.json").toString());
    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).contains("check-mirrors --solr: a SolrCloud collection groups no mirror copies (each copy is"
        + " its own transcript there: grouping needs the embedded index), so there is no grouping to check; check the"
        + " embedded index with --index DIR");
  }

  @Test
  void anAlertsFolderAnotherServerHoldsIsRefusedBeforeTheIndexOrSolrIsOpened() throws Exception {
    Path alerts = Files.createDirectories(dir.resolve("alerts"));
    Path index = dir.resolve("index");
    try (FileChannel channel = FileChannel.open(alerts.resolve(AlertsFolderLock.FILE), StandardOpenOption.CREATE,
        StandardOpenOption.WRITE);
        FileLock held = channel.lock()) {
      String refused = "the alerts folder " + alerts.toAbsolutePath() + " is in use by another server; give this one"
          + " a folder of its own with --alerts DIR";
      // A server that is not refused serves until the JVM ends: the time limit turns that into a failure.
      CommandRun embedded = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> CommandRun.run(
          "serve", "--index", index.toString(), "--port", "0", "--alerts", alerts.toString()));
      assertThat(embedded.status()).isEqualTo(1);
      assertThat(embedded.err()).contains(refused);
      assertThat(Files.exists(index)).isFalse();
      // Nothing listens at this address: the folder is refused before Solr is asked.
      CommandRun solr = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> CommandRun.run(
          "serve", "--solr", "http://127.0.0.1:9/solr", "--collection", "c", "--port", "0", "--alerts",
          alerts.toString()));
      assertThat(solr.status()).isEqualTo(1);
      assertThat(solr.err()).contains(refused);
    }
  }
}
