package org.transcriptsearch.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Opening input files the same way everywhere: UTF-8, a malformed byte replaced rather than fatal. */
final class Inputs {
  private Inputs() {}

  /** A buffered UTF-8 reader of {@code file}; malformed input becomes U+FFFD. */
  static BufferedReader open(Path file) throws IOException {
    var decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    return new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder), 1 << 16);
  }
}
