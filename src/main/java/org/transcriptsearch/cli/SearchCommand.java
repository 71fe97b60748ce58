package org.transcriptsearch.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.transcriptsearch.index.TranscriptIndex;
import org.transcriptsearch.model.Json;
import org.transcriptsearch.research.SearchExport;
import org.transcriptsearch.search.BadRequestException;
import org.transcriptsearch.search.Results.Highlight;
import org.transcriptsearch.search.Results.Hit;
import org.transcriptsearch.search.Results.SearchResponse;
import org.transcriptsearch.search.SearchRequest;
import org.transcriptsearch.search.EmbeddedBackend;
import org.transcriptsearch.search.SearchBackend;
import org.transcriptsearch.solr.SolrSearchBackend;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code search [filters] QUERY}: ranked utterances with the matches highlighted. */
@Command(
    name = "search",
    mixinStandardHelpOptions = true,
    description = {
      "Searches the index: Lucene's classic syntax, AND by default. Questions work as people type them.",
      "'speaker:kelemen crimea' is what Kelemen said about Crimea; 'kelemen' is everyone who mentioned her;",
      "'Kelemen on Crimea' puts her own turns first. Fields: text (default), speaker, program, topic, role,",
      "title, date (date:2014, date:[2014-01 TO 2014-06]). --json prints exactly what GET /api/search returns."
    })
final class SearchCommand implements Callable<Integer> {
  @Mixin IndexOption indexFolder;

  @Mixin SolrOptions solr;

  @Mixin FilterOptions filters;

  @Option(names = "--exact", description = "Words only as typed: no spelling variants or demonyms.")
  boolean exact;

  @Option(names = "--literal", description = "No speaker read into a question: every word is a word of speech.")
  boolean literal;

  @Option(names = "--sort", paramLabel = "ORDER", defaultValue = "relevance", description = "relevance or date.")
  String sort;

  @Option(names = "--size", paramLabel = "N", defaultValue = "10", description = "Hits to show, 1..100.")
  int size;

  @Option(names = "--cursor", paramLabel = "C", description = "Continue after the page that gave this cursor.")
  String cursor;

  /** A command-line cursor is the rank of the next hit, a colon, and the API's cursor (which has no colon). */
  private static final java.util.regex.Pattern RANKED_CURSOR = java.util.regex.Pattern.compile("(\\d{1,9}):(.+)");

