package org.transcriptsearch.cli;

import java.io.PrintWriter;
import org.transcriptsearch.search.Results;

/**
 * The line a read command prints on standard error when its answer comes from fewer shards of a SolrCloud collection
 * than it has (every replica of the others down), so that a smaller answer is never taken for the whole.
 */
final class ShardsWarning {
  private ShardsWarning() {}

  /**
   * Prints the warning for {@code shards} (nothing when null: every shard answered), saying what {@code leftOut}
   * names ("the hits and counts") leaves out.
   */
  static void print(PrintWriter err, Results.Shards shards, String leftOut) {
    if (shards == null) {
      return;
    }
    err.printf("warning: answered by %d of %d shards (every replica of the others is down): %s leave their"
        + " utterances out%n", shards.answered(), shards.asked(), leftOut);
    err.flush();
  }
}
