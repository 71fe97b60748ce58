package org.transcriptsearch.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transcriptsearch.TestIndexes;
import org.transcriptsearch.cli.Main;
import org.transcriptsearch.index.TranscriptIndex;
import org.transcriptsearch.ingest.IngestSummary.Skipped;

/** Whole ingest runs into a real index: formats mixed, Interview pairs, missing and bad inputs, exit status. */
class IngesterTest {
  private static final Path PAGE = Path.of("src", "test", "resources", "pages", "guest-host.txt");
  private static final String GOOD_JSONL_LINE =
      "{\"id\": \"fx-good\", \"title\": \"Good\", \"turns\": [{\"n\": 1, \"speaker\": {\"name\": \"Ari Shapiro\","
          + " \"role\": \"host\"}, \"text\": \"A good line about Syria.\", \"attribution\": \"labelled\"}]}\n";

  @TempDir Path temp;

  private IngestSummary ingest(List<Path> paths, Format format) throws IOException {
    try (TranscriptIndex index = TranscriptIndex.openWritable(temp.resolve("index"), TestIndexes.PIPELINE.schema())) {
      return TestIndexes.PIPELINE.ingester(index).ingest(paths, format, Ingester.Progress.NONE);
    }
  }

  private static List<String> wheres(List<Skipped> skipped, Path base) {
    return skipped.stream().map(s -> s.where().replace(base + "/", "") + ": " + s.reason()).toList();
  }

  /** A folder of every shape: a page, canonical lines, MediaSum lines and an Interview corpus with its extras. */
  private Path mixedFolder() throws IOException {
    Path in = Files.createDirectories(temp.resolve("in"));
    Files.copy(PAGE, in.resolve("guest-host.txt"));
    Files.writeString(in.resolve("canonical.jsonl"), GOOD_JSONL_LINE);
    Files.copy(Collected.FIXTURES.resolve("mediasum/news_dialogue.jsonl"), in.resolve("news_dialogue.jsonl"));
    copyFolder(Collected.FIXTURES.resolve("interview"), Files.createDirectories(in.resolve("interview")));
    return in;
  }

