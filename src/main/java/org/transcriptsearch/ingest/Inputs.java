package org.transcriptsearch.ingest;

import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
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

  /** As {@link #open(Path)}, telling {@code sink} of the bytes read as they are read. */
  static BufferedReader open(Path file, TranscriptReader.Sink sink) throws IOException {
    return reader(counted(file, sink), CodingErrorAction.REPORT);
  }

  /** The bytes of {@code file}, {@code sink} told of each chunk read. */
  static InputStream counted(Path file, TranscriptReader.Sink sink) throws IOException {
    return new FilterInputStream(Files.newInputStream(file)) {
      @Override
      public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
          sink.bytesRead(1);
        }
        return b;
      }

      @Override
      public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
          sink.bytesRead(n);
        }
        return n;
      }
    };
  }

  /** For sniffing a file's format only: malformed input becomes U+FFFD, the reader proper will name it. */
  static BufferedReader openForSniffing(Path file) throws IOException {
    return open(file, CodingErrorAction.REPLACE);
  }

  private static BufferedReader open(Path file, CodingErrorAction onError) throws IOException {
    return reader(Files.newInputStream(file), onError);
  }

  private static BufferedReader reader(InputStream in, CodingErrorAction onError) {
    var decoder =
        StandardCharsets.UTF_8.newDecoder().onMalformedInput(onError).onUnmappableCharacter(onError);
    return new BufferedReader(new InputStreamReader(in, decoder), 1 << 16);
  }
}
