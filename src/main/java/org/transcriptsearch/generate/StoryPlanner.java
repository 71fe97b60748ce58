package org.transcriptsearch.generate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import org.transcriptsearch.generate.People.Newsmaker;
import org.transcriptsearch.generate.Programs.Host;
import org.transcriptsearch.generate.Programs.Program;
import org.transcriptsearch.generate.TopicPool.StoryTopic;
import org.transcriptsearch.model.Role;

/**
 * Plans stories: program and hosts of the air date's era, main topics, newsmakers, correspondents, guests,
 * callers and unidentified voices, and how the page will label them. Every plan it makes can be printed as a page
 * whose speakers a parser can attribute without guessing. Thread-safe.
 */
final class StoryPlanner {
  private static final LocalDate FIRST_DAY = LocalDate.of(1999, 1, 1);
  private static final LocalDate LAST_DAY = LocalDate.of(2024, 12, 31);

  private final Programs programs;
  private final TopicPool topics;

  StoryPlanner(Programs programs, TopicPool topics) {
    this.programs = programs;
    this.topics = topics;
  }

  /** A story plan with roughly {@code turns} turns in mind (more turns, more people). */
  Story plan(SplittableRandom rng, int turns) {
    LocalDate date = FIRST_DAY.plusDays(rng.nextLong(LAST_DAY.toEpochDay() - FIRST_DAY.toEpochDay() + 1));
    int year = date.getYear();
    Program program = programs.draw(rng, year);
    LabelStyle style = new LabelStyle(
        year >= 2005 && year <= 2010 && Draws.chance(rng, 0.6), year >= 2005 && year <= 2011 && Draws.chance(rng, 0.7));
    String source = source(rng);
    List<StoryTopic> main = mainTopics(rng, year);
    List<Newsmaker> newsmakers = featured(rng, newsmakers(main, year), main.isEmpty());

    Set<String> surnames = new HashSet<>();
    List<Host> hosts = program.hostsIn(year);
    Host openerHost = Draws.pick(rng, hosts);
    boolean guestHost = program.name().equals("Fresh Air") && Draws.chance(rng, 0.15);
    Person opener = style.host(guestHost ? Programs.FRESH_AIR_GUEST_HOST : openerHost.name());
    surnames.add(key(opener.surname()));

    boolean openingLabelled = Stations.NPR_ORG.equals(source) || Draws.chance(rng, 0.3);
    boolean withLine = guestHost || Draws.chance(rng, 0.45);
    String openingLine = withLine ? openingLine(rng, program, opener.name()) : null;
    if (!openingLabelled && openingLine == null) {
      // The host is known only by a later label: when printed bare ("MCEVERS:") it must name one host alone.
      if (programs.hasUniqueSurname(opener.name()) && Draws.chance(rng, 0.4)) {
        opener = opener.withLabels(opener.laterLabel(), opener.laterLabel());
      }
    }
    Person coHost = null;
    List<Host> others = hosts.stream().filter(h -> !h.name().equals(openerHost.name())).toList();
    if (openingLine != null && !guestHost && !others.isEmpty() && Draws.chance(rng, 0.5)) {
      Host co = Draws.pick(rng, others);
      if (surnames.add(key(co.surname()))) {
        coHost = style.host(co.name());
      }
    }
    // The parser does not read "I'm A Martínez" as a self-introduction: a host with an initial for a first name
    // is printed with a label wherever another host would introduce themself unlabelled.
    openingLabelled |= openingLine != null && hasInitial(opener);
    boolean coHostLabelled = coHost != null && (hasInitial(coHost) || Draws.chance(rng, 0.25));
    Person lead = coHost != null && Draws.chance(rng, 0.65) ? coHost : opener;
    List<Person> cast = cast(rng, turns, program, style, main, newsmakers, surnames);
    Mentions mentions = mentions(rng, main, newsmakers);
    List<String> topicNames = main.stream().map(StoryTopic::name).toList();
    return new Story(program.name(), date, source, topicNames, mentions, opener, openingLine, openingLabelled,
        coHost, coHostLabelled, lead, cast, style);
  }

  private static boolean hasInitial(Person host) {
    return host.firstName().length() == 1;
  }

  private static String source(SplittableRandom rng) {
    double x = rng.nextDouble();
    if (x < 0.7) {
      return Stations.draw(rng).name();
    }
    return x < 0.9 ? Stations.NPR_ORG : null;
  }

  private List<StoryTopic> mainTopics(SplittableRandom rng, int year) {
    if (!Draws.chance(rng, TopicPool.FOREIGN_SHARE)) {
      return List.of();
    }
    StoryTopic first = topics.draw(rng, year);
    if (first.related().isEmpty() || !Draws.chance(rng, 0.4)) {
      return List.of(first);
    }
    StoryTopic second = topics.byName(Draws.pick(rng, first.related()));
    return second == null ? List.of(first) : List.of(first, second);
  }

