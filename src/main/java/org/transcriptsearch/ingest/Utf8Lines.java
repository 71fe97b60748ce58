package org.transcriptsearch.ingest;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The lines of a file, each decoded as strict UTF-8 on its own, so a line in another encoding is reported by
 * number and the lines around it are still read. Not thread-safe.
 */
final class Utf8Lines implements Closeable {
  private final InputStream in;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream(4096);
  private int number;

  Utf8Lines(Path file) throws IOException {
    this.in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
  }

  /** The number of the line last returned by {@link #next()}, from 1. */
  int number() {
    return number;
  }

  /**
   * The next line without its line break, or null at the end of the file.
   *
   * @throws CharacterCodingException when this line is not UTF-8; the next call goes on with the line after it
   */
  String next() throws IOException {
    line.reset();
    int b = in.read();
    if (b < 0) {
      return null;
    }
    while (b >= 0 && b != '\n') {
      line.write(b);
      b = in.read();
    }
    number++;
    byte[] bytes = line.toByteArray();
    int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
    return StandardCharsets.UTF_8
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(bytes, 0, length))
        .toString();
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
