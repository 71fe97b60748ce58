package org.transcriptsearch.reader.page;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.transcriptsearch.model.Role;
import org.transcriptsearch.reader.page.RawTurn.Start;
import org.transcriptsearch.speakers.SpeakerLabel;
import org.transcriptsearch.speakers.Titles;

/**
 * The people one page names, and how: by a full label, by introducing themselves ("I'm Rachel Martin"), or
 * introduced by a host as staff ("NPR's Joe Palca reports", "correspondent Mara Liasson"). Surname-only labels
 * ("LIASSON", "VANEK SMITH", "Ms. HALE") are completed from them. Confined to one parse.
 */
final class PagePeople {
  /** How the page names someone; the earlier kinds are the surer. */
  enum Source {
    LABEL,
    SELF_INTRODUCTION,
    STAFF_INTRODUCTION,
    /** Named in passing ("That's Ana de la Cruz"): used only when nothing surer names a label's person. */
    MENTION
  }

  /** Someone the page names, with what is known about them. */
  record Person(String name, Role role, String title, String affiliation, Source source) {}

  private static final String NAME = SelfIntroductions.NAME;
  private static final String STAFF_NOUN = "(?:correspondent|reporter|editor|analyst|producer|contributor|commentator|chief)";
  /** Where a host introduces a colleague: before the name ("NPR's", "correspondent") or after it ("reports"). */
  private static final Pattern STAFF_BEFORE =
      Pattern.compile(
          "(?:\\b(?:NPR['’]s|[Oo]ur)(?:(?: [\\p{Ll}-]+){0,4} " + STAFF_NOUN + ")?|\\b[Oo]ur own|\\b" + STAFF_NOUN
              + "|[Mm]ember station \\S+['’]s),? " + NAME);
  private static final Pattern STAFF_AFTER =
      Pattern.compile(
          NAME + "(?:,? (?:reports|reporting|has (?:the|this|more|our|that) (?:story|report|details)|of NPR News|"
              + "NPR News)\\b|, (?:NPR['’]s|our|a|the|an) (?:[\\p{Ll}-]+ ){0,4}" + STAFF_NOUN + ")");
  private static final Set<String> GENDERED_MALE = Set.of("mr.", "mr");
  private static final Set<String> GENDERED_FEMALE = Set.of("ms.", "ms", "mrs.", "mrs", "miss");

  /** Capitalised words that start sentences or precede names without being first names. */
  private static final Set<String> NOT_FIRST_NAMES =
      Set.of("And", "But", "So", "Then", "When", "If", "As", "At", "In", "On", "Of", "For", "The", "A", "An", "This",
          "That", "Today", "Yesterday", "Here", "There", "Well", "Now", "Says", "Said", "With", "From", "By", "To",
          "Thanks", "Thank", "Hi", "Hey", "Hello", "Yes", "No", "Oh", "Good", "Morning", "Evening", "Dear", "State",
          "House", "Senate", "Court", "City", "County", "Street", "Department", "Ministry", "Minister", "General");

  /** Words that open a surname of several words ("de la Cruz", "van Gogh", "al-Assad" aside). */
  private static final Set<String> PARTICLES = Set.of("de", "del", "della", "da", "di", "du", "la", "le", "van", "von", "der", "bin", "ibn", "st.", "san");

  private final List<Person> people = new ArrayList<>();
  private final Set<String> seen = new HashSet<>();
  private final String speech;

  private PagePeople(String speech) {
    this.speech = speech;
  }

  /** The people named by {@code turns}: full labels, self-introductions and staff introductions. */
  static PagePeople of(List<RawTurn> turns, HostDirectory hosts) {
    PagePeople p = new PagePeople(String.join("\n", turns.stream().map(RawTurn::text).toList()));
    for (RawTurn t : turns) {
      p.collect(t, hosts);
    }
    for (RawTurn t : turns) {
      p.introductions(t.text());
    }
    return p;
  }

  private void collect(RawTurn t, HostDirectory hosts) {
    if (t.start == Start.LABEL) {
      SpeakerLabel label = LabelMatcher.parse(t.who);
      if (label == null || label.role() == Role.UNIDENTIFIED || GenericLabels.isGeneric(t.who)) {
        return;
      }
      // "MARTIN:" or "VANEK SMITH:" followed by "I'm Rachel Martin": the label's owner introducing themself.
      Optional<String> self =
          SelfIntroductions.all(t.text()).stream()
              .filter(name -> endsWith(name, label.name()) && longer(name, label.name()))
              .findFirst();
      if (self.isPresent()) {
        add(host(self.get(), hosts, Source.SELF_INTRODUCTION));
      } else if (label.name().contains(" ")) {
        add(new Person(label.name(), label.role(), label.title(), label.affiliation(), Source.LABEL));
      }
    } else if (t.start == Start.SELF_INTRODUCTION) {
      add(host(t.who, hosts, Source.SELF_INTRODUCTION));
    } else if (t.start == Start.OPENING) {
      SelfIntroductions.anywhere(t.text()).ifPresent(name -> add(host(name, hosts, Source.SELF_INTRODUCTION)));
    }
  }

  private void introductions(String text) {
    for (Pattern p : List.of(STAFF_BEFORE, STAFF_AFTER)) {
      Matcher m = p.matcher(text);
      while (m.find()) {
        String name = withoutTitle(m.group(1));
        if (name.contains(" ")) {
          add(new Person(name, Role.CORRESPONDENT, null, null, Source.STAFF_INTRODUCTION));
        }
      }
    }
  }

