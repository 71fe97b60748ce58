package org.transcriptsearch.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transcriptsearch.TestIndexes;
import org.transcriptsearch.http.ApiApp;
import org.transcriptsearch.http.ApiConfig;
import org.transcriptsearch.index.TranscriptIndex;
import org.transcriptsearch.ingest.TranscriptWriter;
import org.transcriptsearch.search.SearchService;
import org.transcriptsearch.search.SpeakerSearch;

/**
 * A bounded load on loopback: a few hundred concurrent clients searching while a few post transcripts, for about a
 * minute ({@code -Dload.seconds=N}, {@code -Dload.clients=N}). No request may fail (no 5xx, no refused or broken
 * connection), and the heap after GC must not grow over the run. Prints throughput and latency percentiles.
 */
@Tag("load")
class LoadTest {
  private static final String TOKEN = "load-test-token";
  private static final int SECONDS = Integer.getInteger("load.seconds", 60);
  private static final int CLIENTS = Integer.getInteger("load.clients", 300);
  /** Clients that post (with the admin token) instead of searching. */
  private static final int WRITERS = 10;
  /** Posted ids cycle through this many, so the index stays the same size: writes replace. */
  private static final int POSTED_IDS = 200;
  /** A cap per client, so the run is bounded in count as well as in time. */
  private static final int MAX_REQUESTS_PER_CLIENT = 20_000;
  private static final long ALLOWED_HEAP_GROWTH = 64L << 20;

  private static final List<String> QUERIES = List.of(
      "crimea", "syria", "kerry", "lavrov", "\"foreign minister\"", "speaker:kerry", "election AND senate",
      "cr*", "climate~1", "refugees OR border", "budget", "ukraine russia", "aleppo", "vote");

  @TempDir Path dir;

  /** What one kind of request measured. */
  private record Figures(String name, long count, long errors, long[] nanos) {
    double percentileMillis(double p) {
      return nanos.length == 0 ? 0 : nanos[(int) Math.min(nanos.length - 1, Math.ceil(p * nanos.length) - 1)] / 1e6;
    }
  }

  @Test
  void hundredsOfClientsSearchingWhileOthersPostGetNoErrorAndLeaveNoHeapGrowth() throws Exception {
    try (TranscriptIndex index = TestIndexes.build(dir, TestIndexes.FIXTURE_CORPUS, TestIndexes.SAMPLE_CORPUS)) {
      SearchService search = new SearchService(index);
      Javalin app = new ApiApp(search, new SpeakerSearch(index, search), new TranscriptWriter(index,
          TestIndexes.PIPELINE), ApiConfig.DEFAULT.withAdminToken(TOKEN)).create().start("127.0.0.1", 0);
      try {
        String base = "http://127.0.0.1:" + app.port();
        run(base, Math.min(10, SECONDS), null, null); // warm-up: JIT, caches, every posted id written once
        long before = heapAfterGc();
        List<Long> searchNanos = new ArrayList<>();
        List<Long> writeNanos = new ArrayList<>();
        long t0 = System.nanoTime();
        long[] errors = run(base, SECONDS, searchNanos, writeNanos);
        double elapsed = (System.nanoTime() - t0) / 1e9;
        long after = heapAfterGc();

        Figures searches = figures("search", searchNanos, errors[0]);
        Figures writes = figures("post", writeNanos, errors[1]);
        System.out.printf("load: %d clients (%d posting) for %.1f s on loopback%n", CLIENTS, WRITERS, elapsed);
        for (Figures f : List.of(searches, writes)) {
          System.out.printf("  %-6s %7d requests  %7.1f/s  p50 %6.1f ms  p99 %7.1f ms  max %7.1f ms  errors %d%n",
              f.name(), f.count(), f.count() / elapsed, f.percentileMillis(0.50), f.percentileMillis(0.99),
              f.percentileMillis(1.0), f.errors());
        }
        System.out.printf("  total  %7.1f requests/s; heap after GC: %d MB before, %d MB after%n",
            (searches.count() + writes.count()) / elapsed, before >> 20, after >> 20);
        LoadErrors.print();

        assertThat(errors[0] + errors[1]).as("failed requests; first few: %s", LoadErrors.FIRST).isZero();
        assertThat(searches.count()).isPositive();
        assertThat(writes.count()).isPositive();
        assertThat(after).as("heap after GC, bytes").isLessThan(before + ALLOWED_HEAP_GROWTH);
        assertThat(search.episode("load-0").turns()).hasSize(2);
      } finally {
        app.stop();
      }
    }
  }

