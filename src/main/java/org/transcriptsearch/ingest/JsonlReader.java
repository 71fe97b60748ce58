package org.transcriptsearch.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Path;
import org.transcriptsearch.model.Json;
import org.transcriptsearch.model.Transcript;
import org.transcriptsearch.model.Turn;
import org.transcriptsearch.reader.BadInputException;

/**
 * The project's canonical format: JSON lines, one transcript per line, exactly as {@code parse} prints them, so a
 * parsed page can be corrected by hand and re-imported. Blank lines are skipped.
 */
public final class JsonlReader implements TranscriptReader {
  private static final ObjectReader READER = Json.mapper().readerFor(Transcript.class);

  @Override
  public void read(Path file, Sink sink) throws IOException {
    try (Utf8Lines lines = new Utf8Lines(file, sink)) {
      while (true) {
        String line;
        try {
          line = lines.next();
        } catch (CharacterCodingException e) {
          sink.bad(new BadInputException(file.toString(), "line " + lines.number(), "not UTF-8 text", e));
          continue;
        }
        if (line == null) {
          return;
        }
        if (!line.isBlank()) {
          readLine(file, lines.number(), line, sink);
        }
      }
    }
  }

  private static void readLine(Path file, int number, String line, Sink sink) {
    Transcript transcript;
    try {
      transcript = check(READER.readValue(line));
    } catch (JsonProcessingException e) {
      sink.bad(new BadInputException(file.toString(), "line " + number, reason(e), e));
      return;
    } catch (IllegalArgumentException | NullPointerException e) {
      sink.bad(new BadInputException(file.toString(), "line " + number, e.getMessage(), e));
      return;
    }
    if (LoneSurrogates.mayHold(line)) {
      try {
        LoneSurrogates.warnings(Json.mapper().readTree(line))
            .forEach(w -> sink.warning(new BadInputException(file.toString(), "line " + number, w)));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("the line was read once already", e);
      }
    }
    sink.transcript(transcript);
  }

  /** Turns must be numbered 1, 2, 3... in order, and there must be at least one. */
  static Transcript check(Transcript t) {
    if (t.turns().isEmpty()) {
      throw new IllegalArgumentException("transcript '" + t.id() + "' has no turns");
    }
    int expected = 1;
    for (Turn turn : t.turns()) {
      if (turn.n() != expected) {
        throw new IllegalArgumentException(
            "transcript '" + t.id() + "': turn " + expected + " is numbered " + turn.n());
      }
      expected++;
    }
    return t;
  }

  /** A reason a person can act on: what is wrong, and in which field ("turns[0].speaker.role") or column. */
  static String reason(JsonProcessingException e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root instanceof JsonProcessingException p ? p.getOriginalMessage() : root.getMessage();
    message = message == null ? root.getClass().getSimpleName() : message.replaceAll("\\s*\\(start marker at .*", "");
    if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
      return message + " (field " + path(m) + ")";
    }
    return e.getLocation() == null ? message : message + " (column " + e.getLocation().getColumnNr() + ")";
  }

  private static String path(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.toString();
  }
}
