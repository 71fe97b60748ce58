package org.transcriptsearch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transcriptsearch.TestIndexes;
import org.transcriptsearch.index.TranscriptIndex;

/** {@code index} on an index another program writes (a running server) says so, and what to do instead. */
class IndexLockTest {
  @TempDir Path dir;

  @Test
  void aHeldIndexIsNamedWithTheWayOut() throws Exception {
    Path held = dir.resolve("index");
    try (TranscriptIndex server = TranscriptIndex.openWritable(held, TestIndexes.PIPELINE.schema())) {
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      int status = Main.run(new PrintWriter(out, true), new PrintWriter(err, true),
          "index", "--index", held.toString(), TestIndexes.FIXTURE_CORPUS.toString());
      assertThat(status).isEqualTo(1);
      assertThat(err.toString().strip()).isEqualTo(
          "error: the index at " + held + " is in use by another program, most likely a running 'transcript-search"
              + " serve'. Stop it first, or send the files to it instead: index --server http://127.0.0.1:7070 PATH..."
              + " (with TRANSCRIPT_SEARCH_ADMIN_TOKEN set to the server's admin token)");
      assertThat(out.toString()).isEmpty();
    }
  }

  @Test
  void serverAndIndexTogetherAreAUsageError() {
    StringWriter err = new StringWriter();
    int status = Main.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
        "index", "--index", dir.toString(), "--server", "http://127.0.0.1:1", TestIndexes.FIXTURE_CORPUS.toString());
    assertThat(status).isEqualTo(2);
    assertThat(err.toString()).contains("--index and --server: give one");
  }
}