  /**
   * Runs every client for {@code seconds}; latencies go to the lists when given. Returns failed searches and
   * failed posts.
   */
  private long[] run(String base, int seconds, List<Long> searchNanos, List<Long> writeNanos) throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
    AtomicLong searchErrors = new AtomicLong();
    AtomicLong writeErrors = new AtomicLong();
    ConcurrentLinkedQueue<long[]> searchTimes = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<long[]> writeTimes = new ConcurrentLinkedQueue<>();
    List<Thread> clients = new ArrayList<>();
    for (int c = 0; c < CLIENTS; c++) {
      boolean writer = c < WRITERS;
      SplittableRandom random = new SplittableRandom(c);
      int client = c;
      clients.add(Thread.ofVirtual().start(() -> {
        long[] times = new long[MAX_REQUESTS_PER_CLIENT];
        int n = 0;
        while (n < MAX_REQUESTS_PER_CLIENT && System.nanoTime() < deadline) {
          HttpRequest request = writer ? post(base, (client * 7919 + n) % POSTED_IDS) : search(base, random);
          long start = System.nanoTime();
          boolean ok = send(http, request, writer ? 201 : 200);
          times[n++] = System.nanoTime() - start;
          if (!ok) {
            (writer ? writeErrors : searchErrors).incrementAndGet();
          }
        }
        (writer ? writeTimes : searchTimes).add(Arrays.copyOf(times, n));
      }));
    }
    for (Thread t : clients) {
      t.join();
    }
    http.close();
    if (searchNanos != null) {
      searchTimes.forEach(a -> Arrays.stream(a).forEach(searchNanos::add));
      writeTimes.forEach(a -> Arrays.stream(a).forEach(writeNanos::add));
    }
    return new long[] {searchErrors.get(), writeErrors.get()};
  }

  private static boolean send(HttpClient http, HttpRequest request, int expected) {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != expected) {
        LoadErrors.add(request.uri() + " -> " + response.statusCode() + " " + response.body());
        return false;
      }
      return true;
    } catch (Exception e) {
      LoadErrors.add(request.uri() + " -> " + e);
      return false;
    }
  }

  private static HttpRequest search(String base, SplittableRandom random) {
    String q = QUERIES.get(random.nextInt(QUERIES.size()));
    String path = switch (random.nextInt(10)) {
      case 0 -> "/api/speakers?about=" + enc(q);
      case 1 -> "/api/search?sort=date&size=20&q=" + enc(q);
      default -> "/api/search?q=" + enc(q);
    };
    return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60)).GET().build();
  }

  private static HttpRequest post(String base, int id) {
    String body = """
        {"id": "load-%d", "title": "Load story %d", "program": "Morning Edition", "turns": [
          {"n": 1, "speaker": {"name": "Steve Inskeep", "role": "host"}, "text": "The budget vote in the senate.",
           "attribution": "labelled"},
          {"n": 2, "speaker": {"name": "Ana Ruiz", "role": "guest"}, "text": "Refugees at the border in Crimea %d.",
           "attribution": "labelled"}]}""".formatted(id, id, id);
    return HttpRequest.newBuilder(URI.create(base + "/api/transcripts")).timeout(Duration.ofSeconds(60))
        .header("Content-Type", "application/json").header("Authorization", "Bearer " + TOKEN)
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
  }

  private static Figures figures(String name, List<Long> nanos, long errors) {
    long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
    return new Figures(name, sorted.length, errors, sorted);
  }

  private static long heapAfterGc() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(300);
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** The first few failures, kept to explain a failed run. */
  private static final class LoadErrors {
    static final ConcurrentLinkedQueue<String> FIRST = new ConcurrentLinkedQueue<>();

    static void add(String error) {
      if (FIRST.size() < 10) {
        FIRST.add(error);
      }
    }

    static void print() {
      FIRST.forEach(e -> System.out.println("  failed: " + e));
    }
  }
}
