package org.transcriptsearch.query;

/**
 * A query that cannot be read, with where and why in plain words: "the quote at character 8 is never closed".
 * Always the typist's mistake, never a bug.
 */
public final class QuerySyntaxException extends RuntimeException {
  private final int position;

  /** A mistake at {@code position} (1 for the first character; 0 when it concerns the whole query). */
  public QuerySyntaxException(int position, String message) {
    super(message);
    this.position = position;
  }

  /** Where the mistake is: 1 for the first character, 0 for the whole query. */
  public int position() {
    return position;
  }
}
