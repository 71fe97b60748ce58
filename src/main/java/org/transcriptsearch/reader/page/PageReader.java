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
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
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
  private final PageAddresses addresses;
  /** Addresses the user gave for single files ({@code --url}), by absolute normalised path. */
  private final Map<Path, String> given;

  /** A reader that parses pages with {@code parser}. */
  public PageReader(NprPageParser parser) {
    this(parser, new PageAddresses(), Map.of());
  }

  private PageReader(NprPageParser parser, PageAddresses addresses, Map<Path, String> given) {
    this.parser = Objects.requireNonNull(parser, "parser");
    this.addresses = addresses;
    this.given = Map.copyOf(given);
  }

  /**
   * This reader, with {@code address} as the address of the page {@code file}, whatever its sidecar, manifest or
   * canonical link say.
   *
   * @throws IllegalArgumentException when {@code address} is not an http or https address
   */
  public PageReader withAddress(Path file, String address) {
    try {
      PageAddresses.checked(address, "--url", null);
    } catch (BadInputException e) {
      throw new IllegalArgumentException(e.reason(), e);
    }
    Map<Path, String> more = new HashMap<>(given);
    more.put(key(file), address);
    return new PageReader(parser, addresses, more);
  }

  /**
   * True for files that hold the addresses of pages, not pages: {@code NAME.url} sidecars and the {@code
   * urls.tsv} manifest. Ingest reads them with the pages they name, never as pages.
   */
  public static boolean isAddressFile(Path file) {
    return PageAddresses.isAddressFile(file);
  }

  /**
   * Reads one page file as strict UTF-8, tells HTML from text, and parses it. Its address is the one given by
   * {@link #withAddress}, else its sidecar or folder manifest (see {@code docs/pages.md}), else the HTML's
   * canonical link or {@code og:url}, else an address line printed in the page's header.
   *
   * @param file the page; its path as given names it in errors
   * @throws BadInputException when the page holds no transcript, or its sidecar or manifest line is bad
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
    String address = given.get(key(file));
    if (address == null) {
      address = addresses.of(file).orElse(null);
    }
    return isHtml(file, content) ? parseHtml(content, name, address) : parser.parse(content, name, null, address);
  }

  /**
   * Parses an HTML page: its text as {@link NprPageParser#parse(String, String)} would, with the heading as title
   * and the canonical link (or og:url) as url.
   */
  public Transcript parseHtml(String html, String sourceName) throws BadInputException {
    return parseHtml(html, sourceName, null);
  }

  private Transcript parseHtml(String html, String sourceName, String address) throws BadInputException {
    HtmlPages.HtmlPage page = HtmlPages.read(html);
    return parser.parse(page.text(), sourceName, page.title(), address != null ? address : page.url());
  }

  private static Path key(Path file) {
    return file.toAbsolutePath().normalize();
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
