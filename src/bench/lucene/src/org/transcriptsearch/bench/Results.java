package org.transcriptsearch.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Each step writes its measurements as one small JSON object, merged into the named file. */
final class Results {
  static final ObjectMapper JSON = new ObjectMapper();

  private Results() {}

  /** Merges {@code values} into the JSON object in {@code file} (created if missing). */
  static synchronized void put(Path file, ObjectNode values) throws IOException {
    ObjectNode all = Files.exists(file) ? (ObjectNode) JSON.readTree(file.toFile()) : JSON.createObjectNode();
    all.setAll(values);
    Files.createDirectories(file.toAbsolutePath().getParent());
    JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), all);
  }

  static ObjectNode node() {
    return JSON.createObjectNode();
  }
}
