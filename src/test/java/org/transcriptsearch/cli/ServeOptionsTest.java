package org.transcriptsearch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
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
}
