package org.transcriptsearch.generate;

import java.util.List;

/**
 * The people who speak in generated transcripts besides hosts: real NPR correspondents, real newsmakers with the
 * titles they held in their years, and pools of names for invented guests and callers. Immutable.
 */
final class People {
  /**
   * A newsmaker in one office.
   *
   * @param title the title as the page parser spells it ("Secretary", "Foreign Minister")
   * @param spokenTitle how speech names the office ("Secretary of State", "Russian Foreign Minister")
   * @param name the canonical name
   * @param from first year in office
   * @param to last year in office
   * @param topics topics whose stories quote or mention this person
   * @param interpreted true when heard through an interpreter
   * @param description the bracket of old-style labels ("Democrat, New York"), or null
   */
  record Newsmaker(
      String title, String spokenTitle, String name, int from, int to, List<String> topics, boolean interpreted,
      String description) {
    boolean activeIn(int year) {
      return from <= year && year <= to;
    }

    String surname() {
      return name.substring(name.lastIndexOf(' ') + 1);
    }
  }

  /** A correspondent and the desk a footer bio names. */
  record Correspondent(String name, String desk) {}

  static final List<Correspondent> CORRESPONDENTS = List.of(
      c("Michele Kelemen", "diplomatic"), c("Tom Goldman", "sports"), c("Sylvia Poggioli", "Rome"),
      c("John Burnett", "Southwest"), c("Kirk Siegler", "national"), c("Mara Liasson", "political"),
      c("Nina Totenberg", "legal affairs"), c("Tamara Keith", "White House"), c("Scott Horsley", "economics"),
      c("Frank Langfitt", "London"), c("Deborah Amos", "international"), c("Jackie Northam", "international affairs"),
      c("Tom Bowman", "Pentagon"), c("Eleanor Beardsley", "Paris"), c("Anthony Kuhn", "Seoul"),
      c("Greg Myre", "national security"), c("Peter Kenyon", "Istanbul"), c("Jason Beaubien", "global health"),
      c("Rob Stein", "science"), c("Brian Naylor", "Washington"), c("Domenico Montanaro", "political"),
      c("David Welna", "national security"), c("Corey Flintoff", "Moscow"), c("Charles Maynes", "Moscow"),
      c("Ruth Sherlock", "Beirut"), c("Jane Arraf", "Baghdad"), c("Daniel Estrin", "Jerusalem"),
      c("Joanna Kakissis", "Kyiv"), c("Nate Hegyi", "Mountain West"), c("Adrian Florido", "national"),
      c("Franco Ordoñez", "White House"), c("Sarah McCammon", "national political"), c("Jon Hamilton", "science"),
      c("Allison Aubrey", "food and health"), c("Yuki Noguchi", "business"), c("Chris Arnold", "economics"),
      c("Jim Zarroli", "business"), c("Julie McCarthy", "Asia"), c("Philip Reeves", "South Asia"),
      c("Lauren Frayer", "India"), c("Quil Lawrence", "veterans"), c("Wade Goodwyn", "Texas"),
      c("Ina Jaffe", "aging"), c("Pam Fessler", "poverty"), c("Don Gonyea", "national political"));

