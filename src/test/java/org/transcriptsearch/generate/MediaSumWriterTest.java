package org.transcriptsearch.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.StringWriter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.transcriptsearch.model.Json;
import org.transcriptsearch.model.Role;
import org.transcriptsearch.model.Speaker;
import org.transcriptsearch.model.Transcript;

class MediaSumWriterTest {
  @Test
  void writesOneArrayOfMediaSumObjectsWithParallelUtterancesAndSpeakers() throws Exception {
    List<Transcript> transcripts = CorpusGeneratorTest.take(new CorpusGenerator(21), 200);
    JsonNode array = Json.mapper().readTree(mediaSum(transcripts));
    assertThat(array.isArray()).isTrue();
    assertThat(array).hasSize(200);
    Set<String> speakers = new HashSet<>();
    for (int i = 0; i < array.size(); i++) {
      JsonNode record = array.get(i);
      Transcript t = transcripts.get(i);
      assertThat(record.fieldNames()).toIterable()
          .containsExactly("id", "program", "date", "url", "title", "summary", "utt", "speaker");
      assertThat(record.get("id").asText()).isEqualTo("NPR-" + (i + 1));
      assertThat(record.get("date").asText()).isEqualTo(t.date().toString());
      assertThat(record.get("title").asText()).isEqualTo(t.title());
      assertThat(record.get("summary").asText()).isNotBlank();
      assertThat(record.get("utt")).hasSize(t.turns().size());
      assertThat(record.get("speaker")).hasSize(record.get("utt").size());
      assertThat(record.get("utt").get(0).asText()).isEqualTo(t.turns().get(0).text().replace("\n\n", " "));
      record.get("speaker").forEach(s -> speakers.add(s.asText()));
    }
    assertThat(speakers).anyMatch(s -> s.endsWith(", host")).anyMatch(s -> s.endsWith(", byline"))
        .anyMatch(s -> s.equals("Unidentified Male") || s.equals("Unidentified Female"));
  }

  @Test
  void speakerStringsReadLikeMediaSum() {
    assertThat(MediaSumWriter.speakerString(new Speaker("Madeleine Brand", null, Role.HOST, null, null)))
        .isEqualTo("MADELEINE BRAND, host");
    assertThat(MediaSumWriter.speakerString(new Speaker("Unidentified Man #2", null, Role.UNIDENTIFIED, null, null)))
        .isEqualTo("Unidentified Male");
    assertThat(MediaSumWriter.speakerString(
            new Speaker("Susan Dudley", null, Role.GUEST, "Professor", "Biology, McMaster University")))
        .isEqualTo("Professor SUSAN DUDLEY (Biology, McMaster University)");
    assertThat(MediaSumWriter.speakerString(new Speaker("John", null, Role.CALLER, null, null)))
        .isEqualTo("JOHN (Caller)");
  }

  @Test
  void anEmptyCorpusIsAnEmptyArray() throws Exception {
    assertThat(Json.mapper().readTree(mediaSum(List.of()))).isEmpty();
  }

  static String mediaSum(List<Transcript> transcripts) throws Exception {
    StringWriter out = new StringWriter();
    try (MediaSumWriter writer = new MediaSumWriter(out)) {
      for (int i = 0; i < transcripts.size(); i++) {
        writer.write(i, transcripts.get(i));
      }
    }
    return out.toString();
  }
}
