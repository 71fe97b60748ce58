package org.transcriptsearch.search;

/** A search ran past its time limit and was stopped; the service is fine, the query was too costly. */
public class SearchTimeoutException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** @param message what was stopped and after how long */
  public SearchTimeoutException(String message) {
    super(message);
  }
}
