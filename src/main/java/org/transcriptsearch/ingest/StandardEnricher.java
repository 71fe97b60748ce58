package org.transcriptsearch.ingest;

import java.util.List;
import org.transcriptsearch.model.Transcript;
import org.transcriptsearch.speakers.TranscriptSpeakers;
import org.transcriptsearch.topics.TopicTagger;

/**
 * Resolves surname-only speakers within the transcript and adds topics: a transcript's main topics (kept when the
 * input already names them, as a hand-corrected canonical record may), and for each turn what it mentions plus
 * those main topics.
 */
public final class StandardEnricher implements Enricher {
  private final TopicTagger tagger;

  /** Enriches with the topics {@code tagger} finds. */
  public StandardEnricher(TopicTagger tagger) {
    this.tagger = tagger;
  }

  @Override
  public Transcript enrich(Transcript transcript) {
    Transcript resolved = TranscriptSpeakers.resolveSurnames(transcript);
    return resolved.topics().isEmpty() ? tagger.withTopics(resolved) : resolved;
  }

  @Override
  public List<List<String>> turnTopics(Transcript transcript) {
    return tagger.utteranceTopics(transcript);
  }
}
