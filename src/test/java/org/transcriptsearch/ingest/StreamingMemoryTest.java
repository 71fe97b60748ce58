package org.transcriptsearch.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.transcriptsearch.model.Json;
import org.transcriptsearch.model.Transcript;
import org.transcriptsearch.reader.BadInputException;

/**
 * The dataset readers stream: 200,000 generated utterances (a file several times the bound) read with the heap
 * retained during the read staying under 64 MB. Retained heap is sampled after a full GC while records are being
 * given out, which is when a reader that loaded the whole file would hold it.
 *
 * <p>About 25 s, so not part of the default run: {@code mvn -q -B test -Dtest=StreamingMemoryTest -Dscale=true}.
 */
@EnabledIfSystemProperty(named = "scale", matches = "true")
class StreamingMemoryTest {
  private static final int TRANSCRIPTS = 2_000;
  private static final int TURNS = 100;
  private static final long BOUND = 64L << 20;
  private static final String SENTENCE =
      "The committee heard testimony about the budget, the reactor, the ceasefire and the harvest all day long. ";

  @TempDir Path dir;

  @Test
  void mediaSumReadsInFlatMemory() throws Exception {
    Path file = dir.resolve("news_dialogue.json");
    writeMediaSum(file);
    HeapSampler sink = new HeapSampler();
    new MediaSumReader().read(file, sink);
    report("MediaSum", file, sink);
    assertThat(sink.utterances).isEqualTo((long) TRANSCRIPTS * TURNS);
    assertThat(sink.peak - sink.baseline).isLessThan(BOUND);
  }

  @Test
  void interviewReadsInFlatMemory() throws Exception {
    Path episodes = dir.resolve("episodes.csv");
    Path utterances = dir.resolve("utterances.csv");
    writeInterview(episodes, utterances);
    HeapSampler sink = new HeapSampler();
    new InterviewReader().read(List.of(episodes, utterances), sink);
    report("Interview", utterances, sink);
    assertThat(sink.problems).isZero();
    assertThat(sink.utterances).isEqualTo((long) TRANSCRIPTS * TURNS);
    assertThat(sink.peak - sink.baseline).isLessThan(BOUND);
  }

  private static void report(String what, Path file, HeapSampler sink) throws IOException {
    System.out.printf(
        "%s: %,d transcripts, %,d utterances from %,d MB; heap retained before %,d MB, peak during %,d MB,"
            + " after %,d MB (bound %,d MB)%n",
        what, sink.transcripts, sink.utterances, Files.size(file) >> 20, sink.baseline >> 20, sink.peak >> 20,
        HeapSampler.used() >> 20, BOUND >> 20);
  }

  private static void writeMediaSum(Path file) throws IOException {
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        JsonGenerator json = Json.mapper().getFactory().createGenerator(out)) {
      json.writeStartArray();
      for (int t = 0; t < TRANSCRIPTS; t++) {
        json.writeStartObject();
        json.writeStringField("id", "NPR-" + t);
        json.writeStringField("program", "MORNING EDITION");
        json.writeStringField("date", "2010-01-01");
        json.writeStringField("title", "Story " + t);
        json.writeArrayFieldStart("utt");
        for (int u = 0; u < TURNS; u++) {
          json.writeString(u + ". " + SENTENCE.repeat(3));
        }
        json.writeEndArray();
        json.writeArrayFieldStart("speaker");
        for (int u = 0; u < TURNS; u++) {
          json.writeString(u % 2 == 0 ? "STEVE INSKEEP, host" : "Professor SUSAN DUDLEY (Biology, McMaster University)");
        }
        json.writeEndArray();
        json.writeEndObject();
      }
      json.writeEndArray();
    }
  }

  /** Episodes in order; each episode's rows together but in reverse turn order, as the reader must sort them. */
  private static void writeInterview(Path episodes, Path utterances) throws IOException {
    try (BufferedWriter e = Files.newBufferedWriter(episodes, StandardCharsets.UTF_8);
        BufferedWriter u = Files.newBufferedWriter(utterances, StandardCharsets.UTF_8)) {
      e.write("id,program,title,episode_date\n");
      u.write("episode,episode_order,speaker,utterance\n");
      for (int t = 0; t < TRANSCRIPTS; t++) {
        e.write(t + ",Morning Edition,\"Story " + t + ", part one\",2010-01-01\n");
        for (int n = TURNS; n >= 1; n--) {
          String speaker = n % 2 == 0 ? "\"STEVE INSKEEP, HOST\"" : "SUSAN DUDLEY";
          u.write(t + "," + n + "," + speaker + ",\"" + n + ". " + SENTENCE.repeat(3) + "\"\n");
        }
      }
    }
  }

  /** Counts what it is given and samples the retained heap every 200 transcripts. */
  private static final class HeapSampler implements TranscriptReader.Sink {
    final long baseline = used();
    long peak = baseline;
    long transcripts;
    long utterances;
    long problems;

    static long used() {
      System.gc();
      Runtime rt = Runtime.getRuntime();
      return rt.totalMemory() - rt.freeMemory();
    }

    @Override
    public void transcript(Transcript transcript) {
      transcripts++;
      utterances += transcript.turns().size();
      if (transcripts % 200 == 0) {
        peak = Math.max(peak, used());
      }
    }

    @Override
    public void bad(BadInputException problem) {
      problems++;
    }
  }
}
