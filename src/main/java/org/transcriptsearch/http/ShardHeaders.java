package org.transcriptsearch.http;

import io.javalin.http.Context;
import org.transcriptsearch.search.Results;

/**
 * The headers that say an answer without a JSON object to carry {@code shards} (an export's rows, the list of name
 * suggestions) comes from fewer shards of a SolrCloud collection than it has: {@code X-Shards-Asked} and
 * {@code X-Shards-Answered}, the two numbers of the {@code shards} field of the other answers.
 */
final class ShardHeaders {
  static final String ASKED = "X-Shards-Asked";
  static final String ANSWERED = "X-Shards-Answered";

  private ShardHeaders() {}

  /** Sets the headers of {@code shards} on {@code ctx}; none when null (every shard answered). */
  static void set(Context ctx, Results.Shards shards) {
    if (shards != null) {
      ctx.header(ASKED, Integer.toString(shards.asked()));
      ctx.header(ANSWERED, Integer.toString(shards.answered()));
    }
  }
}
