package org.transcriptsearch.solr;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.solr.client.solrj.SolrClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.transcriptsearch.TestIndexes;
import org.transcriptsearch.alerts.AlertService;
import org.transcriptsearch.alerts.Webhooks;
import org.transcriptsearch.cli.Main;
import org.transcriptsearch.http.ApiApp;
import org.transcriptsearch.http.ApiContract;
import org.transcriptsearch.http.ApiConfig;
import org.transcriptsearch.http.Newsroom;
import org.transcriptsearch.ingest.ListenedStores;
import org.transcriptsearch.ingest.TranscriptWriter;
import org.transcriptsearch.index.Schema;
import org.transcriptsearch.index.TranscriptIndex;
import org.transcriptsearch.model.Json;
import org.transcriptsearch.search.EmbeddedBackend;
import org.transcriptsearch.search.SearchLimits;
import org.transcriptsearch.search.SearchService;
import org.transcriptsearch.search.SpeakerSearch;

/**
 * One API suite over both backends: the real HTTP server started once on the embedded index and once on a SolrCloud
 * collection of 2 shards x 2 replicas on 2 nodes, over the same corpora (the bundled sample with the test corpus, and
 * a generated one), each request answered alike by both: the same ids in the same order with the same scores, facet
 * counts, highlight fragments, context, episodes, speaker names, and the same pages when a cursor is followed to the
 * end. Only what cannot be the same is left out of the comparison: the opaque cursors themselves and the index
 * version. Runs with {@code mvn -Psolrcloud test}.
 */
@Tag("solrcloud")
@ExtendWith(SharedSolrCloud.class)
class BothBackendsApiTest {
  private static LocalSolrCloud cluster;
  private static final List<AutoCloseable> open = new ArrayList<>();
  private static final HttpClient http = HttpClient.newHttpClient();
  private static final ApiContract CONTRACT = ApiContract.served();
  private static final String TOKEN = "both-backends-admin-token";
  private static Pair bundled;
  private static Pair generated;
  private static Pair writable;
  private static Pair research;
  private static Pair alerting;
  private static AlertService embeddedAlerts;
  private static AlertService solrAlerts;
  private static final Path RESEARCH = Path.of("src", "test", "resources", "fixtures", "research.jsonl");
  @TempDir static Path work;

  /** The same corpus served twice. */
  private record Pair(Javalin embedded, Javalin solr) {}

  @BeforeAll
  static void serveBoth(LocalSolrCloud shared) throws Exception {
    cluster = shared;
    Path corpus = work.resolve("generated");
    assertThat(cli("generate", "--transcripts", "80", "--out", corpus.toString(), "--format", "jsonl", "--seed",
        "11")).isZero();
    bundled = serve("bundled", TestIndexes.SAMPLE_CORPUS, TestIndexes.FIXTURE_CORPUS);
    generated = serve("generated", corpus);
    writable = serve("writes", true, TestIndexes.FIXTURE_CORPUS);
    research = serve("research", TestIndexes.SAMPLE_CORPUS, TestIndexes.FIXTURE_CORPUS, RESEARCH);
    alerting = serveWithAlerts("alerting", TestIndexes.FIXTURE_CORPUS);
  }

  @AfterAll
  static void stopAll() throws Exception {
    for (AutoCloseable c : open.reversed()) {
      c.close();
    }
    if (cluster != null) {
      try (SolrClient solr = SolrClients.forUrl(cluster.url())) {
        SolrCloudState.deleteCollections(solr, "bundled", "generated", "writes", "research", "alerting", "older",
            "unranked");
      }
    }
  }

  private static Pair serve(String collection, Path... inputs) throws Exception {
    return serve(collection, false, inputs);
  }

  /** Both servers of one corpus; writable ones take writes from holders of {@link #TOKEN}. */
  private static Pair serve(String collection, boolean writes, Path... inputs) throws Exception {
    assertThat(cli("solr", "setup", "--solr", cluster.url(), "--collection", collection, "--shards", "2",
        "--replicas", "2")).isZero();
    List<String> args = new ArrayList<>(List.of("index", "--solr", cluster.url(), "--collection", collection));
    Stream.of(inputs).map(Path::toString).forEach(args::add);
    assertThat(cli(args.toArray(String[]::new))).isZero();
    TranscriptIndex index = TestIndexes.build(work.resolve(collection + "-index"), inputs);
    open.add(index);
    ApiConfig config = writes ? ApiConfig.DEFAULT.withAdminToken(TOKEN) : ApiConfig.DEFAULT;
    Javalin embedded = new ApiApp(EmbeddedBackend.of(index),
        writes ? new TranscriptWriter(index, TestIndexes.PIPELINE) : null, config, Newsroom.NONE)
        .create().start("127.0.0.1", 0);
    open.add(embedded::stop);
    SolrSearchBackend backend = SolrSearchBackend.open(cluster.url(), collection, new Schema(), SearchLimits.DEFAULT);
    open.add(backend);
    Javalin solr = new ApiApp(backend, writes ? new TranscriptWriter(backend.writes(), TestIndexes.PIPELINE) : null,
        config, Newsroom.NONE).create().start("127.0.0.1", 0);
    open.add(solr::stop);
    return new Pair(embedded, solr);
  }

