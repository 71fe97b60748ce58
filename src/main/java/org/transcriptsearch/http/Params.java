package org.transcriptsearch.http;

import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.transcriptsearch.query.DatePeriod;
import org.transcriptsearch.search.BadRequestException;
import org.transcriptsearch.search.SearchRequest;

/** Reads query parameters, answering a malformed one with a 400 that names it. */
final class Params {
  private Params() {}

  static String text(Context ctx, String name) {
    String value = ctx.queryParam(name);
    return value == null || value.isBlank() ? null : value;
  }

  static List<String> all(Context ctx, String name) {
    return ctx.queryParams(name);
  }

  static int integer(Context ctx, String name, int fallback) {
    String value = text(ctx, name);
    if (value == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new BadRequestException(name + " must be a whole number, was '" + value + "'");
    }
  }

  /** A day, month or year: its first day as {@code from}, its last as {@code to} ({@code to=2014} is 2014-12-31). */
  static LocalDate date(Context ctx, String name) {
    String value = text(ctx, name);
    if (value == null) {
      return null;
    }
    try {
      return name.equals("to") ? DatePeriod.end(value) : DatePeriod.start(value);
    } catch (IllegalArgumentException e) {
      throw new BadRequestException(
          name + " must be a day (2016-02-12), a month (2016-02) or a year (2016), was '" + value + "'");
    }
  }

  /** true, false (or 1, 0, yes, no); {@code fallback} when absent. */
  static boolean bool(Context ctx, String name, boolean fallback) {
    String value = text(ctx, name);
    if (value == null) {
      return fallback;
    }
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "true", "1", "yes", "on" -> true;
      case "false", "0", "no", "off" -> false;
      default -> throw new BadRequestException(name + " must be true or false, was '" + value + "'");
    };
  }

  static SearchRequest.SortOrder sort(Context ctx) {
    String value = text(ctx, "sort");
    if (value == null) {
      return SearchRequest.SortOrder.RELEVANCE;
    }
    try {
      return SearchRequest.SortOrder.valueOf(value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new BadRequestException("sort must be relevance or date, was '" + value + "'");
    }
  }

  /** The filters of a search (speaker, program, topic, role, from, to) with no query, for the research routes. */
  static SearchRequest filters(Context ctx) {
    return SearchRequest.builder()
        .speakers(all(ctx, "speaker"))
        .programs(all(ctx, "program"))
        .topics(all(ctx, "topic"))
        .roles(all(ctx, "role"))
        .from(date(ctx, "from"))
        .to(date(ctx, "to"))
        .build();
  }

  /** The search described by the query parameters of {@code GET /api/search}. */
  static SearchRequest search(Context ctx) {
    return SearchRequest.builder()
        .query(ctx.queryParam("q"))
        .speakers(all(ctx, "speaker"))
        .programs(all(ctx, "program"))
        .topics(all(ctx, "topic"))
        .roles(all(ctx, "role"))
        .from(date(ctx, "from"))
        .to(date(ctx, "to"))
        .sort(sort(ctx))
        .size(integer(ctx, "size", SearchRequest.DEFAULT_SIZE))
        .cursor(text(ctx, "cursor"))
        .passages(integer(ctx, "passages", SearchRequest.DEFAULT_PASSAGES))
        .fragmentSize(integer(ctx, "fragmentSize", SearchRequest.DEFAULT_FRAGMENT))
        .exact(bool(ctx, "exact", false))
        .literal(bool(ctx, "literal", false))
        .facets(facets(ctx))
        .build();
  }

  /**
   * The facet dimensions asked for: {@code facets=speaker,topic} (or repeated), {@code facets=none} for none; null
   * (all of them) when absent.
   */
  static List<String> facets(Context ctx) {
    List<String> values = all(ctx, "facets").stream().filter(v -> !v.isBlank()).toList();
    if (values.isEmpty()) {
      return null;
    }
    List<String> dims = new java.util.ArrayList<>();
    for (String value : values) {
      for (String dim : value.split(",", -1)) {
        String name = dim.strip().toLowerCase(Locale.ROOT);
        if (!name.equals("none")) {
          dims.add(name);
        }
      }
    }
    return dims;
  }
}
