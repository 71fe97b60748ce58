package org.transcriptsearch.reader.page;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hosts naming themselves: "I'm Robert Siegel.", "And I'm Audie Cornish.", "I'm Dave Davies, filling in for
 * Terry Gross.", "I'm Celeste Headlee and this is TELL ME MORE". Lost apostrophes ("Im") are tolerated.
 */
final class SelfIntroductions {
  /** A name as speech prints it: two to four capitalised words, initials and particles allowed. */
  static final String NAME =
      "(\\p{Lu}[\\p{L}'’-]*(?:\\s+(?:\\p{Lu}\\.|\\p{Lu}[\\p{L}'’-]*|al-\\p{Lu}[\\p{L}'’-]*|de|del|da|van|von|bin)){1,3})";
  private static final Pattern ANY = Pattern.compile("(?<![\\p{L}])I(?:'|’|)m\\s+" + NAME + "(?=[.,!;]|\\s+and\\b|\\s*$|\\s+(?:in|filling|sitting|with|here)\\b)");
  private static final Pattern AND_OPENING = Pattern.compile("^And\\s+I(?:'|’|)m\\s+" + NAME + "(?=[.,!;]|\\s*$|\\s+(?:in|filling|sitting)\\b)");
  private static final Pattern AND_INSIDE = Pattern.compile("(?<=[.!?][\"”]?\\s)And\\s+I(?:'|’|)m\\s+" + NAME + "\\.");
  private static final Pattern QUOTED = Pattern.compile("\"[^\"]{0,300}\"|“[^”]{0,300}”|‘[^’]{0,300}’(?![\\p{L}])");
  /** Capitalised words that follow "I'm" without being a name ("I'm Not Sure"). */
  private static final Set<String> NOT_FIRST_NAMES =
      Set.of("Not", "So", "Sorry", "Glad", "Here", "Just", "Going", "From", "Joined", "The", "In", "With", "Very");

  /**
   * A self-introduction found in a paragraph.
   *
   * @param name the name as spoken
   * @param start where the introduction starts in the paragraph
   */
  record Found(String name, int start) {}

  private SelfIntroductions() {}

  /** {@code text} without what it quotes: "'I'm Maria Lopez,' she says" is a guest quoted, not the speaker. */
  static String unquoted(String text) {
    return QUOTED.matcher(text).replaceAll(" ");
  }

  /** The first "I'm NAME" anywhere in {@code text}, outside quotation marks. */
  static Optional<String> anywhere(String text) {
    return first(ANY.matcher(unquoted(text))).map(Found::name);
  }

  /** Every "I'm NAME" in {@code text}, in order. */
  static List<String> all(String text) {
    List<String> out = new ArrayList<>();
    Matcher m = ANY.matcher(text);
    while (m.find()) {
      String name = cleaned(m.group(1));
      if (!NOT_FIRST_NAMES.contains(name.split(" ")[0])) {
        out.add(name);
      }
    }
    return out;
  }

  /** "And I'm NAME" opening {@code paragraph}: a co-host taking the word. */
  static Optional<String> opening(String paragraph) {
    return first(AND_OPENING.matcher(paragraph)).map(Found::name);
  }

  /**
   * "And I'm NAME." after the first sentence of {@code paragraph}: a co-host whose own paragraph was run into the
   * one before.
   */
  static Optional<Found> inside(String paragraph) {
    return first(AND_INSIDE.matcher(paragraph));
  }

  private static String cleaned(String name) {
    return name.replaceAll("\\s+", " ").replaceAll("['’]+$", "");
  }

  private static Optional<Found> first(Matcher m) {
    while (m.find()) {
      String name = cleaned(m.group(1));
      if (!NOT_FIRST_NAMES.contains(name.split(" ")[0])) {
        return Optional.of(new Found(name, m.start()));
      }
    }
    return Optional.empty();
  }
}