  /**
   * Both servers of one corpus, writable, each keeping alerts in a folder of its own and matching what it writes
   * against them, as {@code serve} and {@code serve --solr} do.
   */
  private static Pair serveWithAlerts(String collection, Path... inputs) throws Exception {
    assertThat(cli("solr", "setup", "--solr", cluster.url(), "--collection", collection, "--shards", "2",
        "--replicas", "2")).isZero();
    List<String> args = new ArrayList<>(List.of("index", "--solr", cluster.url(), "--collection", collection));
    Stream.of(inputs).map(Path::toString).forEach(args::add);
    assertThat(cli(args.toArray(String[]::new))).isZero();
    TranscriptIndex index = TestIndexes.build(work.resolve(collection + "-index"), inputs);
    open.add(index);
    ApiConfig config = ApiConfig.DEFAULT.withAdminToken(TOKEN);
    SearchService search = new SearchService(index);
    embeddedAlerts = AlertService.open(work.resolve(collection + "-embedded-alerts"), index, search,
        new Webhooks(Set.of()));
    open.add(embeddedAlerts);
    index.addPutListener(embeddedAlerts);
    Javalin embedded = new ApiApp(new EmbeddedBackend(search, new SpeakerSearch(index, search)),
        new TranscriptWriter(index, TestIndexes.PIPELINE), config, new Newsroom(embeddedAlerts, null))
        .create().start("127.0.0.1", 0);
    open.add(embedded::stop);
    SolrSearchBackend backend = SolrSearchBackend.open(cluster.url(), collection, new Schema(), SearchLimits.DEFAULT);
    open.add(backend);
    solrAlerts = AlertService.open(work.resolve(collection + "-solr-alerts"), new Schema(), backend,
        new Webhooks(Set.of()));
    open.add(solrAlerts);
    Javalin solr = new ApiApp(backend,
        new TranscriptWriter(ListenedStores.of(backend.writes(), solrAlerts), TestIndexes.PIPELINE), config,
        new Newsroom(solrAlerts, null)).create().start("127.0.0.1", 0);
    open.add(solr::stop);
    return new Pair(embedded, solr);
  }

  static Stream<String> bundledRequests() {
    return Stream.of(
        "/api/search?q=crimea",
        "/api/search?q=" + encode("\"foreign minister\""),
        "/api/search?q=russia&size=3",
        "/api/search?q=crimea&sort=date",
        "/api/search?q=",
        "/api/search?q=crimea&speaker=lavrov",
        "/api/search?q=russia&speaker=kelemen&speaker=lavrov",
        "/api/search?q=russia&program=" + encode("All Things Considered"),
        "/api/search?q=the&role=host&size=5",
        "/api/search?q=aleppo&topic=Syria",
        "/api/search?q=" + encode("what has Lavrov said about Crimea"),
        "/api/search?q=" + encode("speaker:lavrov"),
        "/api/search?q=" + encode("sieg* OR crime*"),
        "/api/search?q=" + encode("crimia~1"),
        "/api/search?q=" + encode("russia -crimea"),
        "/api/search?q=" + encode("title:aleppo"),
        "/api/search?q=" + encode("kyiv"),
        "/api/search?q=" + encode("\"people of crimea\"~2"),
        "/api/search?q=" + encode("crimea russia protect ultimatums"),
        "/api/search?from=2014-01-01&to=2015-12-31&sort=date&size=4",
        "/api/search?q=" + encode("!!!"),
        "/api/search?q=qqqzzzxxxvvv",
        "/api/search?q=" + encode("\"calm ultimatums\"") + "&program=" + encode("Morning Edition") + "&from=2014-01-01",
        "/api/search?q=" + encode("speaker:kelemen aleppo") + "&speaker=lavrov",
        "/api/highlight?id=fx-crimea-2014-2&q=" + encode("crimea OR \"the people\""),
        "/api/highlight?id=fx-kerry-2016-3&q=" + encode("cease*"),
        "/api/utterances/fx-crimea-2014-2?context=1",
        "/api/utterances/fx-kerry-2016-2?context=3",
        "/api/episodes/fx-crimea-2014",
        "/api/episodes/fx-crimea-2014?q=crimea",
        "/api/speakers?prefix=ke",
        "/api/speakers?prefix=",
        "/api/episodes/nope",
        "/api/utterances/nope-1",
        "/api/search?role=reporter",
        "/api/search?cursor=garbage",
        "/api/timeline?q=crimea",
        "/api/timeline?q=russia&interval=month",
        "/api/timeline?q=&interval=week",
        "/api/timeline?q=crimea&speaker=lavrov&interval=month",
        "/api/timeline?q=the&role=host&program=" + encode("All Things Considered"),
        "/api/timeline?from=2014-01-01&to=2015-12-31&interval=month",
        "/api/timeline?q=" + encode("sieg* OR crime*") + "&topic=Syria",
        "/api/timeline?q=qqqzzzxxxvvv",
        "/api/timeline?q=" + encode("!!!"),
        "/api/timeline?q=crimea&interval=day",
        "/api/speakers/lavrov",
        "/api/speakers/" + encode("Sergey Lavrov"),
        "/api/speakers/kelemen",
        "/api/speakers/" + encode("michele kelemen"),
        "/api/speakers/ari",
        "/api/speakers/nobody-at-all",
        "/api/speakers/" + encode("!!!"),
        "/api/speakers?about=crimea",
        "/api/speakers?about=russia&quotes=2&size=3",
        "/api/speakers?about=crimea&hosts=false",
        "/api/speakers?about=the&hosts=false&unidentified=false&quotes=0",
        "/api/speakers?about=" + encode("lavrov crimea") + "&program=" + encode("All Things Considered"),
        "/api/speakers?about=" + encode("\"foreign minister\"") + "&from=2014-01-01",
        "/api/speakers?about=qqqzzzxxxvvv",
        "/api/speakers?about=crimea&quotes=11",
        "/api/search?q=crimia",
        "/api/search?q=" + encode("kerri lavrov syrya"),
        "/api/search?q=" + encode("speaker:lavrof crimea"),
        "/api/search?q=crimea&speaker=kelemin",
        "/api/search?q=" + encode("\"ceasefyre in aleppo\""),
        "/api/search?q=" + encode("dipolmacy OR ultimatumz"),
        "/api/search?q=" + encode("wałęsa krimea"));
  }

