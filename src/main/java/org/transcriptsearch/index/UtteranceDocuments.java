package org.transcriptsearch.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.FeatureField;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.util.BytesRef;
import org.transcriptsearch.dedup.SpeechSignature;
import org.transcriptsearch.model.Json;
import org.transcriptsearch.model.Transcript;
import org.transcriptsearch.model.TranscriptIds;
import org.transcriptsearch.model.Turn;

/** Maps a transcript to its Lucene documents: one per utterance, episode metadata repeated on each. */
public final class UtteranceDocuments {
  /** Speech: positions for phrases, offsets in the postings so the unified highlighter needs no re-analysis. */
  private static final FieldType SPEECH = textType(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS, true);

  /** Names and titles: positions for phrases such as speaker:"michele kelemen". */
  private static final FieldType NAME = textType(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS, true);

  /** Further spellings of a name: matched, not stored (the stored value is the name as resolved). */
  private static final FieldType NAME_INDEXED = textType(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS, false);

  /** Words as spoken, for wildcards and spelling suggestions; indexed as names are, not stored. */
  private static final FieldType SURFACE = textType(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS, false);

  /** One-token keywords (program, topic, role): matching only, no scoring statistics needed. */
  private static final FieldType KEYWORD = textType(IndexOptions.DOCS, false);

  private final Schema schema;

  /** Maps with the analyzers and facet configuration of {@code schema}. */
  public UtteranceDocuments(Schema schema) {
    this.schema = schema;
  }

  /**
   * The documents of every turn of {@code transcript}, ready for {@code IndexWriter.updateDocuments}; {@code
   * turnTopics} holds the topics of each turn, in turn order.
   *
   * @throws IOException if the facet configuration rejects a value
   */
  public List<Document> of(Transcript transcript, List<List<String>> turnTopics) throws IOException {
    return of(transcript, turnTopics, SpeechSignature.of(transcript));
  }

  /**
   * As {@link #of(Transcript, List)}, with the speech signature already computed: the first utterance carries it,
   * its band keys and the transcript's sources, so later mirrors of the story find it in the index.
   */
  public List<Document> of(Transcript transcript, List<List<String>> turnTopics, SpeechSignature signature)
      throws IOException {
    List<Turn> turns = transcript.turns();
    if (turnTopics.size() != turns.size()) {
      throw new IllegalArgumentException(turns.size() + " turns but topics for " + turnTopics.size());
    }
    List<Document> docs = new ArrayList<>(turns.size());
    for (int i = 0; i < turns.size(); i++) {
      Document doc = document(transcript, turns.get(i), turnTopics.get(i));
      if (i == 0) {
        addMirrorRecord(doc, transcript, signature);
      }
      docs.add(schema.facetsConfig().build(doc));
    }
    return docs;
  }

  /** What finds and describes the copies of this story: on the first utterance only, once per transcript. */
  private static void addMirrorRecord(Document doc, Transcript t, SpeechSignature signature) {
    signature.bandKeys().forEach(key -> doc.add(new StringField(Schema.MIRROR_BAND, key, Field.Store.NO)));
    // Base64 text, not bytes: every store keeps a string field the same way.
    doc.add(new StoredField(Schema.MIRROR_SIGNATURE, java.util.Base64.getEncoder().encodeToString(signature.toBytes())));
    try {
      doc.add(new StoredField(Schema.SOURCES, Json.mapper().writeValueAsString(t.sourcesOrSelf())));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("sources are plain values and always serialise", e);
    }
  }

  private Document document(Transcript t, Turn turn, List<String> topics) {
    String id = TranscriptIds.utterance(t.id(), turn.n());
    Document doc = new Document();
    doc.add(new StringField(Schema.ID, id, Field.Store.YES));
    doc.add(new SortedDocValuesField(Schema.ID, new BytesRef(id)));
    doc.add(new StringField(Schema.EPISODE_ID, t.id(), Field.Store.YES));
    doc.add(new IntPoint(Schema.TURN, turn.n()));
    doc.add(new NumericDocValuesField(Schema.TURN, turn.n()));
    doc.add(new StoredField(Schema.TURN, turn.n()));
    addSpeaker(doc, turn);
    addEpisode(doc, t);
    doc.add(new Field(Schema.TEXT, turn.text(), SPEECH));
    String soundbite = TranscriptIds.soundbiteKey(turn.text());
    if (soundbite != null) {
      doc.add(new StringField(Schema.SOUNDBITE, soundbite, Field.Store.YES));
    }
    doc.add(new Field(Schema.TEXT_SURFACE, turn.text(), SURFACE));
    doc.add(new SortedDocValuesField(Schema.SPOKEN_ORDER, new BytesRef(spokenOrder(t.id(), turn.n()))));
    doc.add(new FeatureField(Schema.Ranking.FIELD, Schema.Ranking.WORDS, rankedWords(turn.text())));
    turn.cues().forEach(cue -> doc.add(new StoredField(Schema.CUES, cue)));
    for (String topic : topics) {
      doc.add(new Field(Schema.TOPIC, topic, KEYWORD));
      doc.add(new StoredField(Schema.TOPIC, topic));
      doc.add(new SortedSetDocValuesFacetField(Schema.FACET_TOPIC, topic));
    }
    return doc;
  }

