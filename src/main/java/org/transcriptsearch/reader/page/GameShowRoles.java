package org.transcriptsearch.reader.page;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.transcriptsearch.model.Role;
import org.transcriptsearch.model.Speaker;
import org.transcriptsearch.model.Turn;

/**
 * Roles on game shows. A quiz's listener contestant, greeted with "you're on WAIT WAIT... DON'T TELL ME!", plays
 * by phone: a caller. On the on-air puzzle: the listener who plays does so by phone, a caller; the puzzle master is a regular
 * of the show, not a guest (a correspondent, as NPR prints him: {@code WILL SHORTZ, BYLINE}). Only pages that
 * are a puzzle segment are touched: a "Puzzle" title, or speech that plays the puzzle with a puzzle master.
 */
final class GameShowRoles {
  private static final Pattern MASTER = Pattern.compile("(?i)\\bpuzzle ?master\\b");
  private static final Pattern ON_THE_SHOW =
      Pattern.compile("(?i)\\byou['’]re on (?:the )?(?:WAIT,? WAIT|ASK ME ANOTHER|the (?:show|air|program))\\b");
  private static final Pattern PUZZLE_TITLE = Pattern.compile("(?i)\\bpuzzle\\b");
  private static final Pattern PLAYS = Pattern.compile("(?i)\\b(play (the|today's|this week's) puzzle|puzzle ?master)\\b");

  private GameShowRoles() {}

  /**
   * {@code turns} with a quiz's contestants as callers, and on a puzzle page the player as caller and the puzzle
   * master as correspondent.
   */
  static List<Turn> apply(List<Turn> turns, String title) {
    return puzzle(quizCallers(turns), title);
  }

  /** A guest whose first turn answers "you're on WAIT WAIT..." (or "... ASK ME ANOTHER") is a caller. */
  private static List<Turn> quizCallers(List<Turn> turns) {
    Set<String> callers = new HashSet<>();
    Set<String> seen = new HashSet<>();
    for (int i = 1; i < turns.size(); i++) {
      Speaker s = turns.get(i).speaker();
      if (seen.add(s.name()) && s.role() == Role.GUEST && ON_THE_SHOW.matcher(turns.get(i - 1).text()).find()) {
        callers.add(s.name());
      }
    }
    if (callers.isEmpty()) {
      return turns;
    }
    List<Turn> out = new ArrayList<>(turns.size());
    for (Turn t : turns) {
      boolean caller = callers.contains(t.speaker().name()) && t.speaker().role() == Role.GUEST;
      out.add(caller ? OneRole.withRole(t, Role.CALLER) : t);
    }
    return out;
  }

  private static List<Turn> puzzle(List<Turn> turns, String title) {
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
      out.add(role == s.role() ? t : OneRole.withRole(t, role));
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
        int distance =
            Math.min(before < 0 ? Integer.MAX_VALUE : m.start() - before, after < 0 ? Integer.MAX_VALUE : after - m.end());
        if (distance < bestDistance && distance <= 150) {
          best = name;
          bestDistance = distance;
        }
      }
    }
    return Optional.ofNullable(best);
  }
}
