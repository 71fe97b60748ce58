package org.transcriptsearch.speakers;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Party and state as US speaker strings print them: "(D)", "(R-S.C.)", "D-MARYLAND", "(I) VERMONT", "R-Calif.".
 * Read into one form, "D-Maryland", so that every way of printing one senator gives one affiliation.
 */
final class Parties {
  /**
   * A party and, when printed, its state.
   *
   * @param party "D", "R" or "I"
   * @param state the state's name, or null
   */
  record Party(String party, String state) {
    /** "D-Maryland", or "D" without a state. */
    String printed() {
      return state == null ? party : party + "-" + state;
    }

    Party withState(String name) {
      return new Party(party, name);
    }
  }

  private static final Pattern LETTER = Pattern.compile("(?i)([DRI])\\.?");
  private static final Pattern WITH_STATE = Pattern.compile("(?i)([DRI])\\.?\\s*[-,\u2013]\\s*(.+)");

  private Parties() {}

  /**
   * The party {@code text} is, whole: a party letter alone ("D", "R."), or joined to a state by a hyphen or comma
   * ("D-MARYLAND", "R, S.C.", "I-Vt."). "R KELLY" is not a party: without the hyphen it is too close to a name.
   */
  static Optional<Party> of(String text) {
    String t = text.strip();
    Matcher letter = LETTER.matcher(t);
    if (letter.matches()) {
      return Optional.of(new Party(letter.group(1).toUpperCase(Locale.ROOT), null));
    }
    Matcher joined = WITH_STATE.matcher(t);
    if (joined.matches()) {
      return UsStates.named(joined.group(2)).map(s -> new Party(joined.group(1).toUpperCase(Locale.ROOT), s));
    }
    return Optional.empty();
  }
}