  static final List<Newsmaker> NEWSMAKERS = List.of(
      n("President", "President", "George W. Bush", 2001, 2008, false, null, "Iraq", "Afghanistan", "Iran", ""),
      n("President", "President", "Barack Obama", 2009, 2016, false, null, "Syria", "Afghanistan", "Iran", "Russia", ""),
      n("President", "President", "Donald Trump", 2017, 2020, false, null, "China", "North Korea", "Mexico", "Iran", ""),
      n("President", "President", "Joe Biden", 2021, 2024, false, null, "Ukraine", "Russia", "Israel", "China", ""),
      n("Vice President", "Vice President", "Joe Biden", 2009, 2016, false, null, "Ukraine", "Iraq", ""),
      n("Secretary", "Secretary of State", "Colin Powell", 2001, 2004, false, null, "Iraq", "Afghanistan"),
      n("Secretary", "Secretary of State", "Condoleezza Rice", 2005, 2008, false, null, "Iraq", "Iran", "Israel"),
      n("Secretary", "Secretary of State", "Hillary Clinton", 2009, 2012, false, null, "Libya", "Iran", "China", "Egypt"),
      n("Senator", "Senator", "Hillary Clinton", 2001, 2008, false, "Democrat, New York", "Iraq", ""),
      n("Secretary", "Secretary of State", "John Kerry", 2013, 2016, false, null,
          "Syria", "Iran", "Russia", "Ukraine", "Crimea", "Israel"),
      n("Senator", "Senator", "John Kerry", 2003, 2012, false, "Democrat, Massachusetts", "Iraq", "Afghanistan", ""),
      n("Secretary", "Secretary of State", "Mike Pompeo", 2018, 2020, false, null, "Iran", "North Korea", "China"),
      n("Secretary", "Secretary of State", "Antony Blinken", 2021, 2024, false, null, "Ukraine", "Russia", "Israel", "China"),
      n("Defense Secretary", "Defense Secretary", "Donald Rumsfeld", 2001, 2006, false, null, "Iraq", "Afghanistan"),
      n("General", "General", "David Petraeus", 2007, 2011, false, null, "Iraq", "Afghanistan"),
      n("President", "Russian President", "Vladimir Putin", 2000, 2007, true, null, "Russia"),
      n("Prime Minister", "Russian Prime Minister", "Vladimir Putin", 2008, 2011, true, null, "Russia"),
      n("President", "Russian President", "Vladimir Putin", 2012, 2024, true, null, "Russia", "Ukraine", "Crimea", "Syria"),
      n("Foreign Minister", "Russian Foreign Minister", "Sergey Lavrov", 2004, 2024, true, null,
          "Russia", "Syria", "Ukraine", "Crimea", "Iran"),
      n("President", "Ukrainian President", "Volodymyr Zelenskyy", 2019, 2024, true, null, "Ukraine", "Russia", "Crimea"),
      n("President", "Syrian President", "Bashar Assad", 2000, 2024, true, null, "Syria"),
      n("Prime Minister", "Israeli Prime Minister", "Benjamin Netanyahu", 2009, 2024, false, null, "Israel", "Iran"),
      n("President", "Afghan President", "Hamid Karzai", 2002, 2014, false, null, "Afghanistan"),
      n("President", "Iranian President", "Hassan Rouhani", 2013, 2021, true, null, "Iran"),
      n("Foreign Minister", "Iranian Foreign Minister", "Javad Zarif", 2013, 2021, false, null, "Iran"),
      n("Chancellor", "German Chancellor", "Angela Merkel", 2005, 2021, true, null, "Germany", "Ukraine"),
      n("President", "French President", "Emmanuel Macron", 2017, 2024, true, null, "France", "Ukraine"),
      n("Prime Minister", "British Prime Minister", "Tony Blair", 1999, 2007, false, null, "United Kingdom", "Iraq"),
      n("President", "Chinese President", "Xi Jinping", 2013, 2024, true, null, "China"),
      n("President", "Turkish President", "Recep Tayyip Erdogan", 2014, 2024, true, null, "Turkey", "Syria"),
      n("Senator", "Senator", "John McCain", 1999, 2018, false, "Republican, Arizona", "Iraq", "Syria", "Russia", ""),
      n("Senator", "Senator", "Lindsey Graham", 2003, 2024, false, "Republican, South Carolina", "Syria", "Iran", ""),
      n("Ambassador", "U.N. Ambassador", "Samantha Power", 2013, 2016, false, null, "Syria", "Russia", "Ukraine"),
      n("Senator", "Senator", "Mitch McConnell", 1999, 2024, false, "Republican, Kentucky", ""),
      n("Senator", "Senator", "Bernie Sanders", 2007, 2024, false, "Independent, Vermont", ""),
      n("Senator", "Senator", "Elizabeth Warren", 2013, 2024, false, "Democrat, Massachusetts", ""),
      n("House Speaker", "House Speaker", "Nancy Pelosi", 2007, 2010, false, "Democrat, California", ""),
      n("Justice", "Justice", "Sonia Sotomayor", 2009, 2024, false, null, ""),
      n("Governor", "Governor", "Arnold Schwarzenegger", 2003, 2010, false, "Republican, California", ""),
      n("Mayor", "Mayor", "Michael Bloomberg", 2002, 2013, false, null, ""));

