package org.transcriptsearch.http;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Refuses requests that carry {@code X-HTTP-Method-Override} before they reach Javalin, which would route them by
 * that header's method (a GET saying DELETE would delete; an unknown method would fail). The answer is a 400 in the
 * JSON error shape, written by the server's {@link JsonErrorHandler}.
 */
final class MethodOverrideRefusal extends Handler.Wrapper {
  /** The header refused. */
  static final String HEADER = "X-HTTP-Method-Override";

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    if (request.getHeaders().contains(HEADER)) {
      Response.writeError(
          request, response, callback, 400, HEADER + " is not supported; send the request with its own method");
      return true;
    }
    return super.handle(request, response, callback);
  }
}
