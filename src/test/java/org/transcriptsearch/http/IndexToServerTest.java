package org.transcriptsearch.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transcriptsearch.TestIndexes;
import org.transcriptsearch.alerts.AlertRequest;
import org.transcriptsearch.alerts.AlertService;
import org.transcriptsearch.alerts.Webhooks;
import org.transcriptsearch.index.TranscriptIndex;
import org.transcriptsearch.ingest.Format;
import org.transcriptsearch.ingest.IngestSummary;
import org.transcriptsearch.ingest.Ingester;
import org.transcriptsearch.ingest.ServerIngester;
import org.transcriptsearch.ingest.TranscriptWriter;
import org.transcriptsearch.search.Results.Health;
import org.transcriptsearch.search.SearchRequest;
import org.transcriptsearch.search.SearchService;
import org.transcriptsearch.search.SpeakerSearch;

/**
 * {@code index --server}: files read on the client, in every format a local ingest reads, posted to a running
 * server; the same summary and the same index as a local run; refused records named; matched against alerts.
 */
class IndexToServerTest {
  private static final String TOKEN = "index-to-server-token";
  private static final Path FIXTURES = Path.of("src", "test", "resources", "fixtures");
  private static final List<Path> INPUTS = List.of(
      TestIndexes.SAMPLE_CORPUS,
      TestIndexes.FIXTURE_CORPUS,
      FIXTURES.resolve("mediasum").resolve("news_dialogue.jsonl"),
      FIXTURES.resolve("interview"),
      FIXTURES.resolve("bad.jsonl"));

  @TempDir Path temp;
  private TranscriptIndex index;
  private SearchService search;
  private AlertService alerts;
  private Javalin app;

  @BeforeEach
  void start() throws Exception {
    index = TranscriptIndex.openWritable(temp.resolve("server-index"), TestIndexes.PIPELINE.schema());
    search = new SearchService(index);
    alerts = AlertService.open(temp.resolve("alerts"), index, search, new Webhooks(Set.of()));
    index.addPutListener(alerts);
    app = new ApiApp(search, new SpeakerSearch(index, search), new TranscriptWriter(index, TestIndexes.PIPELINE),
        ApiConfig.DEFAULT.withAdminToken(TOKEN), new Newsroom(alerts, null)).create().start("127.0.0.1", 0);
  }

  @AfterEach
  void stop() throws Exception {
    app.stop();
    alerts.close();
    index.close();
  }

  private URI server() {
    return URI.create("http://127.0.0.1:" + app.port());
  }

  @Test
  void everyFormatGivesTheSameSummaryAndIndexAsALocalRun() throws Exception {
    String alert = alerts.create(new AlertRequest("Crimea", "crimea", null, null, null, null, null, null, null)).id();
    IngestSummary remote =
        new ServerIngester(server(), TOKEN, TestIndexes.PIPELINE).ingest(INPUTS, Format.AUTO, Ingester.Progress.NONE);
    IngestSummary local;
    Health localHealth;
    try (TranscriptIndex other = TranscriptIndex.openWritable(temp.resolve("local"), TestIndexes.PIPELINE.schema())) {
      local = TestIndexes.PIPELINE.ingester(other).ingest(INPUTS, Format.AUTO, Ingester.Progress.NONE);
      other.refresh();
      localHealth = new SearchService(other).health();
    }

    assertThat(remote).isEqualTo(local);
    assertThat(remote.transcripts()).isGreaterThan(10);
    assertThat(remote.skipped()).isNotEmpty(); // bad.jsonl's broken records, named as a local run names them
    Health served = search.health();
    assertThat(served.transcripts()).isEqualTo(localHealth.transcripts());
    assertThat(served.utterances()).isEqualTo(localHealth.utterances());
    assertThat(search.search(SearchRequest.of("crimea")).total()).isGreaterThan(0);
    assertThat(alerts.awaitIdle(Duration.ofSeconds(30))).isTrue();
    assertThat(alerts.get(alert).matches()).isEqualTo(search.search(SearchRequest.of("crimea")).total());
  }

  @Test
  void aWrongTokenStopsTheRunWithAPlainMessage() {
    assertThatThrownBy(() -> new ServerIngester(server(), "wrong", TestIndexes.PIPELINE)
            .ingest(List.of(TestIndexes.FIXTURE_CORPUS), Format.AUTO, Ingester.Progress.NONE))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("refused the admin token (401)")
        .hasMessageContaining("TRANSCRIPT_SEARCH_ADMIN_TOKEN");
  }

  @Test
  void noServerThereIsAPlainMessage() throws Exception {
    URI nowhere = server();
    app.stop();
    assertThatThrownBy(() -> new ServerIngester(nowhere, TOKEN, TestIndexes.PIPELINE)
            .ingest(List.of(TestIndexes.FIXTURE_CORPUS), Format.AUTO, Ingester.Progress.NONE))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("cannot reach a server at " + nowhere + "/")
        .hasMessageContaining("is transcript-search serve running there?");
    app = Javalin.create(); // stopped again in stop()
  }
}