  @ParameterizedTest
  @MethodSource("bundledRequests")
  void theBundledCorpusIsAnsweredAlike(String path) throws Exception {
    assertAlike(bundled, path);
  }

  @Test
  void searchesWithHitsHaveThem() throws Exception {
    // "Alike" must not be two empty answers: the searches above find what they are about.
    JsonNode crimea = get(bundled.solr(), "/api/search?q=crimea").body();
    assertThat(crimea.path("total").asLong()).isGreaterThan(3);
    assertThat(crimea.path("hits").get(0).path("highlights").get(0).path("html").asText()).contains("<mark>");
    assertThat(get(bundled.solr(), "/api/search?q=crimea&speaker=lavrov").body().path("hits").size()).isPositive();
    assertThat(get(bundled.solr(), "/api/speakers?prefix=ke").body().size()).isPositive();
    JsonNode misspelt = get(bundled.solr(), "/api/search?q=crimia").body();
    assertThat(misspelt.path("didYouMean").get(0).path("q").asText()).isEqualTo("crimea");
    JsonNode name = get(bundled.solr(), "/api/search?q=crimea&speaker=kelemin").body();
    assertThat(name.path("didYouMean").get(0).path("params").path("speaker").asText()).isEqualTo("Michele Kelemen");
  }

  @Test
  void followingTheCursorGivesTheSamePages() throws Exception {
    for (String path : List.of("/api/search?q=russia&size=2", "/api/search?q=&sort=date&size=7",
        "/api/search?q=the&size=5")) {
      List<JsonNode> embedded = pages(bundled.embedded(), path);
      List<JsonNode> solr = pages(bundled.solr(), path);
      assertThat(solr).as(path).isEqualTo(embedded);
      assertThat(embedded.size()).as(path).isGreaterThan(1);
    }
  }

  @Test
  void theGeneratedCorpusIsAnsweredAlike() throws Exception {
    JsonNode all = get(generated.embedded(), "/api/search?q=&size=20").body();
    assertThat(all.path("total").asLong()).isGreaterThan(500);
    List<String> paths = new ArrayList<>(List.of("/api/search?q=&size=20", "/api/health"));
    JsonNode facets = all.path("facets");
    paths.add("/api/search?q=&speaker=" + encode(facets.path("speaker").get(0).path("value").asText()));
    paths.add("/api/search?q=&program=" + encode(facets.path("program").get(1).path("value").asText()));
    String topic = facets.path("topic").get(0).path("value").asText();
    paths.add("/api/search?q=&topic=" + encode(topic) + "&role=host");
    for (String word : words(all)) {
      // A letter changed and two swapped: misspellings whose "did you mean" comes from each store's terms.
      paths.add("/api/search?q=" + encode(word.substring(0, 2) + "q" + word.substring(3)));
      paths.add("/api/search?q=" + encode(word.charAt(0) + word.substring(2, 3) + word.charAt(1) + word.substring(3)));
      paths.add("/api/search?q=" + encode(word));
      paths.add("/api/search?q=" + encode(word) + "&sort=date&size=5");
      paths.add("/api/search?q=" + encode(word + " " + topic));
      paths.add("/api/speakers?about=" + encode(word) + "&quotes=3");
    }
    String first = all.path("hits").get(0).path("id").asText();
    paths.add("/api/utterances/" + first + "?context=2");
    paths.add("/api/episodes/" + all.path("hits").get(0).path("episode").path("id").asText());
    paths.add("/api/speakers?prefix=");
    for (String path : paths) {
      assertAlike(generated, path);
    }
    assertThat(pages(generated.solr(), "/api/search?q=" + encode(words(all).get(0)) + "&size=9"))
        .isEqualTo(pages(generated.embedded(), "/api/search?q=" + encode(words(all).get(0)) + "&size=9"));
  }

