package org.transcriptsearch.http;

import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.UnauthorizedResponse;
import java.util.List;

/**
 * Checks a request's credentials against a route's {@link Access}. Tokens and keys are compared in constant time.
 * A refusal is thrown as an HTTP response exception: 403 when writing is not enabled at all, 401 when the
 * credential is missing or wrong.
 */
final class AccessControl {
  private static final String BEARER = "Bearer ";

  private final Secrets admin;
  private final Secrets readers;

  /** Access as {@code config} grants it. */
  AccessControl(ApiConfig config) {
    this.admin = new Secrets(config.adminToken() == null ? List.of() : List.of(config.adminToken()));
    this.readers = new Secrets(config.apiKeys());
  }

  /** Returns normally when the request may use a route of {@code access}; throws the refusal otherwise. */
  void check(Context ctx, Access access) {
    switch (access) {
      case OPEN -> {}
      case READ -> checkRead(ctx);
      case ADMIN -> checkAdmin(ctx);
    }
  }

  private void checkRead(Context ctx) {
    if (readers.isEmpty()) {
      return;
    }
    String bearer = bearer(ctx);
    String key = bearer != null ? bearer : ctx.header("X-Api-Key");
    if (!readers.matches(key) && !admin.matches(key)) {
      throw new UnauthorizedResponse(
          key == null
              ? "an API key is required: send Authorization: Bearer KEY or X-Api-Key: KEY"
              : "the API key is not valid");
    }
  }

  private void checkAdmin(Context ctx) {
    if (admin.isEmpty()) {
      throw new ForbiddenResponse(
          "writing is disabled on this server; to enable it, start serve with the environment variable "
              + ApiConfig.ADMIN_TOKEN_VARIABLE + " set to a secret token and send it as Authorization: Bearer TOKEN");
    }
    String token = bearer(ctx);
    if (!admin.matches(token)) {
      throw new UnauthorizedResponse(
          token == null
              ? "the admin token is required: send Authorization: Bearer TOKEN"
              : "the admin token is not valid");
    }
  }

  private static String bearer(Context ctx) {
    String header = ctx.header("Authorization");
    if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return null;
    }
    return header.substring(BEARER.length()).strip();
  }
}
