package org.transcriptsearch.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.transcriptsearch.TestIndexes;
import org.transcriptsearch.index.TranscriptIndex;
import org.transcriptsearch.search.SearchService;
import org.transcriptsearch.search.SpeakerSearch;

/**
 * A parameter that does not apply, or is out of its range, is refused with a 400 that names it; never ignored, so
 * a caller never reads an answer to another request than the one sent.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ParameterRefusalTest {
  private TranscriptIndex index;
  private Javalin app;
  private Calls calls;

  @BeforeAll
  void start(@TempDir Path dir) throws Exception {
    index = TestIndexes.build(dir, TestIndexes.FIXTURE_CORPUS, TestIndexes.SAMPLE_CORPUS);
    SearchService search = new SearchService(index);
    app = new ApiApp(search, new SpeakerSearch(index, search)).create().start("127.0.0.1", 0);
    calls = new Calls(app);
  }

  @AfterAll
  void stop() throws Exception {
    app.stop();
    index.close();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      /api/speakers?from=x                       | from applies only with about (who said the most about a subject); without about this is name completion, which takes prefix and size
      /api/speakers?prefix=la&quotes=-1          | quotes applies only with about
      /api/speakers?to=2014                      | to applies only with about
      /api/speakers?program=ATC                  | program applies only with about
      /api/speakers?hosts=false                  | hosts applies only with about
      /api/speakers?exact=true                   | exact applies only with about
      /api/speakers?about=crimea&prefix=la       | prefix does not apply with about: prefix is for name completion
      /api/speakers?about=crimea&quotes=-1       | quotes must be between 0 and 10, was -1
      /api/speakers?about=crimea&quotes=11       | quotes must be between 0 and 10, was 11
      /api/speakers?about=crimea&from=x          | from must be a day (2016-02-12), a month (2016-02) or a year (2016), was 'x'
      /api/speakers?size=0                       | size must be between 1 and 50, was 0
      /api/speakers?about=crimea&size=51         | size must be between 1 and 50, was 51
      /api/search?speakr=lavrov                  | unknown parameter 'speakr': GET /api/search takes q, speaker, program, topic, role, from, to, sort, size, cursor, passages, fragmentSize, exact, literal
      /api/search?q=crimea&size=0                | size must be between 1 and 100, was 0
      /api/search?q=crimea&passages=11           | passages must be between 1 and 10
      /api/search?q=crimea&fragmentSize=39       | fragmentSize must be between 40 and 2000
      /api/timeline?q=crimea&sort=date           | unknown parameter 'sort': GET /api/timeline takes q, speaker, program, topic, role, from, to, interval, exact, literal
      /api/timeline?q=crimea&size=5              | unknown parameter 'size'
      /api/search/export?q=crimea&cursor=x       | unknown parameter 'cursor'
      /api/search/export?q=crimea&limit=0        | limit must be between 1 and 10000, was 0
      /api/quotes?text=crimea&q=crimea           | unknown parameter 'q'
      /api/quotes?text=crimea&size=21            | size must be between 1 and 20, was 21
      /api/utterances/fx-crimea-2014-2?context=11 | context must be between 0 and 10, was 11
      /api/episodes/fx-crimea-2014?context=2     | unknown parameter 'context': GET /api/episodes/{id} takes q
      /api/highlight?id=fx-crimea-2014-2&size=3  | unknown parameter 'size': GET /api/highlight takes id, q
      /api/health?verbose=true                   | unknown parameter 'verbose': GET /api/health takes no parameters
      /api/speakers/lavrov?size=3                | unknown parameter 'size': GET /api/speakers/{name} takes no parameters
      /api/search?q=crimea&size=2&size=50        | size is given 2 times; it takes one value
      /api/search?q=crimea&q=lavrov              | q is given 2 times; it takes one value
      """)
  void isRefusedNamingTheParameter(String path, String detail) throws Exception {
    HttpResponse<String> response = calls.get(path);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(Calls.json(response).get("detail").asText()).startsWith(detail);
  }

  /**
   * Every bound and every choice the document gives a parameter is the server's: for each operation's integer
   * parameters, the minimum and maximum are accepted and one past either is a 400 naming the parameter; each value
   * of an enum is accepted and another refused; a boolean takes true or false and nothing else.
   */
  @Test
  void everyDocumentedBoundAndChoiceIsTheServers() throws Exception {
    Map<String, String> bases = Map.of(
        "get /api/search", "/api/search?q=crimea",
        "get /api/highlight", "/api/highlight?id=fx-crimea-2014-2&q=crimea",
        "get /api/utterances/{id}", "/api/utterances/fx-crimea-2014-2?",
        "get /api/episodes/{id}", "/api/episodes/fx-crimea-2014?",
        "get /api/speakers", "/api/speakers?about=crimea",
        "get /api/quotes", "/api/quotes?text=the%20people%20of%20crimea",
        "get /api/timeline", "/api/timeline?q=crimea",
        "get /api/search/export", "/api/search/export?q=crimea");
    List<String> problems = new ArrayList<>();
    int checks = 0;
    for (var operation : bases.entrySet()) {
      String[] key = operation.getKey().split(" ");
      JsonNode parameters = ApiContract.served().document()
          .at("/paths/" + ApiContract.escape(key[1]) + "/" + key[0] + "/parameters");
      for (JsonNode parameter : parameters) {
        if (!parameter.path("in").asText().equals("query")) {
          continue;
        }
        String name = parameter.get("name").asText();
        JsonNode schema = parameter.path("schema");
        Map<String, Boolean> values = new LinkedHashMap<>(); // value -> accepted
        if (schema.has("minimum")) {
          values.put(Long.toString(schema.get("minimum").asLong()), true);
          values.put(Long.toString(schema.get("minimum").asLong() - 1), false);
        }
        if (schema.has("maximum")) {
          values.put(Long.toString(schema.get("maximum").asLong()), true);
          values.put(Long.toString(schema.get("maximum").asLong() + 1), false);
        }
        schema.path("enum").forEach(v -> values.put(v.asText(), true));
        if (schema.has("enum")) {
          values.put("zzz", false);
        }
        if (schema.path("type").asText().equals("boolean")) {
          values.putAll(Map.of("true", true, "false", true, "maybe", false));
        }
        for (var value : values.entrySet()) {
          String path = operation.getValue() + (operation.getValue().endsWith("?") ? "" : "&") + name + "="
              + value.getKey();
          HttpResponse<String> response = calls.get(path);
          checks++;
          int expected = value.getValue() ? 200 : 400;
          if (response.statusCode() != expected) {
            problems.add(path + " answered " + response.statusCode() + ", expected " + expected);
          } else if (expected == 400 && !Calls.json(response).get("detail").asText().startsWith(name + " ")) {
            problems.add(path + ": the refusal does not name " + name + ": " + response.body());
          }
        }
      }
    }
    assertThat(problems).isEmpty();
    assertThat(checks).isGreaterThan(50);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(textBlock = """
      /api/speakers?about=crimea&from=2014&to=2016&quotes=0&hosts=false&unidentified=false&exact=true&program=ATC
      /api/speakers?prefix=la&size=3
      /api/search?q=crimea&speaker=lavrov&speaker=siegel&topic=Ukraine&topic=Syria
      /api/speakers?about=crimea&prefix=
      /api/timeline?q=crimea&exact=true&literal=true&interval=month
      /api/search/export?q=crimea&exact=true&format=jsonl
      /widget.js?v=2
      /?q=crimea&episode=fx-crimea-2014&turn=2
      """)
  void isAcceptedWhereItApplies(String path) throws Exception {
    HttpResponse<String> response = calls.get(path);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
  }
}