  @Option(names = "--json", description = "Print the API's JSON instead of text.")
  boolean json;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = {
        "text (default), json, or csv / jsonl: every hit (not a page, at most 10,000) with date, program, title,",
        "speaker, role, text, url, citation and permalink, as GET /api/search/export writes it (CSV: UTF-8 with a",
        "byte order mark, formulas neutralised)."
      })
  String format;

  @Parameters(paramLabel = "QUERY", arity = "0..*", description = "The query (words are joined by spaces).")
  List<String> query;

  @Mixin DataOptions data;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    String shape = format == null ? (json ? "json" : "text") : format.strip().toLowerCase(java.util.Locale.ROOT);
    boolean export = shape.equals("csv") || shape.equals("jsonl");
    if (!export && !shape.equals("text") && !shape.equals("json")) {
      throw new BadRequestException("format must be text, json, csv or jsonl, was '" + format + "'");
    }
    json = shape.equals("json");
    if (solr.given(indexFolder)) {
      try (SolrSearchBackend backend = solr.backend(data.pipeline().schema())) {
        return answer(backend, export, shape, out);
      }
    }
    try (TranscriptIndex index = TranscriptIndex.openReadOnly(indexFolder.dir(), data.pipeline().schema())) {
      return answer(EmbeddedBackend.of(index), export, shape, out);
    }
  }

  private int answer(SearchBackend backend, boolean export, String shape, PrintWriter out) throws Exception {
    if (export) {
      return export(backend, SearchExport.Format.of(shape), out);
    }
    show(backend.search(request()), out);
    out.flush();
    return 0;
  }

  private void show(SearchResponse response, PrintWriter out) throws java.io.IOException {
    ShardsWarning.print(spec.commandLine().getErr(), response.shards(), "the hits and counts");
    if (json) {
      out.println(Json.mapper().writeValueAsString(response));
    } else {
      print(response, firstRank(), out);
    }
  }

  /** Every hit to standard output; a cut export is said on standard error. */
  private int export(SearchBackend backend, SearchExport.Format shape, PrintWriter out) throws Exception {
    SearchExport.Size size = backend.export(request(), shape, SearchExport.MAX_ROWS, s -> out);
    out.flush();
    ShardsWarning.print(spec.commandLine().getErr(), size.shards(), "the rows");
    if (size.cut()) {
      spec.commandLine().getErr().printf(
          "cut at %,d of %,d hits (the export limit); narrow the search for the rest%n", size.written(), size.total());
      spec.commandLine().getErr().flush();
    }
    return 0;
  }

  private SearchRequest request() {
    SearchRequest.SortOrder order;
    try {
      order = SearchRequest.SortOrder.valueOf(sort.strip().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new BadRequestException("sort must be relevance or date, was '" + sort + "'");
    }
    return filters.request(query == null ? "" : String.join(" ", query))
        .sort(order)
        .size(size)
        .cursor(apiCursor())
        .exact(exact)
        .literal(literal)
        .build();
  }

  private java.util.regex.Matcher rankedCursor() {
    var matcher = cursor == null ? null : RANKED_CURSOR.matcher(cursor);
    return matcher != null && matcher.matches() ? matcher : null;
  }

  private String apiCursor() {
    var ranked = rankedCursor();
    return ranked == null ? cursor : ranked.group(2);
  }

  /** The rank of the first hit shown: 1, or where the page before ended. */
  private int firstRank() {
    var ranked = rankedCursor();
    return ranked == null ? 1 : Integer.parseInt(ranked.group(1));
  }

  private static void print(SearchResponse response, int firstRank, PrintWriter out) {
    if (response.estimatedTotal() != null) {
      out.printf("about %,d hits (estimated from a sample of them; at least %,d)%n", response.estimatedTotal(),
          response.total());
    } else {
      out.printf("%s%,d %s%n", "gte".equals(response.totalRelation()) ? "at least " : "", response.total(),
          response.total() == 1 ? "hit" : "hits");
    }
    ReadingNotes.print(response, out);
    int rank = firstRank;
    for (Hit hit : response.hits()) {
      out.println();
      out.printf("%d. %s%n", rank++, heading(hit));
      for (Highlight h : hit.highlights()) {
        out.println("   " + TerminalMarks.render(hit.text(), h));
      }
      if (hit.alsoIn() != null && hit.alsoIn().stories() > 0) {
        out.printf("   also in %s%d %s: %s%n", hit.alsoIn().atLeast() ? "at least " : "", hit.alsoIn().stories(),
            hit.alsoIn().stories() == 1 ? "story" : "stories", String.join(", ", hit.alsoIn().episodes()));
      }
      out.printf("   [%s]%n", hit.id());
    }
    if (response.collapsed() > 0) {
      out.printf("%n%,d more %s the same words in another story, shown once above%n",
          response.collapsed(), response.collapsed() == 1 ? "hit on this page was" : "hits on this page were");
    }
    if (response.nextCursor() != null) {
      out.printf("%nMore: --cursor %d:%s%n", rank, response.nextCursor());
    }
    ReadingNotes.printHelp(response, out);
  }

  private static String heading(Hit hit) {
    StringBuilder s = new StringBuilder(hit.speaker().name()).append(" (").append(hit.speaker().role()).append(')');
    if (hit.episode().program() != null) {
      s.append(" - ").append(hit.episode().program());
    }
    if (hit.episode().date() != null) {
      s.append(", ").append(hit.episode().date());
    }
    if (hit.episode().title() != null) {
      s.append(" - \"").append(hit.episode().title()).append('"');
    }
    return s.toString();
  }
}
