package org.transcriptsearch.solr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexableField;
import org.apache.solr.common.SolrInputDocument;
import org.junit.jupiter.api.Test;
import org.transcriptsearch.index.Schema;
import org.transcriptsearch.index.SchemaField;
import org.transcriptsearch.index.UtteranceDocuments;
import org.transcriptsearch.model.Attribution;
import org.transcriptsearch.model.Role;
import org.transcriptsearch.model.Speaker;
import org.transcriptsearch.model.Transcript;
import org.transcriptsearch.model.Turn;

/** The Solr mapping against the embedded one: the same values in every field of the schema. */
class SolrDocumentsTest {
  private final Schema schema = new Schema();

  @Test
  void everyFieldHoldsWhatTheEmbeddedDocumentHolds() throws Exception {
    Transcript transcript = transcript();
    List<List<String>> topics = List.of(List.of("Crimea", "Ukraine"), List.of());
    List<Document> lucene = new UtteranceDocuments(schema).of(transcript, topics);
    List<SolrInputDocument> solr = new SolrDocuments(schema).of(transcript, topics);
    assertThat(solr).hasSameSizeAs(lucene);
    for (int i = 0; i < lucene.size(); i++) {
      assertThat(values(solr.get(i))).as("turn " + (i + 1)).isEqualTo(values(lucene.get(i)));
      // The ranking feature is the store's own (a Lucene feature field there, a RankField here), with one value.
      assertThat(solr.get(i).getFieldValue(Schema.Ranking.WORDS)).as("turn " + (i + 1))
          .isEqualTo(UtteranceDocuments.rankedWords(transcript.turns().get(i).text()));
    }
  }

  @Test
  void theSpeakerAsResolvedComesFirstThenTheListedSpellings() {
    SolrInputDocument doc = new SolrDocuments(schema).of(transcript(), List.of(List.of(), List.of())).getFirst();
    assertThat(doc.getFieldValues(Schema.SPEAKER)).first().isEqualTo("Sergei Lavrov");
    assertThat(doc.getFieldValues(Schema.SPEAKER)).contains("Sergey Lavrov");
    assertThat(doc.getFieldValue(Schema.ID)).isEqualTo("ep1-1");
    assertThat(doc.getFieldValue(Schema.DATE)).isEqualTo(java.time.LocalDate.of(2015, 2, 7).toEpochDay());
  }

  /** Each schema field's values as text, from the Lucene document's stored, indexed and doc-values fields. */
  private static Map<String, Set<String>> values(Document doc) {
    Map<String, Set<String>> values = new TreeMap<>();
    for (IndexableField field : doc.getFields()) {
      if (!isSchemaField(field.name()) || field.fieldType().pointDimensionCount() > 0) {
        continue; // facet bookkeeping, or a point's packed bytes (the same value is stored beside it)
      }
      String value =
          field.stringValue() != null
              ? field.stringValue()
              : field.numericValue() != null ? field.numericValue().toString() : field.binaryValue().utf8ToString();
      values.computeIfAbsent(field.name(), k -> new TreeSet<>()).add(value);
    }
    return values;
  }

  private static Map<String, Set<String>> values(SolrInputDocument doc) {
    Map<String, Set<String>> values = new TreeMap<>();
    for (String name : doc.getFieldNames()) {
      if (!isSchemaField(name)) {
        continue; // the ranking feature, compared on its own
      }
      Set<String> set = new TreeSet<>();
      doc.getFieldValues(name).forEach(v -> set.add(v.toString()));
      values.put(name, set);
    }
    return values;
  }

  private static boolean isSchemaField(String name) {
    return Schema.FIELDS.stream().map(SchemaField::name).anyMatch(name::equals);
  }

  private static Transcript transcript() {
    Speaker lavrov = new Speaker("Sergei Lavrov", "SERGEI LAVROV", Role.GUEST, "Foreign Minister", "Russia");
    Speaker host = new Speaker("Steve Inskeep", "STEVE INSKEEP, HOST", Role.HOST, null, null);
    List<Turn> turns =
        List.of(
            new Turn(1, lavrov, "Crimea is ours.", Attribution.LABELLED, List.of("(APPLAUSE)")),
            new Turn(2, host, "Thank you.", Attribution.CONTINUATION, new ArrayList<>()));
    return new Transcript(
        "ep1", "Talks in Munich", "Morning Edition", java.time.LocalDate.of(2015, 2, 7), null, "npr.org",
        List.of("Ukraine"), turns);
  }
}
