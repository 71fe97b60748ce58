package org.transcriptsearch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The jar started alone behaves like the run script: serve and index restart with the script's JVM options, the
 * JVM's incubator-module warning never reaches the user, and the sample corpus is found from any folder.
 */
class RelaunchTest {
  @Test
  void serveRestartsWithTheScriptsOptionsAndItsArguments() {
    Path jar = Path.of("/opt/ts/target/transcript-search.jar");
    List<String> command = Relaunch.command(new String[] {"serve", "--port", "7070"}, true, jar);
    assertThat(command).containsSubsequence("--enable-native-access=ALL-UNNAMED", "--add-modules",
        "jdk.incubator.vector", "-XX:+UseSerialGC", "-Xmn24m", "-D" + Relaunch.LAUNCHED + "=true");
    assertThat(command.subList(command.size() - 5, command.size()))
        .containsExactly("-jar", jar.toString(), "serve", "--port", "7070");
    assertThat(Relaunch.command(new String[] {"index"}, false, jar)).doesNotContain("-XX:+UseSerialGC", "--add-modules");
  }

  @Test
  void indexRestartsWithTheThroughputCollectorUnlessGivenOne() {
    Path jar = Path.of("/opt/ts/target/transcript-search.jar");
    List<String> command = Relaunch.command(new String[] {"index", "in.jsonl"}, true, jar);
    assertThat(command).containsSubsequence("-XX:+UseParallelGC", "-D" + Relaunch.LAUNCHED + "=true");
    assertThat(command.stream().filter(o -> o.contains("GC")).toList()).containsExactly("-XX:+UseParallelGC");
    assertThat(Relaunch.command(new String[] {"serve"}, true, jar)).doesNotContain("-XX:+UseParallelGC");
  }

  @Test
  void serveIsBoundToAGigabyteOfHeapUnlessGivenABoundOrTheJvmsOwnIsSmaller() {
    Path jar = Path.of("/opt/ts/target/transcript-search.jar");
    long sixGigabytes = 6L << 30;
    List<String> plain = Relaunch.command(new String[] {"serve"}, true, jar, List.of(), sixGigabytes);
    assertThat(plain).containsOnlyOnce("-Xmx1024m");
    assertThat(plain).filteredOn(o -> o.startsWith("-Xmx") || o.startsWith("-XX:Max")).containsExactly("-Xmx1024m");

    for (String given : List.of("-Xmx4g", "-XX:MaxHeapSize=3g", "-XX:MaxRAMPercentage=50", "-XX:MaxRAM=8g")) {
      List<String> command = Relaunch.command(new String[] {"serve"}, true, jar, List.of(given), sixGigabytes);
      assertThat(command).as(given).contains(given).doesNotContain("-Xmx1024m");
    }
    // A small machine's own bound (a quarter of 2 GB) is already lower: it stays.
    assertThat(Relaunch.command(new String[] {"serve"}, true, jar, List.of(), 512L << 20)).doesNotContain("-Xmx1024m");
    assertThat(Relaunch.command(new String[] {"index"}, true, jar, List.of(), sixGigabytes)).doesNotContain("-Xmx1024m");
  }

  @Test
  void onlyTheJvmsIncubatorWarningIsDroppedFromTheChildsErrors() {
    String child = "WARNING: Using incubator modules: jdk.incubator.vector\nerror: no index\r 10% \r 20%\n";
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Relaunch.forwardErrors(new ByteArrayInputStream(child.getBytes(StandardCharsets.UTF_8)), out, true);
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("error: no index\r 10% \r 20%\n");

    String other = "error: something else\nmore\n";
    out.reset();
    Relaunch.forwardErrors(new ByteArrayInputStream(other.getBytes(StandardCharsets.UTF_8)), out, true);
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(other);
  }

  @Test
  void theSampleCorpusIsFoundFromAnyFolderAndIsOnTheClassPath() throws Exception {
    Path sample = Defaults.sampleCorpus();
    assertThat(sample).isDirectory();
    try (var files = Files.list(sample)) {
      assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
          .containsExactly("000_cd62846c5167d6ef.txt", "003_eb3c53ebfe28291d.txt");
    }
    assertThat(Defaults.class.getResource(Defaults.BUNDLED_SAMPLE + "/003_eb3c53ebfe28291d.txt")).isNotNull();
  }
}
