package org.transcriptsearch.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.transcriptsearch.http.Calls.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.transcriptsearch.TestIndexes;

/** Writing over HTTP: the admin token, every kind of body, bad bodies, idempotence and deletion. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TranscriptWritesTest {
  private static final String TOKEN = "s3cret-admin-token";
  private static final String[] ADMIN = {"Authorization", "Bearer " + TOKEN};
  private static final long LIMIT = 1 << 20;

  @RegisterExtension static final ServedIndex served = new ServedIndex(TestIndexes.FIXTURE_CORPUS);
  private Calls calls;
  private Calls noToken;

  @BeforeAll
  void start() {
    calls = new Calls(served.started(ApiConfig.DEFAULT.withAdminToken(TOKEN).withMaxBodyBytes(LIMIT)));
    noToken = new Calls(served.started(ApiConfig.DEFAULT));
  }

  /** A canonical transcript of two turns; {@code text} is the second turn. */
  static String transcript(String id, String text) {
    return """
        {"id": "%s", "title": "Posted story", "program": "Morning Edition", "date": "2024-05-01",
         "turns": [
          {"n": 1, "speaker": {"name": "Steve Inskeep", "role": "host"}, "text": "Good morning.",
           "attribution": "labelled"},
          {"n": 2, "speaker": {"name": "Jane Doe", "role": "guest"}, "text": %s, "attribution": "labelled"}]}
        """.formatted(id, quoted(text));
  }

  private static String quoted(String text) {
    try {
      return org.transcriptsearch.model.Json.mapper().writeValueAsString(text);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private HttpResponse<String> postJson(String body) throws Exception {
    return calls.post("/api/transcripts", body, withType("application/json", ADMIN));
  }

  private static String[] withType(String type, String... headers) {
    String[] all = Arrays.copyOf(headers, headers.length + 2);
    all[headers.length] = "Content-Type";
    all[headers.length + 1] = type;
    return all;
  }

  private long total(String query) throws Exception {
    return json(calls.get("/api/search?q=" + query)).get("total").asLong();
  }

  private void assertError(HttpResponse<String> response, int status, String detail) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    JsonNode error = json(response);
    assertThat(error.get("status").asInt()).isEqualTo(status);
    assertThat(error.get("detail").asText()).contains(detail);
    assertThat(response.body()).doesNotContain("Exception", "\tat ");
  }

  @Test
  void withNoTokenConfiguredWritesAre403AndSayHowToEnableThem() throws Exception {
    String body = transcript("post-403", "forbidden words");
    assertError(noToken.post("/api/transcripts", body, withType("application/json", ADMIN)), 403,
        "TRANSCRIPT_SEARCH_ADMIN_TOKEN");
    assertError(noToken.delete("/api/episodes/fx-crimea-2014", ADMIN), 403, "TRANSCRIPT_SEARCH_ADMIN_TOKEN");
    assertThat(total("forbidden")).isZero();
  }

  @Test
  void aMissingOrWrongTokenIs401WithABearerChallenge() throws Exception {
    String body = transcript("post-401", "unauthorized words");
    for (String[] headers : new String[][] {
        {}, {"Authorization", "Bearer wrong"}, {"Authorization", "Bearer " + TOKEN + "x"},
        {"Authorization", "Basic " + TOKEN}, {"X-Api-Key", TOKEN}}) {
      HttpResponse<String> response = calls.post("/api/transcripts", body, withType("application/json", headers));
      assertError(response, 401, "admin token");
      assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    }
    assertError(calls.delete("/api/episodes/fx-crimea-2014"), 401, "admin token");
    assertThat(total("unauthorized")).isZero();
    assertThat(json(calls.get("/api/episodes/fx-crimea-2014")).get("id").asText()).isEqualTo("fx-crimea-2014");
  }

  @Test
  void postedJsonIs201AndSearchableAtOnce() throws Exception {
    HttpResponse<String> response = postJson(transcript("post-json", "The quokka census is finished."));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    assertThat(json(response).get("transcripts").toString())
        .isEqualTo("[{\"id\":\"post-json\",\"utterances\":2}]");
    JsonNode hits = json(calls.get("/api/search?q=quokka")).get("hits");
    assertThat(hits).hasSize(1);
    assertThat(hits.get(0).get("id").asText()).isEqualTo("post-json-2");
    assertThat(hits.get(0).get("speaker").get("name").asText()).isEqualTo("Jane Doe");
  }

  @Test
  void anArrayOfTranscriptsIsWrittenWhole() throws Exception {
    String body = "[" + transcript("post-a", "narwhal one") + "," + transcript("post-b", "narwhal two") + "]";
    HttpResponse<String> response = postJson(body);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    assertThat(json(response).get("transcripts").findValuesAsText("id")).containsExactly("post-a", "post-b");
    assertThat(total("narwhal")).isEqualTo(2);
  }

  @Test
  void postingTheSameTranscriptTwiceChangesNothing() throws Exception {
    String body = transcript("post-twice", "The axolotl returns.");
    assertThat(postJson(body).statusCode()).isEqualTo(201);
    JsonNode health = json(calls.get("/api/health"));

    assertThat(postJson(body).statusCode()).isEqualTo(201);

    assertThat(total("axolotl")).isEqualTo(1);
    JsonNode again = json(calls.get("/api/health"));
    assertThat(again.get("utterances").asLong()).isEqualTo(health.get("utterances").asLong());
    assertThat(again.get("transcripts").asLong()).isEqualTo(health.get("transcripts").asLong());
  }

  @Test
  void aDeletedEpisodeIsGoneAndDeletingItAgainIs404() throws Exception {
    assertThat(postJson(transcript("post-delete", "The pangolin leaves.")).statusCode()).isEqualTo(201);
    assertThat(total("pangolin")).isEqualTo(1);

    HttpResponse<String> deleted = calls.delete("/api/episodes/post-delete", ADMIN);

    assertThat(deleted.statusCode()).isEqualTo(204);
    assertThat(total("pangolin")).isZero();
    assertError(calls.get("/api/episodes/post-delete"), 404, "post-delete");
    assertError(calls.delete("/api/episodes/post-delete", ADMIN), 404, "post-delete");
    assertError(calls.delete("/api/episodes/never-was", ADMIN), 404, "never-was");
  }

  @Test
  void aRawPageAndAnHtmlPageAreReadAsIngestReadsThem() throws Exception {
    Path page = Files.list(TestIndexes.SAMPLE_CORPUS).sorted().findFirst().orElseThrow();
    HttpResponse<String> text =
        calls.post("/api/transcripts", Files.readAllBytes(page), withType("text/plain; charset=utf-8", ADMIN));
    assertThat(text.statusCode()).as(text.body()).isEqualTo(201);
    JsonNode written = json(text).get("transcripts").get(0);
    assertThat(written.get("utterances").asInt()).isPositive();
    String id = written.get("id").asText();
    JsonNode episode = json(calls.get("/api/episodes/" + id));
    assertThat(episode.get("turns").size()).isEqualTo(written.get("utterances").asInt());

    byte[] html = Files.readAllBytes(Path.of("src/test/resources/pages/page.html"));
    HttpResponse<String> fromHtml = calls.post("/api/transcripts", html, withType("text/html", ADMIN));
    assertThat(fromHtml.statusCode()).as(fromHtml.body()).isEqualTo(201);
    assertThat(json(fromHtml).get("transcripts").get(0).get("utterances").asInt()).isPositive();
  }

  @Test
  void aBodyOverTheLimitIs413AndTheServerStaysHealthy() throws Exception {
    byte[] huge = new byte[(int) LIMIT + 4096];
    Arrays.fill(huge, (byte) 'a');

    assertError(calls.post("/api/transcripts", huge, withType("text/plain", ADMIN)), 413,
        "larger than this server's limit of " + LIMIT + " bytes");
    assertThat(calls.get("/api/health").statusCode()).isEqualTo(200);
  }

  @Test
  void anUnsupportedContentTypeIs415() throws Exception {
    String body = transcript("post-415", "wrong type");
    assertError(calls.post("/api/transcripts", body, withType("application/xml", ADMIN)), 415, "application/xml");
    assertError(calls.post("/api/transcripts", body, ADMIN), 415, "Content-Type");
    assertError(calls.post("/api/transcripts", body, withType("application/json; charset=latin1", ADMIN)), 415,
        "charset latin1");
    assertThat(total("wrong")).isZero();
  }

  @Test
  void badBodiesAre400WithTheirReasonAndTheServerStaysHealthy() throws Exception {
    byte[] binary = "RENEE MONTAGNE, HOST: hello\u0000\u0001\u0002".getBytes(StandardCharsets.UTF_8);
    assertError(calls.post("/api/transcripts", binary, withType("text/plain", ADMIN)), 400, "NUL byte");
    byte[] latin1 = "MICHEL MARTIN, HOST: caf\u00e9 cr\u00e8me".getBytes(StandardCharsets.ISO_8859_1);
    assertError(calls.post("/api/transcripts", latin1, withType("text/plain", ADMIN)), 400, "not UTF-8");
    assertError(calls.post("/api/transcripts", "just some words, no speakers", withType("text/plain", ADMIN)),
        400, "no transcript found");
    assertError(calls.post("/api/transcripts", "<html><body><p>nothing</p></body></html>",
        withType("text/html", ADMIN)), 400, "no transcript found");
    assertError(calls.post("/api/transcripts", "   ", withType("text/plain", ADMIN)), 400, "no transcript found");
    assertError(postJson("[]"), 400, "no transcript found");
    assertError(postJson("{\"id\": \"x\", \"turns\": ["), 400, "");
    assertError(postJson(transcript("post-trailing", "fine") + " {}"), 400, "");
    assertError(postJson("{\"title\": \"no id\", \"turns\": []}"), 400, "id");
    assertError(postJson("{\"id\": \"post-noturns\", \"turns\": []}"), 400, "no turns");
    assertError(postJson(transcript("post-badturn", "x").replace("\"n\": 2", "\"n\": 5")), 400, "numbered 5");
    assertError(postJson("[" + transcript("post-ok", "fine") + ", null]"), 400, "transcript 1");
    assertThat(total("fine")).isZero();
    assertThat(calls.get("/api/health").statusCode()).isEqualTo(200);
  }

  @Test
  void aBatchWithOneBadRecordIs400NamingItAndWritesNothing() throws Exception {
    String good = transcript("batch-good", "aardwolf sanctuary");
    String emptyProgram = transcript("batch-bad", "aardwolf").replace("\"Morning Edition\"", "\"\"");
    assertError(postJson("[" + good + ", " + emptyProgram + "]"), 400, "transcript 1 ('batch-bad'): program: empty");
    // Another request's commit must not make the refused batch's good record durable or visible either.
    assertThat(postJson(transcript("batch-other", "unrelated words")).statusCode()).isEqualTo(201);
    assertThat(total("aardwolf")).isZero();
    assertThat(served.index().contains("batch-good")).isFalse();
  }

  @Test
  void everyBodyAndFieldAClientCanSendIsA4xxNamingIt() throws Exception {
    String longId = "x".repeat(40_000);
    String longProgram = "p".repeat(40_000);
    assertError(postJson("null"), 400, "null is not a transcript");
    assertError(calls.post("/api/transcripts", transcript("ct", "x"), withType(";", ADMIN)), 415, "Content-Type");
    assertError(calls.post("/api/transcripts", transcript("ct", "x"), withType("application/json; charset=", ADMIN)),
        415, "charset");
    assertError(postJson(transcript(longId, "immense id")), 400, "id: 40000 characters, the limit is 200");
    assertError(postJson(transcript("long-program", "x").replace("Morning Edition", longProgram)), 400,
        "program: 40000 characters");
    assertError(postJson(transcript("empty-topic", "x").replace("\"turns\"", "\"topics\": [\"\"], \"turns\"")),
        400, "topics[0]: empty");
    assertError(postJson(transcript("no-letters", "x").replace("Jane Doe", "!!! ...")), 400,
        "turns[1].speaker.name: '!!! ...' has no letter or digit");
    assertError(postJson(transcript("long-name", "x").replace("Jane Doe", "J".repeat(40_000))), 400,
        "turns[1].speaker.name: 40000 characters");
    assertThat(total("immense")).isZero();
    assertThat(calls.get("/api/health").statusCode()).isEqualTo(200);
  }

  @Test
  void invisibleCharactersAreStrippedFromNamesTitlesProgramsAndTopicsButNotFromSpeech() throws Exception {
    String body = transcript("bidi", "speech keeps \u200b as sent")
        .replace("Jane Doe", "Jane\u202e Doe\u200b")
        .replace("Posted story", "Posted\\u0007 story\u2066")
        .replace("Morning Edition", "Morning\u200b Edition")
        .replace("\"turns\"", "\"topics\": [\"Syria\u202d\"], \"turns\"");
    assertThat(postJson(body).statusCode()).isEqualTo(201);
    JsonNode episode = json(calls.get("/api/episodes/bidi"));
    assertThat(episode.get("title").asText()).isEqualTo("Posted story");
    assertThat(episode.get("program").asText()).isEqualTo("Morning Edition");
    assertThat(episode.get("topics").toString()).contains("\"Syria\"");
    assertThat(episode.get("turns").get(1).get("speaker").get("name").asText()).isEqualTo("Jane Doe");
    assertThat(episode.get("turns").get(1).get("text").asText()).isEqualTo("speech keeps \u200b as sent");
  }

  @Test
  void markupPostedIsSearchedAsPlainTextAndHighlightedWithOnlyMark() throws Exception {
    String hostile = "<script>alert('x')</script> The ocelot <img src=x onerror=alert(1)> &amp; &lt;b&gt; "
        + "\"quotes\" ocelot";
    assertThat(postJson(transcript("post-xss", hostile)).statusCode()).isEqualTo(201);

    JsonNode hit = json(calls.get("/api/search?q=ocelot")).get("hits").get(0);

    assertThat(hit.get("text").asText()).isEqualTo(hostile);
    String html = hit.get("highlights").get(0).get("html").asText();
    assertThat(html).contains("<mark>ocelot</mark>").contains("&lt;script&gt;").contains("&amp;amp;");
    assertThat(html.replace("<mark>", "").replace("</mark>", "")).doesNotContain("<", ">");
    JsonNode full = json(calls.get("/api/highlight?id=post-xss-2&q=ocelot"));
    assertThat(full.get("html").asText().replace("<mark>", "").replace("</mark>", "")).doesNotContain("<", ">");
  }

  @Test
  void markupInAPostedHtmlPageNeverBecomesText() throws Exception {
    String page = """
        <html><head><title>t</title><script>alert('head')</script></head><body>
        <p>STEVE INSKEEP, HOST:</p><p>The wombat report. <script>alert('body')</script></p>
        <p>JANE DOE: Wombats dig &lt;img onerror=x&gt; at night.</p>
        </body></html>""";
    HttpResponse<String> response = calls.post("/api/transcripts", page, withType("text/html", ADMIN));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);

    JsonNode hits = json(calls.get("/api/search?q=wombat*")).get("hits");

    assertThat(hits).isNotEmpty();
    for (JsonNode hit : hits) {
      assertThat(hit.get("text").asText()).doesNotContain("alert");
      String html = hit.get("highlights").get(0).get("html").asText();
      assertThat(html.replace("<mark>", "").replace("</mark>", "")).doesNotContain("<", ">");
    }
  }
}