  @Test
  void writesOverHttpAreSearchedAlike() throws Exception {
    String three = transcript("Zanzibar marmalade exports rose sharply this spring.",
        "The marmalade trade in Zanzibar depends on the harbour.", "Thank you.");
    String one = transcript("Zanzibar marmalade exports fell.");
    List<String> searches = List.of("/api/search?q=zanzibar", "/api/search?q=marmalade&sort=date",
        "/api/episodes/w-zanzibar", "/api/search?q=" + encode("\"marmalade trade\""));
    for (String body : List.of(three, one)) { // the second replaces the first, with fewer turns
      Answer embedded = post(writable.embedded(), body);
      Answer solr = post(writable.solr(), body);
      assertThat(solr.status()).isEqualTo(embedded.status()).isEqualTo(201);
      assertThat(solr.body()).isEqualTo(embedded.body());
      for (String path : searches) {
        assertAlike(writable, path);
      }
    }
    assertThat(get(writable.solr(), "/api/episodes/w-zanzibar").body().path("turns").size()).isEqualTo(1);
    for (Javalin app : List.of(writable.embedded(), writable.solr())) {
      assertThat(delete(app, "/api/episodes/w-zanzibar")).isEqualTo(204);
      assertThat(delete(app, "/api/episodes/w-zanzibar")).isEqualTo(404);
    }
    for (String path : searches) {
      assertAlike(writable, path);
    }
    assertThat(get(writable.solr(), "/api/search?q=zanzibar").body().path("total").asLong()).isZero();
  }

  @Test
  void alertsAreSavedMatchedListedAndDeletedAlike() throws Exception {
    List<String> bodies = List.of(
        "{\"name\": \"Marmalade\", \"q\": \"marmalade\"}",
        "{\"name\": \"Ari on the harbour\", \"q\": \"harbour OR harbor\", \"speaker\": \"ari shapiro\"}",
        "{\"name\": \"Trade, said\", \"q\": \"\\\"marmalade trade\\\"\", \"program\": \"Morning Edition\","
            + " \"from\": \"2020-01-01\"}",
        "{\"name\": \"Hosts in 2020\", \"q\": \"\", \"role\": \"host\", \"from\": \"2020-01-01\"}",
        "{\"name\": \"Guests only\", \"q\": \"zanzib*\", \"role\": \"guest\"}",
        "{\"name\": \"Old news\", \"q\": \"marmalade\", \"to\": \"2010-01-01\"}");
    List<String> refused = List.of(
        "{\"q\": \"marmalade\"}",
        "{\"name\": \"Unclosed\", \"q\": \"marmalade AND (\"}",
        "{\"name\": \"Bad date\", \"q\": \"x\", \"from\": \"2020-13-01\"}",
        "{\"name\": \"Webhook\", \"q\": \"x\", \"webhook\": \"https://elsewhere.example/hook\"}",
        "{\"name\": \"Extra\", \"q\": \"x\", \"colour\": \"red\"}",
        "{\"name\": \"" + "n".repeat(201) + "\", \"q\": \"x\"}",
        "[1, 2]");
    for (String body : refused) {
      Answer embedded = send(alerting.embedded(), "POST", "/api/alerts", body);
      Answer solr = send(alerting.solr(), "POST", "/api/alerts", body);
      assertThat(embedded.status()).as(body).isEqualTo(400);
      assertThat(solr.status()).as(body).isEqualTo(embedded.status());
      assertThat(solr.body()).as(body).isEqualTo(embedded.body());
    }
    List<String[]> ids = new ArrayList<>(); // {embedded id, solr id}
    for (String body : bodies) {
      Answer embedded = send(alerting.embedded(), "POST", "/api/alerts", body);
      Answer solr = send(alerting.solr(), "POST", "/api/alerts", body);
      assertThat(embedded.status()).as(body + ": " + embedded.body()).isEqualTo(201);
      assertThat(solr.status()).as(body).isEqualTo(201);
      assertThat(alertShape(solr.body())).as(body).isEqualTo(alertShape(embedded.body()));
      ids.add(new String[] {embedded.body().path("id").asText(), solr.body().path("id").asText()});
    }
    String three = transcript("Zanzibar marmalade exports rose sharply this spring.",
        "The marmalade trade in Zanzibar depends on the harbour.", "Thank you.");
    String later = transcript("Zanzibar marmalade exports fell.").replace("w-zanzibar", "w-zanzibar-2")
        .replace("2020-05-01", "2021-02-03");
    for (String body : List.of(three, later)) {
      assertThat(send(alerting.solr(), "POST", "/api/transcripts", body).status())
          .isEqualTo(send(alerting.embedded(), "POST", "/api/transcripts", body).status()).isEqualTo(201);
    }
    assertThat(embeddedAlerts.awaitIdle(java.time.Duration.ofSeconds(30))).isTrue();
    assertThat(solrAlerts.awaitIdle(java.time.Duration.ofSeconds(30))).isTrue();

    JsonNode embeddedList = get(alerting.embedded(), "/api/alerts").body();
    JsonNode solrList = get(alerting.solr(), "/api/alerts").body();
    assertThat(alertShape(solrList).toPrettyString()).isEqualTo(alertShape(embeddedList).toPrettyString());
    // Alike must not be alike in matching nothing: the alerts above match what they are about, and only that.
    assertThat(embeddedList.findValues("matches").stream().map(JsonNode::asInt).toList())
        .containsExactly(3, 1, 1, 4, 0, 0);
    for (String[] id : ids) {
      Answer embedded = get(alerting.embedded(), "/api/alerts/" + id[0]);
      Answer solr = get(alerting.solr(), "/api/alerts/" + id[1]);
      assertThat(solr.status()).isEqualTo(embedded.status()).isEqualTo(200);
      assertThat(alertShape(solr.body()).toPrettyString()).isEqualTo(alertShape(embedded.body()).toPrettyString());
      assertThat(atomShape(raw(alerting.solr(), "/api/alerts/" + id[1] + "/feed.atom").body(), id[1]))
          .isEqualTo(atomShape(raw(alerting.embedded(), "/api/alerts/" + id[0] + "/feed.atom").body(), id[0]));
    }
    assertThat(comparable(get(alerting.solr(), "/api/health").body().path("alerts")))
        .isEqualTo(comparable(get(alerting.embedded(), "/api/health").body().path("alerts")));

    assertThat(send(alerting.solr(), "DELETE", "/api/alerts/" + ids.get(0)[1], null).status())
        .isEqualTo(send(alerting.embedded(), "DELETE", "/api/alerts/" + ids.get(0)[0], null).status())
        .isEqualTo(204);
    Answer embeddedGone = send(alerting.embedded(), "DELETE", "/api/alerts/" + ids.get(0)[0], null);
    Answer solrGone = send(alerting.solr(), "DELETE", "/api/alerts/" + ids.get(0)[1], null);
    assertThat(solrGone.status()).isEqualTo(embeddedGone.status()).isEqualTo(404);
    assertThat(alertShape(solrGone.body())).isEqualTo(alertShape(embeddedGone.body()));
    assertThat(get(alerting.solr(), "/api/alerts/nope").body()).isEqualTo(get(alerting.embedded(), "/api/alerts/nope")
        .body());
    assertThat(alertShape(get(alerting.solr(), "/api/alerts").body()).toPrettyString())
        .isEqualTo(alertShape(get(alerting.embedded(), "/api/alerts").body()).toPrettyString());
  }

