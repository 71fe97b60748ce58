package org.transcriptsearch.solrcloud;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import org.apache.solr.embedded.JettyConfig;
import org.apache.solr.embedded.JettySolrRunner;

/**
 * One Solr node of the local cluster in a JVM of its own, so that it can be killed outright (SIGKILL) as a machine
 * fails, or stopped (SIGTERM: Solr closes its cores and leaves ZooKeeper first). Started by {@link LocalCluster}.
 *
 * <p>Usage: {@code LocalNode HOME ZK PORT}: the node keeps its cores under HOME, reads solr.xml from the ZooKeeper
 * at ZK (LocalCluster put it there), and listens on PORT (0: a free one). Once up it writes HOME/port. With
 * SOLRCLOUD_OWNER_PID set it also stops when that process (the launcher) ends.
 */
public final class LocalNode {
  private LocalNode() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 3) {
      System.err.println("usage: LocalNode HOME ZK PORT");
      System.exit(2);
    }
    Path home = Path.of(args[0]).toAbsolutePath();
    Files.createDirectories(home);
    Properties props = new Properties();
    props.setProperty("zkHost", args[1]);
    JettyConfig config = JettyConfig.builder().setPort(Integer.parseInt(args[2])).setContext("/solr")
        .stopAtShutdown(false).build();
    JettySolrRunner node = new JettySolrRunner(home.toString(), props, config);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(node, stopped), "shutdown"));
    node.start();
    Path written = Files.writeString(home.resolve("port.tmp"), node.getLocalPort() + "\n", StandardCharsets.UTF_8);
    Files.move(written, home.resolve("port"), StandardCopyOption.ATOMIC_MOVE);
    LocalCluster.stopWithOwner(System.getenv("SOLRCLOUD_OWNER_PID"));
    stopped.await();
  }

  private static void stop(JettySolrRunner node, CountDownLatch stopped) {
    try {
      node.stop();
    } catch (Exception e) {
      System.err.println("error while stopping the node: " + e);
    }
    stopped.countDown();
  }
}
