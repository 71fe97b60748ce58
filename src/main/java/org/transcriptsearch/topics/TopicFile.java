package org.transcriptsearch.topics;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.transcriptsearch.reader.BadInputException;

/**
 * Reads the lines of a topic file; internal to the topics package. The format is described in the header of the
 * bundled {@code topics.tsv} and in {@link TopicTaxonomy}.
 */
final class TopicFile {
  private static final Pattern KIND = Pattern.compile("[a-z][a-z-]*");

  /**
   * One topic line as written.
   *
   * @param line the line number, from 1
   */
  record Line(int line, String name, String kind, List<String> aliases, List<String> blocked, List<String> also) {}

  private TopicFile() {}

  /**
   * The topic lines of {@code reader}, skipping blank lines and {@code #} comments.
   *
   * @param source the file name used in error messages
   * @throws BadInputException naming {@code source} and the line, when a line is malformed
   */
  static List<Line> read(Reader reader, String source) throws IOException, BadInputException {
    List<Line> lines = new ArrayList<>();
    BufferedReader in = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
    String text;
    int number = 0;
    while ((text = in.readLine()) != null) {
      number++;
      if (number == 1 && text.startsWith("\uFEFF")) {
        text = text.substring(1); // a byte order mark left by some editors
      }
      if (!text.isBlank() && !text.stripLeading().startsWith("#")) {
        lines.add(parse(text, number, source));
      }
    }
    return lines;
  }

  private static Line parse(String text, int number, String source) throws BadInputException {
    String[] fields = text.split("\t", -1);
    if (fields.length < 3 || fields.length > 4) {
      throw bad(source, number, "expected NAME<TAB>KIND<TAB>ALIASES[<TAB>ALSO] but found " + fields.length
          + " tab-separated field" + (fields.length == 1 ? "" : "s"));
    }
    String name = fields[0].strip();
    String kind = fields[1].strip();
    if (Tokens.phraseKey(name) == null) {
      throw bad(source, number, "topic name '" + name + "' has no words that text could match");
    }
    if (!KIND.matcher(kind).matches()) {
      throw bad(source, number, "kind '" + kind + "' is not a lower-case word such as country, region or conflict");
    }
    List<String> aliases = new ArrayList<>();
    List<String> blocked = new ArrayList<>();
    for (String entry : split(fields[2])) {
      boolean isBlocked = entry.startsWith("!");
      String phrase = isBlocked ? entry.substring(1).strip() : entry;
      if (Tokens.phraseKey(phrase) == null) {
        throw bad(source, number, "alias '" + entry + "' has no words, or punctuation that text matching never spans");
      }
      (isBlocked ? blocked : aliases).add(phrase);
    }
    List<String> also = fields.length == 4 ? split(fields[3]) : List.of();
    return new Line(number, name, kind, aliases, blocked, also);
  }

  /** The non-blank entries of a {@code |}-separated field. */
  private static List<String> split(String field) {
    List<String> entries = new ArrayList<>();
    for (String entry : field.split("\\|")) {
      if (!entry.isBlank()) {
        entries.add(entry.strip());
      }
    }
    return entries;
  }

  static BadInputException bad(String source, int line, String reason) {
    return new BadInputException(source, "line " + line, reason);
  }
}