  /**
   * An alert's answer without what each server makes its own: the alert's id, its feed token and the times it was
   * saved and matched (an error's message naming an id keeps its shape).
   */
  private static JsonNode alertShape(JsonNode body) {
    JsonNode copy = body.deepCopy();
    for (String field : List.of("id", "created", "feed", "matched", "lastMatch")) {
      for (JsonNode parent : copy.findParents(field)) {
        if (!parent.get(field).isNull() && parent instanceof ObjectNode o && !o.has("error")) {
          o.put(field, "(" + field + ")");
        }
      }
    }
    if (copy instanceof ObjectNode o && o.has("detail")) {
      o.put("detail", o.get("detail").asText().replaceAll("'[0-9a-f]{16}'", "'(id)'"));
    }
    return copy;
  }

  /** An Atom feed without the server's address, the alert's id and the times of its matches. */
  private static String atomShape(String atom, String id) {
    return atom.replaceAll("http://127\\.0\\.0\\.1:\\d+/", "BASE/").replace(id, "(id)")
        .replaceAll("\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z", "(time)");
  }

  private static Answer send(Javalin app, String method, String path, String body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
        .header("Authorization", "Bearer " + TOKEN)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    HttpResponse<String> response = declared(request.build());
    return new Answer(response.statusCode(),
        response.body().isEmpty() ? Json.mapper().nullNode() : Json.mapper().readTree(response.body()));
  }

  private static String transcript(String... turns) {
    StringBuilder json = new StringBuilder("{\"id\": \"w-zanzibar\", \"title\": \"Marmalade\", \"program\": "
        + "\"Morning Edition\", \"date\": \"2020-05-01\", \"url\": null, \"source\": \"test\", \"topics\": [], "
        + "\"turns\": [");
    for (int i = 0; i < turns.length; i++) {
      json.append(i == 0 ? "" : ", ").append("{\"n\": ").append(i + 1).append(", \"speaker\": {\"name\": \"Ari Shapiro\", "
          + "\"label\": \"ARI SHAPIRO, HOST\", \"role\": \"host\", \"title\": null, \"affiliation\": null}, \"text\": \"")
          .append(turns[i]).append("\", \"attribution\": \"labelled\", \"cues\": []}");
    }
    return json.append("]}").toString();
  }

