package org.transcriptsearch.speakers;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Titles and honorifics printed before a speaker's name: "PRESIDENT", "VICE PRESIDENT", "Mr.", "Senator".
 *
 * <p>Only words that are not also common first names or surnames are listed, so that "MAJOR GARRETT" or
 * "PRINCE" stay names.
 */
public final class Titles {
  private static final List<String> TITLES =
      Stream.of(
              "Mr.", "Mrs.", "Ms.", "Miss", "Dr.", "Prof.", "Professor", "Rev.", "Reverend", "Rabbi", "Imam",
              "Father", "Pastor", "Bishop", "Archbishop", "Cardinal", "Pope", "Sen.", "Senator", "State Senator",
              "Rep.", "Representative", "Congressman", "Congresswoman", "Gov.", "Governor", "Lt. Gov.",
              "Lieutenant Governor", "Mayor", "President", "Former President", "Vice President", "President-elect",
              "First Lady", "Secretary", "Secretary of State", "Defense Secretary", "Press Secretary",
              "Foreign Minister", "Prime Minister", "Former Prime Minister", "Minister", "Deputy Minister",
              "Chancellor", "Justice", "Chief Justice", "Judge", "Attorney General", "Commissioner", "Captain",
              "Capt.", "General", "Gen.", "Lieutenant", "Lt.", "Colonel", "Col.", "Sergeant", "Sgt.", "Admiral",
              "Adm.", "Ambassador", "Speaker", "House Speaker", "Majority Leader", "Minority Leader", "Chairman",
              "Chairwoman", "Sheriff", "Detective", "Officer", "Superintendent", "Councilman", "Councilwoman",
              "King", "Queen", "Sir", "Dame", "Lord", "Lady", "Sister", "Brother", "Coach", "Private", "Pvt.", "Corporal",
              "Cpl.", "Staff Sergeant", "Major General", "Brigadier General", "Lieutenant General", "Maj.",
              "Maj. Gen.", "Lt. Gen.", "Brig. Gen.", "Lt. Col.", "Lieutenant Colonel", "Cmdr.", "Cdr.", "Commander",
              "Vice Adm.", "Rear Adm.", "Vice Admiral", "Rear Admiral", "Sgt. Maj.", "Gunnery Sgt.", "Amb.",
              "Supt.", "Det.", "Insp.", "Inspector", "Msgr.", "Monsignor", "Fr.", "Hon.", "Sheikh", "Ayatollah",
              "Prince", "Princess", "Crown Prince", "Emir", "Assemblyman", "Assemblywoman",
              "Delegate", "Del.", "Alderman", "Sec.", "Secretary-General", "Secretary General", "Premier",
              "Vice Premier", "Police Chief", "Fire Chief", "Pres.")
          .sorted(Comparator.comparingInt(String::length).reversed())
          .toList();

  /** Words that qualify any title: "FORMER SEN.", "ACTING SECRETARY", "U.S. REP.". */
  private static final List<String> MODIFIERS =
      List.of("The", "Former", "Acting", "Retired", "Interim", "Then-", "Ex-", "U.S.", "State", "Deputy", "Assistant",
          "Vice", "Senior", "Outgoing", "Incoming");

  /** A printed form of a title, lower case with the space after it ("sen. ", "sen "), and the title it spells. */
  private record Form(String prefix, String title) {}

  /** Every printed form of every title, the longest first so that "vice president" wins over "vice". */
  private static final List<Form> FORMS =
      TITLES.stream()
          .flatMap(t -> forms(t).stream().map(f -> new Form(f + " ", t)))
          .sorted(Comparator.comparingInt((Form f) -> f.prefix().length()).reversed())
          .toList();

  private Titles() {}

  /**
   * The title {@code name} starts with, in its usual spelling, when at least one word of name follows it.
   * Matching ignores case and a missing full stop ("MR ED HELMS"). A title may be qualified ("Former Sen.",
   * "Acting Secretary").
   */
  public static Optional<String> leading(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    for (String modifier : MODIFIERS) {
      String m = prefix(modifier);
      if (lower.startsWith(m)) {
        Optional<Form> title = plain(lower.substring(m.length()));
        if (title.isPresent()) {
          return Optional.of(modifier + (modifier.endsWith("-") ? "" : " ") + title.get().title());
        }
      }
    }
    return plain(lower).map(Form::title);
  }

  /** The form {@code lower} (a lower-case name) starts with, followed by at least one more character. */
  private static Optional<Form> plain(String lower) {
    for (Form form : FORMS) {
      if (lower.startsWith(form.prefix()) && lower.length() > form.prefix().length()) {
        return Optional.of(form);
      }
    }
    return Optional.empty();
  }

  /** How many characters of {@code name} the leading {@code title} takes, as printed. */
  static int printedLength(String name, String title) {
    String lower = name.toLowerCase(Locale.ROOT);
    int skip = 0;
    for (String modifier : MODIFIERS) {
      String m = prefix(modifier);
      if (title.toLowerCase(Locale.ROOT).startsWith(m) && lower.startsWith(m)) {
        skip = m.length();
        break;
      }
    }
    Optional<Form> form = plain(lower.substring(skip));
    return form.isEmpty() ? 0 : skip + form.get().prefix().length() - 1;
  }

  /** A modifier as it starts a lower-case name: "former ", "ex-". */
  private static String prefix(String modifier) {
    String m = modifier.toLowerCase(Locale.ROOT);
    return m.endsWith("-") ? m : m + " ";
  }

  private static List<String> forms(String title) {
    String lower = title.toLowerCase(Locale.ROOT);
    return lower.endsWith(".") ? List.of(lower, lower.substring(0, lower.length() - 1)) : List.of(lower);
  }
}
