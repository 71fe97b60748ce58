package org.transcriptsearch.solr;

import java.util.ArrayList;
import java.util.List;
import org.apache.solr.common.SolrInputDocument;
import org.transcriptsearch.index.Schema;
import org.transcriptsearch.index.UtteranceDocuments;
import org.transcriptsearch.model.Transcript;
import org.transcriptsearch.model.TranscriptIds;
import org.transcriptsearch.model.Turn;

/**
 * Maps a transcript to its Solr documents as {@code index/UtteranceDocuments} maps it to Lucene documents: one per
 * utterance, episode metadata repeated on each, every field named by {@link Schema}. Solr fills the facet fields
 * itself (copyField). The speaker's key and spellings are still worked out here, as the embedded mapping does,
 * until enrichment hands both stores a complete record.
 */
public final class SolrDocuments {
  private final Schema schema;

  /** Maps with the speaker aliases of {@code schema}. */
  public SolrDocuments(Schema schema) {
    this.schema = schema;
  }

  /** The documents of every turn of {@code transcript}; {@code turnTopics} holds each turn's topics, in order. */
  public List<SolrInputDocument> of(Transcript transcript, List<List<String>> turnTopics) {
    List<Turn> turns = transcript.turns();
    if (turnTopics.size() != turns.size()) {
      throw new IllegalArgumentException(turns.size() + " turns but topics for " + turnTopics.size());
    }
    List<SolrInputDocument> docs = new ArrayList<>(turns.size());
    for (int i = 0; i < turns.size(); i++) {
      docs.add(document(transcript, turns.get(i), turnTopics.get(i)));
    }
    if (!docs.isEmpty()) {
      addMirrorRecord(docs.get(0), transcript);
    }
    return docs;
  }

  private SolrInputDocument document(Transcript t, Turn turn, List<String> topics) {
    SolrInputDocument doc = new SolrInputDocument();
    doc.addField(Schema.ID, TranscriptIds.utterance(t.id(), turn.n()));
    doc.addField(Schema.EPISODE_ID, t.id());
    doc.addField(Schema.TURN, turn.n());
    addSpeaker(doc, turn);
    addEpisode(doc, t);
    doc.addField(Schema.TEXT, turn.text());
    addIfPresent(doc, Schema.SOUNDBITE, TranscriptIds.soundbiteKey(turn.text()));
    doc.addField(Schema.TEXT_SURFACE, turn.text());
    doc.addField(Schema.SPOKEN_ORDER, UtteranceDocuments.spokenOrder(t.id(), turn.n()));
    doc.addField(Schema.Ranking.WORDS, UtteranceDocuments.rankedWords(turn.text())); // the RankField
    turn.cues().forEach(cue -> doc.addField(Schema.CUES, cue));
    topics.forEach(topic -> doc.addField(Schema.TOPIC, topic));
    return doc;
  }

  private void addSpeaker(SolrInputDocument doc, Turn turn) {
    var speaker = turn.speaker();
    String key = schema.aliases().canonicalKey(speaker.name());
    doc.addField(Schema.SPEAKER, speaker.name()); // first: the name as resolved, the one a hit shows
    schema.aliases().spellings(key).forEach(spelling -> doc.addField(Schema.SPEAKER, spelling));
    doc.addField(Schema.SPEAKER_KEY, key);
    doc.addField(Schema.SPEAKER_FORM, key + Schema.FORM_SEPARATOR + speaker.name());
    doc.addField(Schema.ROLE, speaker.role().code());
    doc.addField(Schema.ROLE_VALUE, speaker.role().code());
    doc.addField(Schema.ATTRIBUTION, turn.attribution().code());
    addIfPresent(doc, Schema.SPEAKER_LABEL, speaker.label());
    addIfPresent(doc, Schema.SPEAKER_TITLE, speaker.title());
    addIfPresent(doc, Schema.SPEAKER_AFFILIATION, speaker.affiliation());
  }

  private static void addEpisode(SolrInputDocument doc, Transcript t) {
    addIfPresent(doc, Schema.PROGRAM, t.program());
    addIfPresent(doc, Schema.PROGRAM_VALUE, t.program());
    if (t.date() != null) {
      doc.addField(Schema.DATE, t.date().toEpochDay());
    }
    addIfPresent(doc, Schema.TITLE, t.title());
    addIfPresent(doc, Schema.SOURCE, t.source());
    addIfPresent(doc, Schema.URL, t.url());
    t.topics().forEach(topic -> doc.addField(Schema.EPISODE_TOPICS, topic));
  }

  /** As the embedded index: on the first utterance, the band keys, signature and sources of the transcript. */
  private static void addMirrorRecord(SolrInputDocument doc, Transcript t) {
    var signature = org.transcriptsearch.dedup.SpeechSignature.of(t);
    signature.bandKeys().forEach(key -> doc.addField(Schema.MIRROR_BAND, key));
    doc.addField(Schema.MIRROR_SIGNATURE, java.util.Base64.getEncoder().encodeToString(signature.toBytes()));
    try {
      doc.addField(Schema.SOURCES, org.transcriptsearch.model.Json.mapper().writeValueAsString(t.sourcesOrSelf()));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("sources are plain values and always serialise", e);
    }
  }

  private static void addIfPresent(SolrInputDocument doc, String field, String value) {
    if (value != null) {
      doc.addField(field, value);
    }
  }
}
