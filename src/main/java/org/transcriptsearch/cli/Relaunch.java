package org.transcriptsearch.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.module.ModuleFinder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code serve} and {@code index} in a JVM started with the options they need, when the jar was started
 * without them ({@code java -jar transcript-search.jar serve}): native access for Lucene's mapped files, the JDK's
 * vector module for Lucene's SIMD postings decoding, and for {@code serve} the serial collector with a small young
 * generation (its live heap is tens of MB; the JVM's default collector keeps far more resident) and a bound on the
 * heap ({@link #SERVE_HEAP_BYTES}). The JVM announces
 * the vector module with a warning line on every start; this launcher drops exactly that line from the child's
 * errors, so a start prints only what the program says. The run script starts the jar the same way.
 *
 * <p>The launching JVM only waits: it passes its own options (-Xmx and the like) on, forwards SIGTERM and Ctrl-C to
 * the child, and exits with the child's status.
 */
final class Relaunch {
  /** Set in the child, so it does not relaunch again. */
  static final String LAUNCHED = "transcript.search.launched";

  private static final Set<String> COMMANDS = Set.of("serve", "index");
  private static final String VECTOR_MODULE = "jdk.incubator.vector";
  private static final String VECTOR_WARNING = "WARNING: Using incubator modules: " + VECTOR_MODULE;

  /**
   * The heap bound of {@code serve} when none is given and the JVM's own (a quarter of the machine's memory) is
   * larger. The serial collector collects its old generation only when it is full, so under steady load the heap
   * grows to its bound with the results cache's dead answers: 5 MB a second at 8 clients on 3.2 million utterances,
   * 607 MB after two minutes with no full collection (src/bench/FINDINGS.md, "A bound on serve's heap"). The live
   * heap there was 101 MB after a full collection; 1 GB leaves room for the index writer's buffer (256 MB) of a
   * server that is sent transcripts. The run script adds the same bound.
   */
  static final long SERVE_HEAP_BYTES = 1L << 30;

  private Relaunch() {}

  /** Whether a JVM option sets the heap's bound. */
  static boolean boundsHeap(String option) {
    return option.startsWith("-Xmx") || option.startsWith("-XX:MaxHeapSize") || option.startsWith("-XX:MaxRAM");
  }

  /** Whether {@code args} should run in a relaunched JVM. */
  static boolean wanted(String[] args) {
    return args.length > 0 && COMMANDS.contains(args[0]) && System.getProperty(LAUNCHED) == null
        && Defaults.jar() != null && !Boolean.getBoolean("transcript.search.noRelaunch");
  }

  /** Runs {@code args} in a child JVM and returns its exit status. */
  static int run(String[] args) throws IOException, InterruptedException {
    boolean vector = ModuleFinder.ofSystem().find(VECTOR_MODULE).isPresent();
    ProcessBuilder builder = new ProcessBuilder(command(args, vector, Defaults.jar())).inheritIO();
    builder.redirectError(ProcessBuilder.Redirect.PIPE);
    Process child = builder.start();
    Thread hook = new Thread(() -> stop(child));
    Runtime.getRuntime().addShutdownHook(hook); // SIGTERM or Ctrl-C reach the child and are waited for
    Thread errors =
        Thread.ofPlatform().daemon().start(() -> forwardErrors(child.getErrorStream(), System.err, vector));
    int status = child.waitFor();
    errors.join(TimeUnit.SECONDS.toMillis(5));
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // stopped by a signal: the hook is running, and waits for the child
    }
    return status;
  }

  /**
   * In a relaunched JVM: stops this JVM as SIGTERM would when the launcher is gone (killed with SIGKILL, which
   * it cannot pass on), so no server is left running without the process its user started.
   */
  static void followLauncher() {
    if (System.getProperty(LAUNCHED) == null) {
      return;
    }
    ProcessHandle.current().parent().ifPresent(launcher -> launcher.onExit().thenRun(() -> {
      System.err.println("the launching process " + launcher.pid() + " is gone; stopping");
      System.exit(143); // the status of a SIGTERM; the shutdown hooks commit and close as they do for one
    }));
  }

  /** The child's command line: this JVM's java, the options, this JVM's own options, the jar and {@code args}. */
  static List<String> command(String[] args, boolean vector, Path jar) {
    return command(
        args, vector, jar, ManagementFactory.getRuntimeMXBean().getInputArguments(), Runtime.getRuntime().maxMemory());
  }

  /** As {@link #command(String[], boolean, Path)}, for this JVM's options {@code own} and heap bound {@code maxHeap}. */
  static List<String> command(String[] args, boolean vector, Path jar, List<String> own, long maxHeap) {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin",
        "java").toString()));
    command.add("--enable-native-access=ALL-UNNAMED");
    if (vector) {
      command.add("--add-modules");
      command.add(VECTOR_MODULE);
    }
    boolean ownCollector = own.stream().anyMatch(o -> o.contains("GC") || o.startsWith("-Xmn") || o.contains("NewSize"));
    if (args[0].equals("serve") && !ownCollector) {
      command.add("-XX:+UseSerialGC");
      command.add("-Xmn24m");
    }
    if (args[0].equals("serve") && own.stream().noneMatch(Relaunch::boundsHeap)
        && maxHeap > SERVE_HEAP_BYTES) {
      command.add("-Xmx" + (SERVE_HEAP_BYTES >> 20) + "m");
    }
    if (args[0].equals("index") && !ownCollector) {
      // A batch job that keeps the writer's buffers and the groups since the last commit live: the throughput
      // collector spent less than G1 on them (src/bench/FINDINGS.md, "Ingest without refreshes").
      command.add("-XX:+UseParallelGC");
    }
    command.addAll(own);
    command.add("-D" + LAUNCHED + "=true");
    command.add("-Dtranscript.search.home=" + Defaults.home().toAbsolutePath().normalize());
    if (System.getProperty("transcript.search.tty") == null) {
      command.add("-Dtranscript.search.tty=" + (System.console() != null && terminal()));
    }
    command.add("-jar");
    command.add(jar.toString());
    command.addAll(List.of(args));
    return command;
  }

  /** Whether this JVM's console is a terminal (JDK 22+ returns a console even for pipes; ask it). */
  private static boolean terminal() {
    try {
      return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(System.console());
    } catch (ReflectiveOperationException e) {
      return true; // JDK 21: a console exists only for a terminal
    }
  }

  /** Copies the child's errors to ours, without the JVM's vector-module line (always its first, when added). */
  static void forwardErrors(InputStream in, OutputStream out, boolean dropFirstWarning) {
    try (in) {
      if (dropFirstWarning) {
        StringBuilder first = new StringBuilder();
        int c;
        while ((c = in.read()) != -1 && c != '\n' && first.length() < 200) {
          first.append((char) c);
        }
        if (!first.toString().strip().equals(VECTOR_WARNING)) {
          out.write(first.toString().getBytes(StandardCharsets.ISO_8859_1));
          if (c == '\n') {
            out.write('\n');
          }
        }
        out.flush();
      }
      byte[] buffer = new byte[8192];
      for (int n = in.read(buffer); n != -1; n = in.read(buffer)) {
        out.write(buffer, 0, n);
        out.flush(); // progress lines are redrawn in place: pass them on as they come
      }
    } catch (IOException e) {
      // the child is gone; nothing more to forward
    }
  }

  private static void stop(Process child) {
    if (child.isAlive()) {
      child.destroy();
      try {
        child.waitFor(60, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
