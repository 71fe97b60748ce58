package org.transcriptsearch.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar transcript-search.jar serve} runs the server in a child JVM; when the launching JVM is killed
 * with SIGKILL (which it cannot pass on), the child stops by itself instead of serving on without it.
 */
@Tag("slow")
class LauncherGoneTest {
  @TempDir Path temp;

  @Test
  void relaunchedServerStopsWhenItsLauncherIsKilled() throws Exception {
    // Made before the shell starts: the shell prints the process id as soon as it has forked the server, which
    // may be before the server's redirection has opened (and so created) the log.
    Path log = Files.createFile(temp.resolve("serve.log"));
    String java = ProcessHandle.current().info().command().orElseThrow();
    // A stand-in launcher: a shell that starts the server as the jar's launcher does (marked as relaunched) and
    // prints its process id; the shell, not the test, is the server's parent.
    String serve = String.join(" ", List.of(java, "-Xmx256m", "-Dtranscript.search.launched=true", "-cp",
        "'" + System.getProperty("java.class.path") + "'", "org.transcriptsearch.cli.Main", "serve", "--index",
        "'" + temp.resolve("index") + "'", "--port", "0"));
    Process launcher = new ProcessBuilder("bash", "-c", serve + " >'" + log + "' 2>&1 & echo $!; wait").start();
    long pid;
    try (BufferedReader out = new BufferedReader(
        new InputStreamReader(launcher.getInputStream(), StandardCharsets.UTF_8))) {
      pid = Long.parseLong(out.readLine().strip());
    }
    ProcessHandle server = ProcessHandle.of(pid).orElseThrow();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (!Files.readString(log).contains("serving") && System.nanoTime() < deadline) {
        assertThat(server.isAlive()).as(Files.readString(log)).isTrue();
        Thread.sleep(100);
      }
      assertThat(Files.readString(log)).contains("serving");

      launcher.destroyForcibly(); // SIGKILL: nothing is passed on to the server
      launcher.waitFor();

      Optional<ProcessHandle> gone = Optional.empty();
      try {
        gone = Optional.of(server.onExit().get(30, TimeUnit.SECONDS));
      } catch (java.util.concurrent.TimeoutException e) {
        // asserted below
      }
      assertThat(gone).as("the server still runs 30 s after its launcher was killed").isPresent();
      assertThat(Files.readString(log)).contains("is gone; stopping");
    } finally {
      server.destroyForcibly();
    }
  }
}
