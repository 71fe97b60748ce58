package org.transcriptsearch.http;

/** A request body of a media type the endpoint does not read; answered 415 with the types it does. */
final class UnsupportedBodyException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UnsupportedBodyException(String message) {
    super(message);
  }
}
