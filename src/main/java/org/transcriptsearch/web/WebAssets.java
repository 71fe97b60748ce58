package org.transcriptsearch.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The web page and the embeddable widget, read once from the jar. The page's scripts and styles are static
 * files under {@link #ASSETS_PATH} on the classpath.
 */
public final class WebAssets {
  /** Where the page's scripts and styles live on the classpath. */
  public static final String ASSETS_PATH = "/org/transcriptsearch/web/assets";

  /** The URL path they are served under. */
  public static final String ASSETS_URL = "/assets";

  /**
   * The page's Content-Security-Policy: everything from this origin only, no inline script, no plugins, and no
   * framing by other sites.
   */
  public static final String PAGE_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
          + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

  private final byte[] page;
  private final byte[] widget;

  /** Reads the page and the widget from the classpath. */
  public WebAssets() {
    this.page = resource("index.html");
    this.widget = resource("widget.js");
  }

  /** The search page (HTML, UTF-8). */
  public byte[] page() {
    return page.clone();
  }

  /** The widget script (JavaScript, UTF-8). */
  public byte[] widget() {
    return widget.clone();
  }

  private static byte[] resource(String name) {
    try (InputStream in = WebAssets.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
