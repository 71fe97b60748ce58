package org.transcriptsearch.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Opening input files the same way everywhere: strict UTF-8, so a file in another encoding is named, not garbled. */
final class Inputs {
  private Inputs() {}

  /** A buffered UTF-8 reader of {@code file}; malformed input throws a {@link java.nio.charset.CharacterCodingException}. */
  static BufferedReader open(Path file) throws IOException {
    return open(file, CodingErrorAction.REPORT);
  }

  /** For sniffing a file's format only: malformed input becomes U+FFFD, the reader proper will name it. */
  static BufferedReader openForSniffing(Path file) throws IOException {
    return open(file, CodingErrorAction.REPLACE);
  }

  private static BufferedReader open(Path file, CodingErrorAction onError) throws IOException {
    var decoder =
        StandardCharsets.UTF_8.newDecoder().onMalformedInput(onError).onUnmappableCharacter(onError);
    return new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder), 1 << 16);
  }
}
