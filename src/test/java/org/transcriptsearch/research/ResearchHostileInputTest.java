package org.transcriptsearch.research;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.testtools.JavalinTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transcriptsearch.TestIndexes;
import org.transcriptsearch.http.ApiApp;
import org.transcriptsearch.index.TranscriptIndex;
import org.transcriptsearch.search.SearchService;
import org.transcriptsearch.search.SpeakerSearch;

/** Seeded random input to every research route: a 4xx at worst, never a 5xx. */
class ResearchHostileInputTest {
  @TempDir static Path dir;
  static TranscriptIndex index;
  static ApiApp api;

  private static final String[] PIECES = {
    "crimea", "the", "\"", "“", "”", "'", "(", ")", "*", "?", ":", "-", "+", "&&", "||", "~", "^", "\\", "/", "%",
    "國", "際", "語", "😀", "\u0000", "\u202e", " ", "  ", "speaker:", "AND", "OR", "NOT", "2014-03-05", "=", "@",
    "\t", "\n", "9".repeat(30), "a".repeat(300), "%2F", ".."
  };

  @BeforeAll
  static void start() throws Exception {
    index = TestIndexes.build(dir, TestIndexes.FIXTURE_CORPUS, TestIndexes.SAMPLE_CORPUS);
    SearchService search = new SearchService(index);
    api = new ApiApp(search, new SpeakerSearch(index, search));
  }

  @AfterAll
  static void close() throws Exception {
    index.close();
  }

  static String random(SplittableRandom rng, int pieces) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < pieces; i++) {
      s.append(PIECES[rng.nextInt(PIECES.length)]);
    }
    return s.toString();
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  @Test
  void noResearchRouteAnswersA5xx() {
    SplittableRandom rng = new SplittableRandom(18);
    JavalinTest.test(api.create(), (server, client) -> {
      for (int i = 0; i < 300; i++) {
        String text = random(rng, 1 + rng.nextInt(12));
        String[] paths = {
          "/api/quotes?text=" + enc(text) + "&size=" + enc(random(rng, 1)),
          "/api/quotes?text=" + enc(text) + "&speaker=" + enc(random(rng, 2)) + "&from=" + enc(random(rng, 1)),
          "/api/timeline?q=" + enc(text) + "&interval=" + enc(i % 3 == 0 ? "week" : random(rng, 1)),
          "/api/speakers/" + enc(text),
          "/api/search/export?q=" + enc(text) + "&format=" + (i % 2 == 0 ? "csv" : "jsonl") + "&limit="
              + enc(i % 5 == 0 ? random(rng, 1) : "3"),
        };
        for (String path : paths) {
          var response = client.get(path);
          assertThat(response.code()).as(path).isLessThan(500);
        }
      }
      String cjk = "國際語".repeat(250); // 750 characters, 6.8 KB encoded: within the 8 KB a request line may have
      assertThat(client.get("/api/quotes?text=" + enc(cjk)).code()).isEqualTo(200);
      assertThat(client.get("/api/quotes?text=" + enc("the ".repeat(499))).code()).isEqualTo(200);
    });
  }
}
