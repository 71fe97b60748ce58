package org.transcriptsearch.cli;

import java.time.LocalDate;
import java.util.List;
import org.transcriptsearch.query.DatePeriod;
import org.transcriptsearch.search.BadRequestException;
import org.transcriptsearch.search.SearchRequest;
import picocli.CommandLine.Option;

/** The search's filters, shared by every command that searches (search, check-quote, timeline). */
final class FilterOptions {
  @Option(names = "--speaker", paramLabel = "S", description = "Said by (a name or part of one); repeatable.")
  List<String> speakers;

  @Option(names = "--program", paramLabel = "P", description = "On this program; repeatable.")
  List<String> programs;

  @Option(names = "--topic", paramLabel = "T", description = "About this topic; repeatable.")
  List<String> topics;

  @Option(
      names = "--role",
      paramLabel = "R",
      description = "host, correspondent, guest, caller, unidentified, analyst, announcer.")
  List<String> roles;

  @Option(names = "--from", paramLabel = "DATE", description = "Aired on or after (a day, month or year).")
  String from;

  @Option(names = "--to", paramLabel = "DATE", description = "Aired on or before (a day, month or year).")
  String to;

  /** A request with these filters and {@code query}. */
  SearchRequest.Builder request(String query) {
    return SearchRequest.builder()
        .query(query)
        .speakers(speakers)
        .programs(programs)
        .topics(topics)
        .roles(roles)
        .from(date("--from", from, true))
        .to(date("--to", to, false));
  }

  /** The first or last day of the period typed ({@code 2014}, {@code 2014-06}, {@code 2014-06-03}). */
  private static LocalDate date(String option, String typed, boolean start) {
    if (typed == null) {
      return null;
    }
    try {
      return start ? DatePeriod.start(typed) : DatePeriod.end(typed);
    } catch (IllegalArgumentException e) {
      throw new BadRequestException(option + ": " + e.getMessage());
    }
  }
}
