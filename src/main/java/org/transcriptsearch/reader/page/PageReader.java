package org.transcriptsearch.reader.page;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
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
    String content = decode(Files.readAllBytes(file));
    String name = file.toString();
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

  private static String decode(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPLACE)
          .onUnmappableCharacter(CodingErrorAction.REPLACE)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      // Cannot happen with REPLACE; kept to satisfy the checked signature.
      throw new IllegalStateException(e);
    }
  }
}
