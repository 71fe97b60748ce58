package org.transcriptsearch.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.transcriptsearch.http.Calls.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.javalin.Javalin;
import java.io.ByteArrayInputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transcriptsearch.TestIndexes;
import org.transcriptsearch.alerts.AlertService;
import org.transcriptsearch.alerts.Webhooks;
import org.transcriptsearch.index.TranscriptIndex;
import org.transcriptsearch.ingest.TranscriptWriter;
import org.transcriptsearch.model.Json;
import org.transcriptsearch.search.SearchService;
import org.transcriptsearch.search.SpeakerSearch;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Saved searches over HTTP: saving, listing, reading and deleting; new transcripts matched as they are posted;
 * the Atom feed parsed and its required elements checked; the feed token; webhooks to an allowlisted loopback
 * receiver with a retry; alerts and feeds after a restart.
 */
class AlertsApiTest {
  private static final String TOKEN = "alerts-admin-token";
  private static final String[] ADMIN = {"Authorization", "Bearer " + TOKEN};
  private static final String[] ADMIN_JSON = {"Authorization", "Bearer " + TOKEN, "Content-Type", "application/json"};
  private static final String ATOM = "http://www.w3.org/2005/Atom";

  @TempDir Path temp;
  private TranscriptIndex index;
  private SearchService search;
  private AlertService alerts;
  private Javalin app;
  private Calls calls;
  private HttpServer receiver;
  private final List<String> received = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger receiverCalls = new AtomicInteger();

  @BeforeEach
  void start() throws Exception {
    index = TestIndexes.build(temp.resolve("index"), TestIndexes.FIXTURE_CORPUS);
    search = new SearchService(index);
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext("/hook", exchange -> {
      byte[] body = exchange.getRequestBody().readAllBytes();
      // The first call fails, so delivery must retry.
      int status = receiverCalls.incrementAndGet() == 1 ? 500 : 204;
      if (status == 204) {
        received.add(new String(body, StandardCharsets.UTF_8));
      }
      exchange.sendResponseHeaders(status, -1);
      exchange.close();
    });
    receiver.start();
    startApp(ApiConfig.DEFAULT.withAdminToken(TOKEN));
  }

  private void startApp(ApiConfig config) throws Exception {
    startApp(config, Set.of("127.0.0.1"));
  }

  private void startApp(ApiConfig config, Set<String> webhookHosts) throws Exception {
    alerts = AlertService.open(temp.resolve("alerts"), index, search, new Webhooks(webhookHosts, Duration.ofMillis(50)));
    index.addPutListener(alerts);
    TranscriptWriter writer = new TranscriptWriter(index, TestIndexes.PIPELINE);
    app = new ApiApp(search, new SpeakerSearch(index, search), writer, config, new Newsroom(alerts, null))
        .create().start("127.0.0.1", 0);
    calls = new Calls(app);
  }

  private void stopApp() throws Exception {
    app.stop();
    alerts.close();
  }

  @AfterEach
  void stop() throws Exception {
    stopApp();
    receiver.stop(0);
    index.close();
  }

  private JsonNode create(String body) throws Exception {
    HttpResponse<String> response = calls.post("/api/alerts", body, ADMIN_JSON);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return json(response);
  }

  private void post(String id, String text, String date) throws Exception {
    String body = TranscriptWritesTest.transcript(id, text).replace("2024-05-01", date);
    HttpResponse<String> response = calls.post("/api/transcripts", body, ADMIN_JSON);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    assertThat(alerts.awaitIdle(Duration.ofSeconds(20))).isTrue();
  }

