package org.transcriptsearch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Writes RESULTS.md from the measurements of one or more sizes (one folder each, smallest first) and prints the
 * RESULT line of the largest size as its last line. A folder holds results.json (from the Java steps),
 * metrics.env (key=value from run.sh: wall times, sizes, memory, machine) and the answers of each system.
 */
final class Report {
  private Report() {}

  public static void main(String[] args) throws IOException {
    Path markdown = Path.of(args[0]);
    Path findings = Path.of(args[1]);
    List<Path> dirs = new ArrayList<>();
    for (int i = 2; i < args.length; i++) {
      dirs.add(Path.of(args[i]));
    }
    StringBuilder md = new StringBuilder();
    Map<String, String> first = env(dirs.get(0));
    md.append("# Benchmark: transcript-search vs raw Lucene vs Solr 9.10.1\n\n");
    md.append("Written by `src/bench/run.sh`; do not edit by hand (findings come from src/bench/FINDINGS.md).\n\n");
    md.append("- Command: `").append(first.get("command")).append("`\n");
    md.append("- Date: ").append(first.get("date"))
        .append(first.containsKey("ended") ? ", ended " + first.get("ended") + " (the whole run, corpora included)" : "")
        .append("\n");
    md.append("- Machine: ").append(first.get("nproc")).append(" cores (`nproc`), ").append(first.get("mem_total_gb"))
        .append(" GB RAM (`free -g` total), ").append(first.get("cpu"))
        .append(first.containsKey("loadavg")
            ? "; load average when the run started: " + first.get("loadavg")
                + (first.containsKey("loadavg_end") ? ", when it ended: " + first.get("loadavg_end") : "")
            : "")
        .append("; runs of the same code vary by about 5 to 10% (FINDINGS.md)\n");
    md.append("- JDK: ").append(first.get("jdk")).append(" for every JVM, each with ").append(first.get("heap"))
        .append("; systems run one after another, never concurrently\n");
    md.append("- Corpus: `generate --format jsonl --seed ").append(first.get("seed"))
        .append("`, the same documents for every system\n\n");
    String result = null;
    String fixedResult = null;
    Map<String, Double> p50s = new LinkedHashMap<>();
    List<String[]> growth = new ArrayList<>();
    for (Path dir : dirs) {
      Map<String, String> env = env(dir);
      JsonNode r = Results.JSON.readTree(dir.resolve("results.json").toFile());
      Agreement ag = agreement(dir, "");
      md.append("## ").append(String.format(Locale.ROOT, "%,d", Long.parseLong(env.get("utterances"))))
          .append(" utterances (").append(String.format(Locale.ROOT, "%,d", Long.parseLong(env.get("transcripts"))))
          .append(" transcripts)\n\n");
      md.append("The realistic mix (a stream of ").append(RealisticMix.STREAM).append(" requests over ")
          .append(r.get("product_distinct")).append(" distinct queries drawn from the corpus, Zipf-skewed; each run")
          .append(" takes the next stretch of it): the RESULT line's figures.\n\n");
      table(md, env, r, "");
      md.append("\n### The fixed mix (34 queries repeated: the basis of earlier runs' figures)\n\n")
          .append("After the warm-up every request of ours is answered by the results cache (hit rates below), so")
          .append(" these figures are of a cache and of the HTTP layer's fixed cost, not of search.\n\n");
      table(md, env, r, "fixed_");
      Agreement real = agreement(dir, "realistic-");
      md.append("\nAgreement with Solr over the realistic mix (the first ").append(real.queries)
          .append(" distinct queries of its stream, page of 10): hit counts equal for ").append(real.countsEqual)
          .append(" of ").append(real.queries).append(totals(real)).append("; mean overlap@10 ")
          .append(fmt(real.meanOverlap, 2))
          .append("; HTTP and in-process answers identical for ").append(real.sameAsInProcess).append(" of ")
          .append(real.queries).append(". Facet counts where ours are exact: equal to Solr's for ")
          .append(real.facetsEqual).append(" of ").append(real.exactFacets).append("; where estimated (")
          .append(real.estimated).append(" queries): mean relative error ").append(fmt(100 * real.meanError, 1))
          .append("%, largest ").append(fmt(100 * real.maxError, 1)).append("%.\n\n").append(real.byKind)
          .append('\n').append(real.disagreements);
      md.append("\nAgreement with Solr over the fixed mix (same queries, page of 10): hit counts equal for ")
          .append(ag.countsEqual).append(" of ").append(ag.queries).append(" queries").append(totals(ag))
          .append("; mean overlap@10 ")
          .append(fmt(ag.meanOverlap, 2)).append("; HTTP and in-process answers identical for ")
          .append(ag.sameAsInProcess).append(" of ").append(ag.queries).append(".\n")
          .append("Facet counts (program, topic, role; Solr's are exact): where ours are exact, equal to Solr's for ")
          .append(ag.facetsEqual).append(" of ").append(ag.exactFacets).append(" queries; where ours are estimated from a")
          .append(" sample (").append(ag.estimated).append(" queries), relative error against Solr's count over every")
          .append(" value both list: mean ").append(fmt(100 * ag.meanError, 1)).append("%, largest ")
          .append(fmt(100 * ag.maxError, 1)).append("%.\n\n");
      md.append(ag.details).append('\n');
      double ours = d(env, "product_ingest_per_s");
      result = String.format(Locale.ROOT,
          "RESULT ingest_vs_lucene=%.2f ingest_vs_solr=%.2f p50_vs_inprocess=%.2f qps_vs_solr=%.2f p99_vs_solr=%.2f"
              + " rss_vs_solr=%.2f p50_vs_solr=%.2f qps_vs_inprocess=%.2f",
          ours / j(r, "lucene_ingest_per_s"), ours / j(r, "solr_ingest_per_s"),
          j(r, "product_c1_p50_ms") / j(r, "inprocess_c1_p50_ms"),
          j(r, "product_c8_qps") / j(r, "solr_c8_qps"),
          j(r, "product_c8_p99_ms") / j(r, "solr_c8_p99_ms"),
          d(env, "product_rss_mb") / d(env, "solr_rss_mb"),
          j(r, "product_c1_p50_ms") / j(r, "solr_c1_p50_ms"),
          j(r, "product_c8_qps") / j(r, "inprocess_c8_qps"));
      fixedResult = String.format(Locale.ROOT,
          "`p50_vs_inprocess=%.2f qps_vs_solr=%.2f p99_vs_solr=%.2f p50_vs_solr=%.2f qps_vs_inprocess=%.2f`",
          j(r, "fixed_product_c1_p50_ms") / j(r, "fixed_inprocess_c1_p50_ms"),
          j(r, "fixed_product_c8_qps") / j(r, "fixed_solr_c8_qps"),
          j(r, "fixed_product_c8_p99_ms") / j(r, "fixed_solr_c8_p99_ms"),
          j(r, "fixed_product_c1_p50_ms") / j(r, "fixed_solr_c1_p50_ms"),
          j(r, "fixed_product_c8_qps") / j(r, "fixed_inprocess_c8_qps"));
      p50s.put(env.get("transcripts"), j(r, "product_c1_p50_ms"));
      growth.add(new String[] {env.get("utterances"), fmt(ours, 0), fmt(j(r, "lucene_ingest_per_s"), 0),
          fmt(j(r, "solr_ingest_per_s"), 0), fmt(j(r, "product_c1_p50_ms"), 2),
          fmt(j(r, "solr_c1_p50_ms"), 2), fmt(j(r, "product_c8_qps"), 1),
          fmt(j(r, "solr_c8_qps"), 1), env.get("product_index_mb"), env.get("solr_index_mb"),
          env.get("product_rss_mb"), env.get("solr_rss_mb")});
      md.append("Goals at this size: ").append(goals(env, r)).append("\n\n");
      md.append("CPU time per request at 8 clients over the realistic mix, our server's plus the load client's, over the")
          .append(" in-process searches' (a figure the other processes on the machine disturb less than throughput): ")
          .append(fmt((j(r, "product_c8_server_cpu_ms") + j(r, "product_c8_client_cpu_ms"))
              / j(r, "inprocess_c8_client_cpu_ms"), 2))
          .append(" (server alone ").append(fmt(j(r, "product_c8_server_cpu_ms") / j(r, "inprocess_c8_client_cpu_ms"), 2))
          .append(").\n\n");
    }
    if (growth.size() > 1) {
      md.append("## How cost grows\n\n| utterances | ingest/s ours | ingest/s Lucene | ingest/s Solr | p50 ms ours c1 | p50 ms Solr c1 |"
          + " q/s ours c8 | q/s Solr c8 | index MB ours | index MB Solr | RSS MB ours | RSS MB Solr |\n");
      md.append("|---".repeat(12)).append("|\n");
      for (String[] row : growth) {
        md.append("| ").append(String.join(" | ", row)).append(" |\n");
      }
      md.append('\n');
    }
    md.append("## What each column is\n\n").append(METHOD).append('\n');
    if (Files.exists(findings)) {
      md.append(Files.readString(findings, StandardCharsets.UTF_8)).append('\n');
    }
    if (dirs.size() > 1) {
      // Growth of our p50 at one client from the NPR Interview corpus's third (1.07M) to its whole (3.22M).
      Double small = p50s.get("37000");
      Double large = p50s.get("111000");
      if (small == null || large == null) {
        small = p50s.values().iterator().next();
        large = new ArrayList<>(p50s.values()).get(p50s.size() - 1);
      }
      result += String.format(Locale.ROOT, " growth_p50=%.2f", large / small);
    }
    md.append("## Result line\n\nIts figures are of the realistic mix. The same ratios over the fixed mix (every")
        .append(" request of ours a cache hit), for comparison with earlier runs: ").append(fixedResult).append(".\n\n")
        .append("```\n").append(result).append("\n```\n");
    md.append(solrCloudSection(markdown));
    Files.writeString(markdown, md.toString(), StandardCharsets.UTF_8);
    System.out.println(result);
  }

