package org.transcriptsearch.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.transcriptsearch.index.Schema;
import org.transcriptsearch.ingest.Enricher;
import org.transcriptsearch.ingest.Pipeline;
import org.transcriptsearch.model.Transcript;
import org.transcriptsearch.model.TranscriptIds;
import org.transcriptsearch.model.Turn;

/**
 * Before any timing: enriches the corpus with the product's own pipeline and writes one Solr document per
 * utterance, with the values UtteranceDocuments gives Lucene, field for field (see src/bench/solr/home).
 */
final class SolrDocs {
  private SolrDocs() {}

  public static void main(String[] args) throws IOException {
    Path jsonl = Path.of(args[0]);
    Path out = Path.of(args[1]);
    Pipeline pipeline = Pipeline.standard();
    Schema schema = pipeline.schema();
    Enricher enricher = pipeline.enricher();
    long[] count = new long[1];
    try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      Corpus.each(
          jsonl,
          read -> {
            Enricher.Enriched e = enricher.enrich(read);
            List<Turn> turns = e.transcript().turns();
            try {
              for (int i = 0; i < turns.size(); i++) {
                w.write(Results.JSON.writeValueAsString(doc(schema, e.transcript(), turns.get(i), e.turnTopics().get(i))));
                w.write('\n');
                count[0]++;
              }
            } catch (IOException x) {
              throw new UncheckedIOException(x);
            }
          });
    }
    System.out.printf("solr-docs: %d documents in %s%n", count[0], out);
  }

  static ObjectNode doc(Schema schema, Transcript t, Turn turn, List<String> topics) {
    ObjectNode d = Results.node();
    d.put("id", TranscriptIds.utterance(t.id(), turn.n()));
    d.put("episode_id", t.id());
    d.put("turn", turn.n());
    var speaker = turn.speaker();
    String key = schema.aliases().canonicalKey(speaker.name());
    ArrayNode names = d.putArray("speaker").add(speaker.name());
    schema.aliases().spellings(key).forEach(names::add);
    d.put("speaker_name", speaker.name());
    d.put("speaker_key", key);
    d.put("speaker_form", key + Schema.FORM_SEPARATOR + speaker.name());
    d.put("role", speaker.role().code());
    d.put("attribution", turn.attribution().code());
    putIfPresent(d, "speaker_label", speaker.label());
    putIfPresent(d, "speaker_title", speaker.title());
    putIfPresent(d, "speaker_affiliation", speaker.affiliation());
    putIfPresent(d, "program", t.program());
    if (t.date() != null) {
      d.put("date", t.date() + "T00:00:00Z");
    }
    putIfPresent(d, "title", t.title());
    putIfPresent(d, "source", t.source());
    putIfPresent(d, "url", t.url());
    if (!t.topics().isEmpty()) {
      t.topics().forEach(d.putArray("episode_topics")::add);
    }
    d.put("text", turn.text());
    if (!turn.cues().isEmpty()) {
      turn.cues().forEach(d.putArray("cue")::add);
    }
    if (!topics.isEmpty()) {
      topics.forEach(d.putArray("topic")::add);
    }
    return d;
  }

  private static void putIfPresent(ObjectNode d, String field, String value) {
    if (value != null) {
      d.put(field, value);
    }
  }
}
