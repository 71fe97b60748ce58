package org.transcriptsearch.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transcriptsearch.TestIndexes;
import org.transcriptsearch.index.TranscriptIndex;
import org.transcriptsearch.model.Json;
import org.transcriptsearch.search.Results.Health;
import org.transcriptsearch.search.SearchService;

/**
 * {@code serve} as a real process, stopped with SIGTERM while a large POST is under way: the POST is finished and
 * answered, everything posted is committed, and the index reopens with it.
 */
@Tag("slow")
class ServeShutdownTest {
  private static final String TOKEN = "shutdown-test-token";
  private static final int BATCH = 10_000;

  @TempDir Path temp;
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void sigtermFinishesRequestsUnderWayCommitsAndCloses() throws Exception {
    Path dir = temp.resolve("index");
    Path keys = Files.writeString(temp.resolve("keys.txt"), "# readers\nreader-key\n");
    String batch = jsonArray(GeneratedCorpus.write(temp.resolve("batch.jsonl"), BATCH, 7));
    try (JavaProcess serve = JavaProcess.start(Map.of("TRANSCRIPT_SEARCH_ADMIN_TOKEN", TOKEN),
        temp.resolve("serve.log"), "serve", "--index", dir.toString(), "--port", "0",
        "--api-key-file", keys.toString(), "--max-body-mb", "64")) {
      String base = baseUrl(serve.awaitLine("serving", 120));
      assertThat(send(base, "GET", "/api/search?q=crimea", null, null).statusCode()).isEqualTo(401);
      assertThat(send(base, "GET", "/api/search?q=crimea", null, "reader-key").statusCode()).isEqualTo(200);
      HttpResponse<String> first = send(base, "POST", "/api/transcripts", single(), TOKEN);
      assertThat(first.statusCode()).as(first.body()).isEqualTo(201);

      CompletableFuture<HttpResponse<String>> large = sendAsync(base, batch);
      Thread.sleep(500); // the batch (about 2 s of work) is being indexed
      serve.process().destroy(); // SIGTERM

      HttpResponse<String> answered = large.get(60, TimeUnit.SECONDS);
      assertThat(answered.statusCode()).as(answered.body()).isEqualTo(201);
      assertThat(Json.mapper().readTree(answered.body()).get("transcripts")).hasSize(BATCH);
      assertThat(serve.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
    }
    try (TranscriptIndex index = TranscriptIndex.openReadOnly(dir, TestIndexes.PIPELINE.schema())) {
      SearchService search = new SearchService(index);
      assertThat(search.episode("posted-before-sigterm").turns()).hasSize(1);
      assertThat(search.episode(GeneratedCorpus.id(BATCH - 1)).turns()).hasSize(GeneratedCorpus.TURNS);
      Health health = search.health();
      assertThat(health.transcripts()).isGreaterThan(BATCH + 1); // the sample corpus, the one and the batch
    }
  }

  private static String single() {
    return """
        {"id": "posted-before-sigterm", "title": "Before", "turns": [{"n": 1,
         "speaker": {"name": "Ailsa Chang", "role": "host"}, "text": "Posted just before the stop.",
         "attribution": "labelled"}]}""";
  }

  private static String jsonArray(Path jsonl) throws Exception {
    List<String> lines = Files.readAllLines(jsonl, StandardCharsets.UTF_8);
    return "[" + String.join(",", lines) + "]";
  }

  private static String baseUrl(String servingLine) {
    Matcher m = Pattern.compile("(http://127\\.0\\.0\\.1:\\d+)/").matcher(servingLine);
    assertThat(m.find()).as(servingLine).isTrue();
    return m.group(1);
  }

  private HttpRequest request(String base, String method, String path, String json, String bearer) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path))
        .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
    if (json != null) {
      builder.header("Content-Type", "application/json");
    }
    if (bearer != null) {
      builder.header("Authorization", "Bearer " + bearer);
    }
    return builder.build();
  }

  private HttpResponse<String> send(String base, String method, String path, String json, String bearer)
      throws Exception {
    return http.send(request(base, method, path, json, bearer), HttpResponse.BodyHandlers.ofString());
  }

  private CompletableFuture<HttpResponse<String>> sendAsync(String base, String json) {
    return http.sendAsync(request(base, "POST", "/api/transcripts", json, TOKEN), HttpResponse.BodyHandlers.ofString());
  }

}
