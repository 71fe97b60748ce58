package org.transcriptsearch.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.transcriptsearch.cli.CommandRun;
import org.transcriptsearch.model.Json;
import org.transcriptsearch.solr.LocalSolrCloud;
import org.transcriptsearch.solr.LostShard;
import org.transcriptsearch.solr.SharedSolrCloud;

/**
 * The API and the command line on a SolrCloud collection one of whose two shards has no replica left: a first page
 * of hits, who-said-most, a timeline and a person's record answer from the shard left and say so in {@code shards},
 * an export and name suggestions in the headers {@code X-Shards-Asked} and {@code X-Shards-Answered}, each valid
 * against the OpenAPI document and holding exactly what the shard left holds; what would be wrong rather than smaller
 * without the shard (a page after a cursor, an utterance by id, an episode, a quote check, a person all of whose
 * turns are on the lost shard, the health check) answers 503 saying why; a malformed cursor is still the caller's
 * 400; the read commands print a warning line.
 */
@Tag("solrcloud")
@ExtendWith(SharedSolrCloud.class)
class ShardLostApiTest {
  private static final HttpClient http = HttpClient.newHttpClient();
  private static final ApiContract CONTRACT = ApiContract.served();
  private static LostShard lost;
  private static List<String> wholeIds;
  private static long wholeTotal;
  private static String cursor;
  private static List<String> lostIds;
  private static List<String> keptIds;
  /** Every utterance of the collection, as the export wrote it with every shard up. */
  private static List<JsonNode> everyRow;
  /** The hits of "crimea", as the export wrote them with every shard up. */
  private static List<JsonNode> crimeaRows;

  @BeforeAll
  static void loseAShard(LocalSolrCloud cluster) throws Exception {
    lost = LostShard.create(cluster, "shard-lost-api");
    JsonNode whole = get("/api/search?q=crimea&size=100").body();
    wholeTotal = whole.path("total").asLong();
    wholeIds = ids(whole);
    cursor = get("/api/search?q=crimea&size=2").body().path("nextCursor").asText(null);
    lostIds = lost.idsOf("shard1");
    keptIds = lost.idsOf("shard2");
    everyRow = rows("/api/search/export?format=jsonl&sort=date");
    crimeaRows = rows("/api/search/export?format=jsonl&q=crimea");
    lost.lose();
  }

  @AfterAll
  static void deleteTheCollection() throws Exception {
    if (lost != null) {
      lost.close();
    }
  }

