package org.transcriptsearch.http;

import java.util.Locale;
import org.transcriptsearch.ingest.TranscriptWriter.BodyType;

/** Which {@link BodyType} a request's Content-Type names. */
final class BodyTypes {
  private BodyTypes() {}

  /**
   * The body type for {@code contentType} ("text/html; charset=utf-8" and the like); only UTF-8 is read.
   *
   * @throws UnsupportedBodyException for a missing or other type, or another charset
   */
  static BodyType of(String contentType) {
    if (contentType == null || contentType.isBlank()) {
      throw unsupported("no Content-Type");
    }
    String[] parts = contentType.toLowerCase(Locale.ROOT).split(";", -1);
    for (int i = 1; i < parts.length; i++) {
      String param = parts[i].strip();
      if (param.startsWith("charset=") && !param.substring(8).replace("\"", "").equals("utf-8")) {
        throw unsupported("charset " + param.substring(8) + "; send UTF-8");
      }
    }
    return switch (parts[0].strip()) {
      case "text/plain" -> BodyType.PAGE;
      case "text/html" -> BodyType.HTML;
      case "application/json" -> BodyType.JSON;
      default -> throw unsupported("Content-Type " + parts[0].strip());
    };
  }

  private static UnsupportedBodyException unsupported(String what) {
    return new UnsupportedBodyException(
        "unsupported " + what + "; post text/plain (a transcript page), text/html (its HTML) or application/json"
            + " (canonical transcripts)");
  }
}
