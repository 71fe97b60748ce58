package org.transcriptsearch.solr;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.solr.client.solrj.impl.HttpJdkSolrClient;
import org.transcriptsearch.search.BadRequestException;

/**
 * SolrJ clients of the SolrCloud nodes {@code --solr} names: one URL, or several separated by commas, which the
 * client fails over between ({@link SolrNodes}). SolrJ's {@code HttpJdkSolrClient} runs on the JDK's own HTTP client,
 * so it brings no Jetty beside the server's Jetty 12; it speaks HTTP/1.1, which every Solr release serves without an
 * upgrade dance.
 */
public final class SolrClients {
  /** How long a node has to accept a connection before the request goes to the next node. */
  static final int CONNECT_TIMEOUT_SECONDS = 5;

  private SolrClients() {}

  /**
   * A client of the Solr nodes at {@code urls}: one node's root, such as {@code http://127.0.0.1:8983/solr}, or
   * several separated by commas. Without a collection, a node skipped after a failure is tried again only once every
   * other node has failed too; {@link #forNodes} probes it.
   *
   * @throws BadRequestException if an address is not an http or https address
   */
  public static SolrNodes forUrl(String urls) {
    return forNodes(urls, null);
  }

  /**
   * A client of the Solr nodes at {@code urls} (comma-separated) that mostly asks {@code collection}: a node skipped
   * after a failure is probed with a query of that collection every few seconds and used again once it answers.
   *
   * @throws BadRequestException if an address is not an http or https address
   */
  public static SolrNodes forNodes(String urls, String collection) {
    List<String> nodes = nodes(urls);
    ExecutorService threads = daemonThreads();
    HttpJdkSolrClient http = new HttpJdkSolrClient.Builder()
        .useHttp1_1(true)
        .withExecutor(threads)
        // A node that does not take the connection within this is passed over for the next one.
        .withConnectionTimeout(CONNECT_TIMEOUT_SECONDS, TimeUnit.SECONDS)
        // Creating a collection waits for every replica to come up; two minutes is ample on one machine.
        .withRequestTimeout(120, TimeUnit.SECONDS)
        .build();
    return new SolrNodes(nodes, http, collection, threads);
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

  /**
   * The nodes {@code urls} lists (comma-separated), each without a trailing slash, in the order given and each once,
   * as error messages name them.
   *
   * @throws BadRequestException if an address is not an http or https address with a host, or none is given
   */
  static String checked(String urls) {
    return String.join(",", nodes(urls));
  }

  private static List<String> nodes(String urls) {
    Set<String> nodes = new LinkedHashSet<>();
    for (String url : (urls == null ? "" : urls).split(",", -1)) {
      nodes.add(node(url.strip()));
    }
    return List.copyOf(nodes);
  }

  private static String node(String url) {
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
        "--solr must be the http:// or https:// address of a Solr node, such as http://127.0.0.1:8983/solr, or"
            + " several separated by commas, not '" + url + "'");
  }
}
