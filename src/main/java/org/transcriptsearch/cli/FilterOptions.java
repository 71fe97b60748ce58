package org.transcriptsearch.cli;

import java.time.LocalDate;
import java.util.List;
import org.transcriptsearch.search.SearchRequest;
import picocli.CommandLine.Option;

/** The search's filters, for the research commands (check-quote, timeline). */
final class FilterOptions {
  @Option(names = "--speaker", paramLabel = "S", description = "Said by (a name or part of one); repeatable.")
  List<String> speakers;

  @Option(names = "--program", paramLabel = "P", description = "On this program; repeatable.")
  List<String> programs;

  @Option(names = "--topic", paramLabel = "T", description = "About this topic; repeatable.")
  List<String> topics;

  @Option(names = "--role", paramLabel = "R", description = "host, correspondent, guest, caller, unidentified.")
  List<String> roles;

  @Option(names = "--from", paramLabel = "DATE", description = "Aired on or after (YYYY-MM-DD).")
  LocalDate from;

  @Option(names = "--to", paramLabel = "DATE", description = "Aired on or before (YYYY-MM-DD).")
  LocalDate to;

  /** A request with these filters and {@code query}. */
  SearchRequest.Builder request(String query) {
    return SearchRequest.builder()
        .query(query)
        .speakers(speakers)
        .programs(programs)
        .topics(topics)
        .roles(roles)
        .from(from)
        .to(to);
  }
}
