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
              "Vice Premier", "Police Chief", "Fire Chief")
          .sorted(Comparator.comparingInt(String::length).reversed())
          .toList();

  /** Words that qualify any title: "FORMER SEN.", "ACTING SECRETARY", "U.S. REP.". */
  private static final List<String> MODIFIERS =
      List.of("Former", "Acting", "Retired", "Interim", "Then-", "Ex-", "U.S.", "State", "Deputy", "Assistant",
          "Vice", "Senior", "Outgoing", "Incoming");

  private Titles() {}

  /**
   * The title {@code name} starts with, in its usual spelling, when at least one word of name follows it.
   * Matching ignores case and a missing full stop ("MR ED HELMS"). A title may be qualified ("Former Sen.",
   * "Acting Secretary").
   */
  public static Optional<String> leading(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    for (String modifier : MODIFIERS) {
      String m = modifier.toLowerCase(Locale.ROOT);
      String joiner = m.endsWith("-") ? "" : " ";
      if (lower.startsWith(m + joiner)) {
        Optional<String> title = plain(name.substring(m.length() + joiner.length()));
        if (title.isPresent()) {
          return Optional.of(modifier + joiner + title.get());
        }
      }
    }
    return plain(name);
  }

  private static Optional<String> plain(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    for (String title : TITLES) {
      for (String form : forms(title)) {
        if (lower.startsWith(form + " ") && lower.length() > form.length() + 1) {
          return Optional.of(title);
        }
      }
    }
    return Optional.empty();
  }

  /** How many characters of {@code name} the leading {@code title} takes, as printed. */
  static int printedLength(String name, String title) {
    String lower = name.toLowerCase(Locale.ROOT);
    for (String modifier : MODIFIERS) {
      String m = modifier.toLowerCase(Locale.ROOT);
      String joiner = m.endsWith("-") ? "" : " ";
      if (title.startsWith(modifier + joiner) && lower.startsWith(m + joiner)) {
        int skip = m.length() + joiner.length();
        int rest = printedLength(name.substring(skip), title.substring(skip));
        return rest == 0 ? 0 : skip + rest;
      }
    }
    for (String form : forms(title)) {
      if (lower.startsWith(form + " ")) {
        return form.length();
      }
    }
    return 0;
  }

  private static List<String> forms(String title) {
    String lower = title.toLowerCase(Locale.ROOT);
    return lower.endsWith(".") ? List.of(lower, lower.substring(0, lower.length() - 1)) : List.of(lower);
  }
}
