package org.transcriptsearch.solr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import org.eclipse.jetty.util.Jetty;
import org.junit.jupiter.api.Test;
import org.transcriptsearch.cli.Main;

/** {@code solr setup}'s answers to a user's mistakes, and the client's place beside the server's Jetty. */
class SolrSetupCommandTest {
  @Test
  void anAddressThatIsNotHttpIsAUsageError() {
    Run run = cli("solr", "setup", "--solr", "localhost:8983", "--collection", "transcripts");
    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err())
        .isEqualTo("error: --solr must be the http:// or https:// address of a Solr node, such as "
            + "http://127.0.0.1:8983/solr, or several separated by commas, not 'localhost:8983'\n");
  }

  @Test
  void aCollectionNameSolrWouldRefuseIsAUsageError() {
    Run run = cli("solr", "setup", "--solr", "http://127.0.0.1:8983/solr", "--collection", "my transcripts");
    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).startsWith("error: --collection must be letters, digits").endsWith("not 'my transcripts'\n");
  }

  @Test
  void noShardsIsAUsageError() {
    Run run = cli("solr", "setup", "--solr", "http://127.0.0.1:8983/solr", "--collection", "t", "--shards", "0");
    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("error: --shards and --replicas must be at least 1, not 0 and 1\n");
  }

  @Test
  void noSolrAtTheAddressSaysSo() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort(); // closed again: nothing listens there
    }
    String url = "http://127.0.0.1:" + port + "/solr";
    Run run = cli("solr", "setup", "--solr", url, "--collection", "transcripts");
    assertThat(run.status()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).isEqualTo("error: no answer from Solr at " + url + " (connection refused)\n");
  }

  /**
   * SolrJ's core brings no Jetty: the one on the classpath is the server's Jetty 12 (SolrJ 9's Jetty 10 client would
   * have replaced parts of it), and the JDK-based Solr client loads beside it.
   */
  @Test
  void theSolrClientLeavesTheServersJettyAlone() throws Exception {
    assertThat(Jetty.VERSION).startsWith("12.");
    try (var client = SolrClients.forUrl("http://127.0.0.1:8983/solr,http://127.0.0.1:8984/solr")) {
      // SolrJ's load balancer over the JDK's HTTP client: no Jetty client beside the server's Jetty.
      assertThat(client.http().getClass().getName()).isEqualTo("org.apache.solr.client.solrj.impl.HttpJdkSolrClient");
      assertThat(client.urls()).containsExactly("http://127.0.0.1:8983/solr", "http://127.0.0.1:8984/solr");
    }
    assertThatThrownBy(() -> Class.forName("org.eclipse.jetty.client.HttpClient"))
        .isInstanceOf(ClassNotFoundException.class);
  }

  @Test
  void configsetWritesTheGeneratedFiles(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    java.nio.file.Path out = dir.resolve("conf");
    Run run = cli("solr", "configset", "--out", out.toString());
    assertThat(run.status()).isZero();
    SolrConfigset configset = new SolrConfigset(new org.transcriptsearch.index.Schema());
    for (var file : configset.files().entrySet()) {
      assertThat(java.nio.file.Files.readString(out.resolve(file.getKey()))).isEqualTo(file.getValue());
    }
    assertThat(run.out())
        .isEqualTo("wrote " + out.resolve("schema.xml") + "\nwrote " + out.resolve("solrconfig.xml") + "\nconfigset "
            + configset.name() + " (upload it under that name; do not edit it: the name inside schema.xml tells"
            + " transcript-search its version)\n");
  }

  private record Run(int status, String out, String err) {}

  private static Run cli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Main.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(status, out.toString(), err.toString());
  }
}
