package org.transcriptsearch.solrcloud;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.apache.solr.common.cloud.SolrZkClient;
import org.apache.solr.embedded.JettyConfig;

/**
 * A local SolrCloud for trying and testing: an embedded ZooKeeper in this process and {@code nodes} real Solr 9
 * nodes, each in a JVM of its own ({@link LocalNode}) on its own loopback port, kept up until this process is told to
 * stop (SIGTERM). Started in the background by {@code local.sh start}. A node of its own JVM can be killed outright
 * ({@code local.sh node kill N}, SIGKILL), as a machine fails: nothing in it gets to close its cores or say goodbye
 * to ZooKeeper.
 *
 * <p>Usage: {@code LocalCluster DIR NODES}. Everything the cluster keeps (ZooKeeper's data, each node's cores under
 * DIR/nodeN) goes under DIR, which must be empty. When every node is up it writes DIR/url and DIR/zk and prints
 * {@code SOLR_URL=...} and {@code ZK_HOST=...}. With SOLRCLOUD_OWNER_PID set, it also stops when that process ends,
 * so a test that dies without stopping its cluster leaves nothing running; the nodes stop with this process.
 */
public final class LocalCluster {
  private LocalCluster() {}

  public static void main(String[] args) {
    if (args.length != 2) {
      System.err.println("usage: LocalCluster DIR NODES");
      System.exit(2);
    }
    try {
      run(Path.of(args[0]).toAbsolutePath(), Integer.parseInt(args[1]));
    } catch (Exception e) {
      e.printStackTrace();
      System.exit(1); // the shutdown hook stops the nodes started so far, then ZooKeeper
    }
  }

  private static void run(Path dir, int count) throws Exception {
    // No node in this JVM: MiniSolrCloudCluster starts ZooKeeper and puts the nodes' solr.xml in it.
    MiniSolrCloudCluster zookeeper = new MiniSolrCloudCluster(0, dir, JettyConfig.builder().build());
    String zk = zookeeper.getZkServer().getZkAddress();
    List<NodeProcess> nodes = new ArrayList<>();
    for (int n = 1; n <= count; n++) {
      nodes.add(new NodeProcess(n, dir, zk));
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> shutdown(zookeeper, nodes, stopped), "shutdown"));
    for (NodeProcess node : nodes) {
      node.start(); // each JVM starts on its own; waiting for them together halves the start on two cores
    }
    SolrZkClient client = new SolrZkClient.Builder().withUrl(zk).withTimeout(30, TimeUnit.SECONDS).build();
    for (NodeProcess node : nodes) {
      node.awaitLive(client, 150);
    }
    String url = nodes.get(0).url();
    Thread control = new Thread(new NodeControl(nodes, client, dir), "node-control");
    control.setDaemon(true);
    control.start();
    Files.writeString(dir.resolve("zk"), zk + "\n", StandardCharsets.UTF_8);
    // Every node's address, as --solr takes several: the product fails over between them.
    String urls = String.join(",", nodes.stream().map(NodeProcess::url).toList());
    Files.writeString(dir.resolve("urls"), urls + "\n", StandardCharsets.UTF_8);
    // The url file is written last, whole (moved into place): local.sh takes its presence to mean the cluster is up.
    Path written = Files.writeString(dir.resolve("url.tmp"), url + "\n", StandardCharsets.UTF_8);
    Files.move(written, dir.resolve("url"), StandardCopyOption.ATOMIC_MOVE);
    System.out.println("SOLR_URL=" + url);
    System.out.println("SOLR_URLS=" + urls);
    System.out.println("ZK_HOST=" + zk);
    System.out.flush();
    stopWithOwner(System.getenv("SOLRCLOUD_OWNER_PID"));
    stopped.await();
  }

  /** Exits (running the shutdown hook) once the process {@code pid} has ended; nothing when it is unset. */
  static void stopWithOwner(String pid) {
    if (pid == null || pid.isBlank()) {
      return;
    }
    ProcessHandle.of(Long.parseLong(pid.trim()))
        .ifPresentOrElse(
            owner -> owner.onExit().thenRun(() -> System.exit(0)),
            () -> System.exit(0)); // the owner is gone already
  }

  private static void shutdown(MiniSolrCloudCluster zookeeper, List<NodeProcess> nodes, CountDownLatch stopped) {
    for (NodeProcess node : nodes) {
      node.signalStop(); // all at once: each closes its cores while the others do
    }
    for (NodeProcess node : nodes) {
      node.awaitExit(60);
    }
    try {
      zookeeper.shutdown(); // ZooKeeper last, so the nodes could leave it cleanly
    } catch (Exception e) {
      System.err.println("error while stopping ZooKeeper: " + e);
    }
    stopped.countDown();
  }
}