  @Test
  void aPostedTranscriptIsMatchedAndItsFeedIsValidAtomNewestFirst() throws Exception {
    JsonNode alert = create("{\"name\": \"Ceasefire watch\", \"q\": \"ceasefire\", \"role\": \"guest\"}");
    String id = alert.get("id").asText();
    assertThat(alert.get("name").asText()).isEqualTo("Ceasefire watch");
    assertThat(alert.get("role").toString()).isEqualTo("[\"guest\"]");
    assertThat(alert.get("matches").asLong()).isZero();

    post("news-1", "The ceasefire in the north is holding.", "2024-05-01");
    post("news-2", "Nobody believes the ceasefire will last.", "2024-05-02");
    post("news-3", "The weather is fine.", "2024-05-03");

    JsonNode read = json(calls.get("/api/alerts/" + id));
    assertThat(read.get("matches").asLong()).isEqualTo(2);
    List<String> latest = new ArrayList<>();
    read.get("latest").forEach(e -> latest.add(e.get("utteranceId").asText()));
    assertThat(latest).containsExactly("news-2-2", "news-1-2");
    assertThat(read.get("latest").get(0).get("quote").asText())
        .isEqualTo("Nobody believes the <mark>ceasefire</mark> will last.");
    assertThat(read.get("latest").get(0).get("speaker").asText()).isEqualTo("Jane Doe");

    HttpResponse<String> feed = calls.get("/api/alerts/" + id + "/feed.atom");
    assertThat(feed.statusCode()).isEqualTo(200);
    assertThat(feed.headers().firstValue("Content-Type").orElse("")).startsWith("application/atom+xml");
    Document atom = parse(feed.body());
    Element root = atom.getDocumentElement();
    assertThat(root.getNamespaceURI()).isEqualTo(ATOM);
    assertThat(root.getLocalName()).isEqualTo("feed");
    String base = "http://127.0.0.1:" + app.port();
    assertThat(child(root, "id")).isEqualTo(base + "/api/alerts/" + id + "/feed.atom");
    assertThat(child(root, "title")).isEqualTo("transcript-search alert: Ceasefire watch");
    assertThat(child(root, "updated")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z");
    Element self = (Element) root.getElementsByTagNameNS(ATOM, "link").item(0);
    assertThat(self.getAttribute("rel")).isEqualTo("self");
    assertThat(self.getAttribute("href")).isEqualTo(base + "/api/alerts/" + id + "/feed.atom");
    NodeList entries = root.getElementsByTagNameNS(ATOM, "entry");
    assertThat(entries.getLength()).isEqualTo(2);
    Element first = (Element) entries.item(0);
    assertThat(child(first, "id")).isEqualTo(base + "/?episode=news-2&turn=2");
    assertThat(child(first, "title")).isEqualTo("Jane Doe on Morning Edition: Posted story");
    assertThat(child(first, "updated")).isNotBlank();
    Element link = (Element) first.getElementsByTagNameNS(ATOM, "link").item(0);
    assertThat(link.getAttribute("rel")).isEqualTo("alternate");
    assertThat(link.getAttribute("href")).isEqualTo(base + "/?episode=news-2&turn=2");
    assertThat(child(first, "content"))
        .isEqualTo("<p><strong>Jane Doe</strong> (guest), Morning Edition, 2024-05-02: Posted story</p>"
            + "<blockquote>Nobody believes the <mark>ceasefire</mark> will last.</blockquote>");
    assertThat(child((Element) entries.item(1), "id")).isEqualTo(base + "/?episode=news-1&turn=2");
  }

  @Test
  void postingTheSameTranscriptAgainIsNotANewMatch() throws Exception {
    String id = create("{\"name\": \"Quokkas\", \"q\": \"quokka\"}").get("id").asText();
    post("q-1", "A quokka was seen.", "2024-05-01");
    post("q-1", "A quokka was seen.", "2024-05-01");
    JsonNode read = json(calls.get("/api/alerts/" + id));
    assertThat(read.get("matches").asLong()).isEqualTo(1);
    assertThat(read.get("latest")).hasSize(1);
  }

  @Test
  void listGetAndDelete() throws Exception {
    String a = create("{\"name\": \"A\", \"q\": \"crimea\", \"speaker\": \"lavrov\"}").get("id").asText();
    String b = create("{\"name\": \"B\", \"q\": \"\", \"program\": [\"Morning Edition\"], \"from\": \"2020-01-01\"}")
        .get("id").asText();
    JsonNode list = json(calls.get("/api/alerts"));
    assertThat(list).hasSize(2);
    assertThat(list.get(0).get("id").asText()).isEqualTo(a);
    assertThat(list.get(0).get("speaker").toString()).isEqualTo("[\"lavrov\"]");
    assertThat(list.get(1).get("from").asText()).isEqualTo("2020-01-01");
    assertThat(list.get(1).get("speaker").toString()).isEqualTo("[]");
    JsonNode cleaned = create("{\"name\": \"C\", \"q\": \"crimea\", \"topic\": [null, \" \", \" Crimea \"]}");
    assertThat(cleaned.get("topic").toString()).isEqualTo("[\"Crimea\"]");
    calls.delete("/api/alerts/" + cleaned.get("id").asText(), ADMIN);
    assertThat(list.get(1).get("feed").asText()).startsWith("/api/alerts/" + b + "/feed.atom?token=");

    assertThat(calls.delete("/api/alerts/" + a).statusCode()).isEqualTo(401);
    assertThat(calls.delete("/api/alerts/" + a, ADMIN).statusCode()).isEqualTo(204);
    assertThat(calls.get("/api/alerts/" + a).statusCode()).isEqualTo(404);
    assertThat(calls.get("/api/alerts/" + a + "/feed.atom").statusCode()).isEqualTo(404);
    assertThat(calls.delete("/api/alerts/" + a, ADMIN).statusCode()).isEqualTo(404);
    assertThat(json(calls.get("/api/alerts"))).hasSize(1);
  }

  @Test
  void badAlertsAre400WithTheReasonAndNothingIsSaved() throws Exception {
    assertBad("{\"q\": \"crimea\"}", "name: required");
    assertBad("{\"name\": \"x\", \"q\": \"crimea AND (\"}", "bad query");
    assertBad("{\"name\": \"x\", \"q\": \"nofield:crimea\"}", "unknown field 'nofield'");
    assertBad("{\"name\": \"x\", \"role\": \"pope\"}", "pope");
    assertBad("{\"name\": \"x\", \"speakers\": [\"lavrov\"]}", "unknown field 'speakers'");
    assertBad("{\"name\": \"x\", \"from\": \"2020-02-30\"}", "not an alert in JSON");
    assertBad("[1, 2]", "not an alert in JSON");
    assertBad("{\"name\": \"x\", \"webhook\": \"http://evil.example/hook\"}", "not on this server's allowlist");
    assertBad("{\"name\": \"x\", \"webhook\": \"file:///etc/passwd\"}", "not an http(s) address");
    assertThat(calls.post("/api/alerts", "{\"name\": \"x\"}", "Content-Type", "application/json").statusCode())
        .isEqualTo(401);
    assertThat(json(calls.get("/api/alerts"))).isEmpty();
  }

  private void assertBad(String body, String detail) throws Exception {
    HttpResponse<String> response = calls.post("/api/alerts", body, ADMIN_JSON);
    assertThat(response.statusCode()).as(body + " -> " + response.body()).isEqualTo(400);
    assertThat(json(response).get("detail").asText()).contains(detail);
  }

  @Test
  void aWebhookOnTheAllowlistGetsTheNewMatchesAfterARetry() throws Exception {
    String hook = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    String id = create("{\"name\": \"Hooked\", \"q\": \"narwhal\", \"webhook\": \"" + hook + "\"}").get("id").asText();
    post("w-1", "A narwhal surfaced.", "2024-05-01");
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (received.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(received).hasSize(1);
    assertThat(receiverCalls.get()).isEqualTo(2);
    JsonNode delivery = Json.mapper().readTree(received.get(0));
    assertThat(delivery.get("alertId").asText()).isEqualTo(id);
    assertThat(delivery.get("matches").get(0).get("utteranceId").asText()).isEqualTo("w-1-2");
    assertThat(delivery.get("matches").get(0).get("quote").asText()).isEqualTo("A <mark>narwhal</mark> surfaced.");
    // The server counts the delivery once the receiver's answer is back, which may be just after the body arrived.
    long delivered = 0;
    while (System.nanoTime() < deadline
        && (delivered = json(calls.get("/api/health")).get("alerts").get("webhooks").get("delivered").asLong()) == 0) {
      Thread.sleep(20);
    }
    assertThat(delivered).isEqualTo(1);
  }

  @Test
  void aWebhookWhoseHostIsNoLongerAllowedGetsNothing() throws Exception {
    String hook = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    create("{\"name\": \"Hooked\", \"q\": \"manatee\", \"webhook\": \"" + hook + "\"}");
    stopApp();
    startApp(ApiConfig.DEFAULT.withAdminToken(TOKEN), Set.of("hooks.example"));
    post("m-1", "A manatee.", "2024-05-01");
    Thread.sleep(500);
    assertThat(receiverCalls.get()).isZero();
    JsonNode webhooks = json(calls.get("/api/health")).get("alerts").get("webhooks");
    assertThat(webhooks.get("failed").asLong()).isEqualTo(1);
    assertThat(webhooks.get("allowedHosts").toString()).isEqualTo("[\"hooks.example\"]");
  }

  @Test
  void alertsAndFeedsSurviveARestart() throws Exception {
    String id = create("{\"name\": \"Durable\", \"q\": \"pangolin\"}").get("id").asText();
    post("d-1", "The pangolin trade is growing.", "2024-05-01");
    String before = calls.get("/api/alerts/" + id + "/feed.atom").body().replace(":" + app.port() + "/", ":PORT/");

    stopApp();
    startApp(ApiConfig.DEFAULT.withAdminToken(TOKEN));

    assertThat(json(calls.get("/api/alerts")).get(0).get("name").asText()).isEqualTo("Durable");
    assertThat(calls.get("/api/alerts/" + id + "/feed.atom").body().replace(":" + app.port() + "/", ":PORT/"))
        .isEqualTo(before);
    post("d-2", "Another pangolin was seized.", "2024-05-02");
    assertThat(json(calls.get("/api/alerts/" + id)).get("matches").asLong()).isEqualTo(2);
  }

  @Test
  void withReadKeysAFeedOpensWithItsOwnTokenOnly() throws Exception {
    stopApp();
    startApp(ApiConfig.DEFAULT.withAdminToken(TOKEN).withApiKeys(Set.of("reader-key")));
    JsonNode one = json(calls.post("/api/alerts", "{\"name\": \"One\", \"q\": \"crimea\"}", ADMIN_JSON));
    JsonNode two = json(calls.post("/api/alerts", "{\"name\": \"Two\", \"q\": \"aleppo\"}", ADMIN_JSON));
    String oneFeed = one.get("feed").asText();
    String twoToken = two.get("feed").asText().replaceAll(".*token=", "");

    assertThat(calls.get("/api/alerts/" + one.get("id").asText() + "/feed.atom").statusCode()).isEqualTo(401);
    assertThat(calls.get(oneFeed).statusCode()).isEqualTo(200);
    assertThat(calls.get("/api/alerts/" + one.get("id").asText() + "/feed.atom?token=" + twoToken).statusCode())
        .isEqualTo(401);
    assertThat(calls.get("/api/alerts/" + one.get("id").asText() + "/feed.atom", "X-Api-Key", "reader-key")
        .statusCode()).isEqualTo(200);
    assertThat(calls.get("/api/alerts").statusCode()).isEqualTo(401);
  }

  @Test
  void healthReportsMatching() throws Exception {
    create("{\"name\": \"H\", \"q\": \"walrus\"}");
    post("h-1", "A walrus.", "2024-05-01");
    JsonNode health = json(calls.get("/api/health"));
    assertThat(health.get("status").asText()).isEqualTo("ok");
    assertThat(health.get("alerts").get("alerts").asInt()).isEqualTo(1);
    assertThat(health.get("alerts").get("transcriptsMatched").asLong()).isEqualTo(1);
    assertThat(health.get("alerts").get("notMatched").asLong()).isZero();
    assertThat(health.has("watch")).isFalse();
  }

  private static Document parse(String xml) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  /** The text of the first direct child of {@code parent} named {@code name} in the Atom namespace. */
  private static String child(Element parent, String name) {
    for (var node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element e && ATOM.equals(e.getNamespaceURI()) && name.equals(e.getLocalName())) {
        return e.getTextContent();
      }
    }
    throw new AssertionError("no <" + name + "> in <" + parent.getLocalName() + ">");
  }
}
