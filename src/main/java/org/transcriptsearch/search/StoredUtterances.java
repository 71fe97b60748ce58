package org.transcriptsearch.search;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexableField;
import org.transcriptsearch.index.Schema;
import org.transcriptsearch.search.Results.EpisodeRef;
import org.transcriptsearch.search.Results.SpeakerRef;
import org.transcriptsearch.search.Results.SpeakerView;
import org.transcriptsearch.search.Results.Utterance;

/** Reads the stored fields of an utterance document back into result values. */
final class StoredUtterances {
  private StoredUtterances() {}

  static String text(Document doc) {
    return doc.get(Schema.TEXT);
  }

  static int turn(Document doc) {
    return doc.getField(Schema.TURN).numericValue().intValue();
  }

  static EpisodeRef episode(Document doc) {
    return new EpisodeRef(
        doc.get(Schema.EPISODE_ID), doc.get(Schema.TITLE), doc.get(Schema.PROGRAM), date(doc), doc.get(Schema.URL));
  }

  /** Who said it, under the speaker's display name across the index. */
  static SpeakerRef speakerRef(Document doc, String name) {
    return new SpeakerRef(name, doc.get(Schema.ROLE), doc.get(Schema.SPEAKER_TITLE));
  }

  /** Who said it, under the speaker's display name, with the label as printed. */
  static SpeakerView speaker(Document doc, String name) {
    return new SpeakerView(
        name,
        doc.get(Schema.SPEAKER_LABEL),
        doc.get(Schema.ROLE),
        doc.get(Schema.SPEAKER_TITLE),
        doc.get(Schema.SPEAKER_AFFILIATION));
  }

  /** The newsroom citation of the utterance, with the speaker under {@code name}. */
  static String citation(Document doc, String name) {
    return Citations.of(
        name,
        doc.get(Schema.ROLE),
        doc.get(Schema.SPEAKER_TITLE),
        doc.get(Schema.SPEAKER_AFFILIATION),
        doc.get(Schema.PROGRAM),
        date(doc));
  }

  /** The page address of the utterance's turn in its transcript. */
  static String permalink(Document doc) {
    return Citations.permalink(doc.get(Schema.EPISODE_ID), turn(doc));
  }

  static List<String> topics(Document doc) {
    return Arrays.asList(doc.getValues(Schema.TOPIC));
  }

  static List<String> episodeTopics(Document doc) {
    return Arrays.asList(doc.getValues(Schema.EPISODE_TOPICS));
  }

  static Utterance utterance(Document doc, String speakerName) {
    return new Utterance(
        doc.get(Schema.ID),
        doc.get(Schema.EPISODE_ID),
        turn(doc),
        speaker(doc, speakerName),
        doc.get(Schema.ATTRIBUTION),
        text(doc),
        Arrays.asList(doc.getValues(Schema.CUES)),
        topics(doc));
  }

  static LocalDate date(Document doc) {
    IndexableField field = doc.getField(Schema.DATE);
    return field == null ? null : LocalDate.ofEpochDay(field.numericValue().longValue());
  }
}