  /** First names of invented guests and callers: common, and none of them a title, place or topic. */
  static final List<String> FIRST_NAMES = List.of(
      "Susan", "David", "Maria", "James", "Linda", "Robert", "Karen", "Michael", "Patricia", "John", "Laura", "Daniel",
      "Elizabeth", "Thomas", "Jennifer", "Richard", "Sarah", "Mark", "Nancy", "Paul", "Emily", "Steven", "Rebecca",
      "Andrew", "Angela", "Kevin", "Melanie", "Brian", "Amanda", "Gary", "Helen", "Eric", "Sandra", "Peter", "Ruth",
      "Carlos", "Ana", "Ahmed", "Fatima", "Wei", "Mei", "Raj", "Priya", "Olga", "Ivan", "Kwame", "Amara", "Hiroshi",
      "Yuki", "Diego", "Lucia", "Samuel", "Grace", "Tyrone", "Keisha", "Howard", "Marjorie", "Leonard", "Dolores");

  /** Surnames of invented guests: plain, so that their capitals print and parse back unchanged. */
  static final List<String> SURNAMES = List.of(
      "Dudley", "Whitaker", "Okafor", "Lindqvist", "Moreno", "Haddad", "Kowalski", "Nakamura", "Brennan", "Castillo",
      "Ferguson", "Goldstein", "Hernandez", "Ibrahim", "Jablonski", "Kaplan", "Lombardi", "Mendoza", "Novak",
      "Oduya", "Petrov", "Quintero", "Rasmussen", "Sandoval", "Tanaka", "Underwood", "Vasquez", "Weinberg", "Yamamoto",
      "Zimmerman", "Abernathy", "Blackwell", "Cardenas", "Delgado", "Eastman", "Fairbanks", "Gallagher", "Holloway",
      "Iverson", "Jennings", "Kessler", "Lawson", "Mahoney", "Nguyen", "Osborne", "Pritchard", "Ramirez", "Schaefer",
      "Thornton", "Villanueva", "Wexler", "Adeyemi", "Bauer", "Chen", "Dominguez", "Esposito", "Fischer", "Gutierrez",
      "Hoffman", "Ishikawa", "Kaminski", "Larsen", "Marchetti", "Ostrowski", "Pacheco", "Rosenberg", "Sokolov");

  /** Brackets of old-style guest labels: occupations and institutions, never a role word the parser reads. */
  static final List<String> DESCRIPTIONS = List.of(
      "Author", "Actor", "Historian", "Economist, Brookings Institution", "Biology, McMaster University",
      "Political Science, Georgetown University", "Former Ambassador", "Director, Human Rights Watch",
      "Physician", "Farmer", "Lawyer", "Musician", "Professor, Columbia University", "Analyst, RAND Corporation",
      "Pastor", "Teacher", "Novelist", "Senior Fellow, Council on Foreign Relations", "Composer", "Epidemiologist");

  /** Honorifics of old-style guest labels, matched to nothing in particular. */
  static final List<String> HONORIFICS = List.of("Mr.", "Ms.", "Dr.", "Professor");

  private People() {}

  private static Correspondent c(String name, String desk) {
    return new Correspondent(name, desk);
  }

  /** A newsmaker; an empty topic marks one who also appears in domestic stories. */
  private static Newsmaker n(
      String title, String spoken, String name, int from, int to, boolean interpreted, String description,
      String... topics) {
    return new Newsmaker(title, spoken, name, from, to, List.of(topics), interpreted, description);
  }
}
