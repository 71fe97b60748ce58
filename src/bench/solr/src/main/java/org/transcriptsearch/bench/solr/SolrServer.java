package org.transcriptsearch.bench.solr;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.apache.solr.embedded.JettyConfig;
import org.apache.solr.embedded.JettySolrRunner;

/**
 * Starts Solr on 127.0.0.1 with the benchmark's core and keeps it up until the process is told to stop (SIGTERM).
 *
 * <p>Usage: {@code SolrServer SOLR_HOME PORT}. SOLR_HOME holds solr.xml and the core "transcripts" (its conf/
 * and core.properties); the index goes to SOLR_HOME/transcripts/data.
 */
public final class SolrServer {
  private SolrServer() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: SolrServer SOLR_HOME PORT");
      System.exit(2);
    }
    Path home = Path.of(args[0]).toAbsolutePath();
    if (!Files.isRegularFile(home.resolve("solr.xml"))) {
      throw new IllegalArgumentException("no solr.xml in " + home);
    }
    JettyConfig config = JettyConfig.builder().setPort(Integer.parseInt(args[1])).setContext("/solr").build();
    JettySolrRunner solr = new JettySolrRunner(home.toString(), config);
    solr.start();
    System.out.println("solr serving " + home + " on http://127.0.0.1:" + solr.getLocalPort() + "/solr");
    System.out.flush();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    solr.stop(); // closes the core, which commits nothing: the feeder commits explicitly
                  } catch (Exception e) {
                    System.err.println("error while stopping solr: " + e);
                  }
                  stopped.countDown();
                },
                "shutdown"));
    stopped.await();
  }
}
