package org.transcriptsearch.reader.page;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.transcriptsearch.model.Speaker;

/**
 * Who says an unlabelled paragraph after a gap where the extractor removed an element (often the label): when the
 * turn before ends by greeting or asking someone by name ("Hi, Sam.", "What happened, Sam?") the reply is theirs;
 * when the paragraph addresses the speaker before it by first name ("Hi, Jo."), it is someone else's: the one
 * that speaker talks with. Otherwise the gap changed nothing and the previous speaker goes on.
 */
final class GapReplies {
  private static final String FIRST = "(\\p{Lu}[\\p{L}'’-]+)";
  private static final String GREETING =
      "(?:Hi|Hey|Hello|Welcome(?: back)?(?: to the (?:show|program))?|Thanks|Thank you|Good (?:morning|afternoon|evening)|"
          + "Morning)";
  private static final Pattern GREETS_AT_END = Pattern.compile("(?:^|[.!?]\\s+|\\b)" + GREETING + ",? " + FIRST + "\\s*[.!?]?\\s*$");
  private static final Pattern ASKS_AT_END = Pattern.compile(", " + FIRST + "\\?\\s*$");

  private GapReplies() {}

  /**
   * The speaker of {@code text}, unlabelled after a gap, when it is not {@code previous}.
   *
   * @param previous who spoke the turn before
   * @param beforePrevious who spoke before them, or null
   * @param previousText the turn before's speech
   * @param next the next labelled speaker, if any
   * @param people the people the page names
   */
  static Optional<Speaker> replier(
      Speaker previous, Speaker beforePrevious, String previousText, String text, Optional<Speaker> next,
      PagePeople people) {
    Optional<String> addressed = addressedAtEnd(previousText).filter(name -> !name.equals(firstName(previous)));
    if (addressed.isPresent()) {
      String name = addressed.get();
      for (Speaker s : new Speaker[] {beforePrevious, next.orElse(null)}) {
        if (s != null && !s.name().equals(previous.name()) && name.equals(s.name().split(" ")[0])) {
          return Optional.of(s);
        }
      }
      Optional<Speaker> named =
          people.byFirstName(name).map(p -> new Speaker(p.name(), null, p.role(), p.title(), p.affiliation()));
      if (named.isPresent()) {
        return named;
      }
    }
    if (!addresses(text, firstName(previous))) {
      return Optional.empty();
    }
    if (beforePrevious != null && !beforePrevious.name().equals(previous.name())) {
      return Optional.of(beforePrevious);
    }
    return next.filter(s -> !s.name().equals(previous.name()));
  }

  /** The first name a turn ends by greeting or asking: "Hi, Sam." or "What happened, Sam?". */
  private static Optional<String> addressedAtEnd(String text) {
    for (Pattern p : new Pattern[] {GREETS_AT_END, ASKS_AT_END}) {
      Matcher m = p.matcher(text);
      if (m.find()) {
        return Optional.of(m.group(1));
      }
    }
    return Optional.empty();
  }

  /** True when the opening of {@code text} addresses {@code firstName}: "Hi, Jo.", "Jo, ...", "Thanks, Jo". */
  private static boolean addresses(String text, String firstName) {
    if (firstName == null) {
      return false;
    }
    String head = text.substring(0, Math.min(text.length(), 80));
    String name = Pattern.quote(firstName);
    return Pattern.compile("^(?:" + GREETING + "|Well|Yeah|Yes|Sure|Oh|And),? " + name + "\\b|^" + name + ",|, " + name + "[.!?,]")
        .matcher(head)
        .find();
  }

  /** The first of several names, or null for a one-word name (a surname or a generic label). */
  private static String firstName(Speaker s) {
    String[] words = s.name().split(" ");
    return words.length > 1 ? words[0] : null;
  }
}
