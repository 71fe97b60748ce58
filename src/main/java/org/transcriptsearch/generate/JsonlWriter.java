package org.transcriptsearch.generate;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.transcriptsearch.model.Json;
import org.transcriptsearch.model.Transcript;

/**
 * Writes the project's canonical format: one transcript per line, exactly the {@link Transcript} record as
 * {@link Json#mapper()} serialises it, UTF-8, streamed.
 */
public final class JsonlWriter implements CorpusWriter {
  /** The file name the writer uses inside its output folder. */
  public static final String FILE_NAME = "transcripts.jsonl";

  private final JsonGenerator json;

  /** A writer of {@code transcripts.jsonl} in folder {@code dir}, which must exist. */
  public JsonlWriter(Path dir) throws IOException {
    this(Files.newBufferedWriter(dir.resolve(FILE_NAME), StandardCharsets.UTF_8));
  }

  /** A writer onto {@code out}, which it closes when closed. */
  public JsonlWriter(Writer out) throws IOException {
    Writer buffered = out instanceof BufferedWriter ? out : new BufferedWriter(out, 1 << 16);
    this.json = Json.mapper().getFactory().createGenerator(buffered);
    // Lines end in '\n' of our own; Jackson's default separator between root values would be a space.
    json.setRootValueSeparator(null);
  }

  @Override
  public void write(int index, Transcript transcript) throws IOException {
    Json.mapper().writeValue(json, transcript);
    json.writeRaw('\n');
  }

  @Override
  public int files() {
    return 1;
  }

  @Override
  public void close() throws IOException {
    json.close();
  }
}
