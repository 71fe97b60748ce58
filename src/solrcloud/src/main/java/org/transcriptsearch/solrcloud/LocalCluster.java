package org.transcriptsearch.solrcloud;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.CountDownLatch;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.apache.solr.embedded.JettyConfig;

/**
 * A local SolrCloud for trying and testing: {@code nodes} real Solr 9 nodes, each on its own loopback port, and an
 * embedded ZooKeeper, kept up until the process is told to stop (SIGTERM). Started in the background by
 * {@code local.sh start}.
 *
 * <p>Usage: {@code LocalCluster DIR NODES}. Everything the cluster keeps (ZooKeeper's data, each node's cores) goes
 * under DIR, which must be empty. When every node is up it writes DIR/url and DIR/zk and prints {@code
 * SOLR_URL=...} and {@code ZK_HOST=...}. With SOLRCLOUD_OWNER_PID set, it also stops when that process ends, so a
 * test that dies without stopping its cluster leaves nothing running.
 */
public final class LocalCluster {
  private LocalCluster() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: LocalCluster DIR NODES");
      System.exit(2);
    }
    Path dir = Path.of(args[0]).toAbsolutePath();
    int nodes = Integer.parseInt(args[1]);
    // Port 0: each node takes a free port, so a second cluster or another engineer's Solr never collides.
    JettyConfig jetty = JettyConfig.builder().setPort(0).setContext("/solr").stopAtShutdown(false).build();
    MiniSolrCloudCluster cluster = new MiniSolrCloudCluster(nodes, dir, jetty);
    cluster.waitForAllNodes(60);
    String url = cluster.getJettySolrRunner(0).getBaseUrl().toString();
    Thread control = new Thread(new NodeControl(cluster, dir), "node-control");
    control.setDaemon(true);
    control.start();
    String zk = cluster.getZkServer().getZkAddress();
    Files.writeString(dir.resolve("zk"), zk + "\n", StandardCharsets.UTF_8);
    // The url file is written last, whole (moved into place): local.sh takes its presence to mean the cluster is up.
    Path written = Files.writeString(dir.resolve("url.tmp"), url + "\n", StandardCharsets.UTF_8);
    Files.move(written, dir.resolve("url"), StandardCopyOption.ATOMIC_MOVE);
    System.out.println("SOLR_URL=" + url);
    System.out.println("ZK_HOST=" + zk);
    System.out.flush();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> shutdown(cluster, stopped), "shutdown"));
    stopWithOwner(System.getenv("SOLRCLOUD_OWNER_PID"));
    stopped.await();
  }

  /** Exits (running the shutdown hook) once the process {@code pid} has ended; nothing when it is unset. */
  private static void stopWithOwner(String pid) {
    if (pid == null || pid.isBlank()) {
      return;
    }
    ProcessHandle.of(Long.parseLong(pid.trim()))
        .ifPresentOrElse(
            owner -> owner.onExit().thenRun(() -> System.exit(0)),
            () -> System.exit(0)); // the owner is gone already
  }

  private static void shutdown(MiniSolrCloudCluster cluster, CountDownLatch stopped) {
    try {
      cluster.shutdown(); // stops every node, then ZooKeeper
    } catch (Exception e) {
      System.err.println("error while stopping the cluster: " + e);
    }
    stopped.countDown();
  }
}
