package org.transcriptsearch.solrcloud;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.apache.solr.common.cloud.SolrZkClient;

/**
 * Stops, kills and restarts single nodes of a running local cluster on request, for trying what a node failure does:
 * {@code local.sh node stop|kill|start N} drops a file "stop-N", "kill-N" or "start-N" in DIR/control; this acts on
 * it, deletes it and rewrites DIR/nodes ("N URL up|down PID" a line). A restarted node keeps its port and cores, so
 * it rejoins as the same node.
 */
final class NodeControl implements Runnable {
  private final List<NodeProcess> nodes;
  private final SolrZkClient zookeeper;
  private final Path dir;

  NodeControl(List<NodeProcess> nodes, SolrZkClient zookeeper, Path dir) {
    this.nodes = nodes;
    this.zookeeper = zookeeper;
    this.dir = dir;
  }

  @Override
  public void run() {
    Path control = dir.resolve("control");
    try {
      Files.createDirectories(control);
      writeNodes();
      String listed = states();
      while (!Thread.currentThread().isInterrupted()) {
        try (var requests = Files.list(control)) {
          for (Path request : requests.sorted().toList()) {
            act(request);
          }
        }
        // A node that ended by itself (a crash, or killed from outside) is listed down without being asked about.
        if (!states().equals(listed)) {
          writeNodes();
        }
        listed = states();
        Thread.sleep(100);
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
      NodeProcess node = nodes.get(Integer.parseInt(parts[1]) - 1);
      switch (parts[0]) {
        case "stop" -> {
          node.signalStop();
          node.awaitExit(60);
        }
        case "kill" -> node.kill();
        case "start" -> {
          if (!node.running()) {
            node.start();
            node.awaitLive(zookeeper, 150);
          }
        }
        default -> System.err.println("unknown request " + name);
      }
    } catch (Exception e) {
      System.err.println("could not " + name + ": " + e); // local.sh reports the node's state either way
    }
    writeNodes();
    Files.deleteIfExists(request);
  }

  /** Which nodes run, as a word of "u" and "d". */
  private String states() {
    StringBuilder states = new StringBuilder();
    nodes.forEach(node -> states.append(node.running() ? 'u' : 'd'));
    return states.toString();
  }

  private void writeNodes() throws IOException {
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < nodes.size(); i++) {
      NodeProcess node = nodes.get(i);
      lines.append(i + 1).append(' ').append(node.url()).append(' ').append(node.running() ? "up" : "down")
          .append(' ').append(node.pid()).append('\n');
    }
    Path written = Files.writeString(dir.resolve("nodes.tmp"), lines, StandardCharsets.UTF_8);
    Files.move(written, dir.resolve("nodes"), StandardCopyOption.ATOMIC_MOVE);
  }
}
