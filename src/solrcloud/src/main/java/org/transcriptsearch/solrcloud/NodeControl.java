package org.transcriptsearch.solrcloud;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.apache.solr.embedded.JettySolrRunner;

/**
 * Stops and restarts single nodes of a running local cluster on request, for trying what a node failure does:
 * {@code local.sh node stop N} drops a file "stop-N" in DIR/control, this acts on it, deletes it and rewrites
 * DIR/nodes ("N URL up|down" a line). A restarted node keeps its port and cores, so it rejoins as the same node.
 */
final class NodeControl implements Runnable {
  private final MiniSolrCloudCluster cluster;
  private final Path dir;

  NodeControl(MiniSolrCloudCluster cluster, Path dir) {
    this.cluster = cluster;
    this.dir = dir;
  }

  @Override
  public void run() {
    Path control = dir.resolve("control");
    try {
      Files.createDirectories(control);
      writeNodes();
      while (!Thread.currentThread().isInterrupted()) {
        try (var requests = Files.list(control)) {
          for (Path request : requests.sorted().toList()) {
            act(request);
          }
        }
        Thread.sleep(200);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      System.err.println("node control stopped: " + e);
    }
  }

  private void act(Path request) throws IOException {
    String name = request.getFileName().toString();
    String[] parts = name.split("-", 2);
    try {
      JettySolrRunner node = cluster.getJettySolrRunners().get(Integer.parseInt(parts[1]) - 1);
      if (parts[0].equals("stop") && node.isRunning()) {
        node.stop();
      } else if (parts[0].equals("start") && !node.isRunning()) {
        node.start(true); // the same port, so the node's name and its replicas stay the same
        cluster.waitForNode(node, 60);
      }
    } catch (Exception e) {
      System.err.println("could not " + name + ": " + e); // local.sh reports the node's state either way
    }
    writeNodes();
    Files.deleteIfExists(request);
  }

  private void writeNodes() throws IOException {
    StringBuilder lines = new StringBuilder();
    List<JettySolrRunner> nodes = cluster.getJettySolrRunners();
    for (int i = 0; i < nodes.size(); i++) {
      JettySolrRunner node = nodes.get(i);
      lines.append(i + 1).append(' ').append("http://127.0.0.1:").append(node.getLocalPort(true)).append("/solr ")
          .append(node.isRunning() ? "up" : "down").append('\n');
    }
    Path written = Files.writeString(dir.resolve("nodes.tmp"), lines, StandardCharsets.UTF_8);
    Files.move(written, dir.resolve("nodes"), StandardCopyOption.ATOMIC_MOVE);
  }
}
