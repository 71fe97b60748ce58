package org.transcriptsearch.reader.page;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.transcriptsearch.model.Attribution;
import org.transcriptsearch.model.Role;
import org.transcriptsearch.model.Speaker;
import org.transcriptsearch.model.Turn;
import org.transcriptsearch.reader.page.RawTurn.Start;
import org.transcriptsearch.speakers.NameCase;
import org.transcriptsearch.speakers.SpeakerLabel;

/**
 * Works out who speaks each turn of one page: full labels and self-introductions name people, surname-only
 * labels ("MCEVERS") are completed from them or from the host directory, the unlabelled opening goes to the host
 * who opens the show, and names take the spelling the speech uses ("Salem al-Muslet"). Confined to one parse.
 */
final class SpeakerResolver {
  /** Someone the page names, with what is known about them. */
  private record Person(String name, Role role, String title, String affiliation) {}

  private static final String UNKNOWN_HOST = "Host";

  private final HostDirectory hosts;
  private final String speech;
  private final List<Person> people = new ArrayList<>();

  SpeakerResolver(HostDirectory hosts, List<RawTurn> turns) {
    this.hosts = hosts;
    this.speech = String.join("\n", turns.stream().map(RawTurn::text).toList());
    collectPeople(turns);
  }

  /** The numbered turns, each with its speaker; adjacent turns of one speaker merged unless a gap split them. */
  List<Turn> resolve(List<RawTurn> raw) {
    List<Turn> out = new ArrayList<>();
    Speaker previous = null;
    for (RawTurn t : raw) {
      Speaker speaker =
          switch (t.start) {
            case LABEL -> labelled(t.who);
            case SELF_INTRODUCTION -> speaker(host(t.who), null);
            case OPENING -> speaker(openingHost(t, raw), null);
            case AFTER_GAP -> previous == null ? speaker(openingHost(t, raw), null) : unlabelled(previous);
          };
      Attribution attribution =
          switch (t.start) {
            case LABEL -> Attribution.LABELLED;
            case SELF_INTRODUCTION -> Attribution.SELF_INTRODUCED;
            case OPENING -> Attribution.INFERRED;
            case AFTER_GAP -> Attribution.CONTINUATION;
          };
      append(out, new Turn(out.size() + 1, speaker, t.text(), attribution, t.cues));
      previous = speaker;
    }
    return out;
  }

  /** People named by full labels, and hosts naming themselves in the opening or a self-introduction. */
  private void collectPeople(List<RawTurn> turns) {
    for (RawTurn t : turns) {
      if (t.start == Start.LABEL) {
        SpeakerLabel label = SpeakerLabel.parse(t.who);
        if (label != null && label.name().contains(" ") && label.role() != Role.UNIDENTIFIED) {
          people.add(new Person(label.name(), label.role(), label.title(), label.affiliation()));
        }
      } else if (t.start == Start.SELF_INTRODUCTION) {
        people.add(host(t.who));
      } else if (t.start == Start.OPENING) {
        SelfIntroductions.anywhere(t.text()).ifPresent(name -> people.add(host(name)));
      }
    }
  }

  private Speaker labelled(String printed) {
    SpeakerLabel label = SpeakerLabel.parse(printed);
    if (label == null) {
      return new Speaker("Unidentified Speaker", printed, Role.UNIDENTIFIED, null, null);
    }
    Person person = new Person(label.name(), label.role(), label.title(), label.affiliation());
    if (isSurnameOnly(label)) {
      person = completed(label);
    }
    if (person.role() == Role.GUEST && isKnownHost(person.name())) {
      person = new Person(person.name(), Role.HOST, person.title(), person.affiliation());
    }
    return speaker(person, printed);
  }

  private static boolean isSurnameOnly(SpeakerLabel label) {
    return !label.name().contains(" ") && label.role() != Role.UNIDENTIFIED && label.role() != Role.CALLER;
  }

