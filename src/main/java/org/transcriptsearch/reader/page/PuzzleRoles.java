package org.transcriptsearch.reader.page;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.transcriptsearch.model.Role;
import org.transcriptsearch.model.Speaker;
import org.transcriptsearch.model.Turn;

/**
 * Roles on the on-air puzzle: the listener who plays does so by phone, a caller; the puzzle master is a regular
 * of the show, not a guest (a correspondent, as NPR prints him: {@code WILL SHORTZ, BYLINE}). Only pages that
 * are a puzzle segment are touched: a "Puzzle" title, or speech that plays the puzzle with a puzzle master.
 */
final class PuzzleRoles {
  private static final Pattern MASTER = Pattern.compile("(?i)\\bpuzzle ?master\\b");
  private static final Pattern PUZZLE_TITLE = Pattern.compile("(?i)\\bpuzzle\\b");
  private static final Pattern PLAYS = Pattern.compile("(?i)\\b(play (the|today's|this week's) puzzle|puzzle ?master)\\b");

  private PuzzleRoles() {}

  /** {@code turns} with the puzzle's player as caller and its master as correspondent, on a puzzle page. */
  static List<Turn> apply(List<Turn> turns, String title) {
    String speech = String.join("\n", turns.stream().map(Turn::text).toList());
    boolean puzzle = (title != null && PUZZLE_TITLE.matcher(title).find()) || PLAYS.matcher(speech).find();
    Optional<String> master = master(speech, turns);
    if (!puzzle || master.isEmpty()) {
      return turns;
    }
    String key = HostDirectory.fold(master.get());
    List<Turn> out = new ArrayList<>(turns.size());
    for (Turn t : turns) {
      Speaker s = t.speaker();
      Role role = s.role();
      if (role == Role.GUEST) {
        role = HostDirectory.fold(s.name()).equals(key) ? Role.CORRESPONDENT : Role.CALLER;
      }
      out.add(role == s.role() ? t : new Turn(t.n(), new Speaker(s.name(), s.label(), role, s.title(), s.affiliation()), t.text(), t.attribution(), t.cues()));
    }
    return out;
  }

  /** The speaker named nearest to "puzzle master" in the speech: "Will Shortz, our puzzle master". */
  private static Optional<String> master(String speech, List<Turn> turns) {
    List<String> names = turns.stream().map(t -> t.speaker().name()).filter(n -> n.contains(" ")).distinct().toList();
    Matcher m = MASTER.matcher(speech);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    while (m.find()) {
      for (String name : names) {
        String surname = name.substring(name.lastIndexOf(' ') + 1);
        int before = speech.lastIndexOf(surname, m.start());
        int after = speech.indexOf(surname, m.end());
        int distance = Math.min(before < 0 ? Integer.MAX_VALUE : m.start() - before, after < 0 ? Integer.MAX_VALUE : after - m.end());
        if (distance < bestDistance && distance <= 150) {
          best = name;
          bestDistance = distance;
        }
      }
    }
    return Optional.ofNullable(best);
  }
}
