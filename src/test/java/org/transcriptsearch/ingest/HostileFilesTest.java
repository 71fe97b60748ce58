package org.transcriptsearch.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transcriptsearch.TestIndexes;
import org.transcriptsearch.index.TranscriptIndex;
import org.transcriptsearch.search.SearchService;

/** Empty, binary, non-UTF-8, enormous and truncated files are skipped by name; the rest of the batch is indexed. */
class HostileFilesTest {
  @TempDir Path dir;

  @Test
  void badFilesAreSkippedWithReasonsAndTheGoodOnesIndexed() throws Exception {
    Path batch = Files.createDirectories(dir.resolve("batch"));
    Files.copy(TestIndexes.SAMPLE_CORPUS.resolve("003_eb3c53ebfe28291d.txt"), batch.resolve("good.txt"));
    Files.writeString(batch.resolve("empty.txt"), "");
    Files.writeString(batch.resolve("blank.txt"), "\n\n   \n");
    Files.write(batch.resolve("binary.txt"), new byte[] {'G', 'I', 'F', '8', '9', 'a', 0, 1, 2, 3});
    byte[] latin1 = "BLOCK: Caf\u00e9 society in Paris.\n".getBytes(StandardCharsets.ISO_8859_1);
    Files.write(batch.resolve("latin1.txt"), latin1);
    try (OutputStream out = Files.newOutputStream(batch.resolve("huge.txt"))) {
      byte[] line = "MELISSA BLOCK, HOST: Words and more words.\n\n".getBytes(StandardCharsets.UTF_8);
      for (long written = 0; written <= (17L << 20); written += line.length) {
        out.write(line);
      }
    }
    String canonical = Files.readString(Path.of("src/test/resources/fixtures/corpus.jsonl"));
    Files.writeString(batch.resolve("truncated.jsonl"), canonical.substring(0, canonical.length() / 2));
    byte[] jsonl = Files.readAllBytes(Path.of("src/test/resources/fixtures/speakers.jsonl"));
    byte[] withBadByte = new byte[jsonl.length + 1];
    int firstLineEnd = new String(jsonl, StandardCharsets.UTF_8).indexOf('\n') + 1;
    System.arraycopy(jsonl, 0, withBadByte, 0, firstLineEnd);
    withBadByte[firstLineEnd] = (byte) 0xE9;
    System.arraycopy(jsonl, firstLineEnd, withBadByte, firstLineEnd + 1, jsonl.length - firstLineEnd);
    Files.write(batch.resolve("latin1.jsonl"), withBadByte);

    try (TranscriptIndex index = TranscriptIndex.openWritable(dir.resolve("index"), TestIndexes.PIPELINE.schema())) {
      IngestSummary summary = TestIndexes.ingest(index, batch);
      List<String> skipped = summary.skipped().stream().map(s -> s.where() + ": " + s.reason()).toList();
      assertThat(skipped)
          .anySatisfy(s -> assertThat(s).isEqualTo(batch.resolve("empty.txt") + ": empty file"))
          .anySatisfy(s -> assertThat(s).isEqualTo(batch.resolve("blank.txt") + ": empty file"))
          .anySatisfy(s -> assertThat(s).isEqualTo(
              batch.resolve("binary.txt") + ": binary file (a NUL byte at offset 6), not a transcript page"))
          .anySatisfy(s -> assertThat(s).isEqualTo(
              batch.resolve("latin1.txt") + ": not UTF-8 text (an invalid byte sequence at offset 10)"))
          .anySatisfy(s -> assertThat(s).isEqualTo(
              batch.resolve("huge.txt") + ": too large for a transcript page (17 MB; the limit is 16 MB)"))
          .anySatisfy(s -> assertThat(s).startsWith(batch.resolve("truncated.jsonl") + ": line 3: "))
          .anySatisfy(s -> assertThat(s).isEqualTo(
              batch.resolve("latin1.jsonl") + ": line 2: not UTF-8 text"));
      assertThat(skipped).hasSize(7);
      // The good page, the two whole lines of the truncated file and the lines around the bad one are indexed.
      assertThat(summary.transcripts()).isEqualTo(1 + 2 + 2);
      assertThat(new SearchService(index).health().transcripts()).isEqualTo(5);
    }
  }
}
