package org.transcriptsearch.web;

import io.javalin.Javalin;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.transcriptsearch.TestIndexes;
import org.transcriptsearch.http.ApiApp;
import org.transcriptsearch.http.ApiConfig;
import org.transcriptsearch.http.CorsPolicy;
import org.transcriptsearch.index.TranscriptIndex;
import org.transcriptsearch.search.SearchService;
import org.transcriptsearch.search.SpeakerSearch;

/**
 * The real server over an index of the fixture corpus, plus two tiny sites on other ports that embed the widget:
 * one whose origin the server allows, one whose origin it does not.
 */
final class WebServers implements AutoCloseable {
  private final TranscriptIndex index;
  private final Javalin api;
  private final Javalin allowedSite;
  private final Javalin otherSite;

  WebServers(Path indexDir) throws IOException {
    AtomicInteger apiPort = new AtomicInteger();
    this.allowedSite = embeddingSite(apiPort).start("127.0.0.1", 0);
    this.otherSite = embeddingSite(apiPort).start("127.0.0.1", 0);
    this.index = TestIndexes.build(indexDir, TestIndexes.FIXTURE_CORPUS);
    SearchService search = new SearchService(index);
    CorsPolicy cors = new CorsPolicy(Set.of(origin(allowedSite)));
    this.api = new ApiApp(search, new SpeakerSearch(index, search), null, ApiConfig.DEFAULT.withCors(cors)).create().start("127.0.0.1", 0);
    apiPort.set(api.port());
  }

  /** The base URL of the search server, such as http://127.0.0.1:43121. */
  String api() {
    return origin(api);
  }

  /** The page of the site whose origin the server allows. */
  String allowedSite() {
    return origin(allowedSite) + "/";
  }

  /** The page of a site whose origin the server does not allow. */
  String otherSite() {
    return origin(otherSite) + "/";
  }

  /** The allowed site's origin. */
  String allowedOrigin() {
    return origin(allowedSite);
  }

  private static String origin(Javalin app) {
    return "http://127.0.0.1:" + app.port();
  }

  /**
   * A host page with its own styles that would change the widget if they leaked in (and show it if the widget's
   * leaked out), embedding the widget from the search server. Its Content-Security-Policy is strict, as an
   * intranet's may be: no inline style or script, and only the search server to connect to.
   */
  private static Javalin embeddingSite(AtomicInteger apiPort) {
    return Javalin.create(
        config -> {
          config.startup.showJavalinBanner = false;
          config.routes.get(
              "/",
              ctx -> {
                String api = "http://127.0.0.1:" + apiPort.get();
                ctx.header(
                    "Content-Security-Policy",
                    "default-src 'self'; script-src 'self' %1$s; connect-src %1$s; style-src 'self'".formatted(api));
                ctx.html(
                    """
                    <!doctype html>
                    <html lang="en"><head><meta charset="utf-8"><title>Newsroom intranet</title>
                    <link rel="stylesheet" href="/host.css"></head>
                    <body>
                      <h1>Intranet</h1>
                      <ul><li id="own-item">The page's own list</li></ul>
                      <script src="%1$s/widget.js"></script>
                      <transcript-search endpoint="%1$s" q="crimea" size="5"></transcript-search>
                    </body></html>
                    """
                        .formatted(api));
              });
          config.routes.get(
              "/host.css",
              ctx ->
                  ctx.contentType("text/css")
                      .result(
                          """
                          li { border: 0; color: rgb(255, 0, 0); }
                          mark { background: rgb(0, 0, 0); }
                          .status { color: rgb(0, 128, 0); }
                          """));
        });
  }

  @Override
  public void close() throws IOException {
    api.stop();
    allowedSite.stop();
    otherSite.stop();
    index.close();
  }
}
