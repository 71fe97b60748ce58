package org.transcriptsearch.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transcriptsearch.TestIndexes;
import org.transcriptsearch.alerts.AlertService;
import org.transcriptsearch.alerts.Webhooks;
import org.transcriptsearch.generate.CorpusGenerator;
import org.transcriptsearch.generate.JsonlWriter;
import org.transcriptsearch.index.TranscriptIndex;
import org.transcriptsearch.ingest.TranscriptWriter;
import org.transcriptsearch.model.Json;
import org.transcriptsearch.search.SearchLimits;
import org.transcriptsearch.search.SearchService;
import org.transcriptsearch.search.SpeakerSearch;
import org.transcriptsearch.watch.FolderWatcher;

/**
 * The OpenAPI document says exactly what the server sends. A real server on a real index (the bundled sample corpus,
 * the test fixtures and a generated corpus) answers every documented operation, with success and with each of its
 * documented errors; every answer must be one the document declares for that operation, and its body must validate
 * against the declared schema with a JSON Schema 2020-12 validator, which refuses any field the document does not
 * declare, and carry the headers it declares. Every example in the document validates against its schema too.
 */
class OpenApiContractTest {
  private static final String TOKEN = "contract-admin-token";
  private static final String KEY = "contract-read-key";
  private static final String[] ADMIN = {"Authorization", "Bearer " + TOKEN};
  private static final String[] ADMIN_JSON = {"Authorization", "Bearer " + TOKEN, "Content-Type", "application/json"};
  private static final Path FIXTURES = Path.of("src", "test", "resources", "fixtures");
  private static final String NOT_FOUND_SCHEMA = "/components/responses/NotFound/content/application~1json/schema";

  /**
   * Documented answers this test does not provoke, each with why: these reads do too little work to pass even a
   * millisecond's time limit, and answer 503 only after waiting 60 s for their turn behind other reads.
   */
  private static final Set<String> NOT_PROVOKED = withHeads(Set.of(
      "get /api/utterances/{id} 503", "get /api/speakers/{name} 503", "get /api/alerts 503", "get /api/alerts/{id} 503",
      // Only a SolrCloud collection with a shard lost makes the health check unavailable: ShardLostApiTest.
      "get /api/health 503"));

  /** The origin the first server allows to call it from another page. */
  private static final String ORIGIN = "https://intranet.example";

