package org.transcriptsearch.solr;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The local SolrCloud of {@code src/solrcloud/local.sh}, started as a real background process for a test class
 * and stopped after it. It keeps its files in a folder of its own, so a cluster a developer started is left alone.
 */
public final class LocalSolrCloud implements AutoCloseable {
  private static final Path SCRIPT = Path.of("src", "solrcloud", "local.sh");

  private final Path dir;
  private final String url;
  private final long startMillis;

  private LocalSolrCloud(Path dir, String url, long startMillis) {
    this.dir = dir;
    this.url = url;
    this.startMillis = startMillis;
  }

  /** Starts {@code nodes} nodes keeping their files under {@code dir}; returns once every node is up. */
  static LocalSolrCloud start(Path dir, int nodes) throws IOException, InterruptedException {
    long started = System.nanoTime();
    String out = run(dir, "start", "--nodes", Integer.toString(nodes));
    String url =
        out.lines()
            .filter(l -> l.startsWith("SOLR_URL="))
            .map(l -> l.substring("SOLR_URL=".length()))
            .filter(u -> u.startsWith("http://127.0.0.1:"))
            .findFirst()
            .orElseThrow(() -> new IOException("local.sh start printed no SOLR_URL=http://127.0.0.1:... line:\n"
                + out));
    return new LocalSolrCloud(dir, url, (System.nanoTime() - started) / 1_000_000);
  }

  /** The first node's root URL, http://127.0.0.1:PORT/solr. */
  public String url() {
    return url;
  }

  /** Each node's root URL, node 1 first, as {@code local.sh nodes} lists them ("N URL up|down" a line). */
  public List<String> nodeUrls() throws IOException {
    return Files.readAllLines(dir.resolve("nodes"), StandardCharsets.UTF_8).stream()
        .filter(line -> !line.isBlank())
        .map(line -> line.split(" ")[1])
        .toList();
  }

  /** How long the start took, build check included. */
  long startMillis() {
    return startMillis;
  }

  /** Stops node {@code n} (from 1) as {@code local.sh node stop N} does; returns when it is down. */
  void stopNode(int n) throws IOException, InterruptedException {
    run(dir, "node", "stop", Integer.toString(n));
  }

  /**
   * Kills node {@code n} (from 1) outright as {@code local.sh node kill N} does (SIGKILL: nothing in the node gets to
   * close its cores or leave ZooKeeper); returns when its process is gone. ZooKeeper counts it gone once its session
   * expires, some seconds later.
   */
  void killNode(int n) throws IOException, InterruptedException {
    run(dir, "node", "kill", Integer.toString(n));
  }

  /** Restarts node {@code n} on its port; returns when it is live again (its replicas may still be recovering). */
  void startNode(int n) throws IOException, InterruptedException {
    run(dir, "node", "start", Integer.toString(n));
  }

  @Override
  public void close() throws IOException {
    try {
      run(dir, "stop");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while stopping the local SolrCloud", e);
    }
  }

  private static String run(Path dir, String... args) throws IOException, InterruptedException {
    List<String> command = new java.util.ArrayList<>(List.of("bash", SCRIPT.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("SOLRCLOUD_DIR", dir.toAbsolutePath().toString());
    // Should this JVM die before stopping the cluster, the cluster stops by itself.
    builder.environment().put("SOLRCLOUD_OWNER_PID", Long.toString(ProcessHandle.current().pid()));
    Process process = builder.start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new IOException("local.sh " + String.join(" ", args) + " failed:\n" + out);
    }
    return out;
  }
}
