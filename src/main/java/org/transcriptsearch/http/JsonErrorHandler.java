package org.transcriptsearch.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.http.HttpStatus;
import java.nio.ByteBuffer;
import java.util.Map;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.transcriptsearch.model.Json;

/**
 * Errors that Jetty answers itself, before a route runs (a URI or headers too long, an ambiguous or malformed path, a
 * malformed request line), in the shape and with the headers of every other error: {@link ApiError} as JSON, never
 * Jetty's HTML page.
 */
final class JsonErrorHandler extends ErrorHandler {
  /** The headers every answer carries, errors included. */
  static final Map<String, String> SECURITY_HEADERS =
      Map.of("X-Content-Type-Options", "nosniff", "Referrer-Policy", "same-origin");

  /** Jetty writes error bodies for GET, POST and HEAD only; a refused DELETE or PUT is told why as well. */
  @Override
  public boolean errorPageForMethod(String method) {
    return true;
  }

  @Override
  protected void generateResponse(
      Request request, Response response, int code, String message, Throwable cause, Callback callback) {
    HttpFields.Mutable headers = response.getHeaders();
    SECURITY_HEADERS.forEach(headers::put);
    headers.put(HttpHeader.CONTENT_TYPE, "application/json");
    response.write(true, ByteBuffer.wrap(body(code, message)), callback);
  }

  /** The answer to a request too malformed to be handled at all (Jetty writes it straight to the connection). */
  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    SECURITY_HEADERS.forEach(fields::put);
    fields.put(HttpHeader.CONTENT_TYPE, "application/json");
    return ByteBuffer.wrap(body(status, reason));
  }

  private static byte[] body(int code, String message) {
    HttpStatus status = HttpStatus.forStatus(code);
    String phrase = status == HttpStatus.UNKNOWN ? "Error" : status.getMessage();
    String detail = message == null || message.isBlank() ? phrase : message;
    try {
      return Json.mapper().writeValueAsBytes(new ApiError(code, phrase, "the request was refused: " + detail));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("an error record always serializes", e);
    }
  }
}
