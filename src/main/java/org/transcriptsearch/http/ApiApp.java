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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.jetty.io.ByteBufferPool;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.transcriptsearch.ingest.TranscriptWriter;
import org.transcriptsearch.model.Json;
import org.transcriptsearch.reader.BadInputException;
import org.transcriptsearch.search.BadRequestException;
import org.transcriptsearch.search.EmbeddedBackend;
import org.transcriptsearch.search.NotFoundException;
import org.transcriptsearch.search.SearchBackend;
import org.transcriptsearch.search.SearchLimits;
import org.transcriptsearch.search.SearchRequest;
import org.transcriptsearch.search.SearchService;
import org.transcriptsearch.search.SearchTimeoutException;
import org.transcriptsearch.search.UnavailableException;
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

  /** The parameters of /api/speakers that only a ranking by subject ({@code about=}) reads. */
  private static final List<String> ABOUT_ONLY = List.of(
      "speaker", "program", "topic", "role", "from", "to", "exact", "quotes", "hosts", "unidentified");

  /** How long stopping waits for requests under way. */
  static final long STOP_TIMEOUT_MILLIS = 30_000;

  private final SearchBackend backend;
  private final TranscriptWriter writer;
  private final ApiConfig config;
  private final AccessControl access;
  private final ReadGate reads;
  private final byte[] openApi;
  private final QueryParameters parameters;
  private final WebAssets web;
  private final Newsroom newsroom;
  private final AlertRoutes alertRoutes;
  private final Research research;

  /** One route of the API: its method, path, who may use it, and its handler. */
  public record Route(HandlerType method, String path, Access access, Handler handler) {}

  /** A read-only app answering from {@code search} and {@code speakers}, to its own origin only. */
  public ApiApp(SearchService search, SpeakerSearch speakers) {
    this(search, speakers, null, ApiConfig.DEFAULT);
  }

  /**
   * An app answering from {@code search} and {@code speakers}, writing through {@code writer}, opened to callers
   * as {@code config} says.
   *
   * @param writer where posted and deleted transcripts go; null for a server that cannot write (writes get 403)
   */
  public ApiApp(SearchService search, SpeakerSearch speakers, TranscriptWriter writer, ApiConfig config) {
    this(search, speakers, writer, config, Newsroom.NONE);
  }

  /**
   * An app as above that also serves saved searches and alerts, and reports on the watched folder.
   *
   * @param newsroom the alerts and the watched folder, either of which may be absent
   */
  public ApiApp(
      SearchService search, SpeakerSearch speakers, TranscriptWriter writer, ApiConfig config, Newsroom newsroom) {
    this(search == null ? null : new EmbeddedBackend(search, speakers), writer, config, newsroom);
  }

  /** A read-only app answering from {@code backend} (the embedded index or SolrCloud), to its own origin only. */
  public ApiApp(SearchBackend backend) {
    this(backend, null, ApiConfig.DEFAULT, Newsroom.NONE);
  }

  /**
   * An app answering from {@code backend}, whichever store it searches: the HTTP layer never knows which. What a
   * backend cannot answer it refuses ({@link SearchBackend.UnsupportedException}), which the client gets as a 409
   * that says so.
   *
   * @param writer where posted and deleted transcripts go; null for a server that cannot write (writes get 403)
   * @param newsroom the alerts and the watched folder, either of which may be absent
   */
  public ApiApp(SearchBackend backend, TranscriptWriter writer, ApiConfig config, Newsroom newsroom) {
    this.backend = backend;
    this.writer = writer;
    this.config = writer == null ? config.withAdminToken(null) : config;
    this.access = new AccessControl(this.config);
    this.reads = ReadGate.forThisMachine((backend == null ? SearchLimits.DEFAULT : backend.limits()).timeout());
    this.openApi = resource("openapi.json");
    this.parameters = QueryParameters.of(openApi);
    this.web = new WebAssets();
    this.newsroom = newsroom;
    this.alertRoutes = new AlertRoutes(newsroom.alerts(), access);
    this.research = new Research(this::search);
  }

  /** Every route of the API, HEAD and OPTIONS included; {@code /openapi.json} describes exactly these. */
  public List<Route> routes() {
    List<Route> routes = new ArrayList<>(List.of(
        new Route(HandlerType.GET, "/api/search", Access.READ,
            ctx -> JsonAnswer.send(ctx, search(ctx).search(Params.search(ctx)))),
        new Route(HandlerType.GET, "/api/highlight", Access.READ, this::highlight),
        new Route(HandlerType.GET, "/api/utterances/{id}", Access.READ, this::utterance),
        new Route(HandlerType.GET, "/api/episodes/{id}", Access.READ,
            ctx -> JsonAnswer.send(ctx, search(ctx).episode(ctx.pathParam("id"), ctx.queryParam("q")))),
        new Route(HandlerType.DELETE, "/api/episodes/{id}", Access.ADMIN, this::deleteEpisode),
        new Route(HandlerType.POST, "/api/transcripts", Access.ADMIN, this::postTranscripts),
        new Route(HandlerType.GET, "/api/speakers", Access.READ, this::speakers),
        new Route(HandlerType.GET, "/api/health", Access.OPEN, this::health),
        new Route(HandlerType.GET, "/api/quotes", Access.READ, research::quotes),
        new Route(HandlerType.GET, "/api/timeline", Access.READ, research::timeline),
        new Route(HandlerType.GET, "/api/speakers/{name}", Access.READ, research::person),
        new Route(HandlerType.GET, "/api/search/export", Access.READ, research::export),
        new Route(HandlerType.GET, "/openapi.json", Access.OPEN,
            ctx -> ctx.contentType("application/json").result(openApi)),
        new Route(HandlerType.GET, "/", Access.OPEN, this::page),
        new Route(HandlerType.GET, "/widget.js", Access.OPEN, this::widget)));
    routes.addAll(alertRoutes.routes());
    return ImpliedRoutes.with(routes, config.cors());
  }

  private void health(Context ctx) throws IOException {
    SearchService embedded = backend.embedded();
    ctx.json(new ServerHealth(
        backend.health(),
        newsroom.alerts() == null ? null : newsroom.alerts().status(),
        newsroom.watch() == null ? null : newsroom.watch().status(),
        embedded == null ? null : embedded.resultsCache()));
  }

  /** The gate every read passes: how many are working, and how many were stopped because their client had gone. */
  ReadGate readGate() {
    return reads;
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
    config.http.maxRequestSize = this.config.maxBodyBytes();
    // Stopping lets requests under way finish (up to a limit), so a write answered 201 is in the index.
    config.jetty.modifyServer(server -> {
      server.insertHandler(new GracefulHandler());
      server.insertHandler(new MethodOverrideRefusal()); // a GET that says DELETE must not delete
      server.setStopTimeout(STOP_TIMEOUT_MILLIS);
      server.setErrorHandler(new JsonErrorHandler()); // Jetty's own refusals (414, 431, bad paths) as JSON too
    });
    // No buffer is shared between connections. Jetty's pooled buffers have let one request's bytes out in another
    // connection's answer: a 431 answered with the URI of the 414 request before it (RefusalLeakTest; about once in
    // a few thousand refusals on Jetty 12.1.6), one pooled buffer in use by two connections at once. With nothing
    // pooled, a buffer released early is still written only by the connection that held it. Heap buffers, as a
    // direct one per request would be slow to allocate and to free.
    config.jetty.modifyHttpConfiguration(http -> {
      http.setUseInputDirectByteBuffers(false);
      http.setUseOutputDirectByteBuffers(false);
    });
    config.jetty.addConnector((server, http) -> {
      ServerConnector connector =
          new ServerConnector(server, null, null, new ByteBufferPool.NonPooling(), -1, -1, new HttpConnectionFactory(http));
      connector.setHost(config.jetty.host);
      connector.setPort(config.jetty.port);
      return connector;
    });
    config.routes.before(this::commonHeaders);
    for (Route route : routes()) {
      Handler checked = ctx -> {
        access.check(ctx, route.access());
        parameters.check(ctx, route);
        if (route.access() == Access.READ) {
          reads.run(ctx, route.handler());
        } else {
          route.handler().handle(ctx);
        }
      };
      config.routes.addEndpoint(new Endpoint(route.method(), route.path(), checked, Set.of()));
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
        UnavailableException.class, (e, ctx) -> error(ctx, HttpStatus.SERVICE_UNAVAILABLE, e.getMessage()));
    config.routes.exception(
        SearchBackend.UnsupportedException.class,
        // The server can answer it on another backend: the client asked this one for what it does not hold, not an
        // error of the server's (no 5xx for what a client sends).
        (e, ctx) -> error(ctx, HttpStatus.CONFLICT, e.getMessage()));
    config.routes.exception(BadInputException.class, (e, ctx) -> error(ctx, HttpStatus.BAD_REQUEST, detail(e)));
    config.routes.exception(
        UnsupportedBodyException.class, (e, ctx) -> error(ctx, HttpStatus.UNSUPPORTED_MEDIA_TYPE, e.getMessage()));
    config.routes.exception(HttpResponseException.class, this::httpError);
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

  private void httpError(HttpResponseException e, Context ctx) {
    HttpStatus status = HttpStatus.forStatus(e.getStatus());
    String detail = e.getMessage();
    if (status == HttpStatus.UNAUTHORIZED) {
      ctx.header("WWW-Authenticate", "Bearer");
    } else if (status == HttpStatus.CONTENT_TOO_LARGE) {
      detail = "the request body is larger than this server's limit of " + config.maxBodyBytes() + " bytes";
    }
    error(ctx, status, detail);
  }

  private static String detail(BadInputException e) {
    return e.location() == null ? e.reason() : e.location() + ": " + e.reason();
  }

  /** Headers every answer carries. */
  private void commonHeaders(Context ctx) {
    JsonErrorHandler.SECURITY_HEADERS.forEach(ctx::header);
    config.cors().apply(ctx);
  }

  private void postTranscripts(Context ctx) throws IOException, BadInputException {
    TranscriptWriter.BodyType type = BodyTypes.of(ctx.contentType());
    ctx.status(HttpStatus.CREATED).json(new Posted(writer.write(ctx.bodyAsBytes(), type)));
  }

  private void deleteEpisode(Context ctx) throws IOException {
    String id = ctx.pathParam("id");
    if (!writer.delete(id)) {
      throw new NotFoundException("no episode with id " + id);
    }
    ctx.status(HttpStatus.NO_CONTENT);
  }

  /** The answer to a POST: the transcripts written. */
  record Posted(List<TranscriptWriter.Written> transcripts) {}

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
    JsonAnswer.send(ctx, search(ctx).highlight(id, Params.text(ctx, "q")));
  }

  private void utterance(Context ctx) throws IOException {
    JsonAnswer.send(ctx, search(ctx).utterance(ctx.pathParam("id"), Params.integer(ctx, "context", 0)));
  }

  /** Without about, /api/speakers is name completion: what narrows a ranking by subject does not apply; and back. */
  private static void refuseWhatDoesNotApply(Context ctx, String about) {
    if (about == null) {
      QueryParameters.refuse(ctx, ABOUT_ONLY, "applies only with about (who said the most about a subject); without"
          + " about this is name completion, which takes prefix and size");
    } else {
      QueryParameters.refuse(ctx, List.of("prefix"), "does not apply with about: prefix is for name completion");
    }
  }

  private void speakers(Context ctx) throws IOException {
    String about = Params.text(ctx, "about");
    refuseWhatDoesNotApply(ctx, about);
    int size = Params.integer(ctx, "size", DEFAULT_SPEAKERS);
    SearchBackend speakers = search(ctx);
    if (about != null) {
      SearchRequest request =
          SearchRequest.builder()
              .query(about)
              .speakers(Params.all(ctx, "speaker"))
              .programs(Params.all(ctx, "program"))
              .topics(Params.all(ctx, "topic"))
              .roles(Params.all(ctx, "role"))
              .from(Params.date(ctx, "from"))
              .to(Params.date(ctx, "to"))
              .exact(Params.bool(ctx, "exact", false))
              .build();
      var options =
          new SpeakerSearch.AboutOptions(
              size,
              Params.integer(ctx, "quotes", DEFAULT_QUOTES),
              Params.bool(ctx, "hosts", true),
              Params.bool(ctx, "unidentified", true));
      JsonAnswer.send(ctx, speakers.speakersAbout(request, options));
    } else {
      var names = speakers.nameSuggestions(ctx.queryParam("prefix"), size);
      ShardHeaders.set(ctx, names.shards()); // a bare list has no field to say it comes from fewer shards
      JsonAnswer.send(ctx, names.values());
    }
  }

  /** The backend bound to this read's deadline: every phase of the request shares its time limit. */
  private SearchBackend search(Context ctx) {
    return backend.within(reads.deadline(ctx));
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
