package org.transcriptsearch.http;

import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The routes HTTP implies beside the API's own: HEAD for every GET (answered by the GET's handler, so with the same
 * status and headers, and no body) and OPTIONS for every path (the methods it takes, or a CORS preflight).
 */
final class ImpliedRoutes {
  private ImpliedRoutes() {}

  /**
   * {@code routes} with a HEAD twin after each GET and an OPTIONS route for each path. Without its own HEAD route,
   * Javalin answers a HEAD for a GET route 200 without running the handler: no access check, a 200 for an id that
   * names nothing, and the wrong content type.
   */
  static List<ApiApp.Route> with(List<ApiApp.Route> routes, CorsPolicy cors) {
    List<ApiApp.Route> out = new ArrayList<>();
    Map<String, List<HandlerType>> methods = new LinkedHashMap<>();
    for (ApiApp.Route route : routes) {
      out.add(route);
      methods.computeIfAbsent(route.path(), p -> new ArrayList<>()).add(route.method());
      if (route.method() == HandlerType.GET) {
        out.add(new ApiApp.Route(HandlerType.HEAD, route.path(), route.access(), route.handler()));
        methods.get(route.path()).add(HandlerType.HEAD);
      }
    }
    methods.forEach((path, taken) -> {
      String allow = taken.stream().map(HandlerType::name).collect(Collectors.joining(", ")) + ", OPTIONS";
      // Open: a preflight carries no credentials, and the methods of a path are no secret.
      out.add(new ApiApp.Route(HandlerType.OPTIONS, path, Access.OPEN, ctx -> cors.options(ctx, allow)));
    });
    return List.copyOf(out);
  }
}
