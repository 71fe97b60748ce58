package org.transcriptsearch.reader.page;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.transcriptsearch.model.Transcript;
import org.transcriptsearch.reader.BadInputException;

/**
 * Reads transcript page files, HTML or extracted text, into transcripts. Thread-safe.
 */
public final class PageReader {
  private static final Pattern HTML = Pattern.compile("(?i)<(!doctype html|html[\\s>]|body[\\s>]|head[\\s>])|</p>|</div>");

  /** Pages are a few kilobytes; anything this large is not one (and would be parsed in memory). */
  static final long MAX_PAGE_BYTES = 16L << 20;

  private final NprPageParser parser;

  /** A reader that parses pages with {@code parser}. */
  public PageReader(NprPageParser parser) {
    this.parser = Objects.requireNonNull(parser, "parser");
  }

  /**
   * Reads one page file as UTF-8 (malformed bytes become U+FFFD), tells HTML from text, and parses it.
   *
   * @param file the page; its path as given names it in errors
   * @throws BadInputException when the page holds no transcript
   * @throws IOException when the file cannot be read
   */
  public Transcript read(Path file) throws BadInputException, IOException {
    String name = file.toString();
    long size = Files.size(file);
    if (size > MAX_PAGE_BYTES) {
      throw new BadInputException(
          name, null, "too large for a transcript page (" + size / (1 << 20) + " MB; the limit is "
              + MAX_PAGE_BYTES / (1 << 20) + " MB)");
    }
    String content = decode(Files.readAllBytes(file), name);
    if (content.isBlank()) {
      throw new BadInputException(name, null, "empty file");
    }
    return isHtml(file, content) ? parseHtml(content, name) : parser.parse(content, name);
  }

  /**
   * Parses an HTML page: its text as {@link NprPageParser#parse(String, String)} would, with the heading as title
   * and the canonical link (or og:url) as url.
   */
  public Transcript parseHtml(String html, String sourceName) throws BadInputException {
    HtmlPages.HtmlPage page = HtmlPages.read(html);
    return parser.parse(page.text(), sourceName, page.title(), page.url());
  }

  /** True for HTML: by file name, or by markup near the start of the content. */
  static boolean isHtml(Path file, String content) {
    String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".html") || name.endsWith(".htm")) {
      return true;
    }
    String head = content.substring(0, Math.min(content.length(), 4000));
    return head.stripLeading().startsWith("<") || HTML.matcher(head).find();
  }

  /**
   * Parses a page's plain text, as extracted from a web page or typed by hand.
   *
   * @throws BadInputException when the text holds no transcript
   */
  public Transcript parseText(String text, String sourceName) throws BadInputException {
    return parser.parse(text, sourceName);
  }

  /**
   * Decodes strict UTF-8: a binary input (a NUL byte early on) or one in another encoding is refused by name
   * rather than indexed as garbage.
   *
   * @param name names the input in the error
   * @throws BadInputException saying where the NUL or the invalid byte sequence is
   */
  public static String decode(byte[] bytes, String name) throws BadInputException {
    for (int i = 0; i < Math.min(bytes.length, 8192); i++) {
      if (bytes[i] == 0) {
        throw new BadInputException(name, null, "binary file (a NUL byte at offset " + i + "), not a transcript page");
      }
    }
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length + 1);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      throw new BadInputException(
          name, null, "not UTF-8 text (an invalid byte sequence at offset " + in.position() + ")");
    }
    decoder.flush(out);
    return out.flip().toString();
  }
}
