package org.transcriptsearch.search;

/** The caller asked for something malformed or out of range: bad query syntax, a bad parameter or cursor. */
public class BadRequestException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** @param message what is wrong, for the caller to read */
  public BadRequestException(String message) {
    super(message);
  }

  /** @param message what is wrong, for the caller to read */
  public BadRequestException(String message, Throwable cause) {
    super(message, cause);
  }
}
