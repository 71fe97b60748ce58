package org.transcriptsearch.reader.page;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.util.automaton.CharacterRunAutomaton;
import org.apache.lucene.util.automaton.LevenshteinAutomata;

/**
 * NPR program names as hosts say them ("This is ALL THINGS CONSIDERED from NPR News", "It's MORNING EDITION",
 * "From NPR and WBEZ Chicago, this is WAIT WAIT... DON'T TELL ME"), normalised to their usual names.
 *
 * <p>A name counts when printed in capitals (the NPR transcript convention) or, in any case, right after "this
 * is", "it's", "welcome to" or "listening to", or right before "from NPR"; so "embedded" or "here and now" in a
 * sentence are not taken for programs.
 *
 * <p>Public because the dataset readers (MediaSum, Interview) normalise the program names of their records too.
 */
public final class ProgramNames {
  private record Program(String name, Pattern pattern, CharacterRunAutomaton misspelt, int words) {}

  // Longer names first, so WEEKEND EDITION SUNDAY wins over WEEKEND EDITION and WEEKEND ALL THINGS CONSIDERED
  // over ALL THINGS CONSIDERED.
  private static final List<Program> PROGRAMS =
      List.of(
          program("Weekend All Things Considered", "WEEKEND ALL THINGS CONSIDERED"),
          program("All Things Considered", "ALL THINGS CONSIDERED"),
          program("Weekend Edition Saturday", "WEEKEND EDITION,? SATURDAY"),
          program("Weekend Edition Sunday", "WEEKEND EDITION,? SUNDAY"),
          program("Weekend Edition", "WEEKEND EDITION"),
          program("Morning Edition", "MORNING EDITION"),
          program("Fresh Air", "FRESH AIR"),
          program("Talk of the Nation", "TALK OF THE NATION"),
          program("Tell Me More", "TELL ME MORE"),
          program("Wait Wait... Don't Tell Me!", "WAIT,? WAIT[.…\\s]*DON['’]?T TELL ME!?"),
          program("The NPR Politics Podcast", "(?:THE )?NPR POLITICS(?: PODCAST)?"),
          program("Embedded", "EMBEDDED"),
          program("The Indicator from Planet Money", "THE INDICATOR(?: FROM PLANET MONEY)?"),
          program("Planet Money", "PLANET MONEY"),
          program("Here & Now", "HERE (?:AND|&) NOW"),
          program("1A", "1A"),
          program("On Point", "ON POINT"),
          program("Day to Day", "DAY TO DAY"),
          program("News & Notes", "NEWS (?:AND|&) NOTES"),
          program("Up First", "UP FIRST"),
          program("Consider This", "CONSIDER THIS"),
          program("Code Switch", "CODE SWITCH"),
          program("Throughline", "THROUGHLINE"),
          program("Short Wave", "SHORT WAVE"),
          program("Hidden Brain", "HIDDEN BRAIN"),
          program("Invisibilia", "INVISIBILIA"),
          program("Latino USA", "LATINO USA"),
          program("Ask Me Another", "ASK ME ANOTHER"),
          program("It's Been a Minute", "IT['’]?S BEEN A MINUTE"),
          program("Pop Culture Happy Hour", "POP CULTURE HAPPY HOUR"),
          program("Car Talk", "CAR TALK"));

  private static final Pattern LEAD_IN =
      Pattern.compile("(?i)(this is|this|it['’]?s|welcome to|listening to|back to|you're listening to)\\s+(the\\s+)?$");
  private static final Pattern CAPITALS_RUN = Pattern.compile("(?<![\\p{L}])[A-Z][A-Z'’.&]+(?:\\s+[A-Z][A-Z'’.&]*)+(?![\\p{L}])");
  private static final Pattern FOLLOWED_BY_NPR = Pattern.compile("(?i)^\\W{0,3}\\s*(from|on) NPR");

  private ProgramNames() {}

  private static Program program(String name, String capitals) {
    Pattern pattern = Pattern.compile("(?i)(?<![\\p{L}\\d])" + capitals + "(?![\\p{L}\\d])");
    String plain = name.toUpperCase(Locale.ROOT);
    // One edit for a name of two words or more ("WEEKENED EDITION"), two for a long one; single words are left
    // alone, too many sentences have a capitalised word one letter away from one.
    int edits = plain.length() >= 20 ? 2 : 1;
    CharacterRunAutomaton misspelt =
        plain.contains(" ") && plain.length() >= 10
            ? new CharacterRunAutomaton(new LevenshteinAutomata(plain, true).toAutomaton(edits))
            : null;
    return new Program(name, pattern, misspelt, plain.split(" ").length);
  }

  /**
   * The first program named in capitals with a typo ("this is WEEKENED EDITION", "ALL THINGS CONSIDERD"), in its
   * usual spelling: within one or two edits of a program name of two words or more.
   */
  static Optional<String> findMisspelt(String text) {
    Matcher run = CAPITALS_RUN.matcher(text);
    while (run.find()) {
      String[] words = run.group().split("\\s+");
      for (int start = 0; start < words.length; start++) {
        for (Program p : PROGRAMS) {
          if (p.misspelt() == null || start + p.words() > words.length) {
            continue;
          }
          String candidate = String.join(" ", java.util.Arrays.copyOfRange(words, start, start + p.words()));
          if (p.misspelt().run(candidate)) {
            return Optional.of(p.name());
          }
        }
      }
    }
    return Optional.empty();
  }

  /**
   * The first program named after a lead-in ("It's the NPR POLITICS PODCAST", "this is FRESH AIR") anywhere in
   * {@code text}: podcasts name themselves after a cold open, well into the page.
   */
  static Optional<String> findIntroduced(String text) {
    Optional<String> best = Optional.empty();
    int bestStart = Integer.MAX_VALUE;
    for (Program p : PROGRAMS) {
      Matcher m = p.pattern().matcher(text);
      while (m.find() && m.start() < bestStart) {
        String before = text.substring(Math.max(0, m.start() - 30), m.start());
        if (LEAD_IN.matcher(before).find()) {
          best = Optional.of(p.name());
          bestStart = m.start();
        }
      }
    }
    return best;
  }

  /** The first program named in {@code text}, in its usual spelling. */
  static Optional<String> find(String text) {
    Optional<String> best = Optional.empty();
    int bestStart = Integer.MAX_VALUE;
    for (Program p : PROGRAMS) {
      Matcher m = p.pattern().matcher(text);
      while (m.find()) {
        if (m.start() < bestStart && counts(text, m)) {
          best = Optional.of(p.name());
          bestStart = m.start();
        }
        if (m.start() >= bestStart) {
          break;
        }
      }
    }
    return best;
  }

  /** The usual name of a program named on its own, as in a title suffix " : Planet Money"; any case. */
  public static Optional<String> named(String text) {
    String t = text.strip();
    return PROGRAMS.stream().filter(p -> p.pattern().matcher(t).matches()).map(Program::name).findFirst();
  }

  private static boolean counts(String text, Matcher m) {
    String found = m.group();
    boolean capitals = found.equals(found.toUpperCase(java.util.Locale.ROOT)) && found.chars().anyMatch(Character::isLetter);
    String before = text.substring(Math.max(0, m.start() - 30), m.start());
    return (capitals && !found.equals("1A")) || LEAD_IN.matcher(before).find()
        || FOLLOWED_BY_NPR.matcher(text.substring(m.end())).find();
  }
}
