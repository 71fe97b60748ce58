package org.transcriptsearch.research;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transcriptsearch.TestIndexes;
import org.transcriptsearch.http.ApiApp;
import org.transcriptsearch.index.TranscriptIndex;
import org.transcriptsearch.model.Json;
import org.transcriptsearch.search.SearchService;
import org.transcriptsearch.search.SpeakerSearch;

/** The research routes over HTTP, on the real app over a real index of the bundled and fixture corpora. */
class ResearchApiTest {
  static final Path RESEARCH = Path.of("src", "test", "resources", "fixtures", "research.jsonl");

  @TempDir static Path dir;
  static TranscriptIndex index;
  static ApiApp api;

  @BeforeAll
  static void start() throws Exception {
    index = TestIndexes.build(dir, TestIndexes.FIXTURE_CORPUS, TestIndexes.SAMPLE_CORPUS, RESEARCH);
    SearchService search = new SearchService(index);
    api = new ApiApp(search, new SpeakerSearch(index, search));
  }

  @AfterAll
  static void close() throws Exception {
    index.close();
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  static JsonNode get(HttpClient client, String path, int status) throws Exception {
    Response response = client.get(path);
    String body = response.body().string();
    assertThat(response.code()).as(path + " " + body).isEqualTo(status);
    return Json.mapper().readTree(body);
  }

  static String header(Response response, String name) {
    List<String> values = response.headers().get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  static List<String> texts(JsonNode array, String field) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.get(field).asText()));
    return out;
  }

  static List<String> diff(JsonNode match) {
    List<String> out = new ArrayList<>();
    match.get("diff").forEach(op -> out.add(op.get("op").asText() + ":" + op.get("quote").asText(null) + "|"
        + op.get("said").asText(null) + (op.get("moved").asBoolean() ? "|moved" : "")));
    return out;
  }

  @Test
  void theSameWordsSaidTwiceComeEarliestFirstWithTheOtherListed() {
    JavalinTest.test(api.create(), (server, client) -> {
      JsonNode r = get(client, "/api/quotes?text="
          + enc("“There is no military solution to this conflict, only a political one”"), 200);
      assertThat(r.get("verdict").asText()).isEqualTo("said");
      assertThat(texts(r.get("matches"), "id")).startsWith("rs-ceasefire-2013-2", "rs-ceasefire-2016-2");
      JsonNode first = r.get("matches").get(0);
      assertThat(first.get("similarity").asDouble()).isEqualTo(1.0);
      assertThat(first.get("alsoSaidIn").get(0).asText()).isEqualTo("rs-ceasefire-2016-2");
      assertThat(diff(first)).containsExactly(
          "same:There is no military solution to this conflict, only a political one|there is no military solution to"
              + " this conflict, only a political one");
      JsonNode hit = first.get("hit");
      assertThat(hit.get("citation").asText())
          .isEqualTo("Michele Kelemen, NPR diplomatic correspondent, on Morning Edition, November 4, 2013");
      assertThat(hit.get("permalink").asText()).isEqualTo("/?episode=rs-ceasefire-2013&turn=2");
      assertThat(hit.get("episode").get("date").asText()).isEqualTo("2013-11-04");
      assertThat(hit.get("speaker").get("name").asText()).isEqualTo("Michele Kelemen");
      assertThat(r.get("matches").get(1).get("alsoSaidIn")).isEmpty();
    });
  }

  @Test
  void aChangedWordIsCloseWithTheChangeInTheDiff() {
    JavalinTest.test(api.create(), (server, client) -> {
      JsonNode r = get(client, "/api/quotes?text=" + enc("the people of crimea must decide their future"), 200);
      assertThat(r.get("verdict").asText()).isEqualTo("close");
      JsonNode best = r.get("matches").get(0);
      assertThat(best.get("id").asText()).isEqualTo("fx-crimea-2014-2");
      assertThat(best.get("similarity").asDouble()).isEqualTo(0.775);
      assertThat(diff(best)).containsExactly(
          "same:the people of crimea|The people of Crimea",
          "changed:must|have the right to",
          "same:decide their future|decide their future");
      assertThat(best.get("hit").get("citation").asText())
          .isEqualTo("Sergey Lavrov, Foreign Minister, on All Things Considered, March 5, 2014");
    });
  }

  @Test
  void aReorderedQuoteIsTheSameQuoteWithTheClauseMoved() {
    JavalinTest.test(api.create(), (server, client) -> {
      JsonNode r = get(client, "/api/quotes?text="
          + enc("Russia will protect its citizens. The people of Crimea have the right to decide their future."), 200);
      assertThat(r.get("verdict").asText()).isEqualTo("said");
      JsonNode best = r.get("matches").get(0);
      assertThat(best.get("id").asText()).isEqualTo("fx-crimea-2014-2");
      assertThat(diff(best)).containsExactly(
          "added:Russia will protect its citizens|null|moved",
          "same:The people of Crimea have the right to decide their future|The people of Crimea have the right to"
              + " decide their future",
          "missing:null|Russia will protect its citizens|moved");
    });
  }

  @Test
  void aQuoteOverTwoTurnsOfOneSpeakerMatchesBoth() {
    JavalinTest.test(api.create(), (server, client) -> {
      JsonNode r = get(client, "/api/quotes?text=" + enc("only a political one, and both sides must come to the"
          + " table. And he warned that the window for diplomacy is closing"), 200);
      JsonNode best = r.get("matches").get(0);
      assertThat(best.get("ids")).hasSize(2);
      assertThat(best.get("ids").get(0).asText()).isEqualTo("rs-ceasefire-2013-2");
      assertThat(best.get("ids").get(1).asText()).isEqualTo("rs-ceasefire-2013-4");
      assertThat(best.get("similarity").asDouble()).isEqualTo(0.989);
      assertThat(r.get("verdict").asText()).isEqualTo("said");
      assertThat(diff(best)).containsExactly(
          "same:only a political one, and|only a political one, and",
          "missing:null|that",
          "same:both sides must come to the table. And he warned that the window for diplomacy is closing|both sides"
              + " must come to the table … And he warned that the window for diplomacy is closing");
    });
  }

  @Test
  void aQuoteNobodySaidIsNotFound() {
    JavalinTest.test(api.create(), (server, client) -> {
      JsonNode r = get(client, "/api/quotes?text="
          + enc("Russia will never give Crimea back to Ukraine, whatever the West decides."), 200);
      assertThat(r.get("verdict").asText()).isEqualTo("not found");
      assertThat(r.get("matches")).isEmpty();
      assertThat(r.get("thresholds").get("said").asDouble()).isEqualTo(QuoteChecker.SAID);
      assertThat(r.get("thresholds").get("close").asDouble()).isEqualTo(QuoteChecker.CLOSE);
    });
  }

  @Test
  void badQuoteRequestsAreTheCallersMistake() {
    JavalinTest.test(api.create(), (server, client) -> {
      assertThat(get(client, "/api/quotes", 400).get("detail").asText()).contains("text is required");
      assertThat(get(client, "/api/quotes?text=" + enc("...!"), 400).get("detail").asText()).contains("no words");
      assertThat(get(client, "/api/quotes?text=" + "a".repeat(2001), 400).get("detail").asText())
          .contains("limit is 2000");
      assertThat(get(client, "/api/quotes?text=crimea&size=0", 400).get("detail").asText()).contains("size");
      assertThat(get(client, "/api/quotes?text=crimea&role=pundit", 400).get("status").asInt()).isEqualTo(400);
    });
  }

  @Test
  void theTimelineCountsTheSearchByAirDateAndAddsUpToItsTotal() {
    JavalinTest.test(api.create(), (server, client) -> {
      JsonNode t = get(client, "/api/timeline?q=crimea", 200);
      assertThat(t.get("interval").asText()).isEqualTo("year");
      assertThat(buckets(t)).containsExactly("2014-01-01=3", "2015-01-01=1", "2016-01-01=1");
      assertThat(t.get("undated").asLong()).isEqualTo(3);
      long total = get(client, "/api/search?q=crimea", 200).get("total").asLong();
      assertThat(t.get("total").asLong()).isEqualTo(total).isEqualTo(8);

      JsonNode months = get(client, "/api/timeline?q=syria&interval=month&from=2013-01-01", 200);
      assertThat(months.get("buckets").get(0).get("start").asText()).isEqualTo("2013-11-01");
      assertThat(months.get("buckets").get(months.get("buckets").size() - 1).get("start").asText())
          .isEqualTo("2016-12-01");
      long sum = 0;
      for (JsonNode b : months.get("buckets")) {
        sum += b.get("count").asLong();
      }
      assertThat(sum + months.get("undated").asLong())
          .isEqualTo(get(client, "/api/search?q=syria&from=2013-01-01", 200).get("total").asLong());

      JsonNode weeks = get(client, "/api/timeline?speaker=kelemen&program=" + enc("Morning Edition")
          + "&interval=week", 200);
      assertThat(weeks.get("buckets").get(0).get("start").asText()).isEqualTo("2013-11-04"); // a Monday
      assertThat(get(client, "/api/timeline?q=crimea&interval=day", 400).get("detail").asText())
          .contains("interval must be year, month or week");
    });
  }

  static List<String> buckets(JsonNode timeline) {
    List<String> out = new ArrayList<>();
    timeline.get("buckets").forEach(b -> out.add(b.get("start").asText() + "=" + b.get("count").asLong()));
    return out;
  }

  @Test
  void aPersonResolvesFromAnyWrittenForm() {
    JavalinTest.test(api.create(), (server, client) -> {
      JsonNode p = get(client, "/api/speakers/" + enc("SERGEI lavrov"), 200);
      assertThat(p.get("name").asText()).isEqualTo("Sergey Lavrov");
      assertThat(p.get("utterances").asLong()).isEqualTo(get(client, "/api/speakers/" + enc("Sergey Lavrov"), 200)
          .get("utterances").asLong());
      JsonNode k = get(client, "/api/speakers/" + enc("kélémen"), 200);
      assertThat(k.get("name").asText()).isEqualTo("Michele Kelemen");
      assertThat(k.get("titles").get(0).get("value").asText()).isEqualTo("NPR diplomatic correspondent");
      assertThat(k.get("firstDate").asText()).isEqualTo("2013-11-04");
      assertThat(k.get("lastDate").asText()).isEqualTo("2016-09-10");
      assertThat(k.get("roles").get(0).get("value").asText()).isEqualTo("correspondent");
      assertThat(texts(k.get("recent"), "id")).startsWith("fx-kerry-2016-2");
      assertThat(k.get("recent").get(0).get("citation").asText())
          .isEqualTo("Michele Kelemen, correspondent, on Morning Edition, September 10, 2016");
      long perYear = 0;
      for (JsonNode b : k.get("timeline").get("buckets")) {
        perYear += b.get("count").asLong();
      }
      assertThat(perYear + k.get("timeline").get("undated").asLong()).isEqualTo(k.get("utterances").asLong());
      JsonNode missing = get(client, "/api/speakers/" + enc("Nobody Atall"), 404);
      assertThat(missing.get("status").asInt()).isEqualTo(404);
      assertThat(missing.get("detail").asText()).isEqualTo("no speaker named 'Nobody Atall'");
    });
  }

  @Test
  void everySearchHitCarriesACitationAndAPermalink() {
    JavalinTest.test(api.create(), (server, client) -> {
      JsonNode r = get(client, "/api/search?q=" + enc("speaker:lavrov crimea"), 200);
      assertThat(texts(r.get("hits"), "citation")).containsExactly(
          "Sergey Lavrov, Foreign Minister, on All Things Considered, March 5, 2014",
          "Sergey Lavrov, Foreign Minister, on All Things Considered, March 5, 2014");
      assertThat(texts(r.get("hits"), "permalink"))
          .containsExactly("/?episode=fx-crimea-2014&turn=4", "/?episode=fx-crimea-2014&turn=2");
    });
  }

  @Test
  void csvExportIsEveryHitReadableBackWithFormulasNeutralised() {
    JavalinTest.test(api.create(), (server, client) -> {
      Response response = client.get("/api/search/export?q=title:budget&format=csv&sort=date");
      assertThat(response.code()).isEqualTo(200);
      assertThat(header(response, "Content-Type")).startsWith("text/csv");
      assertThat(header(response, "X-Total-Count")).isEqualTo("3");
      assertThat(header(response, "X-Export-Cut")).isEqualTo("false");
      byte[] bytes = java.net.http.HttpClient.newHttpClient().send(
          java.net.http.HttpRequest.newBuilder(java.net.URI.create(
              "http://127.0.0.1:" + server.port() + "/api/search/export?q=title:budget&format=csv&sort=date")).build(),
          java.net.http.HttpResponse.BodyHandlers.ofByteArray()).body();
      assertThat(new String(bytes, 0, 3, StandardCharsets.ISO_8859_1)).isEqualTo("\u00ef\u00bb\u00bf"); // BOM
      List<Map<String, String>> rows = csv(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8));
      assertThat(rows).extracting(r -> r.get("id"))
          .containsExactlyInAnyOrder("rs-spreadsheet-2015-1", "rs-spreadsheet-2015-2", "rs-spreadsheet-2015-3");
      Map<String, String> first = rows.stream().filter(r -> r.get("id").equals("rs-spreadsheet-2015-1")).findFirst()
          .orElseThrow();
      assertThat(first.get("text")).isEqualTo("'=SUM(A1:A9) is what one listener typed into our comment form.");
      assertThat(first.get("title")).isEqualTo("'=HYPERLINK(\"http://evil.example\") Budget Talk");
      assertThat(first.get("citation")).isEqualTo("Scott Simon, host, on Weekend Edition, July 19, 2015");
      assertThat(first.get("permalink")).isEqualTo("/?episode=rs-spreadsheet-2015&turn=1");
      assertThat(first.get("date")).isEqualTo("2015-07-19");
      assertThat(rows).extracting(r -> r.get("text").charAt(0)).containsOnly('\'');
      assertThat(rows.stream().filter(r -> r.get("id").endsWith("-3")).findFirst().orElseThrow().get("text"))
          .isEqualTo("'@everyone in the city council agreed on the budget in the end, with a \"final\" vote.");
    });
  }

  @Test
  void jsonLinesExportIsCutAtTheLimitAndSaysSo() {
    JavalinTest.test(api.create(), (server, client) -> {
      Response response = client.get("/api/search/export?q=crimea&format=jsonl&limit=2");
      assertThat(response.code()).isEqualTo(200);
      assertThat(header(response, "X-Total-Count")).isEqualTo("8");
      assertThat(header(response, "X-Export-Rows")).isEqualTo("2");
      assertThat(header(response, "X-Export-Cut")).isEqualTo("true");
      String[] lines = response.body().string().split("\n");
      assertThat(lines).hasSize(2);
      JsonNode row = Json.mapper().readTree(lines[0]);
      assertThat(row.fieldNames()).toIterable().containsExactly(
          "id", "date", "program", "title", "speaker", "role", "text", "url", "citation", "permalink");
      JsonNode all = get(client, "/api/search?q=crimea&size=2", 200);
      assertThat(List.of(Json.mapper().readTree(lines[0]).get("id").asText(),
          Json.mapper().readTree(lines[1]).get("id").asText())).isEqualTo(texts(all.get("hits"), "id"));
      assertThat(get(client, "/api/search/export?q=crimea&format=xml", 400).get("detail").asText())
          .contains("format must be csv or jsonl");
      assertThat(get(client, "/api/search/export?q=crimea&limit=10001", 400).get("detail").asText())
          .contains("limit must be between 1 and 10000");
    });
  }

  static List<Map<String, String>> csv(String text) throws Exception {
    CsvMapper mapper = new CsvMapper();
    mapper.enable(CsvParser.Feature.WRAP_AS_ARRAY);
    try (MappingIterator<Map<String, String>> it =
        mapper.readerForMapOf(String.class).with(CsvSchema.emptySchema().withHeader()).readValues(text)) {
      return it.readAll();
    }
  }
}