  /** The "SolrCloud" section src/solrcloud/bench.sh wrote into {@code markdown}, kept as it is; "" when none. */
  private static String solrCloudSection(Path markdown) throws IOException {
    String old = Files.exists(markdown) ? Files.readString(markdown, StandardCharsets.UTF_8) : "";
    int start = old.indexOf("\n## SolrCloud\n");
    if (start < 0) {
      return "";
    }
    int end = old.indexOf("\n## ", start + 1);
    return "\n" + old.substring(start + 1, end < 0 ? old.length() : end + 1);
  }

  private static void table(StringBuilder md, Map<String, String> env, JsonNode r, String mix) {
    md.append("| measure | transcript-search (HTTP) | raw Lucene / in-process | Solr 9.10.1 (HTTP) | ours / Lucene | ours / Solr |\n");
    md.append("|---|---:|---:|---:|---:|---:|\n");
    if (mix.isEmpty()) {
      row(md, "ingest, utterances/s (higher is better)", d(env, "product_ingest_per_s"),
          j(r, "lucene_ingest_per_s"), j(r, "solr_ingest_per_s"), 0);
      row(md, "ingest, seconds", d(env, "product_ingest_seconds"), j(r, "lucene_ingest_seconds"),
          j(r, "solr_ingest_seconds"), 1);
      row(md, "index size on disk, MB", d(env, "product_index_mb"), d(env, "lucene_index_mb"), d(env, "solr_index_mb"), 0);
    }
    for (int c : new int[] {1, 8}) {
      String k = "_c" + c;
      row(md, "p50 latency, ms, concurrency " + c, j(r, mix + "product" + k + "_p50_ms"),
          j(r, mix + "inprocess" + k + "_p50_ms"), j(r, mix + "solr" + k + "_p50_ms"), 2);
      row(md, "p99 latency, ms, concurrency " + c, j(r, mix + "product" + k + "_p99_ms"),
          j(r, mix + "inprocess" + k + "_p99_ms"), j(r, mix + "solr" + k + "_p99_ms"), 2);
      row(md, "throughput, queries/s, concurrency " + c, j(r, mix + "product" + k + "_qps"),
          j(r, mix + "inprocess" + k + "_qps"), j(r, mix + "solr" + k + "_qps"), 1);
      row(md, "results cache hit rate, %, concurrency " + c + " (Solr: queryResultCache)",
          100 * j(r, mix + "product" + k + "_cache_hit_rate"), 100 * j(r, mix + "inprocess" + k + "_cache_hit_rate"),
          100 * j(r, mix + "solr" + k + "_cache_hit_rate"), 1);
    }
    row(md, "filter cache hit rate, %, concurrency 8 (ours: kept facet counts of the answers worked out; Solr:"
            + " filterCache)", 100 * j(r, mix + "product_c8_filter_cache_hit_rate"),
        100 * j(r, mix + "inprocess_c8_filter_cache_hit_rate"), 100 * j(r, mix + "solr_c8_filter_cache_hit_rate"), 1);
    row(md, "server CPU per request, ms, concurrency 8 (in-process: the whole JVM)",
        j(r, mix + "product_c8_server_cpu_ms"), j(r, mix + "inprocess_c8_client_cpu_ms"),
        j(r, mix + "solr_c8_server_cpu_ms"), 2);
    row(md, "load client's CPU per request, ms, concurrency 8 (same 2 cores)", j(r, mix + "product_c8_client_cpu_ms"),
        Double.NaN, j(r, mix + "solr_c8_client_cpu_ms"), 2);
    if (!mix.isEmpty()) {
      md.append("\nRequests measured: ").append(r.get(mix + "product_c1_requests")).append(" at concurrency 1, ")
          .append(r.get(mix + "product_c8_requests")).append(" at 8.\n");
      return;
    }
    row(md, "peak resident memory (VmHWM) of the server's JVMs, MB", d(env, "product_rss_mb"), Double.NaN,
        d(env, "solr_rss_mb"), 0);
    row(md, "resident at the end: anonymous (heap, code, stacks), MB", d(env, "product_rss_anon_mb"), Double.NaN,
        d(env, "solr_rss_anon_mb"), 0);
    row(md, "resident at the end: file-backed (mapped index, jars), MB", d(env, "product_rss_file_mb"), Double.NaN,
        d(env, "solr_rss_file_mb"), 0);
    row(md, "start to first answer, ms", j(r, "product_first_answer_ms"),
        j(r, "inprocess_first_answer_ms"), j(r, "solr_first_answer_ms"), 0);
    md.append("\nRequests measured: ").append(r.get("product_c1_requests")).append(" at concurrency 1, ")
        .append(r.get("product_c8_requests")).append(" at 8 (each system the same, unless its time bound cut it short: Solr ")
        .append(r.get("solr_c1_requests")).append(" / ").append(r.get("solr_c8_requests")).append(", in-process ")
        .append(r.get("inprocess_c1_requests")).append(" / ").append(r.get("inprocess_c8_requests")).append(").\n");
  }

