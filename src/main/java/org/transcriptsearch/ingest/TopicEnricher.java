package org.transcriptsearch.ingest;

import java.util.List;
import org.transcriptsearch.model.Transcript;
import org.transcriptsearch.topics.TopicTagger;

/**
 * Adds topics: a transcript's main topics (kept when the input already names them, as a hand-corrected canonical
 * record may), and for each turn what it mentions plus those main topics.
 */
public final class TopicEnricher implements Enricher {
  private final TopicTagger tagger;

  /** Enriches with the topics {@code tagger} finds. */
  public TopicEnricher(TopicTagger tagger) {
    this.tagger = tagger;
  }

  @Override
  public Transcript enrich(Transcript transcript) {
    return transcript.topics().isEmpty() ? tagger.withTopics(transcript) : transcript;
  }

  @Override
  public List<List<String>> turnTopics(Transcript transcript) {
    return tagger.utteranceTopics(transcript);
  }
}
