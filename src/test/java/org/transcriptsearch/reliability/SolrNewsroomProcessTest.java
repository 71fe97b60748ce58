package org.transcriptsearch.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.transcriptsearch.cli.Main;
import org.transcriptsearch.model.Json;
import org.transcriptsearch.solr.LocalSolrCloud;
import org.transcriptsearch.solr.SharedSolrCloud;
import org.transcriptsearch.solr.SolrClients;
import org.transcriptsearch.watch.FolderWatcher;

/**
 * A live newsroom on SolrCloud with real processes: {@code serve --solr --watch} ingests a file dropped in the
 * watched folder into the collection (a bad record skipped and named, the rest indexed), and transcripts added by a
 * POST, by {@code index --server} and by the watched folder are searchable in the collection and fire an alert saved
 * over HTTP; the alert and its feed survive a restart; a second server on the same alerts folder is refused.
 */
@Tag("solrcloud")
@ExtendWith(SharedSolrCloud.class)
class SolrNewsroomProcessTest {
  private static final String TOKEN = "solr-newsroom-test-token";
  private static final Map<String, String> ENV = Map.of("TRANSCRIPT_SEARCH_ADMIN_TOKEN", TOKEN);
  private static final String COLLECTION = "newsroom";

  private static LocalSolrCloud cluster;
  @TempDir Path temp;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void collection(LocalSolrCloud shared) {
    cluster = shared;
    StringWriter out = new StringWriter();
    int status = Main.run(new PrintWriter(out), new PrintWriter(out), "solr", "setup", "--solr", cluster.url(),
        "--collection", COLLECTION, "--shards", "2", "--replicas", "1");
    assertThat(status).as(out.toString()).isZero();
  }

  @AfterAll
  static void deleteCollection() throws Exception {
    try (SolrClient solr = SolrClients.forUrl(cluster.url())) {
      CollectionAdminRequest.deleteCollection(COLLECTION).process(solr);
    }
  }

  private JavaProcess serve(Path inbox, Path alerts, String log) throws Exception {
    return JavaProcess.start(ENV, temp.resolve(log), "serve", "--solr", cluster.url(), "--collection", COLLECTION,
        "--port", "0", "--watch", inbox.toString(), "--alerts", alerts.toString());
  }

