package org.transcriptsearch.http;

import io.javalin.http.Context;
import java.io.IOException;
import org.transcriptsearch.research.QuoteChecker;
import org.transcriptsearch.search.SearchService;

/** The handlers of the research desk's routes: quote check, timeline, a person, export. */
final class Research {
  private final QuoteChecker quotes;

  Research(SearchService search) {
    this.quotes = new QuoteChecker(search);
  }

  /** {@code GET /api/quotes?text=&size=} plus the search's filters. */
  void quotes(Context ctx) throws IOException {
    ctx.json(
        quotes.check(
            ctx.queryParam("text"),
            Params.filters(ctx),
            Params.integer(ctx, "size", QuoteChecker.DEFAULT_SIZE)));
  }
}
