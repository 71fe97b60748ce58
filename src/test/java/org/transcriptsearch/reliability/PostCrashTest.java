package org.transcriptsearch.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transcriptsearch.TestIndexes;
import org.transcriptsearch.index.TranscriptIndex;

/**
 * {@code serve} as a real process, killed with SIGKILL while clients post batches concurrently: after the restart
 * every batch is wholly present or wholly absent (another request's commit can make an unanswered batch durable,
 * but only whole), and every batch answered 201 is there.
 */
@Tag("slow")
class PostCrashTest {
  private static final String TOKEN = "post-crash-token";
  private static final int CLIENTS = 6;
  private static final int PER_BATCH = 5;

  @TempDir Path temp;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void afterAKillDuringConcurrentPostsEveryBatchIsWholeOrAbsent() throws Exception {
    Path dir = temp.resolve("index");
    Set<Integer> acknowledged = ConcurrentHashMap.newKeySet();
    AtomicInteger sent = new AtomicInteger();
    AtomicBoolean running = new AtomicBoolean(true);
    try (JavaProcess serve = JavaProcess.start(Map.of("TRANSCRIPT_SEARCH_ADMIN_TOKEN", TOKEN),
        temp.resolve("serve.log"), "serve", "--index", dir.toString(), "--port", "0")) {
      String base = baseUrl(serve.awaitLine("serving", 120));
      ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
      for (int c = 0; c < CLIENTS; c++) {
        clients.submit(() -> {
          while (running.get()) {
            int batch = sent.getAndIncrement();
            try {
              if (post(base, batch).statusCode() == 201) {
                acknowledged.add(batch);
              }
            } catch (Exception killed) {
              return null;
            }
          }
          return null;
        });
      }
      while (acknowledged.size() < 40) {
        Thread.sleep(10);
      }
      serve.kill(); // SIGKILL, batches under way
      running.set(false);
      clients.shutdown();
      assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
    }
    try (TranscriptIndex index = TranscriptIndex.openReadOnly(dir, TestIndexes.PIPELINE.schema())) {
      List<String> partial = new ArrayList<>();
      int whole = 0;
      for (int batch = 0; batch < sent.get(); batch++) {
        int present = 0;
        for (int i = 0; i < PER_BATCH; i++) {
          present += index.contains(id(batch, i)) ? 1 : 0;
        }
        if (present != 0 && present != PER_BATCH) {
          partial.add("batch " + batch + ": " + present + " of " + PER_BATCH);
        }
        whole += present == PER_BATCH ? 1 : 0;
        if (acknowledged.contains(batch)) {
          assertThat(present).as("batch %d was answered 201", batch).isEqualTo(PER_BATCH);
        }
      }
      System.out.printf("batches sent %d, answered %d, whole after the kill %d%n", sent.get(), acknowledged.size(),
          whole);
      assertThat(partial).isEmpty();
    }
  }

  private static String id(int batch, int i) {
    return "crash-" + batch + "-" + i;
  }

  private HttpResponse<String> post(String base, int batch) throws Exception {
    StringBuilder body = new StringBuilder("[");
    for (int i = 0; i < PER_BATCH; i++) {
      body.append(i == 0 ? "" : ",").append("""
          {"id": "%s", "title": "Batch %d", "turns": [{"n": 1, "speaker": {"name": "Ailsa Chang", "role": "host"},
           "text": "Transcript %d of batch %d.", "attribution": "labelled"}]}""".formatted(id(batch, i), batch, i, batch));
    }
    HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/transcripts"))
        .POST(HttpRequest.BodyPublishers.ofString(body.append(']').toString(), StandardCharsets.UTF_8))
        .header("Content-Type", "application/json")
        .header("Authorization", "Bearer " + TOKEN)
        .timeout(Duration.ofSeconds(30))
        .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static String baseUrl(String servingLine) {
    Matcher m = Pattern.compile("(http://127\\.0\\.0\\.1:\\d+)/").matcher(servingLine);
    assertThat(m.find()).as(servingLine).isTrue();
    return m.group(1);
  }
}
