package org.transcriptsearch.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transcriptsearch.model.Transcript;
import org.transcriptsearch.reader.BadInputException;

/** A JSON string escaping half of a surrogate pair is read with U+FFFD in its place, and the reader says where. */
class LoneSurrogateWarningTest {
  @TempDir Path dir;

  private final List<Transcript> read = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();
  private final List<String> bad = new ArrayList<>();
  private final TranscriptReader.Sink sink =
      new TranscriptReader.Sink() {
        @Override
        public void transcript(Transcript transcript) {
          read.add(transcript);
        }

        @Override
        public void bad(BadInputException problem) {
          bad.add(problem.getMessage());
        }

        @Override
        public void warning(BadInputException problem) {
          warnings.add(problem.location() + ": " + problem.reason());
        }
      };

  @Test
  void jsonLinesSayWhichFieldHeldIt() throws IOException {
    String turn = "{\"n\": %d, \"speaker\": {\"name\": \"Robert Siegel\", \"role\": \"host\"}, \"text\": \"%s\","
        + " \"attribution\": \"labelled\", \"cues\": []}";
    String line = "{\"id\": \"ls-%d\", \"title\": \"%s\", \"turns\": [" + turn + ", " + turn + "]}";
    Path file = dir.resolve("cut.jsonl");
    Files.writeString(file, String.join("\n",
        String.format(line, 1, "Steppe", 1, "Across the steppe \\ud83d", 2, "Caravans \\uD83D\\uDE00 of camels"),
        String.format(line, 2, "Camels \\ude00", 1, "Fine", 2, "Also \\uD83D\\uDE00 fine"),
        String.format(line, 3, "Pairs", 1, "An emoji \\ud83d\\ude00", 2, "No escape at all")), StandardCharsets.UTF_8);

    new JsonlReader().read(file, sink);

    assertThat(bad).isEmpty();
    assertThat(read).extracting(Transcript::id).containsExactly("ls-1", "ls-2", "ls-3");
    assertThat(read.get(0).turns().get(0).text()).isEqualTo("Across the steppe \uFFFD");
    assertThat(read.get(0).turns().get(1).text()).isEqualTo("Caravans \uD83D\uDE00 of camels");
    assertThat(read.get(1).title()).isEqualTo("Camels \uFFFD");
    assertThat(warnings).containsExactly(
        "line 1: field turns[0].text: half of a surrogate pair (a character cut in two) is not text; read as U+FFFD",
        "line 2: field title: half of a surrogate pair (a character cut in two) is not text; read as U+FFFD");
  }

  @Test
  void mediaSumRecordsSayWhichUtteranceHeldIt() throws IOException {
    Path file = dir.resolve("cut.json");
    Files.writeString(file, "[{\"id\": \"NPR-1\", \"title\": \"Steppe\", \"utt\": [\"Across the steppe.\","
        + " \"Caravans of camels \\ud83d\"], \"speaker\": [\"ROBERT SIEGEL, host\", \"SERGEY LAVROV\"]}]",
        StandardCharsets.UTF_8);

    new MediaSumReader().read(file, sink);

    assertThat(bad).isEmpty();
    assertThat(read).singleElement().satisfies(t -> assertThat(t.turns().get(1).text()).isEqualTo("Caravans of camels \uFFFD"));
    assertThat(warnings).containsExactly(
        "record 1 (id NPR-1): field utt[1]: half of a surrogate pair (a character cut in two) is not text; read as U+FFFD");
  }
}
