package org.transcriptsearch.http;

/** Who may use a route. */
public enum Access {
  /** Everyone: the page, the widget, the API description and the health check. */
  OPEN,
  /** Everyone, unless the server was given API keys; then holders of a key (or of the admin token). */
  READ,
  /** Holders of the admin token only; nobody when the server has none. */
  ADMIN
}