  private static void row(StringBuilder md, String name, double ours, double lucene, double solr, int digits) {
    md.append("| ").append(name).append(" | ").append(fmt(ours, digits)).append(" | ").append(fmt(lucene, digits))
        .append(" | ").append(fmt(solr, digits)).append(" | ").append(fmt(ours / lucene, 2)).append(" | ")
        .append(fmt(ours / solr, 2)).append(" |\n");
  }

  /** The goals of this round (ratios side by side in one run). */
  private static String goals(Map<String, String> env, JsonNode r) {
    double ours = d(env, "product_ingest_per_s");
    List<String> out = new ArrayList<>();
    out.add(check("ingest >= 0.85x raw Lucene", ours / j(r, "lucene_ingest_per_s") >= 0.85));
    out.add(check("ingest >= 1.3x Solr", ours / j(r, "solr_ingest_per_s") >= 1.3));
    out.add(check("c1 p50 <= 0.5x Solr's", j(r, "product_c1_p50_ms") <= 0.5 * j(r, "solr_c1_p50_ms")));
    out.add(check("c8 throughput >= 1.5x Solr", j(r, "product_c8_qps") >= 1.5 * j(r, "solr_c8_qps")));
    out.add(check("c8 p99 <= 0.8x Solr's", j(r, "product_c8_p99_ms") <= 0.8 * j(r, "solr_c8_p99_ms")));
    out.add(check("HTTP c8 throughput >= 0.95x in-process", j(r, "product_c8_qps") >= 0.95 * j(r, "inprocess_c8_qps")));
    out.add(check("RSS <= 0.5x Solr", d(env, "product_rss_mb") <= 0.5 * d(env, "solr_rss_mb")));
    return String.join("; ", out);
  }

