package org.transcriptsearch.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.LinkedHashSet;
import org.transcriptsearch.model.Json;
import org.transcriptsearch.search.BadRequestException;

/**
 * The query parameters each API operation takes, as the OpenAPI document lists them. A parameter an operation does
 * not take is refused with a 400 naming it, rather than ignored: a misspelt filter ({@code speakr=lavrov}) would
 * otherwise answer a different search than the one asked, with nothing to say so.
 */
final class QueryParameters {
  /** What one operation takes: its parameters in the document's order, and those that may be repeated. */
  private record Taken(Set<String> names, Set<String> repeatable) {
    static final Taken NOTHING = new Taken(Set.of(), Set.of());
  }

  private final Map<String, Taken> byOperation;

  private QueryParameters(Map<String, Taken> byOperation) {
    this.byOperation = byOperation;
  }

  /** The parameters of every operation of {@code openApi}, the document's bytes. */
  static QueryParameters of(byte[] openApi) {
    JsonNode paths;
    try {
      paths = Json.mapper().readTree(openApi).path("paths");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, Taken> byOperation = new HashMap<>();
    paths.properties().forEach(path -> path.getValue().properties().forEach(op -> {
      Set<String> names = new LinkedHashSet<>(); // in the document's order, as the refusal lists them
      Set<String> repeatable = new HashSet<>();
      for (JsonNode parameter : op.getValue().path("parameters")) {
        if (parameter.path("in").asText().equals("query")) {
          names.add(parameter.path("name").asText());
          if (parameter.path("schema").path("type").asText().equals("array")) {
            repeatable.add(parameter.path("name").asText());
          }
        }
      }
      byOperation.put(key(op.getKey(), path.getKey()),
          new Taken(Collections.unmodifiableSet(names), Set.copyOf(repeatable)));
    }));
    return new QueryParameters(byOperation);
  }

  /**
   * Refuses a query parameter that the operation {@code route} does not take, and a second value of one that takes
   * a single value (only the first would be read). Only the API's own routes are checked: the page keeps its state
   * in its address, and a script's address may carry a version to bust caches.
   */
  void check(Context ctx, ApiApp.Route route) {
    if (!route.path().startsWith("/api/") || route.method() == HandlerType.OPTIONS) {
      return; // a preflight asks about the request to come, whose query it carries: that request is checked
    }
    // A HEAD is answered as its GET, so it takes what the GET takes (the document says the same of both).
    String method = route.method() == HandlerType.HEAD ? "get" : route.method().name();
    Taken taken = byOperation.getOrDefault(key(method, route.path()), Taken.NOTHING);
    ctx.queryParamMap().forEach((name, values) -> {
      if (!taken.names().contains(name)) {
        throw new BadRequestException("unknown parameter '" + name + "': " + route.method() + " " + route.path()
            + (taken.names().isEmpty() ? " takes no parameters" : " takes " + String.join(", ", taken.names())));
      }
      if (values.size() > 1 && !taken.repeatable().contains(name)) {
        throw new BadRequestException(name + " is given " + values.size() + " times; it takes one value");
      }
    });
  }

  /**
   * Refuses any of {@code names} sent with a value, saying {@code why} it does not apply; a blank value is taken as
   * absent, as everywhere in the API.
   */
  static void refuse(Context ctx, List<String> names, String why) {
    for (String name : names) {
      if (ctx.queryParams(name).stream().anyMatch(value -> !value.isBlank())) {
        throw new BadRequestException(name + " " + why);
      }
    }
  }

  private static String key(String method, String path) {
    return method.toLowerCase(Locale.ROOT) + " " + path;
  }
}
