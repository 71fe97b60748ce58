package org.transcriptsearch.generate;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.transcriptsearch.model.Json;
import org.transcriptsearch.model.Transcript;

/**
 * Which generated transcript is a copy of which story: a JSON object {@code {"copies":[...]}}, one entry per
 * transcript written, {@code {"story":N,"id":..,"site":..,"url":..,"title":..,"damage":[..]}} (the story itself has damage
 * {@code original}, an identical copy {@code identical}). JSON so that indexing the output folder passes it over
 * as a file of no transcripts.
 */
public final class MirrorTruth implements Closeable {
  /** The file's name in the output folder. */
  public static final String FILE_NAME = "mirrors.json";

  private final OutputStream file;
  private final JsonGenerator out;
  private long lastStory = -1;

  /** Writes to {@code file}, replacing it. */
  public MirrorTruth(Path file) throws IOException {
    this.file = Files.newOutputStream(file);
    this.out = Json.mapper().getFactory().createGenerator(this.file);
    out.writeStartObject();
    out.writeArrayFieldStart("copies");
  }

  /** One entry: {@code copy} is of story number {@code story}; the first entry of each story is the story itself. */
  public void write(long story, MirrorCopies.Copy copy) throws IOException {
    Transcript t = copy.transcript();
    boolean first = story != lastStory;
    lastStory = story;
    out.writeRaw('\n');
    out.writeStartObject();
    out.writeNumberField("story", story);
    out.writeStringField("id", t.id());
    out.writeStringField("site", t.source());
    out.writeStringField("url", t.url());
    out.writeStringField("title", t.title());
    out.writeArrayFieldStart("damage");
    if (copy.damage().isEmpty()) {
      out.writeString(first ? "original" : "identical");
    }
    for (MirrorCopies.Damage d : copy.damage()) {
      out.writeString(d.name().toLowerCase(Locale.ROOT));
    }
    out.writeEndArray();
    out.writeEndObject();
  }

  @Override
  public void close() throws IOException {
    try (file) {
      out.writeEndArray();
      out.writeEndObject();
      out.writeRaw('\n');
      out.close();
    }
  }
}
