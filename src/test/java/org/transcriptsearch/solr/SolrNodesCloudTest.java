package org.transcriptsearch.solr;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.apache.solr.client.solrj.SolrClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.transcriptsearch.cli.CommandRun;
import org.transcriptsearch.http.ApiApp;
import org.transcriptsearch.http.ApiConfig;
import org.transcriptsearch.http.Newsroom;
import org.transcriptsearch.index.Schema;
import org.transcriptsearch.model.Json;
import org.transcriptsearch.search.SearchLimits;

/**
 * Several {@code --solr} nodes, the first of which refuses connections (nothing listens on its port), on the real
 * local SolrCloud: each command and the server go on to the node that answers and give the answers a run given that
 * node alone gives; the health check names the node that does not answer. Killing a node under load:
 * SolrCloudFaultTest. Runs with {@code mvn -Psolrcloud test}.
 */
@Tag("solrcloud")
@ExtendWith(SharedSolrCloud.class)
class SolrNodesCloudTest {
  private static final String COLLECTION = "several-nodes";

  private static String live;
  private static String dead;
  private static String both;
  private static CommandRun setup;
  private static CommandRun index;

  @BeforeAll
  static void setUpThroughADeadNodeFirst(LocalSolrCloud cluster) throws Exception {
    live = cluster.url();
    try (ServerSocket socket = new ServerSocket(0)) {
      dead = "http://127.0.0.1:" + socket.getLocalPort() + "/solr";
    }
    both = dead + "," + live;
    setup = CommandRun.run("solr", "setup", "--solr", both, "--collection", COLLECTION, "--shards", "2");
    index = CommandRun.run("index", "--solr", both, "--collection", COLLECTION);
  }

  @AfterAll
  static void deleteTheCollection() throws Exception {
    try (SolrClient client = SolrClients.forUrl(live)) {
      SolrCloudState.deleteCollections(client, COLLECTION);
    }
  }

  @Test
  void setupAndIndexGoOnToTheNodeThatAnswers() {
    assertThat(setup.status()).as(setup.err()).isZero();
    assertThat(setup.out()).isEqualTo("created collection " + COLLECTION + " (2 shard(s) x 1 replica(s)) from"
        + " configset transcript-search-schema-" + Schema.VERSION + " at " + both + "\n");
    assertThat(index.status()).as(index.err()).isZero();
    assertThat(index.out().lines().findFirst().orElseThrow()).isEqualTo("Indexed 2 transcripts (27 utterances) from"
        + " 2 files into collection " + COLLECTION + " at " + both);
  }

  @Test
  void aSearchGivenBothNodesAnswersAsOneGivenTheLiveNode() throws IOException {
    CommandRun alone = CommandRun.run("search", "--solr", live, "--collection", COLLECTION, "--json", "crimea");
    CommandRun failedOver = CommandRun.run("search", "--solr", both, "--collection", COLLECTION, "--json", "crimea");
    assertThat(alone.status()).as(alone.err()).isZero();
    assertThat(failedOver.status()).as(failedOver.err()).isZero();
    assertThat(failedOver.out()).isEqualTo(alone.out());
    assertThat(Json.mapper().readTree(failedOver.out()).path("total").asLong()).isEqualTo(3);
  }

  @Test
  void theServerAnswersFromTheLiveNodeAndItsHealthCheckNamesTheDeadOne() throws Exception {
    try (SolrSearchBackend backend = SolrSearchBackend.open(both, COLLECTION, new Schema(), SearchLimits.DEFAULT)) {
      Javalin app = new ApiApp(backend, null, ApiConfig.DEFAULT, Newsroom.NONE).create().start("127.0.0.1", 0);
      try {
        for (int i = 0; i < 4; i++) { // requests go round the nodes: each meets the dead one in turn
          assertThat(get(app, "/api/search?q=crimea").path("total").asLong()).isEqualTo(3);
        }
        assertThat(get(app, "/api/health").path("nodes")).isEqualTo(Json.mapper().readTree(
            "[{\"url\":\"" + dead + "\",\"answers\":false,\"skipped\":true,\"problem\":\"connection refused\"},"
                + "{\"url\":\"" + live + "\",\"answers\":true,\"skipped\":false}]"));
      } finally {
        app.stop();
      }
    }
  }

  private static JsonNode get(Javalin app, String path) throws IOException, InterruptedException {
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return Json.mapper().readTree(response.body());
  }
}
