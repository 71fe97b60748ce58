package org.transcriptsearch.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.transcriptsearch.http.Calls.json;

import io.javalin.Javalin;
import java.net.Socket;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.transcriptsearch.TestIndexes;
import org.transcriptsearch.generate.CorpusGenerator;
import org.transcriptsearch.generate.JsonlWriter;
import org.transcriptsearch.index.TranscriptIndex;
import org.transcriptsearch.search.Deadline;
import org.transcriptsearch.search.SearchLimits;
import org.transcriptsearch.search.SearchRequest;
import org.transcriptsearch.search.SearchTimeoutException;
import org.transcriptsearch.search.SearchService;
import org.transcriptsearch.search.SpeakerSearch;

/**
 * Every phase of a request is bounded by its time limit (search, facets, highlighting, speaker ranking and each
 * speaker's quotes, the episode view), and costly requests running together never hold up a cheap one. The costly
 * request is the one a probe found: seventy fuzzy terms OR'd together, well under the query length limit, whose
 * highlighting rewrites every fuzzy term once per document it marks.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RequestTimeLimitsTest {
  /** Enough generated transcripts that the costly request takes seconds to highlight without a limit. */
  static final int TRANSCRIPTS = 800;

  static final String FUZZY =
      Arrays.stream(
              ("president government election minister security economy country people billion million report"
                  + " military policy congress senate foreign official support campaign budget health school family"
                  + " children community market energy climate water police court justice trade border refugee war"
                  + " peace nuclear weapon attack crisis vote party leader power history question answer interview"
                  + " morning evening weekend program station news story reporter science research doctor hospital"
                  + " vaccine disease student teacher worker business company industry farmer village city capital")
                  .split(" "))
          .limit(70)
          .map(w -> w + "~2")
          .collect(Collectors.joining(" OR "));

  /**
   * The time limit of the costly requests, and what they may take beyond it: noticing the limit, answering the 503
   * and, on a busy machine, being scheduled (about 100 ms on an idle machine, up to 750 ms at load average 17 on two
   * cores). Expanding the fuzzy terms stops at the limit too, so the margin no longer covers a whole query rewrite.
   */
  static final long LIMIT_MILLIS = 2_000;

  static final long GRACE_MILLIS = 1_000;

  private TranscriptIndex index;
  private String episodeId;

  @BeforeAll
  void build(@TempDir Path dir) throws Exception {
    CorpusGenerator generator = new CorpusGenerator(7);
    Path corpus = java.nio.file.Files.createDirectories(dir.resolve("corpus"));
    try (JsonlWriter out = new JsonlWriter(corpus)) {
      for (int i = 0; i < TRANSCRIPTS; i++) {
        var transcript = generator.next();
        if (i == 0) {
          episodeId = transcript.id();
        }
        out.write(i, transcript);
      }
    }
    index = TestIndexes.build(dir.resolve("index"), corpus);
  }

  @AfterAll
  void close() throws Exception {
    index.close();
  }

  private Javalin start(SearchLimits limits) {
    SearchService search = new SearchService(index, limits);
    return new ApiApp(search, new SpeakerSearch(index, search)).create().start("127.0.0.1", 0);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** The answer to {@code path} and how long it took, in milliseconds. */
  private record Timed(HttpResponse<String> response, long millis) {}

  private static Timed timed(Calls calls, String path) throws Exception {
    long t0 = System.nanoTime();
    HttpResponse<String> response = calls.get(path);
    return new Timed(response, (System.nanoTime() - t0) / 1_000_000);
  }

  @Test
  void everyPhaseOfACostlyRequestStopsAtTheTimeLimit() throws Exception {
    // Long enough for the search itself, far too short for highlighting a hundred hits of seventy fuzzy terms.
    Javalin app = start(SearchLimits.DEFAULT.withTimeout(Duration.ofMillis(LIMIT_MILLIS)));
    try {
      Calls calls = new Calls(app);
      calls.get("/api/search?size=100&q=" + enc("minister~2 OR senate~2")); // the code paths compiled, not cold
      for (String path :
          List.of(
              "/api/search?size=100&q=" + enc(FUZZY),
              "/api/search?size=100&program=" + enc("Morning Edition") + "&q=" + enc(FUZZY),
              "/api/speakers?size=50&quotes=10&about=" + enc(FUZZY))) {
        Timed answer = timed(calls, path);
        System.out.printf("%d in %d ms: %s%n", answer.response().statusCode(), answer.millis(), path.substring(0, 40));
        assertThat(answer.millis()).as(path).isLessThan(LIMIT_MILLIS + GRACE_MILLIS);
        assertThat(answer.response().statusCode()).as(path).isEqualTo(503);
        assertThat(json(answer.response()).get("detail").asText())
            .contains("took longer than " + LIMIT_MILLIS + " ms");
      }
      for (String path :
          List.of("/api/episodes/" + episodeId + "?q=" + enc(FUZZY), "/api/highlight?id=" + episodeId + "-1&q="
              + enc(FUZZY), "/api/utterances/" + episodeId + "-2?context=10")) {
        Timed answer = timed(calls, path);
        assertThat(answer.millis()).as(path).isLessThan(LIMIT_MILLIS + GRACE_MILLIS);
        assertThat(answer.response().statusCode()).as(path).isIn(200, 503);
      }
    } finally {
      app.stop();
    }
  }

  @Test
  void aReadWhoseClientClosedItsSocketStopsWorking() throws Exception {
    // A limit far beyond the test: only the client's leaving can stop the request this soon.
    SearchService search = new SearchService(index, SearchLimits.DEFAULT.withTimeout(Duration.ofSeconds(60)));
    ApiApp api = new ApiApp(search, new SpeakerSearch(index, search));
    Javalin app = api.create().start("127.0.0.1", 0);
    try {
      Calls calls = new Calls(app);
      assertThat(calls.get("/api/search?size=1&q=minister").statusCode()).isEqualTo(200);
      for (String path :
          List.of("/api/search?size=100&q=" + enc(FUZZY), "/api/speakers?size=50&quotes=10&about=" + enc(FUZZY))) {
        long abandonedBefore = api.readGate().abandoned();
        long closed;
        try (Socket socket = new Socket("127.0.0.1", app.port())) {
          socket.getOutputStream().write(
              ("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
          socket.getOutputStream().flush();
          awaitUntil(() -> api.readGate().working() == 1, 5_000);
          Thread.sleep(200);
          closed = System.nanoTime();
        }
        awaitUntil(() -> api.readGate().working() == 0, 5_000);
        long freedMillis = (System.nanoTime() - closed) / 1_000_000;
        System.out.printf("worker freed %d ms after the client closed: %s%n", freedMillis, path.substring(0, 30));
        assertThat(freedMillis).as(path).isLessThan(1_000);
        assertThat(api.readGate().abandoned()).as(path).isEqualTo(abandonedBefore + 1);
      }
      // The connection that stayed open is answered as before.
      assertThat(calls.get("/api/search?size=1&q=minister").statusCode()).isEqualTo(200);
    } finally {
      app.stop();
    }
  }

  @Test
  void aRequestSentWhileTheLastIsStillWorkingIsAnsweredAfterIt() throws Exception {
    // The check for a client that left reads the socket; what it reads of a pipelined request is given back.
    Javalin app = start(SearchLimits.DEFAULT.withTimeout(Duration.ofMillis(LIMIT_MILLIS)));
    try (Socket socket = new Socket("127.0.0.1", app.port())) {
      socket.setSoTimeout(30_000);
      var out = socket.getOutputStream();
      out.write(("GET /api/search?size=100&q=" + enc(FUZZY) + " HTTP/1.1\r\nHost: localhost\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      Thread.sleep(500);
      out.write("GET /api/search?size=1&q=minister HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String answers = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      List<String> statuses =
          java.util.regex.Pattern.compile("HTTP/1\\.1 (\\d{3}) ").matcher(answers).results().map(m -> m.group(1)).toList();
      assertThat(statuses).containsExactly("503", "200");
      assertThat(answers).contains("took longer than " + LIMIT_MILLIS + " ms").contains("\"hits\"");
    } finally {
      app.stop();
    }
  }

  /** Waits until {@code condition} holds, failing after {@code millis}. */
  private static void awaitUntil(java.util.function.BooleanSupplier condition, long millis) throws Exception {
    long end = System.nanoTime() + millis * 1_000_000;
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime() - end).as("waited %d ms", millis).isNegative();
      Thread.sleep(5);
    }
  }

  @Test
  void aRequestPastItsDeadlineStopsInEveryPhase() throws Exception {
    SearchService search = new SearchService(index).within(Deadline.after(Duration.ZERO));
    SpeakerSearch speakers = new SpeakerSearch(index, new SearchService(index)).within(Deadline.after(Duration.ZERO));
    List<ThrowingCallable> calls =
        List.of(
            () -> search.search(SearchRequest.of("minister")),
            () -> search.highlight(episodeId + "-1", "minister"),
            () -> search.utterance(episodeId + "-2", 3),
            () -> search.episode(episodeId, "minister"),
            () -> speakers.about("minister", List.of(), null, null, 10, 2));
    for (ThrowingCallable call : calls) {
      assertThatThrownBy(call).isInstanceOf(SearchTimeoutException.class).hasMessageContaining("took longer than 0 ms");
    }
  }

  @Test
  void fourCostlyRequestsAtOnceDoNotHoldUpACheapOne() throws Exception {
    Javalin app = start(SearchLimits.DEFAULT.withTimeout(Duration.ofMillis(LIMIT_MILLIS)));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      Calls calls = new Calls(app);
      assertThat(calls.get("/api/search?size=1&q=minister").statusCode()).isEqualTo(200); // warm
      List<Future<Timed>> costly = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        costly.add(pool.submit(() -> timed(calls, "/api/search?size=100&q=" + enc(FUZZY))));
      }
      Thread.sleep(1_000); // all four are running by now
      Timed cheap = timed(calls, "/api/search?size=1&q=minister");
      System.out.printf("cheap query with four costly ones running: %d ms%n", cheap.millis());
      assertThat(cheap.response().statusCode()).isEqualTo(200);
      assertThat(cheap.millis()).isLessThan(2_000);
      for (Future<Timed> f : costly) {
        Timed t = f.get();
        System.out.printf("costly: %d in %d ms%n", t.response().statusCode(), t.millis());
        assertThat(t.response().statusCode()).isIn(200, 503);
      }
      assertThat(costly.get(0).isDone()).isTrue();
    } finally {
      pool.shutdownNow();
      app.stop();
    }
  }
}
