package org.transcriptsearch.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transcriptsearch.TestIndexes;
import org.transcriptsearch.index.TranscriptIndex;
import org.transcriptsearch.ingest.IngestSummary.Skipped;

/**
 * The Interview corpus in the shapes of the real files: unpadded dates, {@code _NO_SPEAKER}, utterances that are
 * only a cue, callers and described guests, and {@code utterances-2sp.csv} with either host map.
 */
class InterviewShapesTest {
  private static final Path REAL = Collected.FIXTURES.resolve("interview-real");
  private static final Path TWO_SPEAKERS = Collected.FIXTURES.resolve("interview-2sp");
  private static final Path TWO_SPEAKERS_MAP = Collected.FIXTURES.resolve("interview-2sp-map");

  @TempDir Path temp;

  private static Collected read(Path dir) throws IOException {
    Collected read = new Collected();
    new InterviewReader().read(dir, read);
    return read;
  }

  private IngestSummary ingest(Path dir) throws IOException {
    try (TranscriptIndex index = TranscriptIndex.openWritable(temp.resolve("index"), TestIndexes.PIPELINE.schema())) {
      return TestIndexes.PIPELINE.ingester(index).ingest(List.of(dir), Format.AUTO, Ingester.Progress.NONE);
    }
  }

  private static List<String> named(List<Skipped> entries, Path dir) {
    return entries.stream().map(s -> s.where().replace(dir + "/", "") + ": " + s.reason()).toList();
  }

  @Test
  void readsTheRealShapesOfUtterancesCsv() throws Exception {
    Collected read = read(REAL);

    assertThat(read.ids()).containsExactly("interview-1001", "interview-1002");
    assertThat(read.get("interview-1001").date()).isEqualTo(LocalDate.of(2013, 5, 13));
    assertThat(read.get("interview-1002").date()).isEqualTo(LocalDate.of(2007, 1, 7));
    assertThat(Collected.turns(read.get("interview-1001")))
        .containsExactly(
            "1|Neal Conan|NEAL CONAN, host|host|null|null"
                + "|This is TALK OF THE NATION. I'm Neal Conan. More of us ride to work.|",
            "2|Loren Mooney|Ms. LOREN MOONEY (Editor-in-Chief, Bicycling Magazine)|guest|Ms."
                + "|Editor-in-Chief, Bicycling Magazine|More people ride to work every year.|",
            "3|John|JOHN (Caller)|caller|null|null|I ride every day in Detroit.|",
            "4|Neal Conan|NEAL CONAN, HOST|host|null|null|John, thanks for the call.|");
    assertThat(Collected.turns(read.get("interview-1002")))
        .containsExactly(
            "1|Liane Hansen|LIANE HANSEN, host|host|null|null|Here is a song from Mali.|",
            "2|Unidentified Speaker|_NO_SPEAKER|unidentified|null|null||(Foreign language spoken)",
            "3|Unidentified Speaker|_NO_SPEAKER|unidentified|null|null|We sang it at weddings.|",
            "4|Salif Keita|Mr. SALIF KEITA (Singer) (through translator)|guest|Mr.|Singer"
                + "|It is a song about rain.|(through translator)");
    assertThat(read.problems).isEmpty();
    assertThat(read.warnings())
        .containsExactly(
            "null: 1 utterance is only a cue, such as (Foreign language spoken); kept as cues of their turns, not"
                + " as speech");
  }

  @Test
  void aFolderWithBothUtterancesFilesReadsTheFullOneAndSaysSo() throws Exception {
    IngestSummary summary = ingest(REAL);

    assertThat(summary.transcripts()).isEqualTo(2);
    assertThat(summary.utterances()).isEqualTo(8);
    assertThat(named(summary.ignored(), REAL))
        .containsExactly(
            "host-map.json: " + InterviewFiles.MAP_NOT_NEEDED,
            "utterances-2sp.csv: " + InterviewFiles.SUBSET_BESIDE_FULL);
    assertThat(summary.complete()).isTrue();
  }

