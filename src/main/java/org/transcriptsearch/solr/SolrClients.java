package org.transcriptsearch.solr;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.impl.HttpJdkSolrClient;
import org.transcriptsearch.search.BadRequestException;

/**
 * SolrJ clients of one Solr node. SolrJ's {@code HttpJdkSolrClient} runs on the JDK's own HTTP client, so it brings
 * no Jetty beside the server's Jetty 12; it speaks HTTP/1.1, which every Solr release serves without an upgrade
 * dance.
 */
public final class SolrClients {
  private SolrClients() {}

  /**
   * A client of the Solr node at {@code url} (its root, such as {@code http://127.0.0.1:8983/solr}).
   *
   * @throws BadRequestException if {@code url} is not an http or https address
   */
  public static SolrClient forUrl(String url) {
    return new HttpJdkSolrClient.Builder(checked(url))
        .useHttp1_1(true)
        .withExecutor(daemonThreads())
        .withConnectionTimeout(10, TimeUnit.SECONDS)
        // Creating a collection waits for every replica to come up; two minutes is ample on one machine.
        .withRequestTimeout(120, TimeUnit.SECONDS)
        .build();
  }

  /**
   * The client's own threads, given to it rather than made by it: SolrJ then leaves them alone on close. Closing a
   * client that made its own waits for them and throws when one has not ended in time, which after a whole ingest
   * was committed (288,828 utterances, src/solrcloud/bench.sh) failed the command with a stack trace instead of its
   * summary. Daemon threads, ended when idle for a minute, keep nothing running once the client is unused.
   */
  private static ExecutorService daemonThreads() {
    AtomicInteger count = new AtomicInteger();
    return Executors.newCachedThreadPool(runnable -> {
      Thread thread = new Thread(runnable, "solr-client-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
  }

  /** {@code url} without a trailing slash, once it is known to be an http or https address with a host. */
  static String checked(String url) {
    try {
      URI uri = new URI(url);
      boolean http = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
      if (http && uri.getHost() != null) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
      }
    } catch (URISyntaxException e) {
      // reported below, with the form expected
    }
    throw new BadRequestException(
        "--solr must be the http:// or https:// address of a Solr node, such as http://127.0.0.1:8983/solr, not '"
            + url + "'");
  }
}
