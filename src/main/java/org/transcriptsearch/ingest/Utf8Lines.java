package org.transcriptsearch.ingest;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
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
  private final byte[] buffer = new byte[1 << 16];
  private final ByteArrayOutputStream line = new ByteArrayOutputStream(4096);
  private final CharsetDecoder decoder =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
  private int position;
  private int limit;
  private int number;

  Utf8Lines(Path file) throws IOException {
    this.in = Files.newInputStream(file);
  }

  /** The lines of {@code file}, {@code sink} told of the bytes read. */
  Utf8Lines(Path file, TranscriptReader.Sink sink) throws IOException {
    this.in = Inputs.counted(file, sink);
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
    boolean any = false;
    while (true) {
      if (position == limit) {
        limit = in.read(buffer);
        position = 0;
        if (limit <= 0) {
          limit = 0;
          return any ? decode() : null;
        }
      }
      any = true;
      int start = position;
      while (position < limit && buffer[position] != '\n') {
        position++;
      }
      line.write(buffer, start, position - start);
      if (position < limit) {
        position++; // the line break
        return decode();
      }
    }
  }

  private String decode() throws CharacterCodingException {
    number++;
    byte[] bytes = line.toByteArray();
    int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
    decoder.reset();
    return decoder.decode(ByteBuffer.wrap(bytes, 0, length)).toString();
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