  @Test
  void aSearchAnswersFromTheShardLeftAndSaysSo() throws Exception {
    assertThat(wholeIds).hasSize((int) wholeTotal).anyMatch(lostIds::contains).anyMatch(keptIds::contains);
    Answer answer = get("/api/search?q=crimea&size=100");
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body().path("shards")).isEqualTo(Json.mapper().readTree("{\"asked\":2,\"answered\":1}"));
    // Exactly the hits of the shard left: those of the whole answer that it holds.
    List<String> kept = wholeIds.stream().filter(keptIds::contains).toList();
    assertThat(ids(answer.body())).containsExactlyInAnyOrderElementsOf(kept);
    assertThat(answer.body().path("total").asLong()).isEqualTo(kept.size()).isLessThan(wholeTotal);
    assertThat(answer.body().path("nextCursor").isNull()).as("no next page from fewer shards").isTrue();
    assertThat(CONTRACT.errors(schema("/api/search"), answer.body())).isEmpty();
  }

  @Test
  void whoSaidTheMostAnswersFromTheShardLeftAndSaysSo() throws Exception {
    Answer answer = get("/api/speakers?about=crimea");
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body().path("shards")).isEqualTo(Json.mapper().readTree("{\"asked\":2,\"answered\":1}"));
    assertThat(answer.body().path("speakers").size()).isPositive();
    assertThat(CONTRACT.errors(schema("/api/speakers"), answer.body())).isEmpty();
  }

  @Test
  void aTimelineCountsTheShardLeftAndSaysSo() throws Exception {
    Answer answer = get("/api/timeline?q=crimea&interval=year");
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body().path("shards")).isEqualTo(Json.mapper().readTree("{\"asked\":2,\"answered\":1}"));
    List<JsonNode> kept = crimeaRows.stream().filter(r -> keptIds.contains(r.path("id").asText())).toList();
    assertThat(kept).isNotEmpty().hasSizeLessThan(crimeaRows.size());
    assertThat(answer.body().path("total").asLong()).isEqualTo(kept.size());
    assertThat(answer.body().path("undated").asLong()).isEqualTo(kept.stream().filter(r -> r.path("date").isNull())
        .count());
    Map<String, Long> perYear = new TreeMap<>();
    kept.stream().filter(r -> !r.path("date").isNull())
        .forEach(r -> perYear.merge(r.path("date").asText().substring(0, 4) + "-01-01", 1L, Long::sum));
    Map<String, Long> shown = new TreeMap<>();
    answer.body().path("buckets").forEach(b -> {
      if (b.path("count").asLong() > 0) {
        shown.put(b.path("start").asText(), b.path("count").asLong());
      }
    });
    assertThat(shown).isEqualTo(perYear);
    assertThat(CONTRACT.errors(schema("/api/timeline"), answer.body())).isEmpty();
  }

  @Test
  void aPersonsRecordIsOfTheTurnsTheShardLeftHoldsAndSaysSo() throws Exception {
    String name = speakerOnBothShards();
    Answer answer = get("/api/speakers/" + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"));
    assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
    assertThat(answer.body().path("shards")).isEqualTo(Json.mapper().readTree("{\"asked\":2,\"answered\":1}"));
    assertThat(answer.body().path("name").asText()).isEqualTo(name);
    assertThat(answer.body().path("utterances").asLong()).isEqualTo(everyRow.stream()
        .filter(r -> r.path("speaker").asText().equals(name) && keptIds.contains(r.path("id").asText())).count());
    assertThat(answer.body().path("recent")).allSatisfy(h -> assertThat(keptIds).contains(h.path("id").asText()));
    assertThat(CONTRACT.errors(schema("/api/speakers/{name}"), answer.body())).isEmpty();
  }

  @Test
  void aPersonAllOfWhoseTurnsAreOnTheLostShardIsUnavailableNotUnknown() throws Exception {
    String name = named().distinct()
        .filter(n -> everyRow.stream().filter(r -> r.path("speaker").asText().equals(n))
            .allMatch(r -> lostIds.contains(r.path("id").asText())))
        .findFirst().orElseThrow(() -> new AssertionError("no speaker has turns on the lost shard only"));
    Answer answer = get("/api/speakers/" + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"));
    assertThat(answer.status()).as(answer.body().toString()).isEqualTo(503);
    assertThat(answer.body().path("detail").asText()).isEqualTo("part of collection " + lost.collection() + " at "
        + lost.url() + " cannot answer (1 of 2 shards answer): every replica of a shard is down, and no speaker named '"
        + name + "' has turns on the shards that answer: theirs may all be on that shard, so \"no such speaker\" would"
        + " be wrong; it answers again once a replica of that shard is back");
    assertThat(get("/api/speakers/nobody%20at%20all").status()).as("no such name on the shards left").isEqualTo(503);
  }

  @Test
  void anExportWritesTheShardLeftsRowsAndSaysSoInItsHeaders() throws Exception {
    HttpResponse<String> response = send("/api/search/export?format=jsonl&q=crimea");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("X-Shards-Asked")).hasValue("2");
    assertThat(response.headers().firstValue("X-Shards-Answered")).hasValue("1");
    List<String> kept = crimeaRows.stream().map(r -> r.toString())
        .filter(r -> keptIds.stream().anyMatch(id -> r.startsWith("{\"id\":\"" + id + "\""))).toList();
    assertThat(response.body().lines().toList()).isEqualTo(kept); // the same rows, in the same order
    assertThat(response.headers().firstValue("X-Total-Count")).hasValue(Integer.toString(kept.size()));
    assertThat(response.headers().firstValue("X-Export-Rows")).hasValue(Integer.toString(kept.size()));
    assertThat(CONTRACT.headerErrors("GET", "/api/search/export", 200, response.headers())).isEmpty();
  }

  @Test
  void nameSuggestionsAreTheShardLeftsAndSaySoInTheHeaders() throws Exception {
    HttpResponse<String> response = send("/api/speakers?prefix=&size=50");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("X-Shards-Asked")).hasValue("2");
    assertThat(response.headers().firstValue("X-Shards-Answered")).hasValue("1");
    Map<String, Long> kept = new TreeMap<>();
    everyRow.stream().filter(r -> keptIds.contains(r.path("id").asText()))
        .forEach(r -> kept.merge(r.path("speaker").asText(), 1L, Long::sum));
    Map<String, Long> shown = new TreeMap<>();
    Json.mapper().readTree(response.body()).forEach(v -> shown.put(v.path("value").asText(), v.path("count").asLong()));
    assertThat(shown).isEqualTo(kept);
    assertThat(CONTRACT.errors(schema("/api/speakers"), Json.mapper().readTree(response.body()))).isEmpty();
  }

  @Test
  void aPageAfterACursorIsRefusedRatherThanSkippingTheLostShardsHits() throws Exception {
    assertThat(cursor).isNotNull();
    assertUnavailable(get("/api/search?q=crimea&size=2&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)),
        "a page after a cursor continues after the last hit of the page before: without that shard it would skip the"
            + " shard's hits, not just leave them out (a first page answers from the shards left)");
  }

  @Test
  void aMalformedCursorIsStillTheCallersMistake() throws Exception {
    for (String bad : List.of("garbage!", "c3xSfDJ8", URLEncoder.encode(cursor, StandardCharsets.UTF_8)
        + "&sort=date")) {
      Answer answer = get("/api/search?q=crimea&size=2&cursor=" + bad);
      assertThat(answer.status()).as(bad + ": " + answer.body()).isEqualTo(400);
      assertThat(answer.body().path("detail").asText()).as(bad).startsWith("malformed cursor");
    }
  }

  @Test
  void anUtteranceOfTheLostShardIsUnavailableNotMissing() throws Exception {
    String need = "the utterance asked for by id may be on that shard: without it the answer could be \"not found\","
        + " which would be wrong";
    assertUnavailable(get("/api/utterances/" + lostIds.getFirst()), need);
    assertUnavailable(get("/api/highlight?id=" + lostIds.getFirst() + "&q=crimea"), need);
    String episode = lostIds.getFirst().substring(0, lostIds.getFirst().lastIndexOf('-'));
    assertUnavailable(get("/api/episodes/" + episode), "a transcript's turns are spread over the shards: without one"
        + " the transcript would miss turns, or be \"not found\"");
  }

  @Test
  void aQuoteCheckIsRefusedRatherThanNotFound() throws Exception {
    // A quote said on the lost shard would be "not found", which is wrong, not smaller.
    assertUnavailable(get("/api/quotes?text=" + URLEncoder.encode("the people of crimea", StandardCharsets.UTF_8)),
        "a quote check needs every shard: a quote said on that shard would be \"not found\", and the words' weights"
            + " count every shard's turns");
  }

  @Test
  void theHealthCheckSaysTheCollectionCannotAnswerWhole() throws Exception {
    Answer health = get("/api/health");
    assertUnavailable(health, "the health check counts the whole collection");
    assertThat(CONTRACT.errors(CONTRACT.responseSchema("GET", "/api/health", 503, "application/json").orElseThrow(),
        health.body())).isEmpty();
  }

  @Test
  void theCommandLineWarnsThatFewerShardsAnswered() throws Exception {
    CommandRun run = CommandRun.run("search", "--solr", lost.url(), "--collection", lost.collection(), "crimea");
    assertThat(run.status()).as(run.err()).isZero();
    assertThat(run.err()).isEqualTo("warning: answered by 1 of 2 shards (every replica of the others is down): the"
        + " hits and counts leave their utterances out\n");
    assertThat(run.out()).startsWith(wholeIds.stream().filter(keptIds::contains).count() + " hits\n");
    CommandRun json = CommandRun.run("search", "--solr", lost.url(), "--collection", lost.collection(), "--json",
        "crimea");
    assertThat(Json.mapper().readTree(json.out()).path("shards").toString()).isEqualTo("{\"asked\":2,\"answered\":1}");
  }

  @Test
  void theResearchCommandsWarnThatFewerShardsAnswered() throws Exception {
    String[] solr = {"--solr", lost.url(), "--collection", lost.collection()};
    CommandRun timeline = CommandRun.run(concat(new String[] {"timeline"}, solr, "crimea"));
    assertThat(timeline.status()).as(timeline.err()).isZero();
    assertThat(timeline.err()).isEqualTo(warning("the counts"));
    assertThat(timeline.out()).endsWith(", total " + crimeaRows.stream()
        .filter(r -> keptIds.contains(r.path("id").asText())).count() + "\n");
    CommandRun person = CommandRun.run(concat(new String[] {"person"}, solr, speakerOnBothShards()));
    assertThat(person.status()).as(person.err()).isZero();
    assertThat(person.err()).isEqualTo(warning("the record and its counts"));
    CommandRun export = CommandRun.run(concat(new String[] {"search"}, solr, "--format", "jsonl", "crimea"));
    assertThat(export.status()).as(export.err()).isZero();
    assertThat(export.err()).isEqualTo(warning("the rows"));
    assertThat(export.out().lines().count()).isEqualTo(crimeaRows.stream()
        .filter(r -> keptIds.contains(r.path("id").asText())).count());
    CommandRun speakers = CommandRun.run(concat(new String[] {"speakers"}, solr));
    assertThat(speakers.status()).as(speakers.err()).isZero();
    assertThat(speakers.err()).isEqualTo(warning("the speakers and counts"));
  }

  private static String warning(String leftOut) {
    return "warning: answered by 1 of 2 shards (every replica of the others is down): " + leftOut + " leave their"
        + " utterances out\n";
  }

  private static String[] concat(String[] first, String[] solr, String... rest) {
    List<String> all = new ArrayList<>(List.of(first));
    all.addAll(List.of(solr));
    all.addAll(List.of(rest));
    return all.toArray(String[]::new);
  }

  /** The names of the speakers of every row, anonymous speakers left out (each is one person per transcript). */
  private static java.util.stream.Stream<String> named() {
    return everyRow.stream().filter(r -> !r.path("role").asText().equals("unidentified"))
        .map(r -> r.path("speaker").asText());
  }

  /** A speaker with turns on both shards (of the whole collection's rows). */
  private static String speakerOnBothShards() {
    return named().distinct()
        .filter(n -> everyRow.stream().filter(r -> r.path("speaker").asText().equals(n))
            .map(r -> r.path("id").asText()).anyMatch(keptIds::contains))
        .filter(n -> everyRow.stream().filter(r -> r.path("speaker").asText().equals(n))
            .map(r -> r.path("id").asText()).anyMatch(lostIds::contains))
        .findFirst().orElseThrow(() -> new AssertionError("no speaker has turns on both shards"));
  }

  private static void assertUnavailable(Answer answer, String need) {
    assertThat(answer.status()).as(answer.body().toString()).isEqualTo(503);
    assertThat(answer.body().path("detail").asText())
        .startsWith("part of collection " + lost.collection() + " at " + lost.url() + " cannot answer (")
        .endsWith("): every replica of a shard is down, and " + need + "; it answers again once a replica of that"
            + " shard is back");
  }

  private static List<JsonNode> rows(String path) throws IOException, InterruptedException {
    HttpResponse<String> response = send(path);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    List<JsonNode> rows = new ArrayList<>();
    for (String line : response.body().lines().toList()) {
      rows.add(Json.mapper().readTree(line));
    }
    return rows;
  }

  private static String schema(String path) {
    return CONTRACT.responseSchema("GET", path, 200, "application/json").orElseThrow();
  }

  private static List<String> ids(JsonNode search) {
    List<String> ids = new ArrayList<>();
    search.path("hits").forEach(h -> ids.add(h.path("id").asText()));
    return ids;
  }

  private record Answer(int status, JsonNode body) {}

  private static Answer get(String path) throws IOException, InterruptedException {
    HttpResponse<String> response = send(path);
    return new Answer(response.statusCode(), Json.mapper().readTree(response.body()));
  }

  private static HttpResponse<String> send(String path) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + lost.server().port() + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }
}