  private static String check(String goal, boolean met) {
    return goal + (met ? " **met**" : " **not met**");
  }

  record Agreement(
      int queries,
      int countsEqual,
      double meanOverlap,
      int sameAsInProcess,
      int exactFacets,
      int facetsEqual,
      int estimated,
      double meanError,
      double maxError,
      int estimatedTotals,
      double meanTotalError,
      double maxTotalError,
      int partials,
      String details,
      String byKind,
      String disagreements) {}

  /** How many of the totals were estimates from a sample, and their error against Solr's exact counts. */
  private static String totals(Agreement ag) {
    String partial = ag.partials == 0 ? "" : "; " + ag.partials + (ag.partials == 1 ? " answer" : " answers")
        + " of ours a partial match, flagged in the answer: nothing had every word, as Solr's 0 says, and our total"
        + " counts the hits with most of the words";
    return ag.estimatedTotals == 0
        ? " (every total exact" + partial + ")"
        : " (" + ag.estimatedTotals + " of our totals estimated from a sample, flagged in the answer: relative error"
            + " against Solr's exact count mean " + fmt(100 * ag.meanTotalError, 1) + "%, largest "
            + fmt(100 * ag.maxTotalError, 1) + "%" + partial + ")";
  }

  /** "dim:label" -> count of an answer's facet column. */
  private static Map<String, Long> facetCounts(String[] answer) {
    Map<String, Long> out = new LinkedHashMap<>();
    if (answer.length > 5 && !answer[5].isEmpty()) {
      for (String entry : answer[5].split("\\|")) {
        int eq = entry.lastIndexOf('=');
        out.put(entry.substring(0, eq), Long.parseLong(entry.substring(eq + 1)));
      }
    }
    return out;
  }

