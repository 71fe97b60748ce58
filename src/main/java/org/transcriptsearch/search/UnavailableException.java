package org.transcriptsearch.search;

import java.io.IOException;

/**
 * Part of the store cannot answer at the moment (a SolrCloud shard with no live replica) and the request's answer
 * without it would be wrong rather than smaller (a page after a cursor, one utterance by id, an export of every hit).
 * The server is not at fault and the request is sound: the same request succeeds once the shard is back.
 */
public class UnavailableException extends IOException {
  private static final long serialVersionUID = 1L;

  /** @param message what cannot answer, and why the request needs it */
  public UnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
