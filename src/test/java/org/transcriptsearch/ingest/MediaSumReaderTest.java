package org.transcriptsearch.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transcriptsearch.model.Transcript;

/** MediaSum records, array and JSON lines: fields by name, speakers taken apart, bad records named and skipped. */
class MediaSumReaderTest {
  private static final Path DIR = Collected.FIXTURES.resolve("mediasum");
  private final MediaSumReader reader = new MediaSumReader();

  @Test
  void readsEveryGoodRecordOfAnArray() throws Exception {
    Collected read = Collected.read(reader, DIR.resolve("news_dialogue.json"));
    assertThat(read.ids())
        .containsExactly("NPR-11", "NPR-12", "CNN-80413", "CNN-99", "NPR-14", "CNN-5", "NPR-15", "NPR-16");
  }

  @Test
  void keepsTheRecordFieldsAndNormalisesNprProgramNames() throws Exception {
    Transcript npr = Collected.read(reader, DIR.resolve("news_dialogue.json")).get("NPR-11");
    assertThat(npr.title()).isEqualTo("Plants Can Tell Their Relatives Apart");
    assertThat(npr.program()).isEqualTo("Day to Day");
    assertThat(npr.date()).isEqualTo(LocalDate.of(2008, 6, 10));
    assertThat(npr.url()).isEqualTo("https://www.npr.org/templates/story/story.php?storyId=91356794");
    assertThat(npr.source()).isEqualTo("mediasum");
  }

  @Test
  void takesSpeakerStringsApartSkipsEmptyUtterancesAndTakesOutCues() throws Exception {
    Transcript npr = Collected.read(reader, DIR.resolve("news_dialogue.json")).get("NPR-11");
    assertThat(Collected.turns(npr))
        .containsExactly(
            "1|Madeleine Brand|MADELEINE BRAND, host|host|null|null"
                + "|Plants, it turns out, recognize their relatives.|(SOUNDBITE OF MUSIC)",
            "2|Susan Dudley|Professor SUSAN DUDLEY (Biology, McMaster University)|guest|Professor"
                + "|Biology, McMaster University"
                + "|Sea rocket plants grow fewer roots when they share a pot with their siblings. They compete less."
                + "|(LAUGHTER)",
            "3|Unidentified Male|Unidentified Male|unidentified|null|null|That is remarkable.|");
  }

  @Test
  void aBlankSpeakerStringIsAnUnidentifiedSpeaker() throws Exception {
    Transcript npr = Collected.read(reader, DIR.resolve("news_dialogue.json")).get("NPR-12");
    assertThat(Collected.turns(npr))
        .containsExactly(
            "1|Steve Inskeep|STEVE INSKEEP, host|host|null|null"
                + "|Engineers in Japan are still trying to cool the reactors.|",
            "2|Unidentified Speaker|null|unidentified|null|null|The pumps failed again overnight.|",
            "3|Michele Kelemen|MICHELE KELEMEN, BYLINE|correspondent|null|null"
                + "|Our correspondent has been following the reactor story from Tokyo.|");
  }

  @Test
  void readsCnnRecordsAndRecordsWithoutOptionalFields() throws Exception {
    Collected read = Collected.read(reader, DIR.resolve("news_dialogue.json"));
    Transcript cnn = read.get("CNN-80413");
    assertThat(cnn.program()).isEqualTo("CNN NEWSROOM");
    assertThat(Collected.turns(cnn))
        .containsExactly(
            "1|Carol Costello|CAROL COSTELLO, CNN ANCHOR|host|null|CNN"
                + "|Good morning. The Senate is debating gun control today.|",
            "2|Jim Acosta|JIM ACOSTA, CNN SENIOR WHITE HOUSE CORRESPONDENT|correspondent|null|CNN"
                + "|Senators stayed on the floor through the night.|",
            "3|Unidentified Male|UNIDENTIFIED MALE|unidentified|null|null|We want a vote.|");
    Transcript bare = read.get("CNN-99");
    assertThat(bare.title()).isNull();
    assertThat(bare.program()).isNull();
    assertThat(bare.date()).isNull();
    assertThat(bare.url()).isNull();
    assertThat(bare.turns()).extracting(t -> t.speaker().title() + " " + t.speaker().name())
        .containsExactly("null Wolf Blitzer", "Senator John McCain");
  }

  @Test
  void namesEachRefusedRecordWithItsReason() throws Exception {
    Collected read = Collected.read(reader, DIR.resolve("news_dialogue.json"));
    assertThat(read.problems)
        .allSatisfy(p -> assertThat(p.file()).isEqualTo(DIR.resolve("news_dialogue.json").toString()));
    assertThat(read.problems()).containsExactly("record 5 (id NPR-13): no turns: field utt is empty", "record 7: no id");
  }

