package org.transcriptsearch.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.transcriptsearch.research.Timelines;
import org.transcriptsearch.research.Timelines.Bucket;
import org.transcriptsearch.research.Timelines.Timeline;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code timeline QUERY}: a search's hits counted by air date. */
@Command(
    name = "timeline",
    mixinStandardHelpOptions = true,
    description = {
      "Counts the hits of a search (the query and filters of 'search') by air date: one line per year, month or",
      "week from the first dated hit to the last, and the undated apart. --json prints what GET /api/timeline returns."
    })
final class TimelineCommand implements Callable<Integer> {
  /** The widest bar drawn, in characters. */
  static final int BAR = 40;

  @Mixin IndexOption indexFolder;

  @Mixin SolrOptions solr;

  @Mixin FilterOptions filters;

  @Option(names = "--interval", paramLabel = "I", defaultValue = "year", description = "year, month or week.")
  String interval;

  @Option(names = "--json", description = "Print the API's JSON instead of text.")
  boolean json;

  @Parameters(paramLabel = "QUERY", arity = "0..*", description = "The query (words are joined by spaces).")
  List<String> query;

  @Mixin DataOptions data;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    return ReadOnlyAnswer.print(
        spec, indexFolder, solr, data, json,
        backend -> backend.timeline(
            filters.request(query == null ? "" : String.join(" ", query)).build(), Timelines.Interval.of(interval)),
        Timeline::shards, "the counts", TimelineCommand::print);
  }

  private static void print(Timeline timeline, PrintWriter out) {
    long most = timeline.buckets().stream().mapToLong(Bucket::count).max().orElse(0);
    for (Bucket b : timeline.buckets()) {
      int width = most == 0 ? 0 : (int) Math.ceil((double) b.count() * BAR / most);
      out.printf("%s %6d %s%n", b.start(), b.count(), "#".repeat(width));
    }
    out.printf("undated %d, total %d%n", timeline.undated(), timeline.total());
  }
}
