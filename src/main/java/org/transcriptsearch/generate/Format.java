package org.transcriptsearch.generate;

import java.io.IOException;
import java.nio.file.Path;

/** The output formats of the corpus generator. */
public enum Format {
  /** NPR transcript pages, one file per transcript. */
  PAGE,
  /** The canonical JSON lines, one transcript per line. */
  JSONL,
  /** One MediaSum-shaped JSON array. */
  MEDIASUM;

  /** A writer of this format into folder {@code dir}; {@code seed} draws the look of pages. */
  public CorpusWriter writer(Path dir, long seed) throws IOException {
    return switch (this) {
      case PAGE -> new PageWriter(dir, seed);
      case JSONL -> new JsonlWriter(dir);
      case MEDIASUM -> new MediaSumWriter(dir);
    };
  }
}
