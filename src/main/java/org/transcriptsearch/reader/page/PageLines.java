package org.transcriptsearch.reader.page;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits raw page text into paragraphs: blank lines or single newlines separate paragraphs, runs of three or
 * more newlines are remembered as gaps (an element the extractor removed), hard-wrapped lines of reposts are
 * joined, and UTF-8 that was read as Windows-1252 ("â€™") is repaired line by line.
 */
final class PageLines {
  /** Newlines in a row that mark a removed element rather than an ordinary paragraph break. */
  static final int GAP_NEWLINES = 3;

  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
  private static final Pattern MOJIBAKE = Pattern.compile("[ÂÃâ][\u0080-\u00BF\u0152-\u2122]");
  /** A line that starts a new paragraph even inside a hard-wrapped block: a cue or a speaker label. */
  private static final Pattern STARTS_PARAGRAPH =
      Pattern.compile("^(\\(|\\[|[\\p{Lu}][\\p{Lu}\\p{M} .,'’#\\d-]{1,60}:|(Mr|Mrs|Ms|Dr)\\.? \\p{Lu}{2})");

  /**
   * One paragraph of the page.
   *
   * @param text the paragraph, stripped, never empty
   * @param gapBefore true when three or more newlines precede it
   */
  record Paragraph(String text, boolean gapBefore) {}

  private PageLines() {}

  /** The paragraphs of {@code page}, in order. */
  static List<Paragraph> paragraphs(String page) {
    String text = page.replace("\r\n", "\n").replace('\r', '\n').replace('\u00A0', ' ').replace("\uFEFF", "");
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      lines[i] = repairMojibake(lines[i]).strip();
    }
    int wrapWidth = wrapWidth(lines);
    List<Paragraph> out = new ArrayList<>();
    StringBuilder current = null;
    boolean currentGap = false;
    int breaks = 0;
    int previousLength = 0;
    for (String line : lines) {
      if (line.isEmpty()) {
        breaks++;
        continue;
      }
      breaks++;
      if (current != null && breaks == 1 && wrapWidth > 0 && continuesWrap(previousLength, line, wrapWidth)) {
        current.append(' ').append(line);
      } else {
        if (current != null) {
          out.add(new Paragraph(current.toString(), currentGap));
        }
        current = new StringBuilder(line);
        currentGap = !out.isEmpty() && breaks >= GAP_NEWLINES;
      }
      breaks = 0;
      previousLength = line.length();
    }
    if (current != null) {
      out.add(new Paragraph(current.toString(), currentGap));
    }
    return out;
  }

  /**
   * The width a repost was hard-wrapped at, or 0 when the page is not hard-wrapped: no line is much longer than
   * about 100 characters, and many lines stop mid-sentence.
   */
  private static int wrapWidth(String[] lines) {
    int max = 0;
    int nonEmpty = 0;
    int midSentence = 0;
    for (String line : lines) {
      if (line.isEmpty()) {
        continue;
      }
      nonEmpty++;
      max = Math.max(max, line.length());
      char last = line.charAt(line.length() - 1);
      if (line.length() >= 40 && (Character.isLetterOrDigit(last) || last == ',')) {
        midSentence++;
      }
    }
    boolean wrapped = max <= 100 && nonEmpty >= 5 && midSentence * 4 >= nonEmpty;
    return wrapped ? max : 0;
  }

  /** A hard wrap: the line before nearly fills the width, and this line does not start a label or cue. */
  private static boolean continuesWrap(int previousLength, String line, int wrapWidth) {
    return previousLength >= wrapWidth * 0.6 && !STARTS_PARAGRAPH.matcher(line).find();
  }

  /** The line re-decoded as UTF-8 when it looks like UTF-8 bytes read as Windows-1252, else unchanged. */
  static String repairMojibake(String line) {
    if (!MOJIBAKE.matcher(line).find()) {
      return line;
    }
    CharsetEncoder encoder = WINDOWS_1252.newEncoder();
    if (!encoder.canEncode(line)) {
      return line;
    }
    try {
      ByteBuffer bytes = encoder.encode(CharBuffer.wrap(line));
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(bytes)
          .toString();
    } catch (CharacterCodingException e) {
      // Not mojibake after all (a real "Â" or "â" in the text): keep the line as printed.
      return line;
    }
  }
}
