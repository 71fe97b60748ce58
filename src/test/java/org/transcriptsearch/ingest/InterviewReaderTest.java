package org.transcriptsearch.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transcriptsearch.model.Transcript;

/** The Interview corpus: episodes joined to utterances, turns in order, bad rows and episodes named and skipped. */
class InterviewReaderTest {
  private static final Path DIR = Collected.FIXTURES.resolve("interview");
  private static final Path ALT = Collected.FIXTURES.resolve("interview-alt");
  private final InterviewReader reader = new InterviewReader();

  private Collected read(Path dir) throws Exception {
    return Collected.read(reader, dir.resolve("episodes.csv"), dir.resolve("utterances.csv"));
  }

  @Test
  void joinsEpisodesToTheirUtterances() throws Exception {
    Collected read = read(DIR);
    assertThat(read.ids()).containsExactly("interview-57264", "interview-57265", "interview-57267");
    Transcript t = read.get("interview-57265");
    assertThat(t.title()).isEqualTo("Kerry, Lavrov Meet On Syria");
    assertThat(t.program()).isEqualTo("All Things Considered");
    assertThat(t.date()).isEqualTo(LocalDate.of(2016, 9, 9));
    assertThat(t.url()).isNull();
    assertThat(t.source()).isEqualTo("npr-interview");
  }

  @Test
  void ordersTurnsByTheirOrderColumnAndSkipsEmptyUtterances() throws Exception {
    Collected read = read(DIR);
    assertThat(Collected.turns(read.get("interview-57264")))
        .containsExactly(
            "1|Steve Inskeep|STEVE INSKEEP, HOST|host|null|null"
                + "|Good morning. Plants, it seems, know their relatives.|",
            "2|Susan Dudley|Professor SUSAN DUDLEY (Biology, McMaster University)|guest|Professor"
                + "|Biology, McMaster University|They grow fewer roots next to their siblings.|",
            "3|Steve Inskeep|STEVE INSKEEP, HOST|host|null|null|Really?|(LAUGHTER)");
    assertThat(Collected.turns(read.get("interview-57265")))
        .containsExactly(
            "1|Robert Siegel|ROBERT SIEGEL, HOST|host|null|null"
                + "|Secretary of State John Kerry met Sergey Lavrov in Geneva.|",
            "2|Michele Kelemen|MICHELE KELEMEN, BYLINE|correspondent|null|null"
                + "|The talks on Syria went late into the night.|",
            "3|Sergey Lavrov|SERGEY LAVROV|guest|null|null|We agreed on a ceasefire in Syria.|(Through interpreter)");
  }

  @Test
  void namesBadRowsOrphansAndEpisodesThatComeBack() throws Exception {
    Collected read = read(DIR);
    assertThat(read.problems.stream().map(p -> Path.of(p.file()).getFileName() + ": " + p.location() + ": " + p.reason()))
        .containsExactly(
            "utterances.csv: line 5: field episode_order: 'x' is not a whole number",
            "utterances.csv: line 10: 5 fields, but the header has 4",
            "utterances.csv: line 11 (episode 99999): episode 99999 is not in episodes.csv; its utterances are skipped",
            "utterances.csv: line 13 (episode 57264): episode 57264 comes back after other episodes; its rows must"
                + " be together, so these are skipped and its first run is kept");
  }

  @Test
  void anEpisodeWhoseDateIsNotADateIsReadWithoutItWithAWarning() throws Exception {
    Collected read = read(DIR);
    assertThat(read.warnings.stream().map(p -> Path.of(p.file()).getFileName() + ": " + p.location() + ": " + p.reason()))
        .containsExactly(
            "episodes.csv: line 5 (episode 57267): field episode_date: 'June 2012' is not a date; the date is left"
                + " empty");
    assertThat(read.get("interview-57267").date()).isNull();
    assertThat(read.get("interview-57267").title()).isEqualTo("A Bad Date");
  }

  @Test
  void mapsAlternativeColumnNamesAndHostFlags() throws Exception {
    Collected read = read(ALT);
    assertThat(read.ids()).containsExactly("interview-100");
    Transcript t = read.get("interview-100");
    assertThat(t.program()).isEqualTo("Morning Edition");
    assertThat(t.date()).isEqualTo(LocalDate.of(2016, 7, 23));
    assertThat(Collected.turns(t))
        .containsExactly(
            "1|Noel King|NOEL KING|host|null|null|Good morning.|",
            "2|David Greene|DAVID GREENE|host|null|null|Senator Kaine joins us from Richmond,\nwhere he spoke last night.|",
            "3|Tim Kaine|Senator TIM KAINE (Democrat, Virginia)|guest|Senator|Democrat, Virginia"
                + "|Good morning, thanks for having me.|");
    assertThat(read.problems())
        .containsExactly(
            "line 6: field turn_order: 'x' is not a whole number",
            "line 8: field is_host: 'maybe' is not true or false");
  }

  @Test
  void aMissingColumnFailsTheFileNamingTheColumnAndTheHeader(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("episodes.csv"), "id,title\n1,One\n");
    Files.writeString(dir.resolve("utterances.csv"), "episode,speaker,utterance\n1,A,Hello.\n");
    Collected read = read(dir);
    assertThat(read.transcripts).isEmpty();
    assertThat(read.problems)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.file()).isEqualTo(dir.resolve("utterances.csv").toString());
              assertThat(p.location()).isEqualTo("header");
              assertThat(p.reason())
                  .isEqualTo("no column 'episode_order' (or turn_order, order); the header is [episode, speaker, utterance]");
            });
  }

  @Test
  void aMissingEpisodeIdColumnFailsTheEpisodesFile(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("episodes.csv"), "program,title\nFresh Air,One\n");
    Files.writeString(dir.resolve("utterances.csv"), "episode,order,speaker,text\n1,1,A,Hello.\n");
    assertThat(read(dir).problems())
        .containsExactly("header: no column 'id' (or episode, episode_id); the header is [program, title]");
  }

  @Test
  void readsTheCorpusInAFolder() throws Exception {
    Collected read = new Collected();
    reader.read(DIR, read);
    assertThat(read.ids()).containsExactly("interview-57264", "interview-57265", "interview-57267");
  }

  @Test
  void aSingleFileIsNotACorpus() throws Exception {
    Collected read = new Collected();
    reader.read(DIR.resolve("utterances.csv"), read);
    assertThat(read.transcripts).isEmpty();
    assertThat(read.problems).singleElement().extracting(p -> p.reason()).isEqualTo(InterviewFiles.NOT_A_PAIR);
  }
}
