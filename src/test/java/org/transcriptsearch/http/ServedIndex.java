package org.transcriptsearch.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.testtools.HttpClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.transcriptsearch.TestIndexes;
import org.transcriptsearch.index.TranscriptIndex;
import org.transcriptsearch.ingest.TranscriptWriter;
import org.transcriptsearch.model.Json;
import org.transcriptsearch.search.SearchService;
import org.transcriptsearch.search.SpeakerSearch;

/**
 * A real index of test corpora, built once for a test class in a folder of its own and answered by the real app,
 * read-only or started on loopback with the configuration a test needs; servers stopped, the index closed and its
 * folder deleted after the class. Register it as
 * {@code @RegisterExtension static final ServedIndex served = new ServedIndex(TestIndexes.FIXTURE_CORPUS);}.
 */
public final class ServedIndex implements BeforeAllCallback, AfterAllCallback {
  private final Path[] corpora;
  private Path dir;
  private TranscriptIndex index;
  private SearchService search;
  private ApiApp api;
  private final List<Javalin> servers = new ArrayList<>();

  /** An index of {@code corpora} (files or folders, format detected per file). */
  public ServedIndex(Path... corpora) {
    this.corpora = corpora.clone();
  }

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    dir = Files.createTempDirectory("served-index");
    index = TestIndexes.build(dir, corpora);
    search = new SearchService(index);
    api = new ApiApp(search, new SpeakerSearch(index, search));
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    servers.forEach(Javalin::stop);
    index.close();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }

  /** The index, open for the whole class. */
  public TranscriptIndex index() {
    return index;
  }

  /** The read-only app answering from the index (create a server of it per test). */
  public ApiApp api() {
    return api;
  }

  /**
   * A server of the real app on a free loopback port, writing posted transcripts into the index, opened to callers
   * as {@code config} says (writes need its admin token); stopped after the class.
   */
  public Javalin started(ApiConfig config) {
    Javalin app = new ApiApp(search, new SpeakerSearch(index, search), new TranscriptWriter(index, TestIndexes.PIPELINE),
        config).create().start("127.0.0.1", 0);
    servers.add(app);
    return app;
  }

  /** GETs {@code path}, asserting the answer's status, and returns its body as JSON. */
  public static JsonNode json(HttpClient client, String path, int status) throws IOException {
    var response = client.get(path);
    assertThat(response.code()).as(path).isEqualTo(status);
    return Json.mapper().readTree(response.body().string());
  }
}
