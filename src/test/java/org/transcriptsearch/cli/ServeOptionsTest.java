package org.transcriptsearch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** serve's options that are refused before anything is opened. */
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
}
