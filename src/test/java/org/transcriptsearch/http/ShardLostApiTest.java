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
 * of hits and who-said-most answer from the shard left and say so in {@code shards}, valid against the OpenAPI
 * document; what would be wrong rather than smaller without the shard (a page after a cursor, an utterance by id,
 * name suggestions) answers 503 saying why; {@code search --solr} prints a warning line.
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

  @BeforeAll
  static void loseAShard(LocalSolrCloud cluster) throws Exception {
    lost = LostShard.create(cluster, "shard-lost-api");
    JsonNode whole = get("/api/search?q=crimea&size=100").body();
    wholeTotal = whole.path("total").asLong();
    wholeIds = ids(whole);
    cursor = get("/api/search?q=crimea&size=2").body().path("nextCursor").asText(null);
    lostIds = lost.idsOf("shard1");
    keptIds = lost.idsOf("shard2");
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
  void aPageAfterACursorIsRefusedRatherThanSkippingTheLostShardsHits() throws Exception {
    assertThat(cursor).isNotNull();
    assertUnavailable(get("/api/search?q=crimea&size=2&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)));
  }

  @Test
  void anUtteranceOfTheLostShardIsUnavailableNotMissing() throws Exception {
    assertUnavailable(get("/api/utterances/" + lostIds.getFirst()));
    assertUnavailable(get("/api/highlight?id=" + lostIds.getFirst() + "&q=crimea"));
  }

  @Test
  void nameSuggestionsAreRefusedRatherThanSilentlyShort() throws Exception {
    assertUnavailable(get("/api/speakers?prefix=ke"));
  }

  @Test
  void theHealthCheckSaysTheCollectionCannotAnswerWhole() throws Exception {
    Answer health = get("/api/health");
    assertUnavailable(health);
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

  private static void assertUnavailable(Answer answer) {
    assertThat(answer.status()).as(answer.body().toString()).isEqualTo(503);
    assertThat(answer.body().path("detail").asText())
        .startsWith("part of collection " + lost.collection() + " at " + lost.url() + " cannot answer (")
        .endsWith("): every replica of a shard is down, and this request needs every shard; it answers again once a"
            + " replica of that shard is back");
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
    HttpResponse<String> response = http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + lost.server().port() + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    return new Answer(response.statusCode(), Json.mapper().readTree(response.body()));
  }
}
