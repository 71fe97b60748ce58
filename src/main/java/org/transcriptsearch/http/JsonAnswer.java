package org.transcriptsearch.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.transcriptsearch.model.Json;

/**
 * Writes an answer as JSON straight into the response, in UTF-8, as the mapper makes it.
 *
 * <p>Javalin's {@code ctx.json} makes the whole answer a String, encodes it into bytes and copies those through a
 * buffer of its own into the response: three copies of a page of hits (10 to 20 KB) per request. This writes it once.
 * The answer object is complete before anything is written, so a search that fails still gets its JSON error; what
 * can fail here is the writing (the client has gone, and there is nobody to answer) or, as a fault of the server's,
 * serialising: then part of the body may already be sent, and the client sees a cut answer rather than an error.
 */
final class JsonAnswer {
  private static final Logger LOG = LoggerFactory.getLogger(JsonAnswer.class);

  private JsonAnswer() {}

  /** Answers {@code ctx} with {@code body} as JSON, written straight into the response. */
  static void send(Context ctx, Object body) throws JsonProcessingException {
    ctx.contentType(ContentType.APPLICATION_JSON);
    try (OutputStream out = ctx.outputStream()) {
      Json.mapper().writeValue(out, body);
    } catch (JsonProcessingException e) {
      throw e; // the answer could not be made: a fault of the server's, reported as one
    } catch (IOException e) {
      LOG.debug("{} {}: the client left before its answer was written ({})", ctx.method(), ctx.path(), e.toString());
    }
  }
}
