package org.transcriptsearch.reader.page;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.transcriptsearch.speakers.NameCase;
import org.transcriptsearch.speakers.SpeakerLabel;
import org.transcriptsearch.speakers.Titles;

/**
 * Finds the speaker label that opens a paragraph: {@code MICHELE KELEMEN, BYLINE: text}, {@code MCEVERS: text},
 * {@code NEAL CONAN, host:}, {@code Mr. BILL MOYERS (Author, "Journal: More"): text}, {@code Unidentified Man
 * #2: text}, an empty label {@code : text}.
 *
 * <p>A label is name text in capitals (after an optional honorific) of bounded length before the colon, so that
 * colons in headings and sentences ("Next Up:", "Field Notes: On The Trail", "He said: we will go") are never
 * taken for speakers.
 */
final class LabelMatcher {
  /**
   * A label found at the start of a paragraph.
   *
   * @param printed the label as printed, without its colon; empty for an empty label
   * @param rest the paragraph after the label, possibly empty when the label stands alone on its line
   */
  record Label(String printed, String rest) {}

  private static final Pattern BRACKETED = Pattern.compile("^([^:()\\n]{1,70}?)\\s*(\\([^()\\n]{1,150}\\))\\s*:\\s*", Pattern.DOTALL);
  private static final Pattern PLAIN = Pattern.compile("^([^:\\n]{0,80}?)\\s*:(?:\\s+|$)");
  private static final Pattern UNIDENTIFIED =
      Pattern.compile("(?i)unidentified(\\s+[\\p{L}-]+){0,2}(\\s*#?\\s*\\d+)?");
  private static final Pattern REPORTING = Pattern.compile("^(.*\\S)\\s+reporting$");
  private static final Pattern NAME_CHARS = Pattern.compile("[\\p{Lu}\\p{M}\\uFFFD .'’#\\d&-]+");
  private static final Pattern ROLE_WORDS =
      Pattern.compile("(?i)(guest |co-)?(host|byline|correspondent|reporter|caller|announcer|anchor|editor)");
  /** Capitalised words that head notes and sections, never speakers. */
  private static final Set<String> NOT_NAMES =
      Set.of(
          "NOTE", "EDITOR'S NOTE", "EDITOR’S NOTE", "UPDATE", "UPDATED", "CORRECTION", "CLARIFICATION", "ALSO",
          "BREAKING", "BREAKING NEWS", "PHOTO", "PHOTOS", "VIDEO", "AUDIO", "TRANSCRIPT", "WARNING", "SOURCE",
          "SOURCES", "CREDIT", "CREDITS", "LISTEN", "WATCH", "READ", "MORE", "RELATED", "NEXT UP", "Q", "A", "TAGS",
          "POST-PUBLICATION CLARIFICATION", "CONTENT WARNING", "DISCLAIMER", "COPYRIGHT", "FCC", "PS", "P.S.");

  private LabelMatcher() {}

  /** The label opening {@code paragraph}, if it has one. */
  static Optional<Label> find(String paragraph) {
    Matcher bracketed = BRACKETED.matcher(paragraph);
    if (bracketed.find() && isName(bracketed.group(1))) {
      String printed = bracketed.group(1).strip() + " " + bracketed.group(2);
      return Optional.of(new Label(printed, paragraph.substring(bracketed.end()).strip()));
    }
    Matcher plain = PLAIN.matcher(paragraph);
    if (plain.find() && (isPlainLabel(plain.group(1).strip()) || isReporting(plain.group(1).strip()))) {
      return Optional.of(new Label(plain.group(1).strip(), paragraph.substring(plain.end()).strip()));
    }
    return Optional.empty();
  }

  /** Old npr.org's first label of a correspondent: "AUDIE CORNISH reporting". */
  private static boolean isReporting(String candidate) {
    Matcher m = REPORTING.matcher(candidate);
    return m.matches() && isName(m.group(1));
  }

  /**
   * The label as {@link SpeakerLabel} reads it, with old npr.org's "NAME reporting" read as a reporter's label.
   *
   * @return the parts, or null for an empty label
   */
  static SpeakerLabel parse(String printed) {
    Matcher m = printed == null ? null : REPORTING.matcher(printed.strip());
    return m != null && m.matches() ? SpeakerLabel.parse(m.group(1) + ", reporter") : SpeakerLabel.parse(printed);
  }

  /** "NAME", "NAME, ROLE", ", ROLE" or nothing at all (an empty label). */
  private static boolean isPlainLabel(String candidate) {
    if (candidate.isEmpty()) {
      return true;
    }
    int comma = candidate.indexOf(',');
    String name = comma < 0 ? candidate : candidate.substring(0, comma).strip();
    String role = comma < 0 ? null : candidate.substring(comma + 1).strip();
    if (role != null && !isRole(role)) {
      return false;
    }
    return name.isEmpty() ? role != null : isName(name);
  }

  private static boolean isRole(String role) {
    return ROLE_WORDS.matcher(role).matches()
        || (NameCase.isShouting(role) && role.length() <= 60 && NAME_CHARS.matcher(role).matches());
  }

  /** Name text: capitals after an optional honorific in any case, or an "Unidentified ..." form. */
  static boolean isName(String name) {
    String n = name.strip();
    if (UNIDENTIFIED.matcher(n).matches() || GenericLabels.isGeneric(n)) {
      return true;
    }
    String bare = Titles.leading(n).map(t -> afterTitle(n, t)).orElse(n);
    if (bare.length() > 60 || bare.split(" ").length > 7 || NOT_NAMES.contains(bare.toUpperCase(Locale.ROOT))) {
      return false;
    }
    return NameCase.isShouting(bare) && NAME_CHARS.matcher(bare).matches() && letters(bare) >= 2;
  }

  private static String afterTitle(String name, String title) {
    String[] titleWords = title.split(" ");
    String[] words = name.split(" ");
    StringBuilder rest = new StringBuilder();
    for (int i = titleWords.length; i < words.length; i++) {
      rest.append(i > titleWords.length ? " " : "").append(words[i]);
    }
    return rest.toString();
  }

  private static int letters(String s) {
    return (int) s.chars().filter(Character::isLetter).count();
  }
}