  /** The dimensions an answer's facets estimated (its estimated total, if any, left out). */
  private static Set<String> approximate(String[] answer) {
    Set<String> dims = new HashSet<>(answer.length > 6 && !answer[6].isEmpty() ? List.of(answer[6].split(",")) : List.of());
    dims.remove(Load.Answer.ESTIMATED_TOTAL);
    dims.remove(Load.Answer.PARTIAL);
    return dims;
  }

  /** Whether the answer is a partial match: nothing had every word, and it lists the hits with most of them. */
  private static boolean partial(String[] answer) {
    return flagged(answer, Load.Answer.PARTIAL);
  }

  /** Whether the answer's approximations (its last column) list {@code flag}. */
  private static boolean flagged(String[] answer, String flag) {
    return answer.length > 6 && List.of(answer[6].split(",")).contains(flag);
  }

  /**
   * Whether the totals agree: equal, or ours a partial match (flagged) where Solr found no hit with every word, which
   * is what a partial match says.
   */
  private static boolean totalsAgree(String[] ours, String[] solr) {
    return ours[3].equals(solr[3]) || (partial(ours) && solr[3].equals("0"));
  }

  private static boolean estimatedTotal(String[] answer) {
    return flagged(answer, Load.Answer.ESTIMATED_TOTAL);
  }

  private static Map<String, Long> ofDims(Map<String, Long> counts, Set<String> dims, boolean in) {
    Map<String, Long> out = new LinkedHashMap<>();
    counts.forEach((k, v) -> {
      if (dims.contains(k.substring(0, k.indexOf(':'))) == in) {
        out.put(k, v);
      }
    });
    return out;
  }

