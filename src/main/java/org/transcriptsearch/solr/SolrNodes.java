package org.transcriptsearch.solr;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.impl.HttpJdkSolrClient;
import org.apache.solr.client.solrj.impl.LBSolrClient;
import org.apache.solr.client.solrj.request.HealthCheckRequest;
import org.apache.solr.client.solrj.util.ClientUtils;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.util.NamedList;
import org.transcriptsearch.search.Results.SolrNode;

/**
 * A client of the SolrCloud nodes given to {@code --solr}, failing over between them: SolrJ's {@link LBSolrClient}
 * over one {@link HttpJdkSolrClient} (the JDK's HTTP client, so no Jetty beside the server's Jetty 12). Requests go
 * round the nodes in turn; one a node does not answer at the HTTP level (connection refused or reset, a timeout, for
 * a read also an answer broken off) is sent to the next node, and the node is skipped until a probe of it answers
 * ({@link #PROBE_INTERVAL_SECONDS} apart) or every other node has failed too; a read a node took and broke off is
 * asked of it once more when no other node answers. An answer of Solr's, an error status
 * included, is final: any node would give the same, since each forwards to the replicas of the whole collection.
 * Thread-safe.
 */
public final class SolrNodes extends SolrClient {
  /**
   * How often a skipped node is probed: short, so a node back from a restart takes its share again within seconds;
   * a probe of a node that refuses connections costs nothing. (SolrJ's default is a minute.)
   */
  static final int PROBE_INTERVAL_SECONDS = 5;

  /** How long {@code /api/health} waits for a node's answer before it reports the node as not answering. */
  private static final long HEALTH_WAIT_MILLIS = 2_000;

  private static final long serialVersionUID = 1L;

  private final List<String> urls;
  private final AtomicInteger next = new AtomicInteger();
  private final transient HttpJdkSolrClient http;
  private final transient Balancer balancer;
  private final transient ExecutorService threads;

  SolrNodes(List<String> urls, HttpJdkSolrClient http, String collection, ExecutorService threads) {
    this.urls = List.copyOf(urls);
    this.http = http;
    this.threads = threads;
    LBSolrClient.Endpoint[] endpoints = urls.stream().map(LBSolrClient.Endpoint::new)
        .toArray(LBSolrClient.Endpoint[]::new);
    // The probe of a skipped node asks the collection (a query of no rows on that node alone); without one it
    // would ask the node's root, which answers 404, and the node would stay skipped.
    this.balancer = new Balancer(new LBSolrClient.Builder<>(http, endpoints)
        .setAliveCheckInterval(PROBE_INTERVAL_SECONDS, TimeUnit.SECONDS)
        .withDefaultCollection(collection));
  }

  /** The nodes' root URLs, in the order given. */
  public List<String> urls() {
    return urls;
  }

  /** The nodes as error messages name them: their URLs, comma-separated as {@code --solr} takes them. */
  public String shown() {
    return String.join(",", urls);
  }

  /** The HTTP client every node is asked through. */
  HttpJdkSolrClient http() {
    return http;
  }

  /**
   * Sends {@code request} to the nodes in an order of its own: each request starts at the next node (round the nodes
   * in turn) and tries every other node once before the skipped ones. (SolrJ's own round robin picks each attempt
   * from a counter shared by all requests, so under concurrency a request's second attempt can go to the node its
   * first just failed on, and the live node is never tried.)
   */
  @Override
  public NamedList<Object> request(SolrRequest<?> request, String collection) throws SolrServerException, IOException {
    String core = ClientUtils.shouldApplyDefaultCollection(collection, request)
        ? balancer.getDefaultCollection()
        : collection;
    int first = Math.floorMod(next.getAndIncrement(), urls.size());
    List<LBSolrClient.Endpoint> order = IntStream.range(0, urls.size())
        .mapToObj(i -> new LBSolrClient.Endpoint(urls.get((first + i) % urls.size()), core))
        .toList();
    List<LBSolrClient.Endpoint> brokeOff = new java.util.ArrayList<>();
    balancer.brokeOff.set(brokeOff);
    try {
      return balancer.request(new LBSolrClient.Req(request, order)).getResponse();
    } catch (SolrServerException e) {
      if (brokeOff.isEmpty()) {
        throw e;
      }
      // Every node failed, and the answer of one or more broke off: a node alive enough to answer is asked once more
      // (on a new connection). A kept-alive connection the node closed as the request went out breaks off the same
      // way as a node that died, and a live node must not be given up for it while the others refuse.
      try {
        return balancer.request(new LBSolrClient.Req(request, List.copyOf(brokeOff))).getResponse();
      } catch (SolrServerException | IOException | RuntimeException second) {
        e.addSuppressed(second);
        throw e;
      }
    } finally {
      balancer.brokeOff.remove();
    }
  }