  /** The value of the {@link Schema.Ranking#WORDS} feature of a turn of {@code text}; every store ranks by it. */
  public static int rankedWords(String text) {
    return Math.min(Schema.Ranking.SUBSTANTIVE_WORDS, Math.max(1, words(text)));
  }

  /** The sort key of spoken order; see {@link Schema#SPOKEN_ORDER}. */
  public static String spokenOrder(String episodeId, int turn) {
    if (turn < 0 || turn > 9_999_999) {
      return episodeId + '\u0000' + String.format(java.util.Locale.ROOT, "%07d", turn);
    }
    // "%07d" without String.format, which parsed its pattern again for every utterance (1.3% of an ingest's time)
    String digits = Integer.toString(turn);
    return episodeId + '\u0000' + "0000000".substring(digits.length()) + digits;
  }

  /** Words of a text, roughly: runs of letters or digits. */
  private static int words(String text) {
    int words = 0;
    boolean inWord = false;
    for (int i = 0; i < text.length(); i++) {
      boolean letter = Character.isLetterOrDigit(text.charAt(i));
      if (letter && !inWord) {
        words++;
      }
      inWord = letter;
    }
    return words;
  }

  private void addSpeaker(Document doc, Turn turn) {
    var speaker = turn.speaker();
    String key = schema.aliases().canonicalKey(speaker.name());
    doc.add(new Field(Schema.SPEAKER, speaker.name(), NAME));
    for (String spelling : schema.aliases().spellings(key)) {
      doc.add(new Field(Schema.SPEAKER, spelling, NAME_INDEXED));
    }
    doc.add(new StringField(Schema.SPEAKER_KEY, key, Field.Store.YES));
    doc.add(new SortedDocValuesField(Schema.SPEAKER_FORM, new BytesRef(key + Schema.FORM_SEPARATOR + speaker.name())));
    doc.add(new SortedSetDocValuesFacetField(Schema.FACET_SPEAKER, key));
    doc.add(new Field(Schema.ROLE, speaker.role().code(), KEYWORD));
    doc.add(new StoredField(Schema.ROLE, speaker.role().code()));
    doc.add(new SortedDocValuesField(Schema.ROLE_VALUE, new BytesRef(speaker.role().code())));
    doc.add(new SortedSetDocValuesFacetField(Schema.FACET_ROLE, speaker.role().code()));
    doc.add(new StoredField(Schema.ATTRIBUTION, turn.attribution().code()));
    storeIfPresent(doc, Schema.SPEAKER_LABEL, speaker.label());
    storeIfPresent(doc, Schema.SPEAKER_TITLE, speaker.title());
    storeIfPresent(doc, Schema.SPEAKER_AFFILIATION, speaker.affiliation());
  }

  private static void addEpisode(Document doc, Transcript t) {
    if (t.program() != null) {
      doc.add(new Field(Schema.PROGRAM, t.program(), KEYWORD));
      doc.add(new StoredField(Schema.PROGRAM, t.program()));
      doc.add(new SortedDocValuesField(Schema.PROGRAM_VALUE, new BytesRef(t.program())));
      doc.add(new SortedSetDocValuesFacetField(Schema.FACET_PROGRAM, t.program()));
    }
    if (t.date() != null) {
      long day = t.date().toEpochDay();
      doc.add(new LongPoint(Schema.DATE, day));
      doc.add(new NumericDocValuesField(Schema.DATE, day));
      doc.add(new StoredField(Schema.DATE, day));
    }
    if (t.title() != null) {
      doc.add(new Field(Schema.TITLE, t.title(), NAME));
    }
    storeIfPresent(doc, Schema.SOURCE, t.source());
    storeIfPresent(doc, Schema.URL, t.url());
    t.topics().forEach(topic -> doc.add(new StoredField(Schema.EPISODE_TOPICS, topic)));
  }

  private static void storeIfPresent(Document doc, String field, String value) {
    if (value != null) {
      doc.add(new StoredField(field, value));
    }
  }

  private static FieldType textType(IndexOptions options, boolean stored) {
    FieldType type = new FieldType();
    type.setIndexOptions(options);
    type.setTokenized(true);
    type.setStored(stored);
    type.setOmitNorms(options == IndexOptions.DOCS);
    type.freeze();
    return type;
  }
}
