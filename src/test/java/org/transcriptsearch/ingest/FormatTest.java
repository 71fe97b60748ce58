package org.transcriptsearch.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Formats by name, and detected by extension and first value. */
class FormatTest {
  @TempDir Path dir;

  private Optional<Format> detect(String name, String content) throws Exception {
    return Format.detect(Files.writeString(dir.resolve(name), content));
  }

  @Test
  void namesOnTheCommandLine() {
    assertThat(Format.of("MediaSum")).isEqualTo(Format.MEDIASUM);
    assertThat(Format.of(" interview ")).isEqualTo(Format.INTERVIEW);
    assertThatThrownBy(() -> Format.of("csv"))
        .hasMessage("unknown format 'csv' (expected auto, page, mediasum, interview or jsonl)");
  }

  @Test
  void jsonArraysAndObjectsWithUttAreMediaSum() throws Exception {
    assertThat(detect("a.json", "\n [ {\"id\": \"NPR-1\"} ]")).contains(Format.MEDIASUM);
    assertThat(detect("b.json", "{\"id\": \"NPR-1\", \"summary\": {\"x\": [1]}, \"utt\": []}")).contains(Format.MEDIASUM);
    assertThat(detect("c.json", "{\"id\": \"x\", \"turns\": []}")).contains(Format.JSONL);
  }

  @Test
  void jsonThatNoReaderClaimsIsNotRead() throws Exception {
    assertThat(detect("host_map.json", "{\"Morning Edition\": [\"STEVE INSKEEP\"]}")).isEmpty();
    assertThat(detect("empty.json", "")).isEmpty();
  }

  @Test
  void jsonLinesAreCanonicalUnlessTheyHoldMediaSumRecords() throws Exception {
    assertThat(detect("a.jsonl", "{\"id\": \"x\", \"turns\": []}\n")).contains(Format.JSONL);
    assertThat(detect("b.ndjson", "{\"id\": \"NPR-1\", \"utt\": [\"x\"]}\n")).contains(Format.MEDIASUM);
    assertThat(detect("c.jsonl", "{broken\n")).contains(Format.JSONL);
  }

  @Test
  void csvIsTheInterviewCorpusAndTextIsAPage() throws Exception {
    assertThat(detect("Utterances.CSV", "episode,episode_order\n")).contains(Format.INTERVIEW);
    assertThat(detect("page.txt", "{\"turns\": []}")).contains(Format.PAGE);
    assertThat(detect("no-extension", "{\"id\": \"x\", \"turns\": []}")).contains(Format.JSONL);
    assertThat(detect("story", "MORNING EDITION\n\nSTEVE INSKEEP: Hello.")).contains(Format.PAGE);
  }
}