  /** The agreement of the answers of one mix ({@code mix}: "" the fixed one, "realistic-" the other). */
  private static Agreement agreement(Path dir, String mix) throws IOException {
    List<String[]> ours = answers(dir.resolve("answers-" + mix + "product.tsv"));
    List<String[]> solr = answers(dir.resolve("answers-" + mix + "solr.tsv"));
    List<String[]> inproc = answers(dir.resolve("answers-" + mix + "inprocess.tsv"));
    Map<String, int[]> kinds = new java.util.TreeMap<>(); // kind -> queries, counts equal, overlap x 100
    StringBuilder disagreements = new StringBuilder();
    int listed = 0;
    int equal = 0;
    int same = 0;
    double overlap = 0;
    int exactFacets = 0;
    int facetsEqual = 0;
    int estimated = 0;
    double errorSum = 0;
    int errorCount = 0;
    double maxError = 0;
    int estimatedTotals = 0;
    int partials = 0;
    double totalErrorSum = 0;
    double maxTotalError = 0;
    StringBuilder details = new StringBuilder(
        "| kind | query | filter | hits ours | hits Solr | overlap@10 | facets ours |\n|---|---|---|---:|---:|---:|---|\n");
    for (int i = 0; i < ours.size(); i++) {
      String[] o = ours.get(i);
      String[] s = solr.get(i);
      if (totalsAgree(o, s)) {
        equal++;
      }
      if (partial(o)) {
        partials++;
      }
      if (String.join("\t", o).equals(String.join("\t", inproc.get(i)))) {
        same++;
      }
      Set<String> a = new HashSet<>(List.of(o[4].split(",")));
      List<String> b = List.of(s[4].split(","));
      long common = b.stream().filter(x -> !x.isEmpty() && a.contains(x)).count();
      int denom = Math.max(1, Math.min(10, Math.max(a.size(), b.size())));
      boolean bothEmpty = a.stream().allMatch(String::isEmpty) && b.stream().allMatch(String::isEmpty);
      double ov = bothEmpty ? 1.0 : (double) common / denom;
      overlap += ov;
      int[] kind = kinds.computeIfAbsent(o[0], k -> new int[3]);
      kind[0]++;
      kind[1] += totalsAgree(o, s) ? 1 : 0;
      kind[2] += (int) Math.round(100 * ov);
      if (!totalsAgree(o, s) && !estimatedTotal(o) && listed++ < 20) {
        disagreements.append("| ").append(o[0]).append(" | `").append(o[1].replace("|", "\\|")).append("` | ")
            .append(o[2]).append(" | ").append(o[3]).append(" | ").append(s[3]).append(" |\n");
      }
      if (estimatedTotal(o)) {
        long truth = Long.parseLong(s[3]);
        double err = truth == 0 ? 1 : Math.abs(Long.parseLong(o[3]) - truth) / (double) truth;
        estimatedTotals++;
        totalErrorSum += err;
        maxTotalError = Math.max(maxTotalError, err);
      }
      Set<String> approx = approximate(o);
      Map<String, Long> mine = facetCounts(o);
      Map<String, Long> theirs = facetCounts(s);
      String facets;
      if (approx.isEmpty()) {
        exactFacets++;
        boolean eq = mine.equals(theirs);
        facetsEqual += eq ? 1 : 0;
        facets = eq ? "exact, as Solr's" : "exact, differ from Solr's";
      } else {
        estimated++;
        double sum = 0;
        double max = 0;
        int n = 0;
        for (Map.Entry<String, Long> e : ofDims(mine, approx, true).entrySet()) {
          Long truth = theirs.get(e.getKey());
          if (truth != null && truth > 0) {
            double err = Math.abs(e.getValue() - truth) / (double) truth;
            sum += err;
            max = Math.max(max, err);
            n++;
          }
        }
        errorSum += sum;
        errorCount += n;
        maxError = Math.max(maxError, max);
        facets = "estimated (" + String.join(", ", new java.util.TreeSet<>(approx)) + ")"
            + (n == 0
                ? ": speakers only, not compared (Solr lists speaker keys, ours display names)"
                : ": mean error " + fmt(100 * sum / n, 1) + "%, largest " + fmt(100 * max, 1) + "%");
      }
      details.append("| ").append(o[0]).append(" | `").append(o[1].replace("|", "\\|")).append("` | ")
          .append(o[2]).append(" | ").append(o[3]).append(" | ").append(s[3]).append(" | ").append(fmt(ov, 1))
          .append(" | ").append(facets).append(" |\n");
    }
    StringBuilder byKind = new StringBuilder("| kind | queries | hit counts equal | mean overlap@10 |\n|---|---:|---:|---:|\n");
    kinds.forEach((k, v) -> byKind.append("| ").append(k).append(" | ").append(v[0]).append(" | ").append(v[1])
        .append(" | ").append(fmt(v[2] / 100.0 / v[0], 2)).append(" |\n"));
    String differ = listed == 0 ? "" : "Hit counts that differ where ours are exact (" + Math.min(listed, 20) + " of " + listed + " shown):\n\n"
        + "| kind | query | filter | hits ours | hits Solr |\n|---|---|---|---:|---:|\n" + disagreements;
    return new Agreement(ours.size(), equal, overlap / Math.max(1, ours.size()), same, exactFacets, facetsEqual,
        estimated, errorCount == 0 ? 0 : errorSum / errorCount, maxError, estimatedTotals,
        estimatedTotals == 0 ? 0 : totalErrorSum / estimatedTotals, maxTotalError, partials, details.toString(),
        byKind.toString(),
        differ);
  }

