package org.transcriptsearch.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transcriptsearch.ingest.JsonlReader;
import org.transcriptsearch.ingest.MediaSumReader;
import org.transcriptsearch.ingest.TranscriptReader;
import org.transcriptsearch.model.Role;
import org.transcriptsearch.model.Transcript;
import org.transcriptsearch.model.Turn;
import org.transcriptsearch.reader.BadInputException;

/** The project's own readers take generated corpora whole: benchmarks ingest what the generator writes. */
class IngestCompatibilityTest {
  private final List<Transcript> generated = CorpusGeneratorTest.take(new CorpusGenerator(77), 150);

  @Test
  void theJsonlReaderReadsBackEveryGeneratedTranscript(@TempDir Path dir) throws IOException {
    write(new JsonlWriter(dir));
    Collected read = read(new JsonlReader(), dir.resolve(JsonlWriter.FILE_NAME));
    assertThat(read.bad).isEmpty();
    assertThat(read.transcripts).isEqualTo(generated);
  }

  @Test
  void theMediaSumReaderReadsEveryRecordWithItsSpeakersAndUtterances(@TempDir Path dir) throws IOException {
    write(new MediaSumWriter(dir));
    Collected read = read(new MediaSumReader(), dir.resolve(MediaSumWriter.FILE_NAME));
    assertThat(read.bad).isEmpty();
    assertThat(read.transcripts).hasSize(generated.size());
    for (int i = 0; i < generated.size(); i++) {
      List<Turn> want = generated.get(i).turns();
      List<Turn> got = read.transcripts.get(i).turns();
      assertThat(got).hasSameSizeAs(want);
      for (int n = 0; n < want.size(); n++) {
        assertThat(got.get(n).text()).isEqualTo(want.get(n).text().replace("\n\n", " "));
        if (want.get(n).speaker().role() != Role.UNIDENTIFIED) {
          assertThat(got.get(n).speaker().name()).isEqualToIgnoringCase(want.get(n).speaker().name());
          assertThat(got.get(n).speaker().role()).isEqualTo(want.get(n).speaker().role());
        }
      }
    }
  }

  private void write(CorpusWriter writer) throws IOException {
    try (writer) {
      for (int i = 0; i < generated.size(); i++) {
        writer.write(i, generated.get(i));
      }
    }
  }

  private record Collected(List<Transcript> transcripts, List<BadInputException> bad) {}

  private static Collected read(TranscriptReader reader, Path file) throws IOException {
    Collected c = new Collected(new ArrayList<>(), new ArrayList<>());
    reader.read(file, new TranscriptReader.Sink() {
      @Override
      public void transcript(Transcript transcript) {
        c.transcripts.add(transcript);
      }

      @Override
      public void bad(BadInputException problem) {
        c.bad.add(problem);
      }
    });
    return c;
  }
}
