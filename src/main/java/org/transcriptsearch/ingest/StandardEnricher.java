package org.transcriptsearch.ingest;

import org.transcriptsearch.model.LabelText;
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
  public Enriched enrich(Transcript transcript) {
    // Labels first lose invisible formatting (direction overrides, zero-width spaces), so what is shown is what is matched.
    TopicTagger.Tagged tagged = tagger.tag(TranscriptSpeakers.resolveSurnames(LabelText.clean(transcript)));
    return new Enriched(tagged.transcript(), tagged.turnTopics());
  }
}
