package org.transcriptsearch.reader.page;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.transcriptsearch.reader.page.LabelMatcher.Label;

/**
 * The one-paragraph summary sites print between the player and the transcript ("Sen. X (D-GA) talks with NPR's
 * Audie Cornish about ..."). It is web copy, not the host's speech: taken for the opening it would be given to
 * a host and would split the host's own self-introduction that follows.
 *
 * <p>A paragraph is a teaser when it stands alone before the show's opening (a program named or a host naming
 * themself), or before a host's first label, and speaks of others only: no "I", "we" or "our" in it.
 */
final class Teasers {
  private static final Pattern FIRST_PERSON =
      Pattern.compile("(?<![\\p{L}'’])(I|I['’]m|I['’]ve|I['’]d|I['’]ll|(?i:me|my|we|we['’]re|we['’]ve|us|our))(?![\\p{L}'’])");
  /** How far into a paragraph a show's opening is looked for: its first sentences. */
  private static final int OPENING_CHARS = 300;

  private Teasers() {}

  /**
   * Where the speech starts once a teaser at {@code start} is skipped: {@code start + 1} when the paragraph there
   * is a teaser, else {@code start}.
   *
   * @param texts the page's paragraphs
   * @param start the first paragraph after the header and title
   * @param firstLabel the first labelled paragraph
   * @param isHostLabel whether a printed label names a host
   */
  static int skip(List<String> texts, int start, int firstLabel, Predicate<String> isHostLabel) {
    if (start >= firstLabel || start + 1 >= texts.size()) {
      return start;
    }
    String p = texts.get(start);
    if (Cues.isOnlyCues(p) || FIRST_PERSON.matcher(SelfIntroductions.unquoted(p)).find() || opensShow(p)) {
      return start;
    }
    String next = texts.get(start + 1);
    Optional<Label> label = LabelMatcher.find(next);
    boolean hostLabel = label.map(l -> isHostLabel.test(l.printed())).orElse(false);
    boolean beforeOpening = label.isEmpty() ? opensShow(next) : hostLabel && opensShow(speechOf(texts, start + 1, label.get()));
    boolean beforeHostLabel = start + 1 == firstLabel && hostLabel;
    return beforeOpening || beforeHostLabel ? start + 1 : start;
  }

  /** A label's speech: on its line, or in the next paragraph when the label stands alone. */
  private static String speechOf(List<String> texts, int i, Label label) {
    return !label.rest().isEmpty() || i + 1 >= texts.size() ? label.rest() : texts.get(i + 1);
  }


  /** A program named or a host naming themself in the first sentences: how a show opens. */
  static boolean opensShow(String text) {
    String head = text.substring(0, Math.min(text.length(), OPENING_CHARS));
    return SelfIntroductions.anywhere(head).isPresent() || ProgramNames.find(head).isPresent();
  }
}
