package org.transcriptsearch.generate;

import java.io.Closeable;
import java.io.IOException;
import org.transcriptsearch.model.Transcript;

/** Writes generated transcripts in one output format. Close it to finish the output. */
public interface CorpusWriter extends Closeable {
  /**
   * Writes one transcript.
   *
   * @param index the transcript's position in the corpus, from 0; names files and MediaSum ids
   */
  void write(int index, Transcript transcript) throws IOException;

  /** How many files this writer has created so far. */
  int files();
}
