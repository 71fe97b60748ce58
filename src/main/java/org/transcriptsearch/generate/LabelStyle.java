package org.transcriptsearch.generate;

import java.util.Locale;
import org.transcriptsearch.generate.People.Newsmaker;
import org.transcriptsearch.model.Role;

/**
 * How one page prints speaker labels: the modern capitals ({@code MICHELE KELEMEN, BYLINE}, {@code PRESIDENT
 * VLADIMIR PUTIN}, later {@code PUTIN}) or the old style of about 2005 to 2010 ({@code Mr. ED HELMS (Actor)},
 * {@code Senator HILLARY CLINTON (Democrat, New York)}, later {@code Senator CLINTON}), and whether hosts are
 * {@code HOST} or, as on pages of 2005 to 2011, {@code host}.
 *
 * @param oldStyle titles and descriptions printed the old way
 * @param lowerCaseHost hosts printed {@code NAME, host}
 */
record LabelStyle(boolean oldStyle, boolean lowerCaseHost) {
  private static String upper(String s) {
    return s.toUpperCase(Locale.ROOT);
  }

  Person host(String name) {
    String first = upper(name) + (lowerCaseHost ? ", host" : ", HOST");
    return new Person(name, Role.HOST, null, null, first, upper(surname(name)), firstName(name), name, false, 0.75);
  }

  Person correspondent(String name) {
    return new Person(name, Role.CORRESPONDENT, null, null, upper(name) + ", BYLINE", upper(surname(name)),
        firstName(name), "NPR's " + name, false, 1.45);
  }

  Person newsmaker(Newsmaker n) {
    String affiliation = oldStyle ? n.description() : null;
    String first;
    String later;
    if (oldStyle) {
      first = n.title() + " " + upper(n.name()) + (affiliation == null ? "" : " (" + affiliation + ")");
      later = n.title() + " " + upper(n.surname());
    } else {
      first = upper(n.title() + " " + n.name());
      later = upper(n.surname());
    }
    return new Person(n.name(), Role.GUEST, n.title(), affiliation, first, later, n.title() + " " + n.surname(),
        n.spokenTitle() + " " + n.name(), n.interpreted(), 0.9);
  }

  Person guest(String name, String honorific, String description) {
    if (oldStyle) {
      String first = honorific + " " + upper(name) + " (" + description + ")";
      return new Person(name, Role.GUEST, honorific, description, first, honorific + " " + upper(surname(name)),
          firstName(name), name, false, 1.35);
    }
    return new Person(name, Role.GUEST, null, null, upper(name), upper(surname(name)), firstName(name), name, false,
        1.35);
  }

  Person caller(String firstName) {
    String label = upper(firstName) + " (Caller)";
    return new Person(firstName, Role.CALLER, null, null, label, label, firstName, firstName, false, 0.9);
  }

  /** An unidentified voice; {@code number} 0 prints none ("UNIDENTIFIED MAN"), else "#2". */
  Person unidentified(String kind, int number) {
    String base = "Unidentified " + kind + (number > 0 ? " #" + number : "");
    String label = oldStyle ? base : upper(base);
    return new Person(base, Role.UNIDENTIFIED, null, null, label, label, null, null, false, 0.5);
  }

  private static String surname(String name) {
    return name.substring(name.lastIndexOf(' ') + 1);
  }

  private static String firstName(String name) {
    int space = name.indexOf(' ');
    return space < 0 ? name : name.substring(0, space);
  }
}
