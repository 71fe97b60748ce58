package org.transcriptsearch.ingest;

import java.util.List;
import org.transcriptsearch.model.Transcript;

/** What ingest adds to a transcript once it is read: main topics, speaker names resolved, and turn topics. */
public interface Enricher {
  /** The transcript with its main topics (and anything else known across transcripts) filled in. */
  Transcript enrich(Transcript transcript);

  /** The topics of each turn of an enriched transcript: what it mentions plus the transcript's main topics. */
  List<List<String>> turnTopics(Transcript transcript);
}
