package org.transcriptsearch.http;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.json.JavalinJackson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.transcriptsearch.model.Json;
import org.transcriptsearch.search.BadRequestException;
import org.transcriptsearch.search.NotFoundException;
import org.transcriptsearch.search.SearchService;
import org.transcriptsearch.search.SearchTimeoutException;
import org.transcriptsearch.search.SpeakerSearch;

/**
 * The HTTP API: routes, JSON mapping and the mapping of exceptions to statuses, all declared here. Handlers only
 * translate HTTP to a service call and back.
 */
public final class ApiApp {
  private static final Logger LOG = LoggerFactory.getLogger(ApiApp.class);

  /** Default number of speakers listed by /api/speakers. */
  static final int DEFAULT_SPEAKERS = 10;

  /** Default number of quotes per speaker in /api/speakers?about=. */
  static final int DEFAULT_QUOTES = 2;

  private final SearchService search;
  private final SpeakerSearch speakers;
  private final byte[] openApi;

  /** One route of the API: its method, path and handler. */
  public record Route(HandlerType method, String path, Handler handler) {}

  /** An app answering from {@code search} and {@code speakers}. */
  public ApiApp(SearchService search, SpeakerSearch speakers) {
    this.search = search;
    this.speakers = speakers;
    this.openApi = resource("openapi.json");
  }

  /** Every route of the API; {@code /openapi.json} describes exactly these. */
  public List<Route> routes() {
    return List.of(
        new Route(HandlerType.GET, "/api/search", ctx -> ctx.json(search.search(Params.search(ctx)))),
        new Route(HandlerType.GET, "/api/highlight", this::highlight),
        new Route(HandlerType.GET, "/api/utterances/{id}", this::utterance),
        new Route(HandlerType.GET, "/api/episodes/{id}", ctx -> ctx.json(search.episode(ctx.pathParam("id")))),
        new Route(HandlerType.GET, "/api/speakers", this::speakers),
        new Route(HandlerType.GET, "/api/health", ctx -> ctx.json(search.health())),
        new Route(
            HandlerType.GET, "/openapi.json", ctx -> ctx.contentType("application/json").result(openApi)));
  }

  /** The configured, not yet started, server. */
  public Javalin create() {
    return Javalin.create(this::configure);
  }

  private void configure(JavalinConfig config) {
    config.jsonMapper(new JavalinJackson(Json.mapper(), false));
    config.startup.showJavalinBanner = false;
    config.startup.showOldJavalinVersionWarning = false;
    config.http.defaultContentType = "application/json";
    for (Route route : routes()) {
      config.routes.addEndpoint(new io.javalin.router.Endpoint(route.method(), route.path(), route.handler(), java.util.Set.of()));
    }
    config.routes.exception(BadRequestException.class, (e, ctx) -> error(ctx, HttpStatus.BAD_REQUEST, e.getMessage()));
    config.routes.exception(NotFoundException.class, (e, ctx) -> error(ctx, HttpStatus.NOT_FOUND, e.getMessage()));
    config.routes.exception(
        SearchTimeoutException.class, (e, ctx) -> error(ctx, HttpStatus.SERVICE_UNAVAILABLE, e.getMessage()));
    config.routes.exception(
        HttpResponseException.class,
        (e, ctx) -> error(ctx, HttpStatus.forStatus(e.getStatus()), e.getMessage()));
    config.routes.exception(
        Exception.class,
        (e, ctx) -> {
          LOG.error("request {} {} failed", ctx.method(), ctx.path(), e);
          error(ctx, HttpStatus.INTERNAL_SERVER_ERROR, "the server failed to answer; the error is in its log");
        });
    config.routes.error(
        HttpStatus.NOT_FOUND.getCode(),
        "*",
        ctx -> {
          if (ctx.result() == null) {
            error(ctx, HttpStatus.NOT_FOUND, "no route " + ctx.method() + " " + ctx.path());
          }
        });
  }

  private void highlight(Context ctx) throws IOException {
    String id = Params.text(ctx, "id");
    if (id == null) {
      throw new BadRequestException("id is required");
    }
    ctx.json(search.highlight(id, Params.text(ctx, "q")));
  }

  private void utterance(Context ctx) throws IOException {
    ctx.json(search.utterance(ctx.pathParam("id"), Params.integer(ctx, "context", 0)));
  }

  private void speakers(Context ctx) throws IOException {
    String about = Params.text(ctx, "about");
    int size = Params.integer(ctx, "size", DEFAULT_SPEAKERS);
    if (about != null) {
      ctx.json(
          speakers.about(
              about,
              Params.all(ctx, "program"),
              Params.date(ctx, "from"),
              Params.date(ctx, "to"),
              size,
              Params.integer(ctx, "quotes", DEFAULT_QUOTES)));
    } else {
      ctx.json(speakers.complete(ctx.queryParam("prefix"), size));
    }
  }

  private static void error(Context ctx, HttpStatus status, String detail) {
    ctx.status(status).json(new ApiError(status.getCode(), status.getMessage(), detail));
  }

  private static byte[] resource(String name) {
    try (InputStream in = ApiApp.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