  /** Newsmakers in office that year who speak about the story's topics (domestic ones for domestic stories). */
  private static List<Newsmaker> newsmakers(List<StoryTopic> main, int year) {
    List<Newsmaker> found = new ArrayList<>();
    for (Newsmaker n : People.NEWSMAKERS) {
      boolean relevant = main.isEmpty() ? n.topics().contains("") : n.topics().contains(main.get(0).name());
      if (relevant && n.activeIn(year)) {
        found.add(n);
      }
    }
    return found;
  }

  /**
   * The one or two newsmakers a story is about, of those in office: a foreign story usually has some, a domestic
   * story sometimes one. Speech names only these, so a name such as Kerry turns up in a realistic share of stories.
   */
  private static List<Newsmaker> featured(SplittableRandom rng, List<Newsmaker> candidates, boolean domestic) {
    List<Newsmaker> pool = new ArrayList<>(candidates);
    int wanted = domestic ? (Draws.chance(rng, 0.4) ? 1 : 0) : (Draws.chance(rng, 0.8) ? 1 + rng.nextInt(2) : 0);
    List<Newsmaker> chosen = new ArrayList<>();
    while (chosen.size() < wanted && !pool.isEmpty()) {
      chosen.add(pool.remove(rng.nextInt(pool.size())));
    }
    return chosen;
  }

  private List<Person> cast(
      SplittableRandom rng, int turns, Program program, LabelStyle style, List<StoryTopic> main,
      List<Newsmaker> newsmakers, Set<String> surnames) {
    List<Person> cast = new ArrayList<>();
    int wanted = 1 + Math.min(6, turns / 10 + rng.nextInt(2));
    if (program.name().equals("Fresh Air")) {
      wanted = 1;
    }
    for (int attempt = 0; cast.size() < wanted && attempt < 4 * wanted + 8; attempt++) {
      Person p = someone(rng, program, style, main, newsmakers, cast);
      if (p != null && (p.role() == Role.UNIDENTIFIED || surnames.add(key(p.surname())))) {
        cast.add(p);
      }
    }
    if (cast.isEmpty()) {
      cast.add(style.unidentified("Man", 0));
    }
    return cast;
  }

  private Person someone(
      SplittableRandom rng, Program program, LabelStyle style, List<StoryTopic> main, List<Newsmaker> newsmakers,
      List<Person> cast) {
    double x = rng.nextDouble();
    if (program.callIn() && x < 0.45) {
      String name = Draws.pick(rng, People.FIRST_NAMES);
      return style.caller(name);
    }
    if (program.name().equals("Fresh Air") || x < 0.3) {
      return guest(rng, style);
    }
    if (x < 0.55) {
      People.Correspondent c = Draws.pick(rng, People.CORRESPONDENTS);
      return programs.isHostSurname(surname(c.name())) ? null : style.correspondent(c.name());
    }
    if (x < 0.8 && !newsmakers.isEmpty()) {
      return style.newsmaker(Draws.pick(rng, newsmakers));
    }
    String kind = Draws.pick(rng, "Man", "Woman", "Man", "Woman", "Person");
    long same = cast.stream().filter(p -> p.name().startsWith("Unidentified " + kind)).count();
    return same > 0 ? null : style.unidentified(kind, rng.nextInt(3) == 0 ? 1 + rng.nextInt(3) : 0);
  }

  private Person guest(SplittableRandom rng, LabelStyle style) {
    String name = Draws.pick(rng, People.FIRST_NAMES) + " " + Draws.pick(rng, People.SURNAMES);
    if (programs.isHostSurname(surname(name))) {
      return null;
    }
    return style.guest(name, Draws.pick(rng, People.HONORIFICS), Draws.pick(rng, People.DESCRIPTIONS));
  }

  private static Mentions mentions(SplittableRandom rng, List<StoryTopic> main, List<Newsmaker> newsmakers) {
    List<List<String>> topicPhrases = main.stream().map(StoryTopic::phrases).toList();
    List<String> names = new ArrayList<>();
    for (Newsmaker n : newsmakers) {
      names.add(n.spokenTitle() + " " + n.name());
      names.add(n.surname());
    }
    double rate = main.isEmpty() ? 0.05 : 0.09 + rng.nextDouble() * 0.06;
    return new Mentions(topicPhrases, names, names.isEmpty() && main.isEmpty() ? 0 : rate);
  }

  private static String openingLine(SplittableRandom rng, Program program, String hostName) {
    if (hostName.equals(Programs.FRESH_AIR_GUEST_HOST)) {
      return "This is FRESH AIR. I'm Dave Davies, filling in for Terry Gross.";
    }
    return Draws.pick(rng, program.openings()).replace("%s", hostName);
  }

  private static String surname(String name) {
    return name.substring(name.lastIndexOf(' ') + 1);
  }

  private static String key(String surname) {
    return surname.toUpperCase(Locale.ROOT);
  }
}
