package org.transcriptsearch.reader.page;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.transcriptsearch.model.Attribution;
import org.transcriptsearch.model.Role;
import org.transcriptsearch.model.Speaker;
import org.transcriptsearch.model.Turn;
import org.transcriptsearch.reader.page.PagePeople.Person;
import org.transcriptsearch.reader.page.PagePeople.Source;
import org.transcriptsearch.reader.page.RawTurn.Start;
import org.transcriptsearch.speakers.NameCase;
import org.transcriptsearch.speakers.SpeakerLabel;

/**
 * Works out who speaks each turn of one page: full labels, self-introductions and hosts' introductions of staff
 * name people; surname-only labels ("MCEVERS", "VANEK SMITH") are completed from them or from the host
 * directory; the unlabelled opening goes to the host who opens the show; a reply after a gap goes to whom the
 * turn before greeted; names take the spelling the speech uses ("Salem al-Muslet"); and each person keeps one
 * role on the page. Confined to one parse.
 */
final class SpeakerResolver {
  private static final String UNKNOWN_HOST = "Host";

  private final HostDirectory hosts;
  private final String speech;
  private final PagePeople people;
  private final Person openingHost;
  private final Map<String, Speaker> byLabel = new HashMap<>();
  private final Map<String, String> spellings = new HashMap<>();

  SpeakerResolver(HostDirectory hosts, List<RawTurn> turns) {
    this.hosts = hosts;
    this.speech = String.join("\n", turns.stream().map(RawTurn::text).toList());
    this.people = PagePeople.of(turns, hosts);
    this.openingHost = openingHost(turns);
    if (openingHost.source() == null && !openingHost.name().equals(UNKNOWN_HOST)) {
      people.addHost(openingHost.name());
      byLabel.clear(); // labels resolved while looking for the host did not know them yet
    }
  }

  /** The numbered turns, each with its speaker; adjacent turns of one speaker merged unless a gap split them. */
  List<Turn> resolve(List<RawTurn> raw) {
    List<Turn> out = new ArrayList<>();
    Speaker previous = null;
    Speaker beforePrevious = null;
    String previousText = "";
    for (int i = 0; i < raw.size(); i++) {
      RawTurn t = raw.get(i);
      Speaker speaker;
      Attribution attribution;
      switch (t.start) {
        case LABEL -> {
          speaker = labelled(t.who);
          attribution = Attribution.LABELLED;
        }
        case SELF_INTRODUCTION -> {
          speaker = speaker(host(t.who), null);
          attribution = Attribution.SELF_INTRODUCED;
        }
        case OPENING -> {
          speaker = speaker(openingHost, null);
          attribution = Attribution.INFERRED;
        }
        default -> {
          Optional<Speaker> other =
              previous == null
                  ? Optional.empty()
                  : GapReplies.replier(previous, beforePrevious, previousText, t.text(), next(raw, i, previous), people);
          speaker = previous == null ? speaker(openingHost, null) : other.map(SpeakerResolver::unlabelled).orElse(unlabelled(previous));
          attribution = other.isPresent() || previous == null ? Attribution.INFERRED : Attribution.CONTINUATION;
        }
      }
      if (previous == null || !previous.name().equals(speaker.name())) {
        beforePrevious = previous;
      }
      append(out, new Turn(out.size() + 1, speaker, t.text(), attribution, t.cues));
      previous = speaker;
      previousText = t.text();
    }
    return OneRole.perPerson(out);
  }

  /** The speaker of the next labelled turn after {@code i} who is not {@code other}, if any. */
  private Optional<Speaker> next(List<RawTurn> raw, int i, Speaker other) {
    for (int j = i + 1; j < raw.size(); j++) {
      if (raw.get(j).start == Start.LABEL) {
        Speaker s = labelled(raw.get(j).who);
        if (!s.name().equals(other.name())) {
          return Optional.of(s);
        }
      }
    }
    return Optional.empty();
  }

  /** The speaker a printed label names; the same for every turn of the page, so worked out once. */
  private Speaker labelled(String printed) {
    Speaker known = byLabel.get(printed);
    if (known == null) {
      known = resolveLabel(printed);
      byLabel.put(printed, known);
    }
    return known;
  }

  private Speaker resolveLabel(String printed) {
    SpeakerLabel label = LabelMatcher.parse(printed);
    if (label == null) {
      return new Speaker("Unidentified Speaker", printed, Role.UNIDENTIFIED, null, null);
    }
    if (GenericLabels.isGeneric(printed)) {
      return new Speaker(NameCase.of(label.name()), printed, Role.UNIDENTIFIED, null, label.affiliation());
    }
    Person person = new Person(label.name(), label.role(), label.title(), label.affiliation(), Source.LABEL);
    if (isCompletable(label)) {
      person = completed(label);
    }
    if (person.role() == Role.GUEST) {
      person = withRoleFromPage(person);
    }
    return speaker(person, printed);
  }

