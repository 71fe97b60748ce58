package org.transcriptsearch.http;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
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

  /**
   * Adds the CORS headers for the request's origin and answers a preflight request in full. Returns true when
   * the request was a preflight and is therefore answered.
   */
  boolean apply(Context ctx) {
    String origin = ctx.header("Origin");
    ctx.header("Vary", "Origin");
    boolean allowed = allows(origin);
    if (allowed) {
      ctx.header("Access-Control-Allow-Origin", origin);
    }
    if (ctx.method() != HandlerType.OPTIONS || ctx.header("Access-Control-Request-Method") == null) {
      return false;
    }
    if (allowed) {
      ctx.header("Access-Control-Allow-Methods", "GET, HEAD");
      // The widget may send an API key when the server requires one for reads.
      ctx.header("Access-Control-Allow-Headers", ALLOWED_HEADERS);
      ctx.header("Access-Control-Max-Age", Integer.toString(PREFLIGHT_MAX_AGE));
      ctx.status(HttpStatus.NO_CONTENT);
    } else {
      ctx.status(HttpStatus.FORBIDDEN).json(new ApiError(403, "Forbidden", "origin not allowed: " + origin));
    }
    return true;
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
