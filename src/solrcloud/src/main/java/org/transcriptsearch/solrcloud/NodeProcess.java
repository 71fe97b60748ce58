package org.transcriptsearch.solrcloud;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.solr.common.cloud.SolrZkClient;
import org.apache.zookeeper.KeeperException;

/**
 * One node of the local cluster as a child process ({@link LocalNode}): started, stopped (SIGTERM), killed (SIGKILL)
 * and started again on the port it first took, so that it rejoins as the same node with the same replicas. Its
 * output goes to DIR/nodeN.log. The JVM options of a node are the launcher's system property
 * {@code solrcloud.node.opts} (words), which local.sh sets from SOLRCLOUD_JAVA_OPTS.
 */
final class NodeProcess {
  /**
   * How long ZooKeeper keeps a node that stopped answering it before its replicas count as gone, in ms: Solr's 30 s
   * default would leave a killed node's shards without a leader for half a minute; 10 s still rides out a JVM that
   * a busy machine holds up for a few seconds.
   */
  static final int ZK_SESSION_MILLIS = 10_000;

  private final int number;
  private final Path dir;
  private final Path home;
  private final String zk;
  private volatile Process process;
  private volatile int port; // 0 until the node first came up: then the port it keeps

  NodeProcess(int number, Path dir, String zk) {
    this.number = number;
    this.dir = dir;
    this.home = dir.resolve("node" + number);
    this.zk = zk;
  }

  /** Starts the node's JVM (on its earlier port, if it had one); {@link #awaitLive} waits until it is up. */
  synchronized void start() throws IOException {
    Files.createDirectories(home);
    Files.deleteIfExists(home.resolve("port"));
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.add("--enable-native-access=ALL-UNNAMED");
    for (String option : System.getProperty("solrcloud.node.opts", "-Xmx512m").trim().split("\\s+")) {
      if (!option.isEmpty()) {
        command.add(option);
      }
    }
    command.addAll(List.of("-Dhost=127.0.0.1", "-Dsolr.log.dir=" + dir, "-Dsolr.zkclienttimeout=" + ZK_SESSION_MILLIS,
        "-cp", System.getProperty("java.class.path"), LocalNode.class.getName(), home.toString(), zk,
        Integer.toString(port)));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("node" + number + ".log").toFile()))
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    builder.environment().put("SOLRCLOUD_OWNER_PID", Long.toString(ProcessHandle.current().pid()));
    process = builder.start();
  }

  /** Waits until the node has written its port and ZooKeeper lists it among the live nodes. */
  void awaitLive(SolrZkClient zookeeper, int seconds) throws IOException, InterruptedException, TimeoutException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    Path written = home.resolve("port");
    while (!Files.exists(written) || !live(zookeeper)) {
      if (!process.isAlive()) {
        throw new IOException("node " + number + " ended while starting; its log is " + dir.resolve("node" + number
            + ".log"));
      }
      if (System.nanoTime() > deadline) {
        throw new TimeoutException("node " + number + " was not up after " + seconds + " s");
      }
      Thread.sleep(100);
      if (port == 0 && Files.exists(written)) {
        port = Integer.parseInt(Files.readString(written, StandardCharsets.UTF_8).trim());
      }
    }
  }

  /** Whether ZooKeeper lists this node among the live ones (none are listed before the first node is up). */
  private boolean live(SolrZkClient zookeeper) throws InterruptedException {
    try {
      return port != 0 && zookeeper.getChildren("/live_nodes", null, true).contains(nodeName());
    } catch (KeeperException e) {
      return false;
    }
  }

  /** Asks the node to stop (SIGTERM): Solr closes its cores and leaves ZooKeeper. */
  void signalStop() {
    Process running = process;
    if (running != null && running.isAlive()) {
      running.destroy();
    }
  }

  /** Kills the node outright (SIGKILL), as a machine fails, and returns once its process is gone. */
  void kill() throws InterruptedException {
    Process running = process;
    if (running != null && running.isAlive()) {
      running.destroyForcibly();
      running.waitFor();
    }
  }

  /** Waits up to {@code seconds} for the node's process to end after {@link #signalStop}, then kills it. */
  void awaitExit(int seconds) {
    Process running = process;
    if (running == null) {
      return;
    }
    try {
      if (!running.waitFor(seconds, TimeUnit.SECONDS)) {
        running.destroyForcibly();
      }
    } catch (InterruptedException e) {
      running.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  boolean running() {
    Process running = process;
    return running != null && running.isAlive();
  }

  /** The node's name in ZooKeeper: host, port and context. */
  String nodeName() {
    return "127.0.0.1:" + port + "_solr";
  }

  /** The node's root URL. */
  String url() {
    return "http://127.0.0.1:" + port + "/solr";
  }

  /** The node's process id while it runs, else 0. */
  long pid() {
    Process running = process;
    return running != null && running.isAlive() ? running.pid() : 0;
  }
}