  private static Person host(String spokenName, HostDirectory hosts, Source source) {
    return new Person(hosts.canonical(spokenName).orElse(spokenName), Role.HOST, null, null, source);
  }

  /** Adds {@code person} unless the page named them the same way before: a long page repeats its labels. */
  private void add(Person person) {
    if (seen.add(HostDirectory.fold(person.name()) + "|" + person.source() + "|" + person.title())) {
      people.add(person);
    }
  }

  /** Adds a host whom the page does not name in full but who opens it (a surname-only label). */
  void addHost(String name) {
    add(new Person(name, Role.HOST, null, null, Source.LABEL));
  }

  /** The person of that full name, the surest way the page names them. */
  Optional<Person> named(String fullName) {
    String key = HostDirectory.fold(fullName);
    return people.stream().filter(p -> HostDirectory.fold(p.name()).equals(key)).findFirst();
  }

  /**
   * The person whose full name ends in the label's name ("Liasson", "Vanek Smith"), the surest source first; an
   * honorific picks among relatives: "Mr. HALE" is not "Ms. RUTH HALE".
   */
  Optional<Person> bySurname(SpeakerLabel label) {
    List<Person> candidates =
        people.stream().filter(p -> endsWith(p.name(), label.name()) && longer(p.name(), label.name())).toList();
    Optional<Boolean> male = gender(label.title());
    if (male.isPresent()) {
      List<Person> sameGender = candidates.stream().filter(p -> gender(p.title()).equals(male)).toList();
      List<Person> unknown = candidates.stream().filter(p -> gender(p.title()).isEmpty()).toList();
      candidates = !sameGender.isEmpty() ? sameGender : unknown;
    }
    for (Source s : Source.values()) {
      Optional<Person> found = candidates.stream().filter(p -> p.source() == s).findFirst();
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  /**
   * The one person the speech names in full with the label's surname ("That's Ana de la Cruz" for "DE LA CRUZ"),
   * when exactly one full name fits.
   */
  Optional<Person> mentioned(SpeakerLabel label) {
    String[] words = label.name().split(" ");
    if (words.length > 1 && !PARTICLES.contains(words[0].toLowerCase(Locale.ROOT))) {
      return Optional.empty(); // "JOHN KERRY" is a full name already; "DE LA CRUZ" is a surname
    }
    String surname = String.join("\\s+", Arrays.stream(words).map(Pattern::quote).toList());
    Matcher m =
        Pattern.compile("(?<![\\p{L}'’.])(\\p{Lu}[\\p{L}-]+(?:\\s+\\p{Lu}\\.)?)\\s+((?iu:" + surname + "))(?![\\p{L}'’])")
            .matcher(speech);
    Set<String> keys = new HashSet<>();
    String found = null;
    while (m.find()) {
      String first = m.group(1).replaceAll("\\s+", " ");
      if (NOT_FIRST_NAMES.contains(first) || Titles.leading(first + " X").isPresent()) {
        continue;
      }
      found = first + " " + m.group(2).replaceAll("\\s+", " ");
      keys.add(HostDirectory.fold(found));
    }
    return keys.size() == 1 ? Optional.of(new Person(found, Role.GUEST, null, null, Source.MENTION)) : Optional.empty();
  }

  /** Whether {@code name} is a host by the page's own labels or self-introductions. */
  boolean isHost(String name) {
    return named(name).filter(p -> p.role() == Role.HOST).isPresent()
        || people.stream().anyMatch(p -> p.role() == Role.HOST && HostDirectory.fold(p.name()).equals(HostDirectory.fold(name)));
  }

  /** The first name of someone the page names, as addressed in speech ("Hi, Sam."): the person, if one. */
  Optional<Person> byFirstName(String firstName) {
    String key = HostDirectory.fold(firstName);
    return people.stream()
        .filter(p -> p.name().contains(" ") && HostDirectory.fold(p.name().split(" ")[0]).equals(key))
        .findFirst();
  }

  /** True when the last words of {@code name} are {@code surname} (case, accents and spacing ignored). */
  static boolean endsWith(String name, String surname) {
    String[] words = name.split(" ");
    int n = surname.split(" ").length;
    if (n > words.length) {
      return false;
    }
    String tail = String.join("", Arrays.copyOfRange(words, words.length - n, words.length));
    return HostDirectory.fold(tail).equals(HostDirectory.fold(surname));
  }

  private static boolean longer(String name, String surname) {
    return name.split(" ").length > surname.split(" ").length;
  }

  /** True for Mr., false for Ms., Mrs. and Miss, empty for any other title or none. */
  private static Optional<Boolean> gender(String title) {
    if (title == null) {
      return Optional.empty();
    }
    String t = title.toLowerCase(Locale.ROOT);
    return GENDERED_MALE.contains(t) ? Optional.of(true) : GENDERED_FEMALE.contains(t) ? Optional.of(false) : Optional.empty();
  }

  private static String withoutTitle(String name) {
    return Titles.leading(name).map(t -> skipWords(name, t.split(" ").length)).orElse(name);
  }

  private static String skipWords(String name, int n) {
    String[] words = name.split(" ");
    return n >= words.length ? name : String.join(" ", Arrays.copyOfRange(words, n, words.length));
  }
}
