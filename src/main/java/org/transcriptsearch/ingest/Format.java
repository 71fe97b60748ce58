package org.transcriptsearch.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.transcriptsearch.model.Json;

/** The input shapes ingest understands. */
public enum Format {
  /** Decide per file, by extension and by sniffing its first bytes. */
  AUTO,
  /** A raw transcript page, as text or HTML. */
  PAGE,
  /** MediaSum transcripts: one JSON array of records with {@code utt} and {@code speaker}, or JSON lines of them. */
  MEDIASUM,
  /** The NPR Interview corpus: {@code episodes.csv} and {@code utterances.csv}, read together. */
  INTERVIEW,
  /** The canonical JSON lines that {@code parse} prints. */
  JSONL;

  /** What the first JSON value of a file looks like. */
  private enum JsonHead {
    ARRAY,
    UTT,
    TURNS,
    OTHER,
    EMPTY,
    BROKEN
  }

  /**
   * The format of {@code file}: by its extension, and for JSON by its first value.
   *
   * <ul>
   *   <li>{@code .jsonl}, {@code .ndjson}: MediaSum when the first record has {@code "utt"}, else canonical.
   *   <li>{@code .json}: MediaSum when it is an array or its first object has {@code "utt"}; canonical when it
   *       has {@code "turns"}; otherwise (such as the Interview corpus's host map) no reader claims it.
   *   <li>{@code .csv}: the Interview corpus. {@code .txt}, {@code .html}, {@code .htm}: a page.
   *   <li>Anything else: canonical when it opens with an object with {@code "turns"}, else a page.
   * </ul>
   *
   * @return the format, or empty when no reader claims the file
   */
  public static Optional<Format> detect(Path file) throws IOException {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
      JsonHead head = jsonHead(file);
      return Optional.of(head == JsonHead.ARRAY || head == JsonHead.UTT ? MEDIASUM : JSONL);
    }
    if (name.endsWith(".json")) {
      return switch (jsonHead(file)) {
        case ARRAY, UTT, BROKEN -> Optional.of(MEDIASUM); // a broken file is reported by the reader, with where
        case TURNS -> Optional.of(JSONL);
        case OTHER, EMPTY -> Optional.empty();
      };
    }
    if (name.endsWith(".csv")) {
      return Optional.of(INTERVIEW);
    }
    if (name.endsWith(".html") || name.endsWith(".htm") || name.endsWith(".txt")) {
      return Optional.of(PAGE);
    }
    String head = head(file);
    return Optional.of(head.startsWith("{") && head.contains("\"turns\"") ? JSONL : PAGE);
  }

  /** The format named {@code name} on the command line ("auto", "page", "mediasum", "interview", "jsonl"). */
  public static Format of(String name) {
    try {
      return valueOf(name.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unknown format '" + name + "' (expected auto, page, mediasum, interview or jsonl)", e);
    }
  }

  private static String head(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return new String(in.readNBytes(4096), StandardCharsets.UTF_8).strip();
    }
  }

  /** Reads the first value's top-level field names only, skipping their values: cheap even for a huge record. */
  private static JsonHead jsonHead(Path file) throws IOException {
    try (BufferedReader reader = Inputs.openForSniffing(file);
        JsonParser parser = Json.mapper().createParser(reader)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        return JsonHead.EMPTY;
      }
      if (first == JsonToken.START_ARRAY) {
        return JsonHead.ARRAY;
      }
      return first == JsonToken.START_OBJECT ? fieldsOf(parser) : JsonHead.OTHER;
    } catch (JsonProcessingException e) {
      return JsonHead.BROKEN;
    }
  }

  private static JsonHead fieldsOf(JsonParser parser) throws IOException {
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      if (field.equals("utt")) {
        return JsonHead.UTT;
      }
      if (field.equals("turns")) {
        return JsonHead.TURNS;
      }
      parser.nextToken();
      parser.skipChildren();
    }
    return JsonHead.OTHER;
  }
}
