package org.transcriptsearch.ingest;

import java.util.List;
import org.transcriptsearch.model.Transcript;

/** What ingest adds to a transcript once it is read: speaker names resolved, main topics, and turn topics. */
public interface Enricher {
  /** A transcript ready for the index, with the topics of each of its turns. */
  record Enriched(Transcript transcript, List<List<String>> turnTopics) {}

  /** Enriches {@code transcript}; thread-safe. */
  Enriched enrich(Transcript transcript);
}