  private static void copyFolder(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.list(from)) {
      for (Path f : files.toList()) {
        Files.copy(f, to.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }

  @Test
  void readsAFolderMixingFormatsWithEachFileInItsOwnShape() throws Exception {
    Path in = mixedFolder();
    int pageTurns = TestIndexes.PIPELINE.pages().read(PAGE).turns().size();
    IngestSummary summary = ingest(List.of(in), Format.AUTO);
    assertThat(summary.files()).isEqualTo(5);
    assertThat(summary.transcripts()).isEqualTo(1 + 1 + 3 + 3);
    assertThat(summary.utterances()).isEqualTo(pageTurns + 1 + 5 + 7);
    assertThat(wheres(summary.warnings(), in))
        .containsExactly(
            "news_dialogue.jsonl: record 2 (id NPR-22): field utt has 1 entry but field speaker has 0 entries;"
                + " utterance 1 kept with an unidentified speaker",
            "interview/episodes.csv: line 5 (episode 57267): field episode_date: 'June 2012' is not a date; the date"
                + " is left empty");
    assertThat(wheres(summary.skipped(), in))
        .containsExactly(
            "interview/utterances.csv: line 5: field episode_order: 'x' is not a whole number",
            "interview/utterances.csv: line 10: 5 fields, but the header has 4",
            "interview/utterances.csv: line 11 (episode 99999): episode 99999 is not in episodes.csv; its"
                + " utterances are skipped",
            "interview/utterances.csv: line 13 (episode 57264): episode 57264 comes back after other episodes; its"
                + " rows must be together, so these are skipped and its first run is kept");
    assertThat(wheres(summary.ignored(), in))
        .containsExactly(
            "interview/host_map.json: " + InterviewFiles.MAP_NOT_NEEDED,
            "interview/utterances-2sp.csv: " + InterviewFiles.SUBSET_BESIDE_FULL);
  }

  @Test
  void readsAnInterviewFolderNamedWithItsFormat() throws Exception {
    Path alt = Collected.FIXTURES.resolve("interview-alt");
    IngestSummary summary = ingest(List.of(Collected.FIXTURES.resolve("interview"), alt), Format.INTERVIEW);
    assertThat(summary.files()).isEqualTo(4);
    assertThat(summary.transcripts()).isEqualTo(4);
    assertThat(summary.ignored())
        .extracting(Skipped::where)
        .containsExactly(
            Collected.FIXTURES.resolve("interview/host_map.json").toString(),
            Collected.FIXTURES.resolve("interview/utterances-2sp.csv").toString());
  }

  @Test
  void readsAnInterviewPairNamedOnTheCommandLine() throws Exception {
    Path dir = Collected.FIXTURES.resolve("interview-alt");
    Path episodes = Files.copy(dir.resolve("episodes.csv"), temp.resolve("eps.csv"));
    Path turns = Files.copy(dir.resolve("utterances.csv"), temp.resolve("turns.csv"));
    IngestSummary summary = ingest(List.of(episodes, turns), Format.INTERVIEW);
    assertThat(summary.transcripts()).isEqualTo(1);
    assertThat(summary.utterances()).isEqualTo(3);
  }

  @Test
  void anInterviewFileWithoutItsPartnerIsNamed() throws Exception {
    Path utterances = Collected.FIXTURES.resolve("interview/utterances.csv");
    IngestSummary summary = ingest(List.of(utterances), Format.AUTO);
    assertThat(summary.transcripts()).isZero();
    assertThat(summary.skipped()).containsExactly(new Skipped(utterances.toString(), InterviewFiles.NOT_A_PAIR));
  }

  @Test
  void aMissingPathIsNamedAndTheRestIsRead() throws Exception {
    Path missing = temp.resolve("no-such-file.json");
    IngestSummary summary =
        ingest(List.of(missing, Collected.FIXTURES.resolve("mediasum/news_dialogue.jsonl")), Format.AUTO);
    assertThat(summary.transcripts()).isEqualTo(3);
    assertThat(summary.skipped()).first().isEqualTo(new Skipped(missing.toString(), "no such file or folder"));
    assertThat(summary.complete()).isFalse();
  }

  @Test
  void aBadFileInABatchDoesNotStopTheOthers() throws Exception {
    Path truncated = Collected.FIXTURES.resolve("mediasum/truncated.json");
    Path good = Collected.FIXTURES.resolve("mediasum/news_dialogue.json");
    IngestSummary summary = ingest(List.of(truncated, good), Format.AUTO);
    assertThat(summary.files()).isEqualTo(2);
    assertThat(summary.transcripts()).isEqualTo(2 + 8);
    assertThat(summary.skipped()).extracting(Skipped::where).startsWith(truncated + ": line 4, column 131 (record 3)");
    assertThat(summary.skipped()).hasSize(1 + 2);
  }

  @Test
  void exitStatusIsOneWhenAnythingWasSkippedAndZeroOtherwise() throws Exception {
    Path clean = Files.writeString(temp.resolve("clean.json"),
        "[{\"id\": \"NPR-1\", \"utt\": [\"Hello.\"], \"speaker\": [\"STEVE INSKEEP, host\"]}]");
    String index = temp.resolve("cli-index").toString();
    assertThat(Main.run("index", "--index", index, clean.toString())).isZero();
    assertThat(Main.run("index", "--index", index, "--format", "mediasum", clean.toString(),
            Collected.FIXTURES.resolve("mediasum/truncated.json").toString()))
        .isEqualTo(1);
  }

  @Test
  void ignoredFilesDoNotMakeARunIncomplete() throws Exception {
    Path in = Files.createDirectories(temp.resolve("in"));
    Files.writeString(in.resolve("host_map.json"), "{\"Fresh Air\": [\"TERRY GROSS\"]}");
    Files.writeString(in.resolve("canonical.jsonl"), GOOD_JSONL_LINE);
    IngestSummary summary = ingest(List.of(in), Format.AUTO);
    assertThat(summary.transcripts()).isEqualTo(1);
    assertThat(summary.ignored()).hasSize(1);
    assertThat(summary.complete()).isTrue();
  }
}