  /** The methods tried on every path: what a path does not take is answered 404. */
  private static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS",
      "TRACE");

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  /** A costly query: seventy fuzzy terms, each rewritten over the index's words. */
  private static final String FUZZY = RequestTimeLimitsTest.FUZZY;

  private static final ApiContract CONTRACT = ApiContract.served();

  @TempDir Path temp;
  private TranscriptIndex index;
  private AlertService alerts;
  private FolderWatcher watcher;
  private final List<Javalin> apps = new ArrayList<>();
  private final List<String> problems = new ArrayList<>();
  private final Set<String> answered = new TreeSet<>();

  @BeforeEach
  void start() throws Exception {
    Path generated = Files.createDirectories(temp.resolve("generated"));
    try (JsonlWriter writer = new JsonlWriter(generated)) {
      CorpusGenerator generator = new CorpusGenerator(16);
      for (int i = 0; i < 20; i++) {
        writer.write(i, generator.transcript(i));
      }
    }
    index = TestIndexes.build(temp.resolve("index"), TestIndexes.SAMPLE_CORPUS, TestIndexes.FIXTURE_CORPUS,
        FIXTURES.resolve("mirrors"), FIXTURES.resolve("soundbites.jsonl"), generated.resolve(JsonlWriter.FILE_NAME));
    SearchService search = new SearchService(index);
    alerts = AlertService.open(temp.resolve("alerts"), index, search, new Webhooks(Set.of("127.0.0.1")));
    index.addPutListener(alerts);
    watcher = new FolderWatcher(Files.createDirectories(temp.resolve("inbox")), index, TestIndexes.PIPELINE,
        Duration.ofMillis(50), Duration.ofMillis(1_000), Clock.systemUTC());
    watcher.start();
  }

  @AfterEach
  void stop() throws Exception {
    apps.forEach(Javalin::stop);
    watcher.close();
    alerts.close();
    index.close();
  }

  private Calls serve(ApiConfig config, Newsroom newsroom, boolean writes) {
    return serve(config, newsroom, writes, SearchLimits.DEFAULT);
  }

  private Calls serve(ApiConfig config, Newsroom newsroom, boolean writes, SearchLimits limits) {
    SearchService search = new SearchService(index, limits);
    TranscriptWriter writer = writes ? new TranscriptWriter(index, TestIndexes.PIPELINE) : null;
    Javalin app = new ApiApp(search, new SpeakerSearch(index, search), writer, config, newsroom)
        .create().start("127.0.0.1", 0);
    apps.add(app);
    return new Calls(app);
  }

  @Test
  void everyOperationAnswersAsTheDocumentSaysWithSuccessAndItsErrors() throws Exception {
    Calls open = serve(ApiConfig.DEFAULT.withAdminToken(TOKEN).withCors(new CorsPolicy(Set.of(ORIGIN))),
        new Newsroom(alerts, watcher), true);
    Calls locked = serve(ApiConfig.DEFAULT.withAdminToken(TOKEN).withApiKeys(Set.of(KEY)).withMaxBodyBytes(4096),
        new Newsroom(alerts, null), true);
    Calls readOnly = serve(ApiConfig.DEFAULT, Newsroom.NONE, false);
    Calls noAlerts = serve(ApiConfig.DEFAULT.withAdminToken(TOKEN), Newsroom.NONE, true);
    Calls hurried = serve(ApiConfig.DEFAULT, Newsroom.NONE, false, SearchLimits.DEFAULT.withTimeout(Duration.ofMillis(1)));

    reads(open);
    writes(open);
    unauthorized(locked);
    refusedWrites(readOnly);
    check(noAlerts.post("/api/alerts", "{\"name\": \"x\"}", ADMIN_JSON), "post", "/api/alerts", 404);
    protocol(open);
    pastTheTimeLimit(hurried);

    assertThat(problems).as("answers that differ from the document").isEmpty();
    Set<String> documented = documentedAnswers();
    Set<String> missing = new TreeSet<>(documented);
    missing.removeAll(answered);
    assertThat(missing).as("documented answers never seen").isEqualTo(new TreeSet<>(NOT_PROVOKED));
  }

  private void reads(Calls c) throws Exception {
    JsonNode page = check(c.get("/api/search?q=crimea&size=2"), "get", "/api/search", 200);
    String id = page.get("hits").get(0).get("id").asText();
    String episode = page.get("hits").get(0).get("episode").get("id").asText();
    check(c.get("/api/search?q=crimea&size=2&cursor=" + enc(page.get("nextCursor").asText())), "get",
        "/api/search", 200);
    JsonNode question = check(c.get("/api/search?q=" + enc("what did Lavrov say about Crimea")), "get", "/api/search",
        200);
    assertThat(question.get("interpreted").isObject()).as("a question read as naming a speaker").isTrue();
    check(c.get("/api/search?q=crimea&speaker=lavrov&sort=date&exact=true"), "get", "/api/search", 200);
    JsonNode nothing = check(c.get("/api/search?q=" + enc("speaker:michelle")), "get", "/api/search", 200);
    assertThat(nothing.get("didYouMean")).as("spellings the index holds").isNotEmpty();
    check(c.get("/api/search?q=zzqxw%20crimaea"), "get", "/api/search", 200);
    check(c.get("/api/search?program=ATC"), "get", "/api/search", 200);
    JsonNode folded = check(c.get("/api/search?q=" + enc("speaker:kerry annexation")), "get", "/api/search", 200);
    assertThat(folded.get("hits").get(0).has("alsoIn")).as("a soundbite aired in other stories").isTrue();
    JsonNode mirrored = check(c.get("/api/search?q=kelemen%20paris&size=1"), "get", "/api/search", 200);
    JsonNode copies = check(c.get("/api/episodes/" + enc(mirrored.get("hits").get(0).get("episode").get("id").asText())),
        "get", "/api/episodes/{id}", 200);
    assertThat(copies.get("sources")).as("the copies of a mirrored story").hasSizeGreaterThan(1);
    check(c.get("/api/search?q=" + enc("crimea AND (")), "get", "/api/search", 400);
    check(c.get("/api/search?q=crimea&size=x"), "get", "/api/search", 400);

    check(c.get("/api/highlight?id=" + enc(id) + "&q=crimea"), "get", "/api/highlight", 200);
    check(c.get("/api/highlight?id=" + enc(id)), "get", "/api/highlight", 200);
    check(c.get("/api/highlight?q=crimea"), "get", "/api/highlight", 400);
    check(c.get("/api/highlight?id=no-such-id-9"), "get", "/api/highlight", 404);

    check(c.get("/api/utterances/" + enc(id) + "?context=2"), "get", "/api/utterances/{id}", 200);
    check(c.get("/api/utterances/" + enc(id) + "?context=x"), "get", "/api/utterances/{id}", 400);
    check(c.get("/api/utterances/no-such-id-9"), "get", "/api/utterances/{id}", 404);

    check(c.get("/api/episodes/" + enc(episode) + "?q=crimea"), "get", "/api/episodes/{id}", 200);
    check(c.get("/api/episodes/" + enc(episode)), "get", "/api/episodes/{id}", 200);
    check(c.get("/api/episodes/" + enc(episode) + "?q=" + enc("crimea AND (")), "get", "/api/episodes/{id}", 400);
    check(c.get("/api/episodes/no-such-episode"), "get", "/api/episodes/{id}", 404);

    check(c.get("/api/speakers?about=crimea&quotes=1"), "get", "/api/speakers", 200);
    check(c.get("/api/speakers?about=crimea&hosts=false&unidentified=false"), "get", "/api/speakers", 200);
    check(c.get("/api/speakers?prefix=la"), "get", "/api/speakers", 200);
    check(c.get("/api/speakers"), "get", "/api/speakers", 200);
    check(c.get("/api/speakers?size=0"), "get", "/api/speakers", 400);

    check(c.get("/api/quotes?text=" + enc("the people of Crimea have a right to decide their future")), "get",
        "/api/quotes", 200);
    check(c.get("/api/quotes?text=" + enc("nothing like this was ever said by anyone")), "get", "/api/quotes", 200);
    check(c.get("/api/quotes"), "get", "/api/quotes", 400);

    check(c.get("/api/timeline?q=crimea&interval=month"), "get", "/api/timeline", 200);
    check(c.get("/api/timeline"), "get", "/api/timeline", 200);
    check(c.get("/api/timeline?interval=day"), "get", "/api/timeline", 400);

    check(c.get("/api/speakers/" + enc("sergey lavrov")), "get", "/api/speakers/{name}", 200);
    check(c.get("/api/speakers/" + enc("robert")), "get", "/api/speakers/{name}", 200);
    check(c.get("/api/speakers/" + enc("Nobody Atall")), "get", "/api/speakers/{name}", 404);

    check(c.get("/api/search/export?q=crimea&format=jsonl"), "get", "/api/search/export", 200);
    check(c.get("/api/search/export?q=crimea&format=csv&limit=2"), "get", "/api/search/export", 200);
    check(c.get("/api/search/export?format=xml"), "get", "/api/search/export", 400);

    check(c.get("/api/health"), "get", "/api/health", 200);
    check(c.get("/openapi.json"), "get", "/openapi.json", 200);
    check(c.get("/"), "get", "/", 200);
    check(c.get("/widget.js"), "get", "/widget.js", 200);
  }

  private void writes(Calls c) throws Exception {
    String saved = "{\"name\": \"Ceasefire watch\", \"q\": \"ceasefire\", \"role\": \"guest\", \"from\": \"2024-01-01\"}";
    requestBody("post", "/api/alerts", saved);
    JsonNode alert = check(c.post("/api/alerts", saved, ADMIN_JSON), "post", "/api/alerts", 201);
    String alertId = alert.get("id").asText();
    check(c.post("/api/alerts", "{\"name\": \"x\", \"colour\": \"red\"}", ADMIN_JSON), "post", "/api/alerts", 400);
    check(c.post("/api/alerts", "{\"name\": \"x\"}", "Content-Type", "application/json"), "post", "/api/alerts", 401);

    String body = TranscriptWritesTest.transcript("contract-1", "The ceasefire in the north is holding.");
    requestBody("post", "/api/transcripts", body);
    requestBody("post", "/api/transcripts", "[" + body + "]");
    check(c.post("/api/transcripts", body, ADMIN_JSON), "post", "/api/transcripts", 201);
    assertThat(alerts.awaitIdle(Duration.ofSeconds(20))).isTrue();
    check(c.post("/api/transcripts", "{\"id\": \"broken\"}", ADMIN_JSON), "post", "/api/transcripts", 400);
    check(c.post("/api/transcripts", body, "Content-Type", "application/json"), "post", "/api/transcripts", 401);
    check(c.post("/api/transcripts", "id,text", "Authorization", "Bearer " + TOKEN, "Content-Type", "text/csv"),
        "post", "/api/transcripts", 415);

    check(c.get("/api/alerts"), "get", "/api/alerts", 200);
    check(c.get("/api/alerts/" + alertId), "get", "/api/alerts/{id}", 200);
    check(c.get("/api/alerts/no-such-alert"), "get", "/api/alerts/{id}", 404);
    check(c.get("/api/alerts/" + alertId + "/feed.atom"), "get", "/api/alerts/{id}/feed.atom", 200);
    check(c.get("/api/alerts/no-such-alert/feed.atom"), "get", "/api/alerts/{id}/feed.atom", 404);
    check(c.get("/api/health"), "get", "/api/health", 200);

    check(c.delete("/api/alerts/" + alertId), "delete", "/api/alerts/{id}", 401);
    check(c.delete("/api/alerts/" + alertId, ADMIN), "delete", "/api/alerts/{id}", 204);
    check(c.delete("/api/alerts/" + alertId, ADMIN), "delete", "/api/alerts/{id}", 404);
    check(c.delete("/api/episodes/contract-1"), "delete", "/api/episodes/{id}", 401);
    check(c.delete("/api/episodes/contract-1", ADMIN), "delete", "/api/episodes/{id}", 204);
    check(c.delete("/api/episodes/contract-1", ADMIN), "delete", "/api/episodes/{id}", 404);
  }

  /** A server whose reads need a key: every read refused without one; a body over its limit refused. */
  private void unauthorized(Calls c) throws Exception {
    for (String[] read : new String[][] {
        {"/api/search?q=crimea", "/api/search"}, {"/api/highlight?id=x", "/api/highlight"},
        {"/api/utterances/x", "/api/utterances/{id}"}, {"/api/episodes/x", "/api/episodes/{id}"},
        {"/api/speakers?prefix=a", "/api/speakers"}, {"/api/quotes?text=crimea", "/api/quotes"},
        {"/api/timeline?q=crimea", "/api/timeline"}, {"/api/speakers/lavrov", "/api/speakers/{name}"},
        {"/api/search/export?q=crimea", "/api/search/export"}, {"/api/alerts", "/api/alerts"},
        {"/api/alerts/x", "/api/alerts/{id}"}, {"/api/alerts/x/feed.atom", "/api/alerts/{id}/feed.atom"}}) {
      check(c.get(read[0]), "get", read[1], 401);
    }
    check(c.get("/api/search?q=crimea", "X-Api-Key", KEY), "get", "/api/search", 200);
    byte[] large = ("{\"id\": \"large\", \"pad\": \"" + "x".repeat(5000) + "\"}").getBytes(StandardCharsets.UTF_8);
    check(c.post("/api/transcripts", large, ADMIN_JSON), "post", "/api/transcripts", 413);
  }

  /** A server that cannot write and keeps no alerts. */
  private void refusedWrites(Calls c) throws Exception {
    check(c.post("/api/transcripts", "{}", ADMIN_JSON), "post", "/api/transcripts", 403);
    check(c.delete("/api/episodes/x", ADMIN), "delete", "/api/episodes/{id}", 403);
    check(c.post("/api/alerts", "{\"name\": \"x\"}", ADMIN_JSON), "post", "/api/alerts", 403);
    check(c.delete("/api/alerts/x", ADMIN), "delete", "/api/alerts/{id}", 403);
    check(c.get("/api/alerts"), "get", "/api/alerts", 404);
  }

  /** A server whose reads may take a millisecond: costly reads answer 503 with the reason. */
  private void pastTheTimeLimit(Calls c) throws Exception {
    String q = enc(FUZZY);
    check(c.get("/api/search?size=100&q=" + q), "get", "/api/search", 503);
    check(c.get("/api/highlight?id=fx-crimea-2014-2&q=" + q), "get", "/api/highlight", 503);
    check(c.get("/api/episodes/fx-crimea-2014?q=" + q), "get", "/api/episodes/{id}", 503);
    check(c.get("/api/speakers?size=50&quotes=10&about=" + q), "get", "/api/speakers", 503);
    check(c.get("/api/timeline?interval=week&q=" + q), "get", "/api/timeline", 503);
    check(c.get("/api/search/export?format=jsonl&q=" + q), "get", "/api/search/export", 503);
    check(c.get("/api/quotes?size=20&text=" + enc(FUZZY.replace("~2 OR", "").replace("~2", ""))), "get",
        "/api/quotes", 503);
  }

  /** Answers every path can give: a refused method override, an unknown path, a wrong method. */
  private void protocol(Calls c) throws Exception {
    String[] override = {MethodOverrideRefusal.HEADER, "DELETE"};
    check(c.get("/api/health", override), "get", "/api/health", 400);
    check(c.get("/openapi.json", override), "get", "/openapi.json", 400);
    check(c.get("/", override), "get", "/", 400);
    check(c.get("/widget.js", override), "get", "/widget.js", 400);
    check(c.get("/api/alerts", override), "get", "/api/alerts", 400);
    check(c.get("/api/alerts/x", override), "get", "/api/alerts/{id}", 400);
    check(c.get("/api/alerts/x/feed.atom", override), "get", "/api/alerts/{id}/feed.atom", 400);
    check(c.delete("/api/alerts/x", override), "delete", "/api/alerts/{id}", 400);
    check(c.delete("/api/episodes/x", override), "delete", "/api/episodes/{id}", 400);
    check(c.get("/api/speakers/x", override), "get", "/api/speakers/{name}", 400);
    // Jetty's own refusals, before any route: the document's Error shape too.
    jettyError(c.get("/api/search?q=" + "a".repeat(20_000)), 414);
    jettyError(c.get("/api/search?q=crimea", "X-Big", "b".repeat(20_000)), 431);
    notFound(c.get("/api/no-such-route"));
    notFound(c.delete("/api/search"));
    notFound(c.post("/api/health", "{}"));
    for (String path : documentedPaths()) {
      options(c, path);
      methodsNotTaken(c, path);
    }
  }

  /** A plain OPTIONS, a preflight from the allowed origin and from another, and one with a method override. */
  private void options(Calls c, String path) throws Exception {
    String concrete = path.replaceAll("\\{[^}]+\\}", "x");
    check(c.options(concrete), "options", path, 204);
    HttpResponse<String> allowed = c.options(concrete + "?q=crimea", "Origin", ORIGIN,
        "Access-Control-Request-Method", "GET", "Access-Control-Request-Headers", "x-api-key");
    check(allowed, "options", path, 204);
    for (String header : List.of("Access-Control-Allow-Origin", "Access-Control-Allow-Methods",
        "Access-Control-Allow-Headers", "Access-Control-Max-Age")) {
      if (allowed.headers().firstValue(header).isEmpty()) {
        problems.add("OPTIONS " + concrete + ": a preflight from an allowed origin answered without " + header);
      }
    }
    check(c.options(concrete, "Origin", "https://elsewhere.example", "Access-Control-Request-Method", "GET"),
        "options", path, 403);
    check(c.options(concrete, MethodOverrideRefusal.HEADER, "DELETE"), "options", path, 400);
  }

  /** Each method the document does not give {@code path} is answered 404 with the Error body (HEAD without it). */
  private void methodsNotTaken(Calls c, String path) throws Exception {
    String concrete = path.replaceAll("\\{[^}]+\\}", "x");
    for (String method : METHODS) {
      if (CONTRACT.document().at("/paths/" + ApiContract.escape(path) + "/" + method.toLowerCase(Locale.ROOT))
          .isMissingNode()) {
        HttpResponse<String> response = c.send(method, concrete);
        if (method.equals("HEAD") && response.statusCode() == 404) {
          continue;
        }
        notFound(response);
      }
    }
  }

  @Test
  void aFieldTheDocumentDoesNotDeclareIsRefused() throws Exception {
    Calls c = serve(ApiConfig.DEFAULT, Newsroom.NONE, false);
    HttpResponse<String> response = c.get("/api/search?q=crimea");
    String schema = CONTRACT.responseSchema("get", "/api/search", 200, "application/json").orElseThrow();
    ObjectNode body = (ObjectNode) Calls.json(response);
    assertThat(CONTRACT.errors(schema, body)).isEmpty();

    ObjectNode extra = body.deepCopy();
    extra.put("relevance", 1);
    assertThat(CONTRACT.errors(schema, extra)).singleElement().asString().contains("relevance");

    ObjectNode deepExtra = body.deepCopy();
    ((ObjectNode) deepExtra.get("hits").get(0).get("speaker")).put("gender", "f");
    assertThat(CONTRACT.errors(schema, deepExtra)).singleElement().asString().contains("gender");

    ObjectNode missing = body.deepCopy();
    missing.remove("nextCursor");
    assertThat(CONTRACT.errors(schema, missing)).singleElement().asString().contains("nextCursor");

    ObjectNode wrongNull = body.deepCopy();
    ((ObjectNode) wrongNull.get("hits").get(0)).putNull("text");
    assertThat(CONTRACT.errors(schema, wrongNull)).singleElement().asString().contains("text");

    ObjectNode badDate = body.deepCopy();
    ((ObjectNode) badDate.get("hits").get(0).get("episode")).put("date", "March 5, 2014");
    assertThat(CONTRACT.errors(schema, badDate)).singleElement().asString().contains("date");
  }

  /** The check other suites use (the SolrCloud one among them) on whole answers: declared ones pass, others do not. */
  @Test
  void aWholeAnswerIsCheckedByItsPathMethodStatusHeadersAndBody() throws Exception {
    Calls c = serve(ApiConfig.DEFAULT, Newsroom.NONE, false);
    for (HttpResponse<String> declared : List.of(c.get("/api/search?q=crimea"), c.get("/api/episodes/nope"),
        c.get("/api/search/export?q=crimea&format=jsonl"), c.get("/api/search/export?q=crimea"),
        c.send("HEAD", "/api/episodes/fx-crimea-2014"), c.options("/api/speakers/x"), c.get("/"))) {
      assertThat(CONTRACT.answerErrors(declared)).as(declared.uri().toString()).isEmpty();
    }
    assertThat(CONTRACT.answerErrors(c.get("/api/no-such-route"))).singleElement().asString()
        .contains("not an answer the document declares for get (no path)");
    assertThat(CONTRACT.answerErrors(c.send("PUT", "/api/search"))).singleElement().asString()
        .contains("not an answer the document declares for put /api/search");
  }

  @Test
  void canonicalTranscriptsMatchTheSchemaThatPostsThem() throws Exception {
    List<String> failures = new ArrayList<>();
    int checked = 0;
    for (Path file : List.of(TestIndexes.FIXTURE_CORPUS, FIXTURES.resolve("soundbites.jsonl"),
        temp.resolve("generated").resolve(JsonlWriter.FILE_NAME))) {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      for (int i = 0; i < lines.size(); i++) {
        List<String> errors = CONTRACT.errors("/components/schemas/Transcript", Json.mapper().readTree(lines.get(i)));
        checked++;
        if (!errors.isEmpty()) {
          failures.add(file + ":" + (i + 1) + ": " + errors);
        }
      }
    }
    assertThat(failures).isEmpty();
    assertThat(checked).isGreaterThan(25);
  }

  @Test
  void everyExampleInTheDocumentMatchesItsSchema() {
    List<String> checked = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    examples(CONTRACT.document(), "", checked, failures);
    assertThat(failures).isEmpty();
    assertThat(checked).as("examples found").hasSizeGreaterThanOrEqualTo(10);
  }

  /**
   * Walks the document: a schema's {@code examples} (a list of values) and a media type's or parameter's
   * {@code example} / {@code examples} (a map of Example objects) are validated against the schema beside them.
   */
  private static void examples(JsonNode node, String pointer, List<String> checked, List<String> failures) {
    if (!node.isContainerNode()) {
      return;
    }
    if (node.isObject()) {
      boolean isSchemaExamples = node.path("examples").isArray();
      if (isSchemaExamples) {
        for (JsonNode example : node.get("examples")) {
          validate(pointer, example, checked, failures);
        }
      }
      if (node.has("schema") && (node.has("example") || node.path("examples").isObject())) {
        String schema = pointer + "/schema";
        if (node.has("example")) {
          validate(schema, node.get("example"), checked, failures);
        }
        node.path("examples").properties().forEach(e -> validate(schema, e.getValue().get("value"), checked, failures));
      }
      node.properties().forEach(e -> examples(e.getValue(), pointer + "/" + ApiContract.escape(e.getKey()), checked,
          failures));
    } else {
      for (int i = 0; i < node.size(); i++) {
        examples(node.get(i), pointer + "/" + i, checked, failures);
      }
    }
  }

  private static void validate(String schema, JsonNode example, List<String> checked, List<String> failures) {
    checked.add(schema);
    List<String> errors = CONTRACT.errors(schema, example);
    if (!errors.isEmpty()) {
      failures.add(schema + ": " + errors);
    }
  }

  /** Checks a JSON request body the server accepts against the operation's documented request body. */
  private void requestBody(String method, String path, String body) throws IOException {
    String schema = "/paths/" + ApiContract.escape(path) + "/" + method + "/requestBody/content/application~1json/schema";
    List<String> errors = CONTRACT.errors(schema, Json.mapper().readTree(body));
    if (!errors.isEmpty()) {
      problems.add(method + " " + path + " request body: " + errors);
    }
  }

  /** Every answer the document declares, as "method path status". */
  private static Set<String> documentedAnswers() {
    Set<String> out = new TreeSet<>();
    CONTRACT.document().get("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
      if (op.getValue().has("responses")) {
        op.getValue().get("responses").properties().forEach(r ->
            out.add(op.getKey() + " " + path.getKey() + " " + r.getKey()));
      }
    }));
    return out;
  }

  /**
   * Checks one answer against the document: its status must be {@code expected} and declared for the operation,
   * its media type declared for that status, and a JSON body (each line of JSON lines) valid against the schema.
   * Returns the body as JSON when it is JSON.
   */
  private JsonNode check(HttpResponse<String> response, String method, String path, int expected) throws IOException {
    String call = method.toUpperCase(Locale.ROOT) + " " + response.uri().getRawPath()
        + (response.uri().getRawQuery() == null ? "" : "?" + response.uri().getRawQuery());
    String answer = method + " " + path + " " + response.statusCode();
    if (response.statusCode() != expected) {
      problems.add(call + " answered " + response.statusCode() + ", expected " + expected + ": " + response.body());
      return null;
    }
    if (!CONTRACT.declares(method, path, response.statusCode())) {
      problems.add(call + " answered " + response.statusCode() + ", which the document does not declare");
      return null;
    }
    answered.add(answer);
    CONTRACT.headerErrors(method, path, response.statusCode(), response.headers())
        .forEach(e -> problems.add(call + " answered " + response.statusCode() + ": " + e));
    if (method.equals("get")) {
      head(response, path);
    }
    if (response.statusCode() == 204) {
      return null;
    }
    String type = response.headers().firstValue("Content-Type").orElse("").split(";")[0].strip();
    var schema = CONTRACT.responseSchema(method, path, response.statusCode(), type);
    if (schema.isEmpty()) {
      problems.add(call + " answered " + type + ", which the document does not declare for " + answer);
      return null;
    }
    return validate(call, schema.get(), type, response.body());
  }

  /**
   * Sends the HEAD of a GET that was answered, with the same headers, and checks it answers as the document says:
   * the GET's status, headers and content type, and no body.
   */
  private void head(HttpResponse<String> get, String path) throws IOException {
    HttpRequest.Builder builder = HttpRequest.newBuilder(get.uri()).method("HEAD", HttpRequest.BodyPublishers.noBody());
    get.request().headers().map().forEach((name, values) -> values.forEach(v -> builder.header(name, v)));
    HttpResponse<String> head;
    try {
      head = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
    String call = "HEAD " + get.uri().getRawPath() + (get.uri().getRawQuery() == null ? "" : "?" + get.uri().getRawQuery());
    if (head.statusCode() != get.statusCode()) {
      problems.add(call + " answered " + head.statusCode() + ", its GET " + get.statusCode());
      return;
    }
    if (!CONTRACT.declares("head", path, head.statusCode())) {
      problems.add(call + " answered " + head.statusCode() + ", which the document does not declare");
      return;
    }
    answered.add("head " + path + " " + head.statusCode());
    CONTRACT.headerErrors("head", path, head.statusCode(), head.headers())
        .forEach(e -> problems.add(call + " answered " + head.statusCode() + ": " + e));
    if (!head.headers().firstValue("Content-Type").equals(get.headers().firstValue("Content-Type"))) {
      problems.add(call + " answered Content-Type " + head.headers().firstValue("Content-Type").orElse("(none)")
          + ", its GET " + get.headers().firstValue("Content-Type").orElse("(none)"));
    }
    if (!head.body().isEmpty()) {
      problems.add(call + " answered a body");
    }
  }

  /** Every path of the document. */
  private static List<String> documentedPaths() {
    List<String> paths = new ArrayList<>();
    CONTRACT.document().get("paths").properties().forEach(p -> paths.add(p.getKey()));
    return paths;
  }

  /** {@code answers} with the HEAD twin of each GET answer: a HEAD is answered as its GET. */
  private static Set<String> withHeads(Set<String> answers) {
    Set<String> out = new TreeSet<>(answers);
    answers.stream().filter(a -> a.startsWith("get ")).forEach(a -> out.add("head " + a.substring(4)));
    return Set.copyOf(out);
  }

  private void notFound(HttpResponse<String> response) throws IOException {
    String call = response.request().method() + " " + response.uri().getRawPath();
    if (response.statusCode() != 404) {
      problems.add(call + " answered " + response.statusCode() + ", expected 404");
      return;
    }
    validate(call, NOT_FOUND_SCHEMA, "application/json", response.body());
  }

  private void jettyError(HttpResponse<String> response, int expected) throws IOException {
    String call = response.request().method() + " " + response.uri().getRawPath();
    if (response.statusCode() != expected) {
      problems.add(call + " answered " + response.statusCode() + ", expected " + expected);
      return;
    }
    validate(call, "/components/schemas/Error", "application/json", response.body());
  }

  private JsonNode validate(String call, String schema, String type, String body) throws IOException {
    if (type.equals("application/x-ndjson")) {
      for (String line : body.split("\n")) {
        List<String> errors = CONTRACT.errors(schema, Json.mapper().readTree(line));
        if (!errors.isEmpty()) {
          problems.add(call + ": " + errors);
        }
      }
      return null;
    }
    if (!type.equals("application/json")) {
      return null;
    }
    JsonNode json = Json.mapper().readTree(body);
    List<String> errors = CONTRACT.errors(schema, json);
    if (!errors.isEmpty()) {
      problems.add(call + ": " + errors);
    }
    return json;
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
