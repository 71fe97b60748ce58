package org.transcriptsearch.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.index.SegmentInfos;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transcriptsearch.TestIndexes;
import org.transcriptsearch.index.TranscriptIndex;
import org.transcriptsearch.model.Json;
import org.transcriptsearch.search.SearchService;
import org.transcriptsearch.watch.FolderWatcher;

/**
 * A live newsroom with real processes: transcripts added to a running server in each of the three ways (POST,
 * {@code index --server}, a file dropped in the watched folder) are searchable and matched to an alert; a restart
 * keeps the alert and its feed; a server killed with SIGKILL in the middle of a watched file's ingest indexes it
 * whole after the restart, losing nothing and duplicating nothing.
 */
@Tag("slow")
class NewsroomProcessTest {
  private static final String TOKEN = "newsroom-test-token";
  private static final Map<String, String> ENV = Map.of("TRANSCRIPT_SEARCH_ADMIN_TOKEN", TOKEN);

  @TempDir Path temp;
  private final HttpClient http = HttpClient.newHttpClient();

  private JavaProcess serve(Path index, Path inbox, String log) throws Exception {
    return JavaProcess.start(ENV, temp.resolve(log), "serve", "--index", index.toString(), "--port", "0",
        "--watch", inbox.toString());
  }

  @Test
  void threeWaysInAreSearchableAndMatchedAndARestartKeepsAlertsAndFeeds() throws Exception {
    Path index = temp.resolve("index");
    Path inbox = temp.resolve("inbox");
    String alertId;
    String feedBefore;
    try (JavaProcess server = serve(index, inbox, "serve-1.log")) {
      String base = baseUrl(server.awaitLine("serving", 120));
      server.awaitLine("Watching", 30);
      HttpResponse<String> created = send(base, "POST", "/api/alerts", "{\"name\": \"Okapi\", \"q\": \"okapi\"}");
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
      alertId = Json.mapper().readTree(created.body()).get("id").asText();

      // 1. POST
      assertThat(send(base, "POST", "/api/transcripts", transcript("by-post", "An okapi by post.")).statusCode())
          .isEqualTo(201);
      // 2. index --server, and the plain message for a local index run
      Path file = Files.writeString(temp.resolve("by-cli.jsonl"), transcript("by-cli", "An okapi by index.") + "\n");
      try (JavaProcess local = JavaProcess.start(ENV, temp.resolve("local.log"), "index", "--index",
          index.toString(), file.toString())) {
        assertThat(local.waitFor(60)).isEqualTo(1);
      }
      assertThat(Files.readString(temp.resolve("local.log"))).contains("is in use by another program");
      try (JavaProcess remote = JavaProcess.start(ENV, temp.resolve("remote.log"), "index", "--server", base,
          file.toString())) {
        assertThat(remote.waitFor(60)).as(Files.readString(temp.resolve("remote.log"))).isZero();
        assertThat(remote.output()).startsWith("Indexed 1 transcript (2 utterances) from 1 file into " + base + "\nTook ");
      }
      // 3. the watched folder
      Path part = Files.writeString(inbox.resolve("by-watch.jsonl.part"), transcript("by-watch", "A watched okapi."));
      Files.move(part, inbox.resolve("by-watch.jsonl"));

      JsonNode alert = awaitMatches(base, alertId, 3);
      Set<String> ids = new HashSet<>();
      alert.get("latest").forEach(e -> ids.add(e.get("utteranceId").asText()));
      assertThat(ids).containsExactlyInAnyOrder("by-post-2", "by-cli-2", "by-watch-2");
      assertThat(Json.mapper().readTree(send(base, "GET", "/api/search?q=okapi", null).body()).get("total").asLong())
          .isEqualTo(3);
      assertThat(inbox.resolve(FolderWatcher.DONE).resolve("by-watch.jsonl")).exists();
      JsonNode health = Json.mapper().readTree(send(base, "GET", "/api/health", null).body());
      assertThat(health.get("watch").get("filesIndexed").asLong()).isEqualTo(1);
      assertThat(health.get("alerts").get("alerts").asInt()).isEqualTo(1);
      feedBefore = send(base, "GET", "/api/alerts/" + alertId + "/feed.atom", null).body().replace(base, "BASE");
      assertThat(feedBefore).contains("<id>BASE/?episode=by-watch&amp;turn=2</id>");

      server.process().destroy(); // SIGTERM
      assertThat(server.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
    }
    try (JavaProcess server = serve(index, inbox, "serve-2.log")) {
      String base = baseUrl(server.awaitLine("serving", 120));
      // The alerts line comes after the serving line; wait for it rather than race the process's output.
      assertThat(server.awaitLine("kept in", 30)).contains("1 alert, kept in");
      assertThat(send(base, "GET", "/api/alerts/" + alertId + "/feed.atom", null).body().replace(base, "BASE"))
          .isEqualTo(feedBefore);
      send(base, "POST", "/api/transcripts", transcript("after-restart", "An okapi after the restart."));
      assertThat(awaitMatches(base, alertId, 4).get("latest").get(0).get("utteranceId").asText())
          .isEqualTo("after-restart-2");
    }
  }

  @Test
  void aKillDuringAWatchedIngestLosesNothingAndDuplicatesNothing() throws Exception {
    Path index = temp.resolve("index");
    Path inbox = temp.resolve("inbox");
    int count = CrashRecoveryTest.TRANSCRIPTS;
    Path corpus = GeneratedCorpus.write(temp.resolve("corpus.jsonl"), count, 42);
    long sampleTranscripts;
    long sampleUtterances;
    try (JavaProcess server = serve(index, inbox, "crash-1.log")) {
      String base = baseUrl(server.awaitLine("serving", 120));
      server.awaitLine("Watching", 30);
      JsonNode health = Json.mapper().readTree(send(base, "GET", "/api/health", null).body());
      sampleTranscripts = health.get("transcripts").asLong();
      sampleUtterances = health.get("utterances").asLong();
      long generation = commitGeneration(index);
      Files.move(corpus, inbox.resolve("corpus.jsonl"));
      // Killed once the ingest of the file has committed its first batch: part of it is in the index.
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
      while (commitGeneration(index) < generation + 1 && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      server.kill();
    }
    assertThat(inbox.resolve("corpus.jsonl")).as("not yet recorded as done").exists();
    try (TranscriptIndex killed = TranscriptIndex.openReadOnly(index, TestIndexes.PIPELINE.schema())) {
      long committed = new SearchService(killed).health().transcripts() - sampleTranscripts;
      System.out.println("transcripts of the watched file committed when killed: " + committed + " of " + count);
      assertThat(committed).as("killed in the middle of the file").isBetween(1L, count - 1L);
    }
    try (JavaProcess server = serve(index, inbox, "crash-2.log")) {
      String base = baseUrl(server.awaitLine("serving", 120));
      Path done = inbox.resolve(FolderWatcher.DONE).resolve("corpus.jsonl");
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
      while (!Files.exists(done) && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertThat(done).exists();
      assertThat(inbox.resolve("corpus.jsonl")).doesNotExist();
      JsonNode health = Json.mapper().readTree(send(base, "GET", "/api/health", null).body());
      assertThat(health.get("transcripts").asLong()).isEqualTo(sampleTranscripts + count);
      assertThat(health.get("utterances").asLong()).isEqualTo(sampleUtterances + (long) count * GeneratedCorpus.TURNS);
      assertThat(health.get("watch").get("filesIndexed").asLong()).isEqualTo(1);
    }
  }

  private JsonNode awaitMatches(String base, String alertId, int matches) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    JsonNode alert;
    do {
      Thread.sleep(100);
      alert = Json.mapper().readTree(send(base, "GET", "/api/alerts/" + alertId, null).body());
    } while (alert.get("matches").asInt() < matches && System.nanoTime() < deadline);
    assertThat(alert.get("matches").asInt()).as(alert.toString()).isEqualTo(matches);
    return alert;
  }

  private static long commitGeneration(Path index) throws Exception {
    String[] files;
    try (var list = Files.list(index)) {
      files = list.map(p -> p.getFileName().toString()).toArray(String[]::new);
    }
    return SegmentInfos.getLastCommitGeneration(files);
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
    Matcher m = Pattern.compile("(http://127\\.0\\.0\\.1:\\d+)/").matcher(servingLine);
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
