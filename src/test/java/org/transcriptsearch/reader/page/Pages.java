package org.transcriptsearch.reader.page;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.transcriptsearch.model.Transcript;
import org.transcriptsearch.model.Turn;
import org.transcriptsearch.reader.BadInputException;

/** Test helpers: fixture pages and compact views of parsed turns. */
final class Pages {
  static final NprPageParser PARSER = new NprPageParser(HostDirectory.shipped());

  private Pages() {}

  /** The fixture {@code src/test/resources/pages/NAME} as text. */
  static String fixture(String name) {
    try (InputStream in = Pages.class.getResourceAsStream("/pages/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Transcript parseFixture(String name) throws BadInputException {
    return PARSER.parse(fixture(name), name);
  }

  /** "Name|role|attribution" for each turn, in order. */
  static List<String> speakers(Transcript t) {
    return t.turns().stream()
        .map(turn -> turn.speaker().name() + "|" + turn.speaker().role().code() + "|" + turn.attribution().code())
        .toList();
  }

  /** Every turn's text, joined: for "never in any turn" checks. */
  static String allText(Transcript t) {
    return String.join("\n", t.turns().stream().map(Turn::text).toList());
  }
}
