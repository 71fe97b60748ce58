package org.transcriptsearch.search;

/** No utterance or episode has the id asked for. */
public class NotFoundException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** @param message what was not found */
  public NotFoundException(String message) {
    super(message);
  }
}
