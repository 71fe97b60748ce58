package org.transcriptsearch.reader.page;

import java.util.regex.Pattern;

/**
 * Labels that describe a voice rather than name a person, in capitals or in mixed case: {@code Automated Voice},
 * {@code Recorded Announcement}, {@code Unidentified Man #2}, {@code FEMALE SPEAKER}, {@code Crowd}. Their
 * speakers are unidentified.
 */
final class GenericLabels {
  private static final String NOUN =
      "(voices?|announcements?|announcer|m[ae]n|wom[ae]n|persons?|people|speakers?|males?|females?|child(ren)?|"
          + "girls?|boys?|group|crowd|singers?|narrator|recording|message|operator|reporters?|caller|participants?|"
          + "students?|protesters?|soldiers?|officials?)";
  private static final Pattern GENERIC =
      Pattern.compile(
          "(?i)(unidentified|automated|recorded|computer(ized|-generated)?|unknown|female|male|several|multiple|"
              + "group of|off-mic|off-camera)(\\s+[\\p{L}-]+)?\\s+" + NOUN + "(\\s*#?\\s*\\d+)?"
              + "|(?i)(unidentified|crowd|audience|chorus|group|crowd noise)(\\s*#?\\s*\\d+)?");

  private GenericLabels() {}

  /** True when the printed label (name part, before any comma or bracket) describes a voice, not a person. */
  static boolean isGeneric(String printed) {
    if (printed == null) {
      return false;
    }
    String name = printed.split("[,(]", 2)[0].strip();
    return GENERIC.matcher(name).matches();
  }
}