  /** A surname-only label completed from the page's people, else from the host directory, else as printed. */
  private Person completed(SpeakerLabel label) {
    Optional<Person> named = bySurname(label.name());
    if (named.isPresent()) {
      Person p = named.get();
      Role role = label.role() != Role.GUEST ? label.role() : p.role();
      String title = label.title() != null ? label.title() : p.title();
      String affiliation = label.affiliation() != null ? label.affiliation() : p.affiliation();
      return new Person(p.name(), role, title, affiliation);
    }
    Optional<String> host = hosts.fullNameForSurname(label.name());
    if (host.isPresent()) {
      return new Person(host.get(), Role.HOST, label.title(), label.affiliation());
    }
    return new Person(label.name(), label.role(), label.title(), label.affiliation());
  }

  private Optional<Person> bySurname(String surname) {
    String key = HostDirectory.fold(surname);
    return people.stream().filter(p -> HostDirectory.fold(lastWord(p.name())).equals(key)).findFirst();
  }

  private boolean isKnownHost(String name) {
    String key = HostDirectory.fold(name);
    return hosts.isHost(name)
        || people.stream().anyMatch(p -> p.role() == Role.HOST && HostDirectory.fold(p.name()).equals(key));
  }

  /**
   * Who speaks the unlabelled opening: the host naming themself in it, else the first host label, else the first
   * surname-only label that no full label names (a host whose first label was dropped), else an unnamed host.
   */
  private Person openingHost(RawTurn opening, List<RawTurn> raw) {
    Optional<String> self = SelfIntroductions.anywhere(opening.text());
    if (self.isPresent()) {
      return host(self.get());
    }
    List<Speaker> labelled = raw.stream().filter(t -> t.start == Start.LABEL).map(t -> labelled(t.who)).toList();
    for (Speaker s : labelled) {
      if (s.role() == Role.HOST) {
        return new Person(s.name(), Role.HOST, s.title(), s.affiliation());
      }
    }
    for (RawTurn t : raw) {
      SpeakerLabel label = t.start == Start.LABEL ? SpeakerLabel.parse(t.who) : null;
      if (label != null && isSurnameOnly(label) && bySurname(label.name()).isEmpty()) {
        return new Person(label.name(), Role.HOST, label.title(), null);
      }
    }
    return new Person(UNKNOWN_HOST, Role.HOST, null, null);
  }

  private Person host(String spokenName) {
    String name = hosts.canonical(spokenName).orElse(spokenName);
    return new Person(name, Role.HOST, null, null);
  }

  private Speaker speaker(Person p, String label) {
    return new Speaker(spelledAsSpoken(p.name()), label, p.role(), p.title(), p.affiliation());
  }

  private static Speaker unlabelled(Speaker s) {
    return new Speaker(s.name(), null, s.role(), s.title(), s.affiliation());
  }

  /** {@code name} as the speech spells it when that differs only in case ("Salem al-Muslet"). */
  private String spelledAsSpoken(String name) {
    Matcher m =
        Pattern.compile(
                "(?<![\\p{L}])" + Pattern.quote(name) + "(?![\\p{L}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
            .matcher(speech);
    while (m.find()) {
      String spoken = m.group();
      if (!spoken.equals(name) && Character.isUpperCase(spoken.charAt(0)) && !NameCase.isShouting(spoken)) {
        return spoken;
      }
    }
    return name;
  }

  /** Adds {@code turn}, merging it into the turn before when the same speaker's label simply repeats. */
  private static void append(List<Turn> out, Turn turn) {
    if (!out.isEmpty() && turn.attribution() == Attribution.LABELLED) {
      Turn last = out.get(out.size() - 1);
      if (last.speaker().name().equals(turn.speaker().name())) {
        List<String> cues = new ArrayList<>(last.cues());
        cues.addAll(turn.cues());
        String text = last.text().isEmpty() ? turn.text() : last.text() + "\n\n" + turn.text();
        out.set(out.size() - 1, new Turn(last.n(), last.speaker(), text.strip(), last.attribution(), cues));
        return;
      }
    }
    out.add(turn);
  }

  private static String lastWord(String name) {
    String[] words = name.split(" ");
    return words[words.length - 1];
  }
}
