package org.transcriptsearch.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.transcriptsearch.model.Json;
import org.transcriptsearch.model.Transcript;

class JsonlWriterTest {
  @Test
  void eachLineReadsBackAsTheTranscriptWritten() throws Exception {
    List<Transcript> written = CorpusGeneratorTest.take(new CorpusGenerator(11), 100);
    String[] lines = jsonl(written).split("\n");
    assertThat(lines).hasSize(100);
    for (int i = 0; i < lines.length; i++) {
      assertThat(Json.mapper().readValue(lines[i], Transcript.class)).isEqualTo(written.get(i));
    }
  }

  @Test
  void linesAreTheRecordFieldsInOrder() throws Exception {
    String line = jsonl(CorpusGeneratorTest.take(new CorpusGenerator(12), 1)).strip();
    assertThat(line).startsWith("{\"id\":\"").contains("\"title\":", "\"program\":", "\"date\":\"", "\"url\":",
        "\"source\":", "\"topics\":[", "\"turns\":[{\"n\":1,\"speaker\":{\"name\":", "\"label\":", "\"role\":\"",
        "\"title\":", "\"affiliation\":", "\"text\":\"", "\"attribution\":\"", "\"cues\":[");
    assertThat(line.indexOf("\"id\"")).isLessThan(line.indexOf("\"title\""));
    assertThat(line.indexOf("\"topics\"")).isLessThan(line.indexOf("\"turns\""));
  }

  @Test
  void sameSeedWritesIdenticalText() throws Exception {
    String a = jsonl(CorpusGeneratorTest.take(new CorpusGenerator(13), 30));
    String b = jsonl(CorpusGeneratorTest.take(new CorpusGenerator(13), 30));
    assertThat(a).isEqualTo(b).endsWith("}\n");
  }

  static String jsonl(List<Transcript> transcripts) throws Exception {
    StringWriter out = new StringWriter();
    try (JsonlWriter writer = new JsonlWriter(out)) {
      for (int i = 0; i < transcripts.size(); i++) {
        writer.write(i, transcripts.get(i));
      }
    }
    return out.toString();
  }
}