  /**
   * Each node as it is now: whether it answers Solr's health check (live in the cluster, connected to ZooKeeper),
   * asked of every node at once and waited for up to two seconds, and whether requests skip it since one it did
   * not answer.
   */
  public List<SolrNode> states() {
    Set<String> skipped = balancer.skipped();
    List<CompletableFuture<String>> probes = urls.stream()
        .map(url -> CompletableFuture.supplyAsync(() -> probe(url), threads))
        .toList();
    long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(HEALTH_WAIT_MILLIS);
    return IntStream.range(0, urls.size())
        .mapToObj(i -> {
          String problem = waited(probes.get(i), until);
          return new SolrNode(urls.get(i), problem == null, skipped.contains(urls.get(i)), problem);
        })
        .toList();
  }

  /** Null when the node at {@code url} answers its health check, else what went wrong. */
  private String probe(String url) {
    try {
      http.requestWithBaseUrl(url, new HealthCheckRequest(), null);
      return null;
    } catch (SolrServerException | IOException | RuntimeException e) {
      return SolrSetup.rootCause(e);
    }
  }

  private static String waited(CompletableFuture<String> probe, long untilNanos) {
    try {
      return probe.get(Math.max(0, untilNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      return "no answer within " + HEALTH_WAIT_MILLIS / 1000 + " s";
    } catch (ExecutionException e) {
      return String.valueOf(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }

  @Override
  public void close() throws IOException {
    try {
      balancer.close();
    } finally {
      http.close();
    }
  }

  /** SolrJ's load balancer, naming the nodes it skips. */
  private static final class Balancer extends LBSolrClient {
    private final HttpJdkSolrClient http;

    /** The nodes whose answer to the calling thread's read broke off, in the order they were asked. */
    final ThreadLocal<List<Endpoint>> brokeOff = new ThreadLocal<>();

    Balancer(LBSolrClient.Builder<HttpJdkSolrClient> builder) {
      super(builder);
      this.http = builder.getSolrClient();
    }

    @Override
    protected SolrClient getClient(Endpoint endpoint) {
      return http;
    }

    /**
     * SolrJ's balancer tries the next node on an error status too (500, 503...) and skips the node that sent it,
     * wrapping the last node's failure in "no live servers": a node that answered, though, is alive, and its answer is
     * final (a 500 forwarded from a shard just lost is how a tolerant request learns to ask the shards that answer).
     */
    @Override
    protected Exception doRequest(Endpoint endpoint, Req req, Rsp rsp, boolean isNonRetryable, boolean isZombie)
        throws SolrServerException, IOException {
      Exception failure;
      try {
        failure = super.doRequest(endpoint, req, rsp, isNonRetryable, isZombie);
      } catch (SolrServerException | SolrException e) {
        // SolrJ's balancer fails over on a SocketException, or on an IOException its client wrapped; an answer broken
        // off by a node that died while it answered (the JDK client's EOFException in the head, or a body that
        // cannot be parsed for it) it gives up on, and the live node is never asked. Only a read goes on: a write
        // whose answer was lost may have been applied.
        if (!isNonRetryable && brokenOff(e)) {
          noteBrokenOff(endpoint, e);
          // Skipped still: SolrJ revives a skipped node that sent any status it does not retry on (a 200 whose
          // body then broke off among them).
          return makeServerAZombie(endpoint, e);
        }
        throw e;
      }
      if (failure instanceof SolrException answered) {
        if (isZombie) {
          reviveZombieServer(endpoint);
        }
        throw answered;
      }
      if (failure != null && !isNonRetryable) {
        noteBrokenOff(endpoint, failure);
      }
      return failure;
    }

    /** Notes a read of the calling thread that {@code endpoint} took (it was connected to) and did not answer whole. */
    private void noteBrokenOff(Endpoint endpoint, Exception e) {
      List<Endpoint> broken = brokeOff.get();
      if (broken != null && connected(e) && !broken.contains(endpoint)) {
        broken.add(endpoint);
      }
    }

    /** Whether the failure {@code e} came after the connection was made (not refused) and took no time out to come. */
    private static boolean connected(Throwable e) {
      for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
        if (t instanceof java.net.ConnectException || t instanceof java.net.http.HttpTimeoutException
            || t instanceof java.net.SocketTimeoutException
            || t instanceof java.net.UnknownHostException) {
          return false;
        }
      }
      return true;
    }

    @Override
    protected Exception makeServerAZombie(Endpoint endpoint, Exception e) {
      return e instanceof SolrException && !brokenOff(e) ? e : super.makeServerAZombie(endpoint, e);
    }

    /** Whether {@code e} failed on reading the node's answer (an I/O failure within), not on what the node said. */
    private static boolean brokenOff(Exception e) {
      for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
        if (cause instanceof IOException) {
          return true;
        }
      }
      return false;
    }

    Set<String> skipped() {
      // Keyed by endpoint, the collection included: the node is its base URL.
      return zombieServers.values().stream().map(w -> w.getEndpoint().getBaseUrl())
          .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }
  }
}
