package org.transcriptsearch.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transcriptsearch.cli.GenerateCommand;
import org.transcriptsearch.model.Json;
import org.transcriptsearch.model.Transcript;
import picocli.CommandLine;

class GenerateCommandTest {
  private static final Pattern SUMMARY = Pattern.compile(
      "generated (\\d+) transcripts, (\\d+) utterances, (\\d+) files in .+ in [\\d.]+ s \\((\\d+) utterances/s\\)\\n");

  @Test
  void writesJsonlByDefaultAndSummarises(@TempDir Path dir) throws IOException {
    Run run = run("--transcripts", "40", "--out", dir.toString());
    assertThat(run.status).isZero();
    Matcher m = SUMMARY.matcher(run.out);
    assertThat(m.matches()).as(run.out).isTrue();
    List<String> lines = Files.readAllLines(dir.resolve(JsonlWriter.FILE_NAME), StandardCharsets.UTF_8);
    assertThat(lines).hasSize(40);
    long turns = 0;
    for (String line : lines) {
      turns += Json.mapper().readValue(line, Transcript.class).turns().size();
    }
    assertThat(m.group(1)).isEqualTo("40");
    assertThat(Long.parseLong(m.group(2))).isEqualTo(turns);
    assertThat(m.group(3)).isEqualTo("1");
  }

  @Test
  void theDefaultSeedIs42(@TempDir Path a, @TempDir Path b) throws IOException {
    run("--transcripts", "5", "--out", a.toString());
    run("--transcripts", "5", "--out", b.toString(), "--seed", "42");
    assertThat(bytes(a, JsonlWriter.FILE_NAME)).isEqualTo(bytes(b, JsonlWriter.FILE_NAME));
  }

  @Test
  void sameSeedWritesTheSameBytesInEveryFormat(@TempDir Path root) throws IOException {
    for (String format : List.of("page", "jsonl", "mediasum")) {
      Path a = root.resolve(format + "-a");
      Path b = root.resolve(format + "-b");
      Path c = root.resolve(format + "-c");
      run("--transcripts", "25", "--out", a.toString(), "--format", format, "--seed", "9");
      run("--transcripts", "25", "--out", b.toString(), "--format", format, "--seed", "9");
      run("--transcripts", "25", "--out", c.toString(), "--format", format, "--seed", "10");
      assertThat(tree(a)).isEqualTo(tree(b)).isNotEqualTo(tree(c));
    }
  }

  @Test
  void pageFormatWritesOneFilePerTranscript(@TempDir Path dir) throws IOException {
    Run run = run("--transcripts", "30", "--out", dir.resolve("pages").toString(), "--format", "PAGE");
    assertThat(run.out).contains("30 files");
    try (Stream<Path> files = Files.list(dir.resolve("pages"))) {
      assertThat(files.count()).isEqualTo(30);
    }
  }

  @Test
  void mediasumFormatWritesOneArrayWithNprIds(@TempDir Path dir) throws IOException {
    run("--transcripts", "12", "--out", dir.toString(), "--format", "mediasum");
    var array = Json.mapper().readTree(dir.resolve(MediaSumWriter.FILE_NAME).toFile());
    assertThat(array).hasSize(12);
    assertThat(array.get(11).get("id").asText()).isEqualTo("NPR-12");
  }

  @Test
  void anUnknownFormatIsAUsageError(@TempDir Path dir) {
    Run run = run("--transcripts", "1", "--out", dir.toString(), "--format", "xml");
    assertThat(run.status).isEqualTo(2);
    assertThat(run.err).contains("unknown format 'xml'");
  }

  /** Prints the rate on this machine; timing is not asserted, as builds share their cores. */
  @Test
  void reportsItsSpeed(@TempDir Path dir) {
    Run run = run("--transcripts", "3000", "--out", dir.toString(), "--format", "jsonl");
    System.out.print("generate speed: " + run.out);
    Matcher m = SUMMARY.matcher(run.out);
    assertThat(m.matches()).isTrue();
    assertThat(Long.parseLong(m.group(4))).isPositive();
    assertThat(Long.parseLong(m.group(2))).isBetween(3000L * 25, 3000L * 35);
  }

  private record Run(int status, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new GenerateCommand());
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int status = cli.execute(args);
    return new Run(status, out.toString(), err.toString());
  }

  private static byte[] bytes(Path dir, String name) throws IOException {
    return Files.readAllBytes(dir.resolve(name));
  }

  /** Every file's name and content, in name order. */
  private static String tree(Path dir) throws IOException {
    StringBuilder all = new StringBuilder();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.sorted().toList()) {
        all.append(f.getFileName()).append('\n').append(Files.readString(f, StandardCharsets.UTF_8));
      }
    }
    return all.toString();
  }
}