  /** A role-less full label takes the role the page gives the same name elsewhere (a host, staff introduced). */
  private Person withRoleFromPage(Person person) {
    if (hosts.isHost(person.name()) || people.isHost(person.name())) {
      return new Person(person.name(), Role.HOST, person.title(), person.affiliation(), person.source());
    }
    Optional<Person> same = people.named(person.name()).filter(p -> p.role() != Role.GUEST);
    return same.map(p -> new Person(person.name(), p.role(), person.title(), person.affiliation(), person.source()))
        .orElse(person);
  }

  /** A label that may be a surname: one word, or a few words that end a longer name on the page. */
  private boolean isCompletable(SpeakerLabel label) {
    if (label.role() == Role.UNIDENTIFIED || label.role() == Role.CALLER) {
      return false;
    }
    return !label.name().contains(" ") || people.bySurname(label).isPresent() || hosts.fullNameForSurname(label.name()).isPresent()
        || people.mentioned(label).isPresent();
  }

  /**
   * A surname-only label completed from the people the page names (labels, self-introductions, staff it
   * introduces), else from the host directory, else as printed.
   */
  private Person completed(SpeakerLabel label) {
    Optional<Person> named = people.bySurname(label);
    if (named.isPresent()) {
      Person p = named.get();
      Role role = label.role() != Role.GUEST ? label.role() : p.role();
      String title = label.title() != null ? label.title() : p.title();
      String affiliation = label.affiliation() != null ? label.affiliation() : p.affiliation();
      return new Person(p.name(), role, title, affiliation, p.source());
    }
    Optional<String> host = hosts.fullNameForSurname(label.name());
    if (host.isPresent()) {
      return new Person(host.get(), Role.HOST, label.title(), label.affiliation(), Source.LABEL);
    }
    Optional<Person> mentioned = people.mentioned(label);
    if (mentioned.isPresent()) {
      Person p = mentioned.get();
      return new Person(p.name(), label.role(), label.title(), label.affiliation(), Source.MENTION);
    }
    return new Person(label.name(), label.role(), label.title(), label.affiliation(), Source.LABEL);
  }

  /**
   * Who speaks the unlabelled opening: the host naming themself in it, else the first host label, else the first
   * surname-only label that nobody on the page completes and the opening does not mention (a host whose first
   * label was dropped; a guest the opening introduces by first name is not the host), else an unnamed host.
   * A host found by a label has no {@link Source} yet.
   */
  private Person openingHost(List<RawTurn> raw) {
    RawTurn opening = raw.stream().filter(t -> t.start == Start.OPENING).findFirst().orElse(null);
    Optional<String> self = opening == null ? Optional.empty() : SelfIntroductions.anywhere(opening.text());
    if (self.isPresent()) {
      return host(self.get());
    }
    for (RawTurn t : raw) {
      Speaker s = t.start == Start.LABEL ? labelled(t.who) : null;
      if (s != null && s.role() == Role.HOST) {
        return new Person(s.name(), Role.HOST, s.title(), s.affiliation(), Source.LABEL);
      }
    }
    String openingText = opening == null ? "" : opening.text();
    for (RawTurn t : raw) {
      SpeakerLabel label = t.start == Start.LABEL ? LabelMatcher.parse(t.who) : null;
      if (label != null && !label.name().contains(" ") && label.role() != Role.UNIDENTIFIED && label.role() != Role.CALLER
          && !GenericLabels.isGeneric(t.who) && people.bySurname(label).isEmpty() && people.mentioned(label).isEmpty()
          && !mentions(openingText, label.name())) {
        return new Person(label.name(), Role.HOST, label.title(), null, null);
      }
    }
    return new Person(UNKNOWN_HOST, Role.HOST, null, null, Source.LABEL);
  }

  private static boolean mentions(String text, String word) {
    return Pattern.compile("(?<![\\p{L}])" + Pattern.quote(word) + "(?![\\p{L}])", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
        .matcher(text)
        .find();
  }

  private Person host(String spokenName) {
    String name = hosts.canonical(spokenName).orElse(spokenName);
    return new Person(name, Role.HOST, null, null, Source.SELF_INTRODUCTION);
  }

  private Speaker speaker(Person p, String label) {
    return new Speaker(spelledAsSpoken(p.name()), label, p.role(), p.title(), p.affiliation());
  }

  private static Speaker unlabelled(Speaker s) {
    return new Speaker(s.name(), null, s.role(), s.title(), s.affiliation());
  }

  /** {@code name} as the speech spells it when that differs only in case ("Salem al-Muslet"). */
  private String spelledAsSpoken(String name) {
    return spellings.computeIfAbsent(name, this::findSpelling);
  }

  private String findSpelling(String name) {
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
}
