package org.transcriptsearch.http;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Set;

/**
 * Which other origins may call the API and use the widget. An allowed origin is echoed back exactly in
 * {@code Access-Control-Allow-Origin}; any other origin gets no CORS headers at all, so browsers block it. There
 * is no wildcard: an empty policy allows no cross-origin caller.
 */
public record CorsPolicy(Set<String> origins) {
  /** How long browsers may cache a preflight answer, in seconds. */
  static final int PREFLIGHT_MAX_AGE = 600;

  /** The request headers other origins may send: the key headers, so a widget can pass an API key. */
  static final String ALLOWED_HEADERS = "Content-Type, Authorization, X-Api-Key";

  /** The policy allowing no other origin. */
  public static final CorsPolicy NONE = new CorsPolicy(Set.of());

  /**
   * Validates each origin: a scheme, a host and an optional port, as browsers send it in {@code Origin}
   * ("https://intranet.example:8443"), with no path and no trailing slash.
   */
  public CorsPolicy {
    origins = Set.copyOf(origins);
    origins.forEach(CorsPolicy::checkOrigin);
  }

  /** Whether {@code origin} (the request's {@code Origin} header, may be null) is allowed. */
  public boolean allows(String origin) {
    return origin != null && origins.contains(origin);
  }

  /** Adds the CORS headers every answer to the request's origin carries. */
  void apply(Context ctx) {
    String origin = ctx.header("Origin");
    ctx.header("Vary", "Origin");
    if (allows(origin)) {
      ctx.header("Access-Control-Allow-Origin", origin);
    }
  }

  /**
   * Answers an OPTIONS request for a path taking the methods {@code allow}: a CORS preflight ({@code Origin} and
   * {@code Access-Control-Request-Method}) from an allowed origin is allowed to read (204), from another origin
   * refused (403); a plain OPTIONS is told the path's methods (204).
   */
  void options(Context ctx, String allow) {
    ctx.header("Allow", allow);
    String origin = ctx.header("Origin");
    if (origin == null || ctx.header("Access-Control-Request-Method") == null) {
      ctx.status(HttpStatus.NO_CONTENT);
    } else if (allows(origin)) {
      // Other origins may only read, whatever the path takes: writes need the admin token, never sent cross-origin.
      ctx.header("Access-Control-Allow-Methods", "GET, HEAD");
      // The widget may send an API key when the server requires one for reads.
      ctx.header("Access-Control-Allow-Headers", ALLOWED_HEADERS);
      ctx.header("Access-Control-Max-Age", Integer.toString(PREFLIGHT_MAX_AGE));
      ctx.status(HttpStatus.NO_CONTENT);
    } else {
      ctx.status(HttpStatus.FORBIDDEN).json(new ApiError(403, "Forbidden", "origin not allowed: " + origin));
    }
  }

  private static void checkOrigin(String origin) {
    try {
      URI uri = new URI(origin);
      boolean web = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
      boolean bare = uri.getRawPath() == null || uri.getRawPath().isEmpty();
      if (!web || uri.getHost() == null || !bare || uri.getRawQuery() != null || uri.getRawFragment() != null
          || uri.getRawUserInfo() != null) {
        throw new IllegalArgumentException(
            "not an origin: '" + origin + "'; write it as https://host or https://host:port, without a path");
      }
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not an origin: '" + origin + "': " + e.getMessage(), e);
    }
  }
}
