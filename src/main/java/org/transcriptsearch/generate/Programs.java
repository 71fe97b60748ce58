package org.transcriptsearch.generate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * NPR programs with their real hosts by era, as the project's host directory lists them, and the way each host
 * opens the show. Immutable.
 */
final class Programs {
  /** A host of one program over a span of years (inclusive). */
  record Host(String name, int from, int to) {
    boolean activeIn(int year) {
      return from <= year && year <= to;
    }

    String surname() {
      return name.substring(name.lastIndexOf(' ') + 1);
    }
  }

  /**
   * A program.
   *
   * @param name the usual name ("All Things Considered"), as the page parser normalises it
   * @param weight its share of stories while on air
   * @param openings how a host opens the show; {@code %s} is the host's name
   * @param hosts its hosts by era
   * @param callIn true for call-in shows, which have callers
   */
  record Program(String name, double weight, List<String> openings, List<Host> hosts, boolean callIn) {
    List<Host> hostsIn(int year) {
      return hosts.stream().filter(h -> h.activeIn(year)).toList();
    }
  }

  private static final int NOW = 2024;

  private final List<Program> programs = List.of(
      program("All Things Considered", 0.26, false,
          List.of("From NPR News, this is ALL THINGS CONSIDERED. I'm %s.",
              "This is ALL THINGS CONSIDERED from NPR News. I'm %s.",
              "It's ALL THINGS CONSIDERED from NPR News. I'm %s."),
          host("Robert Siegel", 1999, 2018), host("Noah Adams", 1999, 2002), host("Linda Wertheimer", 1999, 2001),
          host("Michele Norris", 2002, 2012), host("Melissa Block", 2003, 2015), host("Audie Cornish", 2012, 2022),
          host("Kelly McEvers", 2016, 2018), host("Ari Shapiro", 2015, NOW), host("Mary Louise Kelly", 2018, NOW),
          host("Ailsa Chang", 2020, NOW), host("Juana Summers", 2022, NOW)),
      program("Morning Edition", 0.26, false,
          List.of("It's MORNING EDITION from NPR News. I'm %s.", "Good morning. I'm %s.",
              "This is MORNING EDITION from NPR News. I'm %s."),
          host("Bob Edwards", 1999, 2004), host("Steve Inskeep", 2004, NOW), host("Renee Montagne", 2004, 2016),
          host("David Greene", 2012, 2020), host("Rachel Martin", 2016, 2023), host("Noel King", 2018, 2022),
          host("A Martínez", 2021, NOW), host("Leila Fadel", 2022, NOW), host("Michel Martin", 2023, NOW)),
      program("Weekend Edition Saturday", 0.07, false,
          List.of("This is WEEKEND EDITION from NPR News. I'm %s.", "This is WEEKEND EDITION SATURDAY. I'm %s."),
          host("Scott Simon", 1999, NOW)),
      program("Weekend Edition Sunday", 0.07, false,
          List.of("This is WEEKEND EDITION SUNDAY from NPR News. I'm %s.", "Good morning. I'm %s."),
          host("Liane Hansen", 1999, 2011), host("Rachel Martin", 2012, 2016), host("Lulu Garcia-Navarro", 2017, 2021),
          host("Ayesha Rascoe", 2022, NOW)),
      program("Weekend All Things Considered", 0.05, false,
          List.of("This is WEEKEND ALL THINGS CONSIDERED from NPR News. I'm %s."),
          host("Guy Raz", 2008, 2012), host("Arun Rath", 2013, 2015), host("Michel Martin", 2015, 2023),
          host("Scott Detrow", 2023, NOW)),
      program("Fresh Air", 0.08, false, List.of("This is FRESH AIR. I'm %s."),
          host("Terry Gross", 1999, NOW)),
      program("Talk of the Nation", 0.07, true,
          List.of("This is TALK OF THE NATION. I'm %s in Washington.", "This is TALK OF THE NATION. I'm %s."),
          host("Neal Conan", 2001, 2013)),
      program("Tell Me More", 0.05, false,
          List.of("I'm %s, and this is TELL ME MORE from NPR News.", "This is TELL ME MORE from NPR News. I'm %s."),
          host("Michel Martin", 2007, 2014)),
      program("Here & Now", 0.05, false,
          List.of("From NPR and WBUR Boston, I'm %s.", "It's HERE AND NOW. I'm %s."),
          host("Robin Young", 2013, NOW), host("Jeremy Hobson", 2013, 2019)),
      program("Day to Day", 0.03, false, List.of("This is DAY TO DAY from NPR News. I'm %s."),
          host("Madeleine Brand", 2003, 2009), host("Alex Chadwick", 2003, 2009)),
      program("News & Notes", 0.02, false, List.of("This is NEWS AND NOTES from NPR News. I'm %s."),
          host("Farai Chideya", 2005, 2009)),
      program("1A", 0.03, true, List.of("This is 1A. I'm %s."),
          host("Joshua Johnson", 2017, 2019), host("Jenn White", 2020, NOW)));

  /** Fresh Air's regular guest host, who opens "I'm Dave Davies, filling in for Terry Gross." */
  static final String FRESH_AIR_GUEST_HOST = "Dave Davies";

  private final Map<String, Integer> surnameCounts = new HashMap<>();

  Programs() {
    for (Program p : programs) {
      p.hosts().stream().map(Host::name).distinct().forEach(n -> surnameCounts.merge(fold(surname(n)), 1, Integer::sum));
    }
    surnameCounts.merge(fold(surname(FRESH_AIR_GUEST_HOST)), 1, Integer::sum);
  }

  /** Every program. */
  List<Program> all() {
    return programs;
  }

  /** A program on air in {@code year}, drawn by weight; every year from 1999 has at least one. */
  Program draw(SplittableRandom rng, int year) {
    List<Program> onAir = new ArrayList<>();
    double total = 0;
    for (Program p : programs) {
      if (!p.hostsIn(year).isEmpty()) {
        onAir.add(p);
        total += p.weight();
      }
    }
    double x = rng.nextDouble() * total;
    for (Program p : onAir) {
      x -= p.weight();
      if (x < 0) {
        return p;
      }
    }
    return onAir.get(onAir.size() - 1);
  }

  /**
   * True when no other host shares this host's surname, so that a page printing only "SURNAME:" still names the
   * host unambiguously (not so for Rachel and Michel Martin).
   */
  boolean hasUniqueSurname(String hostName) {
    return surnameCounts.getOrDefault(fold(surname(hostName)), 0) == 1;
  }

  /** Every host surname, folded to upper case: other people on a page must not share them. */
  boolean isHostSurname(String surname) {
    return surnameCounts.containsKey(fold(surname));
  }

  private static String surname(String name) {
    return name.substring(name.lastIndexOf(' ') + 1);
  }

  private static String fold(String s) {
    return s.toUpperCase(Locale.ROOT);
  }

  private static Program program(String name, double weight, boolean callIn, List<String> openings, Host... hosts) {
    return new Program(name, weight, openings, List.of(hosts), callIn);
  }

  private static Host host(String name, int from, int to) {
    return new Host(name, from, to);
  }
}