  private static List<String[]> answers(Path file) throws IOException {
    return Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(l -> l.split("\t", -1)).toList();
  }

  private static Map<String, String> env(Path dir) throws IOException {
    Map<String, String> env = new LinkedHashMap<>();
    for (String line : Files.readAllLines(dir.resolve("metrics.env"), StandardCharsets.UTF_8)) {
      int eq = line.indexOf('=');
      if (eq > 0) {
        env.put(line.substring(0, eq), line.substring(eq + 1));
      }
    }
    return env;
  }

  /** A figure of results.json, NaN when that step did not run at this size. */
  private static double j(JsonNode r, String key) {
    JsonNode v = r.get(key);
    return v == null ? Double.NaN : v.asDouble();
  }

  private static double d(Map<String, String> env, String key) {
    String v = env.get(key);
    return v == null || v.isEmpty() ? Double.NaN : Double.parseDouble(v);
  }

  private static String fmt(double v, int digits) {
    return Double.isNaN(v) || Double.isInfinite(v) ? "-" : String.format(Locale.ROOT, "%,." + digits + "f", v);
  }

  private static final String METHOD = """
      - **transcript-search**: ingest is the real CLI end to end, `transcript-search index --format jsonl` on the
        JSON lines (JVM start, reading, enrichment, document mapping, indexing by id with `updateDocuments`, commits
        every 5,000 transcripts, close), timed as the wall time of the process. Queries go over HTTP to a real
        `serve` process on 127.0.0.1 opened on that index. Both are started as users start them, through
        `./transcript-search` with the benchmark's heap limit in `TRANSCRIPT_SEARCH_JAVA_OPTS`, so they run with
        the product's own JVM options (for `serve`: the serial collector and a 24 MB young generation).
      - **raw Lucene / in-process** (the limit): ingest is Lucene 10.6 in one JVM with the product's Schema
        (analyzers, FacetsConfig), `IndexWriterConfig` with the same 256 MB RAM buffer and otherwise Lucene's
        defaults; documents are built with the product's `UtteranceDocuments` from transcripts enriched by the
        product's pipeline BEFORE timing (a chunk of 2,000 transcripts at a time: the whole corpus of Documents
        would not fit the common heap); only `IndexWriter.addDocuments` (one call per transcript) on 2 threads,
        one per core as the product's ingest workers, plus the final commit and close are timed. So it does less than
        our ingest: no reading, enrichment, document mapping, speech signatures or mirror lookups, no delete by id, one
        commit at the end; about 45% of our ingest's CPU lies outside Lucene's writer (FINDINGS.md, "Ingest without
        refreshes"). Queries call the product's `SearchService.search` in the harness's JVM: the same parsed Lucene queries, DrillDownQuery
        filters, drill-sideways facet counts, UnifiedHighlighter passages, search-after cursors and results cache
        (of the same size) as the server, and each answer serialised to JSON with the product's own mapper (into a
        discarding stream: the JSON is part of the product's answer, and the server pays it), without HTTP. So
        "p50 vs in-process" is the cost of the HTTP layer (Jetty, Javalin, the read gate, the socket) plus the load
        client's share of the 2 cores.
      - **Solr 9.10.1**: a real Jetty HTTP server (`JettySolrRunner` from solr-test-framework 9.10.1, its own
        Maven build and JVM under src/bench/solr) with the schema of src/bench/solr/home: the same analysis chains,
        `storeOffsetsWithPositions` on text, doc values on the facet fields, date as a point field with doc values,
        id as a string. The same 256 MB RAM buffer; no transaction log and no auto-commit (the product keeps
        neither); the filter, query-result and document caches as Solr's stock configuration has them (512 entries
        each, a result window of 20), since the product keeps a results cache by default (256 answers per index
        snapshot; `BENCH_RESULTS_CACHE=N` sets ours): repeats are answered from both systems' caches. It is fed the same
        utterances, enriched by the product's pipeline before timing, as JSON through `/update` in batches of 1,000
        with 2 batches in flight, then one commit; timed from the first batch to the commit's answer (so Solr's
        figure excludes reading and enriching, which ours includes). After feeding, Solr is stopped and started
        again, so its memory and start-up are measured on an existing index like ours.
        Queries: `defType=lucene`, `q.op=AND`, `df=text`, `sow=true`; filters as tagged `fq` with the facets
        excluding their own tag (drill-sideways, as ours); 4 facet fields x 20 values; the unified highlighter from
        postings, 2 passages of about 240 characters on sentence boundaries, `<mark>`, HTML-escaped; sort by score
        then id; `cursorMark` for deep pages. Its JVM runs with the JVM's default collector (G1, also what
        Solr's own start script selects) under the same heap limit.
      - **Query mixes**: two, each run against every system. The **realistic mix** (the RESULT line's): a pool of
        5,000 distinct queries drawn with the benchmark's seed from the corpus itself (`Bench realistic-mix`: each
        from a random utterance of the index, lower-case words as printed): single words 30%, two words (AND)
        12%, two words of two utterances (OR) 6%, two adjacent words as a phrase 12%, a word filtered by a speaker
        (12%) or a topic (10%) that the word's own search lists in its facets, a word within the month, year or
        three years around the utterance's air date 12%, and pages 2 to 6 (one in ten: 11 to 21) of a word through
        a cursor 6%; then a stream of 12,000 requests, each the query of a rank drawn from a Zipf law of exponent
        0.7 over the pool (query logs are Zipf-like), so some queries come back often and most once or twice.
        Each run takes the next stretch of the stream (warm-up first, then concurrency 1, then 8), so a measured
        request is never the warm-up's request at the same place; the hit rates of the caches are measured (ours
        from `/api/health`'s `resultsCache` counters or the service's, Solr's from its metrics API, over each run).
        The agreement check covers the first 300 distinct queries of the stream. The **fixed mix** (the history's
        basis): 10 single words, 6 phrases, 6 speaker-filtered, 6 topic-filtered, 4 date ranges, 2 deep pages
        (page 51 of `people` and page 31 of `president`), repeated; after the warm-up every request of ours is a
        cache hit. Cursor walks are not timed. 10 hits a page, facets and highlighting on for every query. First
        each query once (answers kept for the agreement check), then a warm-up at concurrency 8 (the first 3,000
        requests, then stretches of 1,000 while the system's JIT compiler threads, read from `/proc`, took more than
        10% of a stretch's time, up to where the stream left holds the measured runs; the requests it took and the
        compilers' share of its last stretch are in results.json as `*_warm_requests` and `*_warm_jit_share`),
        then a bounded count of requests
        (also bounded in time) at concurrency 1 and at 8 from a Java load client on the same machine (a fixed pool
        of threads, each making blocking requests with `HttpURLConnection` over kept-alive connections; the same
        client for both servers). The client's CPU time (its JVM's) and the server's (`/proc/PID/stat`) are measured
        over each run: the client shares the 2 cores with the server, so the in-process figures, which have no
        client, are the ceiling the HTTP server is compared against.
      - **Memory**: VmHWM from /proc/PID/status of each server's JVMs after its query runs: for ours, the
        `serve` launcher plus the server JVM it restarts itself in (both are what a user runs); the anonymous and
        file-backed split is of the server JVM. **Index size**: `du` of
        the index folder. **Start to first answer**: from launching the server process to the first 200 answer to
        a search (in-process: opening the index and the first search).
      """;
}
