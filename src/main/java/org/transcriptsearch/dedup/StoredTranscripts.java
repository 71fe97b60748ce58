package org.transcriptsearch.dedup;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.transcriptsearch.index.Schema;
import org.transcriptsearch.model.Attribution;
import org.transcriptsearch.model.Json;
import org.transcriptsearch.model.Role;
import org.transcriptsearch.model.Source;
import org.transcriptsearch.model.Speaker;
import org.transcriptsearch.model.Transcript;
import org.transcriptsearch.model.Turn;

/**
 * Reads an indexed transcript back from its stored fields exactly as it was written (enriched speakers, topics of
 * each turn, sources), so a mirror group indexed in an earlier run can be rewritten with one more source.
 */
public final class StoredTranscripts {
  private static final ObjectReader SOURCES = Json.mapper().readerForListOf(Source.class);

  private StoredTranscripts() {}

  /** An indexed transcript with the topics of each turn and its speech signature. */
  record Stored(Transcript transcript, List<List<String>> turnTopics, SpeechSignature signature) {}

  /** The transcript {@code episodeId} as indexed, or empty when the index has none. */
  static Optional<Stored> read(IndexSearcher searcher, String episodeId) throws IOException {
    TermQuery query = new TermQuery(new Term(Schema.EPISODE_ID, episodeId));
    int count = searcher.count(query);
    if (count == 0) {
      return Optional.empty();
    }
    ScoreDoc[] hits = searcher.search(query, count, new Sort(new SortField(Schema.TURN, SortField.Type.INT))).scoreDocs;
    StoredFields fields = searcher.storedFields();
    List<Turn> turns = new ArrayList<>(hits.length);
    List<List<String>> topics = new ArrayList<>(hits.length);
    Document first = null;
    for (ScoreDoc hit : hits) {
      Document doc = fields.document(hit.doc);
      first = first == null ? doc : first;
      turns.add(turn(doc));
      topics.add(List.of(doc.getValues(Schema.TOPIC)));
    }
    Transcript transcript =
        new Transcript(
            episodeId,
            first.get(Schema.TITLE),
            first.get(Schema.PROGRAM),
            date(first),
            first.get(Schema.URL),
            first.get(Schema.SOURCE),
            List.of(first.getValues(Schema.EPISODE_TOPICS)),
            turns,
            sources(first));
    SpeechSignature signature = signature(first);
    return Optional.of(
        new Stored(transcript, topics, signature != null ? signature : SpeechSignature.of(transcript)));
  }

  /** The speech signature stored on a transcript's first utterance, or null for one indexed without it. */
  static SpeechSignature signature(Document first) {
    String stored = first.get(Schema.MIRROR_SIGNATURE);
    if (stored == null) {
      return null;
    }
    byte[] bytes = java.util.Base64.getDecoder().decode(stored);
    return SpeechSignature.fromBytes(bytes, 0, bytes.length);
  }

  /** The sources stored on a transcript's first utterance; empty for one indexed without them. */
  public static List<Source> sources(Document first) {
    String json = first.get(Schema.SOURCES);
    if (json == null) {
      return List.of();
    }
    try {
      return SOURCES.readValue(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the stored sources of '" + first.get(Schema.EPISODE_ID) + "' are not JSON", e);
    }
  }

  private static Turn turn(Document doc) {
    Speaker speaker =
        new Speaker(
            doc.get(Schema.SPEAKER),
            doc.get(Schema.SPEAKER_LABEL),
            Role.of(doc.get(Schema.ROLE)),
            doc.get(Schema.SPEAKER_TITLE),
            doc.get(Schema.SPEAKER_AFFILIATION));
    return new Turn(
        doc.getField(Schema.TURN).numericValue().intValue(),
        speaker,
        doc.get(Schema.TEXT),
        Attribution.of(doc.get(Schema.ATTRIBUTION)),
        Arrays.asList(doc.getValues(Schema.CUES)));
  }

  private static LocalDate date(Document doc) {
    IndexableField field = doc.getField(Schema.DATE);
    return field == null ? null : LocalDate.ofEpochDay(field.numericValue().longValue());
  }
}
