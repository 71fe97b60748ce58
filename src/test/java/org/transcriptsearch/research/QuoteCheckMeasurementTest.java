package org.transcriptsearch.research;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transcriptsearch.TestIndexes;
import org.transcriptsearch.index.TranscriptIndex;
import org.transcriptsearch.research.QuoteResults.QuoteCheck;
import org.transcriptsearch.research.QuoteSets.Probe;
import org.transcriptsearch.research.QuoteSets.Utt;
import org.transcriptsearch.search.SearchService;

/**
 * Measures the quote check on true, altered and invented quotes over the bundled corpus and a generated one, and
 * holds it to the figures the README quotes: precision and recall of "said or close" (a hit counts only when the
 * best match is the quote's own utterance), at the shipped threshold and around it. The table goes to
 * {@code target/quote-check-measurement.txt}. About 800 checks: run with the slow profile.
 */
@Tag("slow")
class QuoteCheckMeasurementTest {
  @TempDir Path dir;

  static final double[] THRESHOLDS = {0.3, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7};

  /** The outcome of one probe: its best match's similarity and whether it names the right utterance. */
  record Outcome(Probe probe, double best, boolean right, String verdict) {}

  @Test
  void saidOrCloseIsPreciseAndFindsAlteredQuotes() throws IOException {
    StringBuilder report = new StringBuilder();
    List<Outcome> all = new ArrayList<>();
    try (TranscriptIndex bundled =
        TestIndexes.build(dir.resolve("bundled"), TestIndexes.SAMPLE_CORPUS, TestIndexes.FIXTURE_CORPUS)) {
      List<Utt> turns = Corpora.turns(new SearchService(bundled));
      List<Probe> probes = new ArrayList<>(QuoteSets.said(turns, 30, 1));
      probes.addAll(QuoteSets.inventedNews());
      List<Outcome> outcomes = run(bundled, probes);
      report.append(table("bundled corpus (", turns.size(), outcomes));
      all.addAll(outcomes);
    }
    Path generated = Corpora.generate(dir.resolve("gen"), 150, 42);
    try (TranscriptIndex index = TestIndexes.build(dir.resolve("generated"), generated)) {
      List<Utt> turns = Corpora.turns(Corpora.transcripts(150, 42));
      List<Probe> probes = new ArrayList<>(QuoteSets.said(turns, 60, 2));
      probes.addAll(QuoteSets.invented(QuoteSets.turns(Corpora.transcripts(150, 4242)), 150, 3));
      List<Outcome> outcomes = run(index, probes);
      report.append(table("generated corpus (", turns.size(), outcomes));
      all.addAll(outcomes);
    }
    report.append(table("both (", 0, all));
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target", "quote-check-measurement.txt"), report, StandardCharsets.UTF_8);
    System.out.println(report);
    Score shipped = score(all, QuoteChecker.CLOSE);
    assertThat(shipped.precision()).isGreaterThanOrEqualTo(0.99);
    assertThat(shipped.recall()).isGreaterThanOrEqualTo(0.9);
    assertThat(all.stream().filter(o -> o.probe().kind().equals("exact")))
        .allSatisfy(o -> assertThat(o.verdict()).as(o.probe().text()).isEqualTo("said"));
  }

  private static List<Outcome> run(TranscriptIndex index, List<Probe> probes) throws IOException {
    QuoteChecker checker = new QuoteChecker(new SearchService(index), QuoteChecker.SAID, 0.2);
    List<Outcome> outcomes = new ArrayList<>();
    long started = System.nanoTime();
    for (Probe p : probes) {
      QuoteCheck check = checker.check(p.text(), null, 3);
      double best = check.matches().isEmpty() ? 0 : check.matches().get(0).similarity();
      boolean right = p.said() && !check.matches().isEmpty() && check.matches().get(0).ids().contains(p.source());
      String verdict = best >= QuoteChecker.SAID ? "said" : best >= QuoteChecker.CLOSE ? "close" : "not found";
      outcomes.add(new Outcome(p, best, right, verdict));
    }
    System.out.printf("%d checks in %d ms%n", probes.size(), (System.nanoTime() - started) / 1_000_000);
    return outcomes;
  }

  /** Precision and recall of "said or close" at one threshold. */
  record Score(int truePositives, int positives, int expected) {
    double precision() {
      return positives == 0 ? 1 : (double) truePositives / positives;
    }

    double recall() {
      return expected == 0 ? 1 : (double) truePositives / expected;
    }
  }

  static Score score(List<Outcome> outcomes, double threshold) {
    int tp = 0;
    int positives = 0;
    int expected = 0;
    for (Outcome o : outcomes) {
      boolean found = o.best() >= threshold;
      positives += found ? 1 : 0;
      tp += found && o.right() ? 1 : 0;
      expected += o.probe().said() ? 1 : 0;
    }
    return new Score(tp, positives, expected);
  }

  private static String table(String name, int turns, List<Outcome> outcomes) {
    StringBuilder s = new StringBuilder();
    long said = outcomes.stream().filter(o -> o.probe().said()).count();
    s.append(name).append(turns > 0 ? turns + " turns, " : "").append(said).append(" true or altered quotes, ")
        .append(outcomes.size() - said).append(" invented)\n");
    s.append("  threshold  precision  recall\n");
    for (double t : THRESHOLDS) {
      Score sc = score(outcomes, t);
      s.append(String.format("  %9.2f  %9.3f  %6.3f%s%n", t, sc.precision(), sc.recall(),
          t == QuoteChecker.CLOSE ? "  (shipped)" : ""));
    }
    Map<String, List<Outcome>> byKind = new LinkedHashMap<>();
    outcomes.forEach(o -> byKind.computeIfAbsent(o.probe().kind(), k -> new ArrayList<>()).add(o));
    s.append("  kind                            n   said  close  not found  right  mean similarity\n");
    byKind.forEach((kind, os) -> s.append(String.format("  %-30s %3d  %5d  %5d  %9d  %5d  %.3f%n", kind, os.size(),
        count(os, "said"), count(os, "close"), count(os, "not found"),
        os.stream().filter(Outcome::right).count(), os.stream().mapToDouble(Outcome::best).average().orElse(0))));
    s.append('\n');
    return s.toString();
  }

  private static long count(List<Outcome> os, String verdict) {
    return os.stream().filter(o -> o.verdict().equals(verdict)).count();
  }

  static Stream<Outcome> misses(List<Outcome> os) {
    return os.stream().filter(o -> o.probe().said() != (o.best() >= QuoteChecker.CLOSE && o.right()));
  }
}
