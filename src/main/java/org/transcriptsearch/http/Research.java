package org.transcriptsearch.http;

import io.javalin.http.Context;
import java.io.IOException;
import org.transcriptsearch.research.QuoteChecker;
import org.transcriptsearch.research.SearchExport;
import org.transcriptsearch.research.Timelines;
import java.util.function.Function;
import org.transcriptsearch.search.SearchBackend;

/**
 * The handlers of the research desk's routes: quote check, timeline, a person, export. Each request's work runs on
 * the backend bound to that request's deadline, so every phase of it shares the read's time limit.
 */
final class Research {
  private final Function<Context, SearchBackend> backend;

  /** Handlers answering from {@code backend}, the request's backend. */
  Research(Function<Context, SearchBackend> backend) {
    this.backend = backend;
  }

  /**
   * {@code GET /api/search/export?...&format=csv|jsonl&limit=}: every hit, streamed; the headers say how many the
   * search has and whether the export was cut at its limit.
   */
  void export(Context ctx) throws IOException {
    SearchExport.Format format = SearchExport.Format.of(ctx.queryParam("format"));
    int limit = Params.integer(ctx, "limit", SearchExport.MAX_ROWS);
    var request = Params.search(ctx);
    backend.apply(ctx).export(
        request,
        format,
        limit,
        size -> {
          ctx.contentType(format.mediaType());
          ctx.header("Content-Disposition", "attachment; filename=\"transcript-search." + format.extension() + "\"");
          ctx.header("X-Total-Count", Long.toString(size.total()));
          ctx.header("X-Export-Rows", Long.toString(size.written()));
          ctx.header("X-Export-Cut", Boolean.toString(size.cut()));
          ShardHeaders.set(ctx, size.shards());
          return new java.io.BufferedWriter(
              new java.io.OutputStreamWriter(ctx.outputStream(), java.nio.charset.StandardCharsets.UTF_8));
        });
  }

  /** {@code GET /api/speakers/{name}}: one person's record. */
  void person(Context ctx) throws IOException {
    ctx.json(backend.apply(ctx).person(ctx.pathParam("name")));
  }

  /** {@code GET /api/timeline?q=&filters&interval=}. */
  void timeline(Context ctx) throws IOException {
    ctx.json(backend.apply(ctx).timeline(Params.search(ctx), Timelines.Interval.of(ctx.queryParam("interval"))));
  }

  /** {@code GET /api/quotes?text=&size=} plus the search's filters. */
  void quotes(Context ctx) throws IOException {
    ctx.json(
        backend.apply(ctx).checkQuote(
            ctx.queryParam("text"),
            Params.filters(ctx),
            Params.integer(ctx, "size", QuoteChecker.DEFAULT_SIZE)));
  }
}
