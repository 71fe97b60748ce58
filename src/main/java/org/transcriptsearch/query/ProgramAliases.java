package org.transcriptsearch.query;

import java.util.Map;
import org.transcriptsearch.text.Folding;

/**
 * Short names of programs as newsrooms write them ("ATC", "ME", "TOTN"), for the {@code program} parameter and
 * {@code program:} in a query alike. A name that is no known short name is returned as typed.
 */
public final class ProgramAliases {
  private static final Map<String, String> ALIASES =
      Map.ofEntries(
          Map.entry("atc", "All Things Considered"),
          Map.entry("all things", "All Things Considered"),
          Map.entry("weekend atc", "Weekend All Things Considered"),
          Map.entry("me", "Morning Edition"),
          Map.entry("morning", "Morning Edition"),
          Map.entry("wesat", "Weekend Edition Saturday"),
          Map.entry("wesun", "Weekend Edition Sunday"),
          Map.entry("we", "Weekend Edition"),
          Map.entry("totn", "Talk of the Nation"),
          Map.entry("tmm", "Tell Me More"),
          Map.entry("wait wait", "Wait Wait... Don't Tell Me!"),
          Map.entry("here and now", "Here & Now"),
          Map.entry("news and notes", "News & Notes"));

  private ProgramAliases() {}

  /** The program's usual name when {@code typed} is one of its short names, else {@code typed}. */
  public static String resolve(String typed) {
    return ALIASES.getOrDefault(Folding.fold(typed.strip()).replaceAll("\\s+", " "), typed);
  }
}
