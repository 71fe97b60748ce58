package org.transcriptsearch.reliability;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The command line run as a real, separate JVM on the test class path, so it can be killed like a real one. Its
 * output is collected line by line (and can be waited for); its errors go to a file.
 */
final class JavaProcess implements AutoCloseable {
  private static final String MAIN = "org.transcriptsearch.cli.Main";

  private final Process process;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final List<String> output = new ArrayList<>();

  private JavaProcess(Process process) {
    this.process = process;
    Thread.ofVirtual().start(this::collect);
  }

  /** Starts {@code transcript-search ARGS...} with {@code env} added to the environment; errors go to {@code log}. */
  static JavaProcess start(Map<String, String> env, Path log, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElseThrow());
    command.add("-Xmx512m");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(MAIN);
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectError(log.toFile());
    builder.environment().putAll(env);
    return new JavaProcess(builder.start());
  }

  private void collect() {
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        synchronized (output) {
          output.add(line);
        }
        lines.add(line);
      }
    } catch (IOException e) {
      lines.add("(output lost: " + e + ")");
    }
  }

  /** The first line of output containing {@code text}, waiting up to {@code seconds} for it. */
  String awaitLine(String text, long seconds) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < deadline) {
      String line = lines.poll(100, TimeUnit.MILLISECONDS);
      if (line != null && line.contains(text)) {
        return line;
      }
      if (line == null && !process.isAlive() && lines.isEmpty()) {
        break;
      }
    }
    throw new AssertionError("no line with '" + text + "'; output so far: " + output());
  }

  /** Everything printed so far. */
  String output() {
    synchronized (output) {
      return String.join("\n", output);
    }
  }

  Process process() {
    return process;
  }

  /** Waits for the process to end by itself and returns its exit status. */
  int waitFor(long seconds) throws InterruptedException {
    if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("still running after " + seconds + " s; output: " + output());
    }
    return process.exitValue();
  }

  /** SIGKILL, and waits until it is gone. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      kill();
    }
  }
}
