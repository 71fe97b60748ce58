package org.transcriptsearch.generate;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.transcriptsearch.model.Json;
import org.transcriptsearch.model.Speaker;
import org.transcriptsearch.model.Transcript;
import org.transcriptsearch.model.Turn;

/**
 * Writes the MediaSum shape (Zhu et al., 2021): one JSON array of objects {@code {"id", "program", "date", "url",
 * "title", "summary", "utt": [...], "speaker": [...]}}, {@code utt} and {@code speaker} parallel, ids
 * {@code "NPR-<n>"} numbered from 1 in corpus order, speaker strings as MediaSum prints them ({@code "MADELEINE
 * BRAND, host"}, {@code "Unidentified Male"}, {@code "Professor SUSAN DUDLEY (Biology, McMaster University)"}).
 * Streamed: the array is never held in memory.
 */
public final class MediaSumWriter implements CorpusWriter {
  /** The file name the writer uses inside its output folder. */
  public static final String FILE_NAME = "news_dialogue.json";

  private static final int SUMMARY_WORDS = 30;

  private final JsonGenerator json;

  /** A writer of {@code news_dialogue.json} in folder {@code dir}, which must exist. */
  public MediaSumWriter(Path dir) throws IOException {
    this(Files.newBufferedWriter(dir.resolve(FILE_NAME), StandardCharsets.UTF_8));
  }

  /** A writer onto {@code out}, which it closes when closed. */
  public MediaSumWriter(Writer out) throws IOException {
    Writer buffered = out instanceof BufferedWriter ? out : new BufferedWriter(out, 1 << 16);
    this.json = Json.mapper().getFactory().createGenerator(buffered);
    json.writeStartArray();
  }

  /** The MediaSum id of the transcript at {@code index}: {@code NPR-1} for the first. */
  public static String id(int index) {
    return "NPR-" + (index + 1);
  }

  @Override
  public void write(int index, Transcript t) throws IOException {
    json.writeRaw('\n');
    json.writeStartObject();
    json.writeStringField("id", id(index));
    json.writeStringField("program", t.program());
    json.writeStringField("date", t.date() == null ? null : t.date().toString());
    json.writeStringField("url", t.url());
    json.writeStringField("title", t.title());
    json.writeStringField("summary", summary(t));
    json.writeArrayFieldStart("utt");
    for (Turn turn : t.turns()) {
      // MediaSum keeps one string per turn; paragraph breaks become spaces.
      json.writeString(turn.text().replace("\n\n", " "));
    }
    json.writeEndArray();
    json.writeArrayFieldStart("speaker");
    for (Turn turn : t.turns()) {
      json.writeString(speakerString(turn.speaker()));
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  /** How MediaSum prints a speaker: name in capitals with role, title or description around it. */
  public static String speakerString(Speaker s) {
    String upper = s.name().toUpperCase(Locale.ROOT);
    return switch (s.role()) {
      case HOST -> upper + ", host";
      case CORRESPONDENT -> upper + ", byline";
      case CALLER -> upper + " (Caller)";
      case ANALYST -> upper + ", analyst";
      case ANNOUNCER -> "ANNOUNCER";
      case UNIDENTIFIED -> s.name().contains("Woman") ? "Unidentified Female"
          : s.name().contains("Man") ? "Unidentified Male" : "Unidentified Speaker";
      case GUEST -> (s.title() == null ? "" : s.title() + " ") + upper
          + (s.affiliation() == null ? "" : " (" + s.affiliation() + ")");
    };
  }

  /** The teaser: the first words of the first turn, as MediaSum's summaries are one or two sentences. */
  private static String summary(Transcript t) {
    if (t.turns().isEmpty()) {
      return "";
    }
    String[] words = t.turns().get(0).text().replace("\n\n", " ").split(" ", SUMMARY_WORDS + 1);
    int n = Math.min(words.length, SUMMARY_WORDS);
    return String.join(" ", java.util.Arrays.asList(words).subList(0, n));
  }

  @Override
  public int files() {
    return 1;
  }

  @Override
  public void close() throws IOException {
    json.writeRaw('\n');
    json.writeEndArray();
    json.writeRaw('\n');
    json.close();
  }
}
