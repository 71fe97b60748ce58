package org.transcriptsearch.search;

import java.io.IOException;
import org.apache.lucene.index.IndexReader;

/**
 * Where "did you mean" looks up how words and names are spelled in a store: the embedded index itself, or a store's
 * terms read into a small reader. Lucene's spell checker runs over what {@link #near} gives, so any store that gives
 * the same terms with the same document frequencies gets the same suggestions.
 */
public interface Spellings {
  /**
   * A reader holding, in {@code field} ({@code text_surface} or {@code speaker}), the term {@code folded} if the
   * store has it and every term the spell checker could offer for it (the same first letter, at most two edits
   * away), each with its document frequency in the whole store.
   */
  IndexReader near(String field, String folded) throws IOException;

  /** The display name of the most frequent speaker {@code typed} names as a filter would, or null. */
  String speakerNamed(String typed) throws IOException;

  /** True when no speaker of the store is named by {@code typed} as a filter reads it. */
  boolean speakerMissing(String typed) throws IOException;
}
