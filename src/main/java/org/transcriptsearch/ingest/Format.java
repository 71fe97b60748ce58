package org.transcriptsearch.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** The input shapes ingest understands. */
public enum Format {
  /** Decide per file, by extension and by sniffing its first bytes. */
  AUTO,
  /** A raw transcript page, as text or HTML. */
  PAGE,
  /** The canonical JSON lines that {@code parse} prints. */
  JSONL;

  /** The format of {@code file}: its extension first, then its first non-blank character. */
  public static Format detect(Path file) throws IOException {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
      return JSONL;
    }
    if (name.endsWith(".html") || name.endsWith(".htm") || name.endsWith(".txt")) {
      return PAGE;
    }
    String head = head(file);
    return head.startsWith("{") && head.contains("\"turns\"") ? JSONL : PAGE;
  }

  /** The format named {@code name} on the command line ("auto", "page", "jsonl"). */
  public static Format of(String name) {
    try {
      return valueOf(name.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown format '" + name + "' (expected auto, page or jsonl)", e);
    }
  }

  private static String head(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return new String(in.readNBytes(4096), StandardCharsets.UTF_8).strip();
    }
  }
}