  @Test
  void aWatchedFileAPostAndIndexServerGoIntoTheCollectionAndFireAnAlert() throws Exception {
    Path inbox = temp.resolve("inbox");
    Path alerts = temp.resolve("alerts");
    String alertId;
    String feedBefore;
    try (JavaProcess server = serve(inbox, alerts, "serve-1.log")) {
      String base = baseUrl(server.awaitLine("serving collection " + COLLECTION, 120));
      assertThat(server.awaitLine("kept in", 30))
          .isEqualTo("0 alerts, kept in " + alerts.toAbsolutePath() + " (matched against what this server writes)");
      server.awaitLine("Watching", 30);
      HttpResponse<String> created = send(base, "POST", "/api/alerts", "{\"name\": \"Okapi\", \"q\": \"okapi\"}");
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
      alertId = Json.mapper().readTree(created.body()).get("id").asText();

      // 1. POST
      assertThat(send(base, "POST", "/api/transcripts", transcript("sn-post", "An okapi by post.")).statusCode())
          .isEqualTo(201);
      // 2. index --server
      Path file = Files.writeString(temp.resolve("by-cli.jsonl"), transcript("sn-cli", "An okapi by index.") + "\n");
      try (JavaProcess remote = JavaProcess.start(ENV, temp.resolve("remote.log"), "index", "--server", base,
          file.toString())) {
        assertThat(remote.waitFor(60)).as(Files.readString(temp.resolve("remote.log"))).isZero();
      }
      // 3. the watched folder: a file whose second line is not a transcript is indexed, the line named in a note
      String watched = transcript("sn-watch", "A watched okapi.") + "\n{\"id\": \"sn-broken\", \"turns\": 7}\n";
      Path part = Files.writeString(inbox.resolve("by-watch.jsonl.part"), watched);
      Files.move(part, inbox.resolve("by-watch.jsonl"));

      JsonNode alert = awaitMatches(base, alertId, 3);
      List<String> ids = new ArrayList<>();
      alert.get("latest").forEach(e -> ids.add(e.get("utteranceId").asText()));
      assertThat(ids).containsExactlyInAnyOrder("sn-post-2", "sn-cli-2", "sn-watch-2");
      JsonNode search = Json.mapper().readTree(send(base, "GET", "/api/search?q=okapi&sort=date", null).body());
      assertThat(search.get("total").asLong()).isEqualTo(3);
      Path done = inbox.resolve(FolderWatcher.DONE);
      assertThat(done.resolve("by-watch.jsonl")).exists();
      assertThat(Files.readString(done.resolve("by-watch.jsonl.why.txt")))
          .startsWith(inbox.resolve("by-watch.jsonl").toAbsolutePath() + ": line 2");
      JsonNode health = Json.mapper().readTree(send(base, "GET", "/api/health", null).body());
      assertThat(health.get("watch").get("filesIndexed").asLong()).isEqualTo(1);
      assertThat(health.get("watch").get("transcripts").asLong()).isEqualTo(1);
      assertThat(health.get("alerts").get("alerts").asInt()).isEqualTo(1);
      assertThat(health.get("alerts").get("transcriptsMatched").asLong()).isEqualTo(3);
      feedBefore = send(base, "GET", "/api/alerts/" + alertId + "/feed.atom", null).body().replace(base, "BASE");
      assertThat(feedBefore).contains("<id>BASE/?episode=sn-watch&amp;turn=2</id>");

      // One server keeps one alerts folder: a second one on it is refused, saying so.
      try (JavaProcess second = serve(temp.resolve("inbox-2"), alerts, "serve-second.log")) {
        assertThat(second.waitFor(60)).isNotZero();
      }
      assertThat(Files.readString(temp.resolve("serve-second.log")))
          .contains("the alerts folder " + alerts.toAbsolutePath() + " is in use by another server");

      server.process().destroy(); // SIGTERM
      assertThat(server.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
    }
    try (JavaProcess server = serve(inbox, alerts, "serve-2.log")) {
      String base = baseUrl(server.awaitLine("serving collection " + COLLECTION, 120));
      assertThat(server.awaitLine("kept in", 30)).contains("1 alert, kept in");
      assertThat(send(base, "GET", "/api/alerts/" + alertId + "/feed.atom", null).body().replace(base, "BASE"))
          .isEqualTo(feedBefore);
      send(base, "POST", "/api/transcripts", transcript("sn-after", "An okapi after the restart."));
      assertThat(awaitMatches(base, alertId, 4).get("latest").get(0).get("utteranceId").asText())
          .isEqualTo("sn-after-2");
    }
  }

  private JsonNode awaitMatches(String base, String alertId, int matches) throws Exception {
    JsonNode alert = null;
    for (int i = 0; i < 300; i++) {
      alert = Json.mapper().readTree(send(base, "GET", "/api/alerts/" + alertId, null).body());
      if (alert.get("matches").asInt() >= matches) {
        break;
      }
      Thread.sleep(100);
    }
    assertThat(alert.get("matches").asInt()).as(alert.toString()).isEqualTo(matches);
    return alert;
  }

  private static String transcript(String id, String text) {
    return ("{\"id\": \"" + id + "\", \"title\": \"Newsroom story\", \"program\": \"Morning Edition\","
        + " \"date\": \"2024-05-01\", \"turns\": ["
        + "{\"n\": 1, \"speaker\": {\"name\": \"Steve Inskeep\", \"role\": \"host\"}, \"text\": \"Good morning.\","
        + " \"attribution\": \"labelled\"},"
        + "{\"n\": 2, \"speaker\": {\"name\": \"Jane Doe\", \"role\": \"guest\"}, \"text\": \"" + text + "\","
        + " \"attribution\": \"labelled\"}]}");
  }

  private static String baseUrl(String servingLine) {
    Matcher m = Pattern.compile("on (http://127\\.0\\.0\\.1:\\d+)/").matcher(servingLine);
    assertThat(m.find()).as(servingLine).isTrue();
    return m.group(1);
  }

  private HttpResponse<String> send(String base, String method, String path, String json) throws Exception {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path))
        .header("Authorization", "Bearer " + TOKEN)
        .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
    if (json != null) {
      builder.header("Content-Type", "application/json");
    }
    return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
  }
}
