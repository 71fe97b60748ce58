package org.transcriptsearch.http;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.javalin.router.Endpoint;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.transcriptsearch.model.Json;
import org.transcriptsearch.search.BadRequestException;
import org.transcriptsearch.search.NotFoundException;
import org.transcriptsearch.search.SearchService;
import org.transcriptsearch.search.SearchTimeoutException;
import org.transcriptsearch.search.SpeakerSearch;
import org.transcriptsearch.web.WebAssets;

/**
 * The HTTP API, the web page and the widget: routes, JSON mapping, CORS and security headers, and the mapping of
 * exceptions to statuses, all declared here. Handlers only translate HTTP to a service call and back.
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
  private final CorsPolicy cors;
  private final WebAssets web;

  /** One route of the API: its method, path and handler. */
  public record Route(HandlerType method, String path, Handler handler) {}

  /** An app answering from {@code search} and {@code speakers}, to its own origin only. */
  public ApiApp(SearchService search, SpeakerSearch speakers) {
    this(search, speakers, CorsPolicy.NONE);
  }

  /**
   * An app answering from {@code search} and {@code speakers}, whose API and widget may also be used by pages of
   * the origins {@code cors} allows.
   */
  public ApiApp(SearchService search, SpeakerSearch speakers, CorsPolicy cors) {
    this.search = search;
    this.speakers = speakers;
    this.cors = cors;
    this.openApi = resource("openapi.json");
    this.web = new WebAssets();
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
            HandlerType.GET, "/openapi.json", ctx -> ctx.contentType("application/json").result(openApi)),
        new Route(HandlerType.GET, "/", this::page),
        new Route(HandlerType.GET, "/widget.js", this::widget));
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
    config.routes.before(this::commonHeaders);
    for (Route route : routes()) {
      config.routes.addEndpoint(new Endpoint(route.method(), route.path(), route.handler(), Set.of()));
    }
    // The page's scripts and styles; browsers revalidate them (ETag), so a new release is picked up at once.
    config.staticFiles.add(
        files -> {
          files.hostedPath = WebAssets.ASSETS_URL;
          files.directory = WebAssets.ASSETS_PATH;
          files.location = Location.CLASSPATH;
          files.headers = Map.of("Cache-Control", "no-cache");
        });
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

  /** Headers every answer carries; a CORS preflight is answered here in full. */
  private void commonHeaders(Context ctx) {
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "same-origin");
    if (cors.apply(ctx)) {
      ctx.skipRemainingHandlers();
    }
  }

  private void page(Context ctx) {
    ctx.header("Content-Security-Policy", WebAssets.PAGE_POLICY);
    ctx.contentType("text/html; charset=utf-8").result(web.page());
  }

  private void widget(Context ctx) {
    ctx.contentType("text/javascript; charset=utf-8").result(web.widget());
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
