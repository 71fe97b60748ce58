package org.transcriptsearch.solr;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.transcriptsearch.TestIndexes;
import org.transcriptsearch.cli.Main;
import org.transcriptsearch.model.Attribution;
import org.transcriptsearch.model.Role;
import org.transcriptsearch.model.Speaker;
import org.transcriptsearch.model.Transcript;
import org.transcriptsearch.model.Turn;

/**
 * What {@code index --solr} decides without a cluster: which utterances of an earlier copy a new copy deletes, and
 * what the user reads when the options or Solr are wrong. On a real cluster: {@code SolrCloudIndexTest}.
 */
class SolrTranscriptStoreTest {
  @Test
  void aCopyWithFewerTurnsDeletesTheTurnsItNoLongerHas() {
    assertThat(SolrTranscriptStore.staleIds(transcript(1, 2), 4)).containsExactly("ep1-3", "ep1-4");
  }

  @Test
  void aCopyWithAsManyTurnsOrMoreDeletesNothing() {
    assertThat(SolrTranscriptStore.staleIds(transcript(1, 2, 3), 3)).isEmpty();
    assertThat(SolrTranscriptStore.staleIds(transcript(1, 2, 3), 2)).isEmpty();
    assertThat(SolrTranscriptStore.staleIds(transcript(1, 2), 0)).isEmpty(); // the collection has none of it
  }

  @Test
  void aTurnNumberTheNewCopySkipsIsDeletedToo() {
    assertThat(SolrTranscriptStore.staleIds(transcript(1, 3), 3)).containsExactly("ep1-2");
  }

  @Test
  void solrWithoutACollectionIsAUsageError() {
    Run run = cli("index", "--solr", "http://127.0.0.1:8983/solr", TestIndexes.FIXTURE_CORPUS.toString());
    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err())
        .isEqualTo("error: --solr and --collection go together: give both, or neither for the index folder\n");
  }

  @Test
  void anIndexFolderBesideSolrIsAUsageError() {
    Run run = cli("index", "--solr", "http://127.0.0.1:8983/solr", "--collection", "t", "--index", "elsewhere",
        TestIndexes.FIXTURE_CORPUS.toString());
    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err())
        .isEqualTo("error: --index is the embedded index; with --solr and --collection leave it out\n");
  }

  @Test
  void anAddressThatIsNotHttpIsAUsageError() {
    Run run = cli("index", "--solr", "localhost:8983", "--collection", "t", TestIndexes.FIXTURE_CORPUS.toString());
    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).startsWith("error: --solr must be the http:// or https:// address of a Solr node");
  }

  /** Found before any file is read: one line, no stack trace, nothing indexed. */
  @Test
  void noSolrAtTheAddressSaysSoBeforeReadingAnything() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort(); // closed again: nothing listens there
    }
    String url = "http://127.0.0.1:" + port + "/solr";
    Run run = cli("index", "--solr", url, "--collection", "transcripts", TestIndexes.FIXTURE_CORPUS.toString());
    assertThat(run.status()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).isEqualTo("error: no answer from Solr at " + url + " (connection refused)\n");
  }

  private static Transcript transcript(int... numbers) {
    Speaker host = new Speaker("Steve Inskeep", "STEVE INSKEEP, HOST", Role.HOST, null, null);
    List<Turn> turns = new ArrayList<>();
    for (int n : numbers) {
      turns.add(new Turn(n, host, "Turn " + n + ".", Attribution.LABELLED, List.of()));
    }
    return new Transcript("ep1", "Talks", "Morning Edition", null, null, "npr.org", List.of(), turns);
  }

  private record Run(int status, String out, String err) {}

  private static Run cli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Main.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(status, out.toString(), err.toString());
  }
}