  @Test
  void readsUtterances2spAloneWithHostNamesFromHostIdJson() throws Exception {
    Collected read = read(TWO_SPEAKERS);

    assertThat(read.ids()).containsExactly("interview-57264", "interview-57300");
    assertThat(read.get("interview-57264").date()).isEqualTo(LocalDate.of(2008, 6, 10));
    assertThat(Collected.turns(read.get("interview-57264")))
        .containsExactly(
            "1|Steve Inskeep|null|host|null|null|Good morning. Plants, it seems, know their relatives.|",
            "2|Unidentified Guest|null|guest|null|null|They grow fewer roots next to their siblings.|",
            "3|Steve Inskeep|null|host|null|null|Really?|(LAUGHTER)");
    assertThat(Collected.turns(read.get("interview-57300")))
        .containsExactly(
            "1|Lulu Garcia-Navarro|null|host|null|null|Tell us about the farm.|",
            "2|Unidentified Guest|null|guest|null|null||(Foreign language spoken)",
            "3|Unidentified Guest|null|guest|null|null|We grow corn and beans.|");
    assertThat(read.problems).isEmpty();
    assertThat(read.warnings()).hasSize(1);
  }

  @Test
  void readsUtterances2spWithHostMapJsonAndNamesAHostItLacks() throws Exception {
    IngestSummary summary = ingest(TWO_SPEAKERS_MAP);

    assertThat(summary.files()).isEqualTo(3);
    assertThat(summary.transcripts()).isEqualTo(1);
    assertThat(summary.ignored()).isEmpty();
    assertThat(named(summary.warnings(), TWO_SPEAKERS_MAP))
        .containsExactly(
            "utterances-2sp.csv: line 4 (episode 57300): field host_id: host 9 is not in the host map; its turns are"
                + " given to an unidentified host");
    Collected read = read(TWO_SPEAKERS_MAP);
    assertThat(read.get("interview-57300").date()).isEqualTo(LocalDate.of(2018, 11, 4));
    assertThat(read.get("interview-57300").turns())
        .extracting(t -> t.speaker().name() + " (" + t.speaker().role().code() + ")")
        .containsExactly("Lulu Garcia-Navarro (host)", "Unidentified Guest (guest)", "Unidentified Host (host)");
  }

  @Test
  void utterances2spWithoutAHostMapIsReadWithUnnamedHostsAndAWarning() throws Exception {
    Path dir = Files.createDirectories(temp.resolve("bare"));
    Files.copy(TWO_SPEAKERS.resolve("episodes.csv"), dir.resolve("episodes.csv"));
    Files.copy(TWO_SPEAKERS.resolve("utterances-2sp.csv"), dir.resolve("utterances-2sp.csv"));
    Collected read = read(dir);

    assertThat(read.ids()).containsExactly("interview-57264", "interview-57300");
    assertThat(read.get("interview-57264").turns().get(0).speaker().name()).isEqualTo("Unidentified Host");
    assertThat(read.warnings().get(0))
        .isEqualTo(
            "header: no speaker column and no host map (host_id.json or host-map.json) beside it; hosts are read as"
                + " \"Unidentified Host\" and guests as \"Unidentified Guest\"");
  }

  @Test
  void aHostMapInNeitherShapeIsNamedAndTheHostsGoUnnamed() throws Exception {
    Path dir = Files.createDirectories(temp.resolve("odd"));
    Files.copy(TWO_SPEAKERS.resolve("episodes.csv"), dir.resolve("episodes.csv"));
    Files.copy(TWO_SPEAKERS.resolve("utterances-2sp.csv"), dir.resolve("utterances-2sp.csv"));
    Files.writeString(dir.resolve("host_id.json"), "{\"Morning Edition\": [\"STEVE INSKEEP\"]}");
    Collected read = read(dir);

    assertThat(read.ids()).hasSize(2);
    assertThat(read.problems())
        .containsExactly(
            "entry 'Morning Edition': not a host map: expected name -> id (host_id.json) or id -> {\"name\": ...}"
                + " (host-map.json)");
  }
}