  @Test
  void readsPartlyReadableRecordsAsFarAsTheyCanBeWithAWarningForEachThingSetAside() throws Exception {
    Collected read = Collected.read(reader, DIR.resolve("news_dialogue.json"));
    assertThat(read.warnings())
        .containsExactly(
            "record 6 (id NPR-14): field utt has 2 entries but field speaker has 1 entry; utterance 2 kept with an"
                + " unidentified speaker",
            "record 8 (id CNN-5): field utt[1]: expected a string, found a number 42; the entry is left out",
            "record 10 (id NPR-16): field date: 'Summer 2008' is not a date; the date is left empty");
    assertThat(Collected.turns(read.get("NPR-14")))
        .containsExactly(
            "1|Steve Inskeep|STEVE INSKEEP, host|host|null|null|One.|",
            "2|Unidentified Speaker|null|unidentified|null|null|Two.|");
    assertThat(read.get("CNN-5").turns()).extracting(t -> t.text()).containsExactly("Hello.");
    assertThat(read.get("NPR-15").date()).isEqualTo(LocalDate.of(2008, 6, 10));
    assertThat(read.get("NPR-16").date()).isNull();
    assertThat(read.get("NPR-16").turns()).extracting(t -> t.text()).containsExactly("Hello again.");
  }

  @Test
  void speakersBeyondTheLastUtteranceAreLeftOutWithAWarning(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("extra.json"),
        "[{\"id\": \"CNN-7\", \"date\": \"2013-5-13\", \"utt\": [\"Hello.\", \"Hi.\"],"
            + " \"speaker\": [\"WOLF BLITZER, CNN ANCHOR\", \"JOHN KING, CNN\", \"ANNOUNCER\", \"\"]}]");
    Collected read = Collected.read(reader, file);
    assertThat(read.get("CNN-7").date()).isEqualTo(LocalDate.of(2013, 5, 13));
    assertThat(read.get("CNN-7").turns()).hasSize(2);
    assertThat(read.warnings())
        .containsExactly(
            "record 1 (id CNN-7): field utt has 2 entries but field speaker has 4 entries; the 2 speakers after the"
                + " last utterance left out");
  }

  @Test
  void readsTheJsonLinesVariant() throws Exception {
    Collected read = Collected.read(reader, DIR.resolve("news_dialogue.jsonl"));
    assertThat(read.ids()).containsExactly("NPR-21", "NPR-22", "CNN-23");
    assertThat(read.get("NPR-21").program()).isEqualTo("All Things Considered");
    assertThat(read.get("NPR-21").turns().get(1).cues()).containsExactly("(Through interpreter)");
    assertThat(read.problems()).isEmpty();
    assertThat(read.warnings())
        .containsExactly(
            "record 2 (id NPR-22): field utt has 1 entry but field speaker has 0 entries; utterance 1 kept with an"
                + " unidentified speaker");
  }

  @Test
  void aSyntaxErrorKeepsWhatCameBeforeAndEndsTheFile() throws Exception {
    Collected read = Collected.read(reader, DIR.resolve("truncated.json"));
    assertThat(read.ids()).containsExactly("NPR-31", "NPR-32");
    assertThat(read.problems()).hasSize(1);
    assertThat(read.problems().get(0))
        .startsWith("line 4, column 131 (record 3): not valid JSON, the rest of the file is not read: ")
        .contains("Illegal unquoted character");
  }

  @Test
  void wrongTypesAndNonObjectsAreNamed(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("odd.json");
    Files.writeString(
        file,
        """
        [{"id": "A-1", "title": 7, "utt": ["x"], "speaker": ["Y"]},
         "not a record",
         {"id": "A-2", "utt": "x", "speaker": ["Y"]},
         {"id": "A-3", "utt": ["x"], "speaker": [null]}]
        """);
    Collected read = Collected.read(reader, file);
    assertThat(read.ids()).containsExactly("A-1", "A-3");
    assertThat(read.get("A-1").title()).isNull();
    assertThat(read.get("A-3").turns().get(0).speaker().name()).isEqualTo("Unidentified Speaker");
    assertThat(read.problems())
        .containsExactly(
            "record 2: expected an object, found 'not a record'",
            "record 3 (id A-2): field utt: expected a list of strings, found a string");
    assertThat(read.warnings())
        .containsExactly("record 1 (id A-1): field title: expected a string, found a number 7; the title is left empty");
  }

  @Test
  void anEmptyFileHasNoRecords(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("empty.json"), "  \n");
    Collected read = Collected.read(reader, file);
    assertThat(read.transcripts).isEmpty();
    assertThat(read.problems).isEmpty();
  }
}