  private static Answer post(Javalin app, String body) throws IOException, InterruptedException {
    HttpResponse<String> response = declared(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/api/transcripts"))
            .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    return new Answer(response.statusCode(), Json.mapper().readTree(response.body()));
  }

  private static int delete(Javalin app, String path) throws IOException, InterruptedException {
    return declared(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
            .header("Authorization", "Bearer " + TOKEN).DELETE().build()).statusCode();
  }

  static Stream<String> exports() {
    return Stream.of(
        "/api/search/export?q=crimea",
        "/api/search/export?q=crimea&format=jsonl",
        "/api/search/export?q=russia&sort=date&format=jsonl",
        "/api/search/export?q=&format=csv",
        "/api/search/export?q=&sort=date&limit=7",
        "/api/search/export?q=russia&speaker=kelemen&speaker=lavrov&format=jsonl",
        "/api/search/export?q=the&role=host&limit=3",
        "/api/search/export?from=2014-01-01&to=2015-12-31&sort=date&format=jsonl",
        "/api/search/export?q=qqqzzzxxxvvv",
        "/api/search/export?q=" + encode("!!!"),
        "/api/search/export?q=crimea&limit=0",
        "/api/search/export?q=crimea&format=xml");
  }

  @ParameterizedTest
  @MethodSource("exports")
  void exportsAreTheSameBytes(String path) throws Exception {
    assertExportedAlike(bundled, path);
  }

  @Test
  void theGeneratedCorpusExportsAndCountsAlike() throws Exception {
    // More hits than one batch of the export, so the Solr cursor is followed across batches.
    Raw all = raw(generated.solr(), "/api/search/export?q=&format=jsonl");
    assertThat(all.body().lines().count()).isGreaterThan(500);
    for (String path : List.of("/api/search/export?q=&format=jsonl", "/api/search/export?q=&sort=date",
        "/api/search/export?q=&limit=501&format=jsonl")) {
      assertExportedAlike(generated, path);
    }
    for (String path : List.of("/api/timeline?q=", "/api/timeline?q=&interval=week", "/api/timeline?q=&role=host")) {
      assertAlike(generated, path);
    }
    JsonNode speakers = get(generated.embedded(), "/api/speakers?prefix=&size=6").body();
    for (JsonNode speaker : speakers) {
      assertAlike(generated, "/api/speakers/" + encode(speaker.path("value").asText()));
    }
  }

  @Test
  void timelinesAndExportsWithHitsHaveThem() throws Exception {
    JsonNode timeline = get(bundled.solr(), "/api/timeline?q=crimea&interval=month").body();
    assertThat(timeline.path("total").asLong()).isGreaterThan(3);
    assertThat(timeline.path("buckets").size()).isGreaterThan(1);
    Raw export = raw(bundled.solr(), "/api/search/export?q=crimea&format=jsonl");
    assertThat(export.body().lines().count()).isEqualTo(timeline.path("total").asLong());
    assertThat(export.headers()).contains("X-Export-Cut=false");
    JsonNode lavrov = get(bundled.solr(), "/api/speakers/lavrov").body();
    assertThat(lavrov.path("utterances").asLong()).isPositive();
    assertThat(lavrov.path("recent").size()).isPositive();
    JsonNode about = get(bundled.solr(), "/api/speakers?about=crimea").body();
    assertThat(about.path("speakers").size()).isGreaterThan(1);
    assertThat(about.path("speakers").get(0).path("quotes").get(0).path("highlights").toString()).contains("<mark>");
  }

  private static void assertExportedAlike(Pair pair, String path) throws Exception {
    Raw embedded = raw(pair.embedded(), path);
    Raw solr = raw(pair.solr(), path);
    assertThat(solr.status()).as(path).isEqualTo(embedded.status());
    assertThat(solr.headers()).as(path).isEqualTo(embedded.headers());
    assertThat(solr.body()).as(path).isEqualTo(embedded.body());
  }

  /** An answer as sent: status, the headers an export sets, and the body's text. */
  private record Raw(int status, List<String> headers, String body) {}

  private static Raw raw(Javalin app, String path) throws IOException, InterruptedException {
    HttpResponse<String> response =
        declared(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path)).GET().build());
    List<String> headers = new ArrayList<>();
    for (String name : List.of("Content-Type", "Content-Disposition", "X-Total-Count", "X-Export-Rows",
        "X-Export-Cut")) {
      response.headers().firstValue(name).ifPresent(v -> headers.add(name + "=" + v));
    }
    return new Raw(response.statusCode(), headers, response.body());
  }

  static Stream<String> quoteChecks() {
    return Stream.of(
        "/api/quotes?text=" + encode("the people of crimea must decide their future"),
        "/api/quotes?text=" + encode("\u201cThere is no military solution to this conflict, only a political one\u201d"),
        "/api/quotes?text=" + encode("Russia will protect its citizens. The people of Crimea have the right to decide"
            + " their future."),
        "/api/quotes?text=" + encode("only a political one, and both sides must come to the table. And he warned that"
            + " the window for diplomacy is closing"),
        "/api/quotes?text=" + encode("Russia will never give Crimea back to Ukraine, whatever the West decides."),
        "/api/quotes?text=" + encode("Kerry and Lavrov talked for more than 12 hours about a cease-fire in Syria"),
        "/api/quotes?text=crimea",
        "/api/quotes?text=" + encode("there is no military solution") + "&size=1",
        "/api/quotes?text=" + encode("there is no military solution to this conflict") + "&from=2015-01-01",
        "/api/quotes?text=" + encode("the people of crimea") + "&speaker=lavrov&size=3",
        "/api/quotes?text=" + encode("the people of crimea") + "&program=" + encode("Morning Edition"),
        "/api/quotes?text=" + encode("the window for diplomacy") + "&role=correspondent&topic=Syria",
        "/api/quotes?text=" + encode("1,000 people, 12 o'clock, \\back,slash"),
        "/api/quotes",
        "/api/quotes?text=" + encode("...!"),
        "/api/quotes?text=crimea&size=0",
        "/api/quotes?text=crimea&role=pundit",
        "/api/quotes?text=" + "a".repeat(2001));
  }

  @ParameterizedTest
  @MethodSource("quoteChecks")
  void quoteChecksAreAnsweredAlike(String path) throws Exception {
    assertAlike(research, path);
  }

  @Test
  void quoteChecksWithMatchesHaveThem() throws Exception {
    // "Alike" must not be two refusals or two empty answers: the checks above find what they are about.
    JsonNode close = get(research.solr(), "/api/quotes?text=" + encode("the people of crimea must decide their future"))
        .body();
    assertThat(close.path("verdict").asText()).isEqualTo("close");
    assertThat(close.path("matches").get(0).path("id").asText()).isEqualTo("fx-crimea-2014-2");
    assertThat(close.path("matches").get(0).path("similarity").asDouble()).isEqualTo(0.775);
    JsonNode twice = get(research.solr(), "/api/quotes?text="
        + encode("there is no military solution to this conflict, only a political one")).body();
    assertThat(twice.path("verdict").asText()).isEqualTo("said");
    assertThat(twice.path("matches").get(0).path("alsoSaidIn").get(0).asText()).isEqualTo("rs-ceasefire-2016-2");
    JsonNode joined = get(research.solr(), "/api/quotes?text=" + encode("only a political one, and both sides must"
        + " come to the table. And he warned that the window for diplomacy is closing")).body();
    assertThat(joined.path("matches").get(0).path("ids").size()).isEqualTo(2);
    assertThat(get(research.solr(), "/api/quotes?text=crimea&size=0").status()).isEqualTo(400);
  }

  @Test
  void theGeneratedCorpusChecksQuotesAlike() throws Exception {
    JsonNode all = get(generated.embedded(), "/api/search?q=&size=12").body();
    List<String> paths = new ArrayList<>();
    for (JsonNode hit : all.path("hits")) {
      String[] words = hit.path("text").asText().split(" ");
      String said = String.join(" ", java.util.Arrays.copyOfRange(words, 0, Math.min(words.length, 14)));
      paths.add("/api/quotes?text=" + encode(said));
      List<String> changed = new ArrayList<>(List.of(words).subList(0, Math.min(words.length, 10)));
      changed.set(changed.size() / 2, "quietly");
      changed.remove(1);
      paths.add("/api/quotes?text=" + encode(String.join(" ", changed)) + "&size=3");
    }
    paths.add("/api/quotes?text=" + encode(words(all).get(0) + " " + words(all).get(1)) + "&size=20");
    int said = 0;
    for (String path : paths) {
      assertAlike(generated, path);
      said += get(generated.solr(), path).body().path("verdict").asText().equals("said") ? 1 : 0;
    }
    assertThat(said).isGreaterThan(5);
  }

  @Test
  void everyReadCommandPrintsTheSameOnBothBackends() throws Exception {
    String index = work.resolve("bundled-index").toString();
    for (List<String> command : List.of(
        List.of("search", "--json", "crimea"),
        List.of("search", "--speaker", "kelemen", "russia"),
        List.of("search", "--sort", "date", "--size", "3", "crimea"),
        List.of("speakers", "ke"),
        List.of("speakers", "--json", "--limit", "5"),
        List.of("search", "--format", "csv", "--sort", "date", "russia"),
        List.of("search", "--format", "jsonl", "--speaker", "kelemen", "crimea"),
        List.of("search", "--format", "csv", ""),
        List.of("check-quote", "the people of crimea must decide their future"),
        List.of("check-quote", "--json", "--size", "2", "Kerry and Lavrov talked about a cease-fire in Syria"),
        List.of("check-quote", "Russia will never give Crimea back to Ukraine"),
        List.of("timeline", "crimea"),
        List.of("timeline", "--interval", "month", "--json", "--speaker", "kelemen", "russia"),
        List.of("person", "kélémen"),
        List.of("person", "--json", "lavrov"))) {
      List<String> embedded = new ArrayList<>(command.subList(0, 1));
      embedded.addAll(List.of("--index", index));
      embedded.addAll(command.subList(1, command.size()));
      List<String> solr = new ArrayList<>(command.subList(0, 1));
      solr.addAll(List.of("--solr", cluster.url(), "--collection", "bundled"));
      solr.addAll(command.subList(1, command.size()));
      Run local = run(embedded.toArray(String[]::new));
      Run cloud = run(solr.toArray(String[]::new));
      assertThat(cloud.status()).as(cloud.err()).isZero();
      // The opaque cursor is each backend's own; the rank it continues from is the same.
      String cursor = "(--cursor \\d+:)\\S+";
      assertThat(cloud.out().replaceAll(cursor, "$1(cursor)")).as(String.join(" ", command))
          .isEqualTo(local.out().replaceAll(cursor, "$1(cursor)")).isNotBlank();
    }
    Run local = run("person", "--index", index, "nobody-at-all");
    Run cloud = run("person", "--solr", cluster.url(), "--collection", "bundled", "nobody-at-all");
    assertThat(cloud.status()).isEqualTo(local.status()).isEqualTo(1);
    assertThat(cloud.err()).isEqualTo(local.err()).contains("no speaker named 'nobody-at-all'");
  }

  @Test
  void serveSolrServesTheCollection() throws Exception {
    int port;
    try (var socket = new java.net.ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    StringWriter out = new StringWriter();
    String[] args = {"serve", "--solr", cluster.url(), "--collection", "bundled", "--port", Integer.toString(port),
        "--alerts", work.resolve("served-alerts").toString()};
    // serve runs until the JVM stops (its shutdown hook stops it then): a daemon thread of its own.
    Thread server = new Thread(() -> Main.run(new PrintWriter(out, true), new PrintWriter(new StringWriter()), args));
    server.setDaemon(true);
    server.start();
    HttpResponse<String> health = null;
    for (int i = 0; i < 100 && health == null; i++) {
      try {
        health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/search?q=crimea"))
            .GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      } catch (java.net.ConnectException e) {
        Thread.sleep(100);
      }
    }
    assertThat(health).isNotNull();
    assertThat(CONTRACT.answerErrors(health)).isEmpty();
    assertThat(comparable(Json.mapper().readTree(health.body())))
        .isEqualTo(comparable(get(bundled.embedded(), "/api/search?q=crimea").body()));
    assertThat(out.toString()).contains("serving collection bundled at " + cluster.url())
        .contains("Writing over HTTP is disabled")
        .contains("0 alerts, kept in " + work.resolve("served-alerts").toAbsolutePath().normalize()
            + " (matched against what this server writes)");
    Run second = run("serve", "--solr", cluster.url(), "--collection", "bundled", "--port", "0",
        "--alerts", work.resolve("served-alerts").toString());
    assertThat(second.status()).isNotZero();
    assertThat(second.err()).contains("the alerts folder " + work.resolve("served-alerts").toAbsolutePath().normalize()
        + " is in use by another server; give this one a folder of its own with --alerts DIR");
  }

  @Test
  void aCollectionOfAnotherSchemaVersionIsRefusedWithAMessage() throws Exception {
    try (var solr = SolrClients.forUrl(cluster.url())) {
      SolrCloudCollections.createWithSchemaName(solr, "older", SolrConfigset.NAME_PREFIX + "1");
    }
    for (String command : List.of("search", "speakers")) {
      Run run = run(command, "--solr", cluster.url(), "--collection", "older", "crimea");
      assertThat(run.status()).as(command).isNotZero();
      assertThat(run.err()).as(command).contains("made by another version of transcript-search (schema 1, this is "
          + Schema.VERSION + ")");
    }
    try (var solr = SolrClients.forUrl(cluster.url())) {
      SolrCloudCollections.createWithoutRanking(solr, "unranked");
    }
    Run unranked = run("search", "--solr", cluster.url(), "--collection", "unranked", "crimea");
    assertThat(unranked.status()).isNotZero();
    assertThat(unranked.err()).contains("set up by an earlier build of schema " + Schema.VERSION
        + ", without the ranking field 'words'");
  }

  /** The longest words of the first hits' texts: words the generated corpus certainly holds. */
  private static List<String> words(JsonNode page) {
    List<String> words = new ArrayList<>();
    for (JsonNode hit : page.path("hits")) {
      String longest = "";
      for (String w : hit.path("text").asText().split("[^\\p{L}]+")) {
        longest = w.length() > longest.length() ? w : longest;
      }
      if (longest.length() > 3 && !words.contains(longest.toLowerCase()) && words.size() < 4) {
        words.add(longest.toLowerCase());
      }
    }
    return words;
  }

  private static void assertAlike(Pair pair, String path) throws Exception {
    Answer embedded = get(pair.embedded(), path);
    Answer solr = get(pair.solr(), path);
    assertThat(solr.status()).as(path).isEqualTo(embedded.status());
    assertThat(comparable(solr.body()).toPrettyString()).as(path)
        .isEqualTo(comparable(embedded.body()).toPrettyString());
  }

  /** Every page of a search, its cursor followed to the end, without the cursors themselves. */
  private static List<JsonNode> pages(Javalin app, String path) throws Exception {
    List<JsonNode> pages = new ArrayList<>();
    String cursor = null;
    do {
      JsonNode page = get(app, path + (cursor == null ? "" : "&cursor=" + encode(cursor))).body();
      cursor = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asText(null);
      pages.add(comparable(page).path("hits"));
    } while (cursor != null && pages.size() < 50);
    return pages;
  }

  /**
   * The answer without what differs by nature: whether a cursor is present stays, its opaque text goes; the time a
   * copy was first ingested (each store was filled at its own time, and a SolrCloud ingest records none) goes, and
   * so do the health check's results-cache counters, which only the embedded server keeps, and its list of SolrCloud
   * nodes, which only the Solr-backed server has.
   */
  private static JsonNode comparable(JsonNode body) {
    JsonNode copy = body.deepCopy();
    for (JsonNode source : copy.findParents("firstSeen")) {
      ((ObjectNode) source).remove("firstSeen");
    }
    if (copy instanceof ObjectNode o) {
      if (o.has("nextCursor") && !o.get("nextCursor").isNull()) {
        o.put("nextCursor", "(a cursor)");
      }
      o.remove("indexVersion");
      o.remove("resultsCache"); // the embedded server's own cache counters: how it answered, not what
      o.remove("nodes"); // the SolrCloud nodes the server was given (SolrCloudFaultTest pins them): where it asks
    }
    return copy;
  }

  private record Answer(int status, JsonNode body) {}

  private static Answer get(Javalin app, String path) throws IOException, InterruptedException {
    HttpResponse<String> response =
        declared(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path)).GET().build());
    return new Answer(response.statusCode(), Json.mapper().readTree(response.body()));
  }

  /**
   * Sends {@code request} and checks its answer, from either backend, is one the OpenAPI document declares: status,
   * headers, media type, and a body valid against the declared schema, which refuses any field it does not declare.
   */
  private static HttpResponse<String> declared(HttpRequest request) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertThat(CONTRACT.answerErrors(response)).as("the answer as the OpenAPI document declares it").isEmpty();
    return response;
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private record Run(int status, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Main.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(status, out.toString(), err.toString());
  }

  private static int cli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Main.run(new PrintWriter(out), new PrintWriter(err), args);
    if (status != 0) {
      System.err.println(String.join(" ", args) + " failed:\n" + out + err);
    }
    return status;
  }
}
