package org.transcriptsearch.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.transcriptsearch.TestIndexes;
import org.transcriptsearch.model.Json;
import org.transcriptsearch.search.SearchService;
import org.transcriptsearch.search.SpeakerSearch;

/** The real app over HTTP, on a real index of the fixture corpus and the sample corpus. */
class ApiAppTest {
  @RegisterExtension
  static final ServedIndex served = new ServedIndex(TestIndexes.FIXTURE_CORPUS, TestIndexes.SAMPLE_CORPUS);

  private static Javalin app() {
    return served.api().create();
  }

  private static JsonNode json(Response response) throws Exception {
    return Json.mapper().readTree(response.body().string());
  }

  private static JsonNode get(HttpClient client, String path, int status) throws Exception {
    Response response = client.get(path);
    assertThat(response.code()).as(path).isEqualTo(status);
    assertThat(response.headers().get("Content-Type")).as(path).anySatisfy(v -> assertThat(v).startsWith("application/json"));
    return json(response);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static List<String> ids(JsonNode hits) {
    List<String> ids = new ArrayList<>();
    hits.forEach(h -> ids.add(h.get("id").asText()));
    return ids;
  }

  @Test
  void searchAnswersRankedHitsWithEpisodeSpeakerHighlightsAndFacets() {
    JavalinTest.test(app(), (server, client) -> {
      JsonNode r = get(client, "/api/search?q=" + enc("speaker:lavrov crimea"), 200);
      assertThat(r.get("total").asLong()).isEqualTo(2);
      assertThat(r.get("totalRelation").asText()).isEqualTo("eq");
      assertThat(ids(r.get("hits"))).containsExactly("fx-crimea-2014-4", "fx-crimea-2014-2");
      JsonNode hit = r.get("hits").get(0);
      assertThat(hit.get("episode").get("title").asText()).isEqualTo("Lavrov Defends Russian Moves In Crimea");
      assertThat(hit.get("episode").get("program").asText()).isEqualTo("All Things Considered");
      assertThat(hit.get("episode").get("date").asText()).isEqualTo("2014-03-05");
      assertThat(hit.get("episode").get("url").asText()).isEqualTo("https://example.org/crimea");
      assertThat(hit.get("turn").asInt()).isEqualTo(4);
      assertThat(hit.get("speaker").get("name").asText()).isEqualTo("Sergey Lavrov");
      assertThat(hit.get("speaker").get("role").asText()).isEqualTo("guest");
      assertThat(hit.get("speaker").get("title").asText()).isEqualTo("Foreign Minister");
      assertThat(hit.get("highlights").get(0).get("html").asText())
          .isEqualTo("We do not accept the language of ultimatums. The situation in <mark>Crimea</mark> is calm.");
      JsonNode match = hit.get("highlights").get(0).get("matches").get(0);
      assertThat(hit.get("text").asText().substring(match.get("start").asInt(), match.get("end").asInt()))
          .isEqualTo("Crimea");
      assertThat(r.get("facets").get("speaker").get(0).get("value").asText()).isEqualTo("Sergey Lavrov");
      assertThat(r.get("nextCursor").isNull()).isTrue();
    });
  }

  @Test
  void repeatedFiltersAreOrWithinAndAcross() {
    JavalinTest.test(app(), (server, client) -> {
      JsonNode r =
          get(client, "/api/search?speaker=kelemen&speaker=lavrov&program=" + enc("morning edition") + "&size=20", 200);
      assertThat(ids(r.get("hits"))).containsExactly("fx-kerry-2016-2", "fx-kerry-2016-4");
      JsonNode dated = get(client, "/api/search?from=2016-01-01&to=2016-12-31&sort=date&size=2", 200);
      assertThat(ids(dated.get("hits"))).containsExactly("fx-aleppo-2016-1", "fx-aleppo-2016-2");
      String cursor = dated.get("nextCursor").asText();
      JsonNode next = get(client, "/api/search?from=2016-01-01&to=2016-12-31&sort=date&size=2&cursor=" + cursor, 200);
      assertThat(ids(next.get("hits"))).containsExactly("fx-aleppo-2016-3", "fx-aleppo-2016-4");
    });
  }

  @Test
  void clientMistakesAre400WithTheReasonNever500() {
    JavalinTest.test(app(), (server, client) -> {
      for (String bad :
          List.of(
              "q=" + enc("crimea AND ("),
              "q=" + enc("color:red"),
              "q=" + enc("*rimea"),
              "size=0",
              "size=101",
              "size=ten",
              "sort=loudest",
              "from=2016-13-45",
              "cursor=" + enc("%%%"),
              "role=pundit",
              "passages=0",
              "fragmentSize=5")) {
        JsonNode e = get(client, "/api/search?" + bad, 400);
        assertThat(e.get("status").asInt()).isEqualTo(400);
        assertThat(e.get("error").asText()).isEqualTo("Bad Request");
        assertThat(e.get("detail").asText()).as(bad).isNotBlank().doesNotContain("Exception").doesNotContain("\tat ");
      }
      assertThat(get(client, "/api/search?q=" + enc("crimea AND ("), 400).get("detail").asText())
          .contains("Cannot parse").contains("column");
      assertThat(get(client, "/api/utterances/fx-callers-1?context=11", 400).get("detail").asText())
          .contains("context");
      assertThat(get(client, "/api/highlight?q=x", 400).get("detail").asText()).isEqualTo("id is required");
    });
  }

  @Test
  void unknownIdsAndRoutesAre404() {
    JavalinTest.test(app(), (server, client) -> {
      assertThat(get(client, "/api/episodes/nope", 404).get("detail").asText()).isEqualTo("no episode with id 'nope'");
      assertThat(get(client, "/api/utterances/nope-1", 404).get("status").asInt()).isEqualTo(404);
      assertThat(get(client, "/api/highlight?id=nope-1&q=x", 404).get("status").asInt()).isEqualTo(404);
      assertThat(get(client, "/api/nothing-here", 404).get("error").asText()).isEqualTo("Not Found");
    });
  }

  @Test
  void highlightMarksEveryMatchOfOneUtterance() {
    JavalinTest.test(app(), (server, client) -> {
      JsonNode h = get(client, "/api/highlight?id=fx-kerry-2016-3&q=" + enc("\"cease-fire holds\" OR syria"), 200);
      assertThat(h.get("html").asText())
          .isEqualTo(
              "We believe this can be a turning point, if the <mark>cease-fire holds</mark> in Aleppo and across"
                  + " <mark>Syria</mark>.");
      assertThat(h.get("matches")).hasSize(2);
    });
  }

  @Test
  void episodeWithAQueryMarksEveryTurnWhereItMatches() {
    JavalinTest.test(app(), (server, client) -> {
      JsonNode e = get(client, "/api/episodes/fx-kerry-2016?q=" + enc("\"cease-fire holds\" OR syria"), 200);
      assertThat(e.get("turns")).hasSize(4);
      List<String> marked = new ArrayList<>();
      e.get("highlights").forEach(h -> marked.add(h.get("turn").asInt() + " " + h.get("id").asText() + " "
          + h.get("html").asText() + " " + h.get("matches").size()));
      assertThat(marked)
          .containsExactly(
              "2 fx-kerry-2016-2 Kerry and Lavrov talked for more than twelve hours about a cease-fire in"
                  + " <mark>Syria</mark>, and about Crimea only briefly. 1",
              "3 fx-kerry-2016-3 We believe this can be a turning point, if the <mark>cease-fire holds</mark> in"
                  + " Aleppo and across <mark>Syria</mark>. 2");
      JsonNode match = e.get("highlights").get(1).get("matches").get(0);
      assertThat(e.get("turns").get(2).get("text").asText().substring(match.get("start").asInt(), match.get("end").asInt()))
          .isEqualTo("cease-fire holds");
      assertThat(get(client, "/api/episodes/fx-kerry-2016", 200).get("highlights")).isEmpty();
      assertThat(get(client, "/api/episodes/fx-kerry-2016?q=" + enc("syria AND ("), 400).get("detail").asText())
          .contains("Cannot parse");
    });
  }

  @Test
  void utteranceComesWithItsContext() {
    JavalinTest.test(app(), (server, client) -> {
      JsonNode u = get(client, "/api/utterances/fx-kerry-2016-2?context=1", 200);
      assertThat(u.get("utterance").get("speaker").get("label").asText()).isEqualTo("MICHELE KELEMEN, BYLINE");
      assertThat(u.get("utterance").get("attribution").asText()).isEqualTo("labelled");
      assertThat(ids(u.get("before"))).containsExactly("fx-kerry-2016-1");
      assertThat(ids(u.get("after"))).containsExactly("fx-kerry-2016-3");
      assertThat(u.get("episode").get("id").asText()).isEqualTo("fx-kerry-2016");
    });
  }

  @Test
  void episodeIsTheWholeTranscript() {
    JavalinTest.test(app(), (server, client) -> {
      JsonNode e = get(client, "/api/episodes/31d3c47a04e0fcb9", 200);
      assertThat(e.get("title").asText()).isEqualTo("Kerry And Russian Diplomat Talk Crimea In Paris");
      assertThat(e.get("source").asText()).isEqualTo("WKNO FM");
      assertThat(e.get("turns")).hasSize(13);
      assertThat(e.get("turns").get(1).get("attribution").asText()).isEqualTo("self-introduced");
      assertThat(e.get("turns").get(12).get("text").asText()).isEqualTo("Thank you, Audie.");
    });
  }

  @Test
  void speakersAboutRanksWhoSaidTheMostWithQuotes() {
    JavalinTest.test(app(), (server, client) -> {
      JsonNode r = get(client, "/api/speakers?about=crimea&quotes=1", 200);
      List<String> names = new ArrayList<>();
      r.get("speakers").forEach(s -> names.add(s.get("name").asText() + "=" + s.get("count").asLong()));
      assertThat(names)
          .containsExactly(
              "Robert Siegel=2", "Sergey Lavrov=2", "Michele Kelemen=2", "Audie Cornish=2");
      JsonNode lavrov = r.get("speakers").get(1);
      assertThat(lavrov.get("role").asText()).isEqualTo("guest");
      assertThat(lavrov.get("programs").get(0).get("value").asText()).isEqualTo("All Things Considered");
      assertThat(lavrov.get("quotes")).hasSize(1);
      assertThat(lavrov.get("quotes").get(0).get("highlights").get(0).get("html").asText()).contains("<mark>Crimea</mark>");
      JsonNode onMorningEdition = get(client, "/api/speakers?about=crimea&program=" + enc("Morning Edition"), 200);
      assertThat(onMorningEdition.get("speakers")).hasSize(1);
      assertThat(onMorningEdition.get("speakers").get(0).get("name").asText()).isEqualTo("Michele Kelemen");
    });
  }

  @Test
  void speakerCompletionListsTheMostFrequentFirst() {
    JavalinTest.test(app(), (server, client) -> {
      JsonNode r = get(client, "/api/speakers?prefix=ke", 200);
      List<String> names = new ArrayList<>();
      r.forEach(s -> names.add(s.get("value").asText() + "=" + s.get("count").asLong()));
      assertThat(names).containsExactly("Michele Kelemen=13", "Kelly McEvers=7", "John Kerry=1");
    });
  }

  @Test
  void healthCountsTheIndex() {
    JavalinTest.test(app(), (server, client) -> {
      JsonNode h = get(client, "/api/health", 200);
      assertThat(h.get("status").asText()).isEqualTo("ok");
      assertThat(h.get("utterances").asLong()).isEqualTo(17 + 27);
      assertThat(h.get("transcripts").asLong()).isEqualTo(5 + 2);
    });
  }

  @Test
  void healthReportsHowOftenTheResultsCacheAnswered() {
    SearchService search = new SearchService(served.index());
    JavalinTest.test(new ApiApp(search, new SpeakerSearch(served.index(), search)).create(), (server, client) -> {
      get(client, "/api/search?q=people", 200);
      get(client, "/api/search?q=people", 200);
      get(client, "/api/search?q=president", 200);
      get(client, "/api/search?q=people&size=5", 200); // another answer, of hits counted before
      JsonNode cache = get(client, "/api/health", 200).get("resultsCache");
      assertThat(cache.toString())
          .isEqualTo("{\"entries\":512,\"hits\":1,\"misses\":3,\"countHits\":1,\"countMisses\":2}");
    });
  }

  @Test
  void aServerWithTheResultsCacheOffCountsNothingInIt() {
    SearchService search = new SearchService(served.index()).withResultsCache(0);
    JavalinTest.test(new ApiApp(search, new SpeakerSearch(served.index(), search)).create(), (server, client) -> {
      get(client, "/api/search?q=people", 200);
      get(client, "/api/search?q=people", 200);
      JsonNode cache = get(client, "/api/health", 200).get("resultsCache");
      assertThat(cache.toString())
          .isEqualTo("{\"entries\":0,\"hits\":0,\"misses\":0,\"countHits\":0,\"countMisses\":0}");
    });
  }

  @Test
  void aSearchAnswerIsTheServiceAnswerAsTheMapperWritesIt() {
    SearchService search = new SearchService(served.index());
    JavalinTest.test(new ApiApp(search, new SpeakerSearch(served.index(), search)).create(), (server, client) -> {
      Response response = client.get("/api/search?q=people&size=3");
      assertThat(response.code()).isEqualTo(200);
      assertThat(response.headers().get("Content-Type")).containsExactly("application/json");
      String expected = Json.mapper().writeValueAsString(
          search.search(org.transcriptsearch.search.SearchRequest.builder().query("people").size(3).build()));
      assertThat(response.body().string()).isEqualTo(expected);
    });
  }
}
