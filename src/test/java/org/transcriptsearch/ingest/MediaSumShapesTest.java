package org.transcriptsearch.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transcriptsearch.TestIndexes;
import org.transcriptsearch.index.TranscriptIndex;
import org.transcriptsearch.search.Results.Hit;
import org.transcriptsearch.search.SearchRequest;
import org.transcriptsearch.search.SearchService;

/** MediaSum CNN records in the shapes of the real file: unpadded dates and CNN speaker strings, read and indexed. */
class MediaSumShapesTest {
  private static final Path CNN = Collected.FIXTURES.resolve("mediasum/cnn_dialogue.json");

  @TempDir Path dir;

  @Test
  void takesCnnSpeakerStringsApartAndReadsUnpaddedDates() throws Exception {
    Collected read = Collected.read(new MediaSumReader(), CNN);

    assertThat(read.get("CNN-163412").date()).isEqualTo(LocalDate.of(2013, 5, 13));
    assertThat(read.get("CNN-163500").date()).isEqualTo(LocalDate.of(2013, 5, 14));
    assertThat(Collected.turns(read.get("CNN-163412")))
        .containsExactly(
            "1|Candy Crowley|CANDY CROWLEY, CNN HOST, \"STATE OF THE UNION\"|host|null|CNN, State of the Union"
                + "|Good morning from Washington. I'm Candy Crowley.|",
            "2|Chris Van Hollen|SEN. CHRIS VAN HOLLEN (D), MARYLAND|guest|Sen.|D-Maryland"
                + "|We have the votes in committee for the immigration bill.|",
            "3|Joe Wilson|REP. JOE WILSON, (R) SOUTH CAROLINA|guest|Rep.|R-South Carolina"
                + "|The House will write its own immigration bill.|",
            "4|Thad Allen|ADM. THAD ALLEN (RET.)|guest|Adm. (Ret.)|null|The storm has moved out to sea.|",
            "5|Angela Merkel|ANGELA MERKEL, CHANCELLOR, GERMANY (through translator)|guest|null|Chancellor, Germany"
                + "|We will find a way to make this work for Europe.|(through translator)",
            "6|Announcer|ANNOUNCER|announcer|null|null|This is STATE OF THE UNION.|",
            "7|Unidentified Speaker|On camera)|unidentified|null|null|And then, nobody knew.|",
            "8|Gloria Borger|GLORIA BORGER, CNN CHIEF POLITICAL ANALYST|analyst|null|CNN"
                + "|The party is divided on immigration.|");
    assertThat(Collected.turns(read.get("CNN-163500")))
        .containsExactly(
            "1|Chris Van Hollen|SEN. CHRIS VAN HOLLEN, D-MARYLAND|guest|Sen.|D-Maryland"
                + "|The immigration bill is a jobs bill.|",
            "2|Poppy Harlow|POPPY HARLOW, CNNMONEY.COM|correspondent|null|CNNMoney.com|Markets rallied on the news.|",
            "3|John King|JOHN KING, CNN CORRESPONDENT (voice-over)|correspondent|null|CNN||(voice-over),(LAUGHTER)",
            "4|Anthony Fauci|DR. ANTHONY FAUCI, DIRECTOR, NATIONAL INSTITUTE OF ALLERGY AND INFECTIOUS DISEASES"
                + "|guest|Dr.|Director, National Institute of Allergy and Infectious Diseases"
                + "|The vaccine trial begins this summer.|");
    assertThat(read.problems).isEmpty();
    assertThat(read.warnings())
        .containsExactly(
            "null: 1 utterance is only a cue, such as (LAUGHTER); kept as cues of their turns, not as speech");
  }

  @Test
  void onePersonPrintedTwoWaysIsOneSpeakerInTheIndex() throws Exception {
    try (TranscriptIndex index = TestIndexes.build(dir, CNN)) {
      SearchService search = new SearchService(index);
      List<String> ids =
          search.search(SearchRequest.builder().query("").speakers(List.of("Chris Van Hollen")).build())
              .hits().stream().map(Hit::id).toList();
      assertThat(ids).containsExactlyInAnyOrder("CNN-163412-2", "CNN-163500-1");
      List<String> analysts =
          search.search(SearchRequest.builder().query("").roles(List.of("analyst")).build())
              .hits().stream().map(Hit::id).toList();
      assertThat(analysts).containsExactly("CNN-163412-8");
    }
  }
}
