package org.transcriptsearch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The "SolrCloud" section of src/bench/RESULTS.md, from the figures src/solrcloud/bench.sh gathered. The section
 * replaces an earlier one in place (or is appended); the rest of the file is left as it is.
 */
final class CloudReport {
  static final String HEADING = "## SolrCloud";
  private static final List<String> SYSTEMS = List.of("inprocess", "embedded", "solr1", "solr2");

  private CloudReport() {}

  static void write(Path markdown, Path work) throws IOException {
    Map<String, String> env = env(work.resolve("metrics.env"));
    JsonNode r = Results.JSON.readTree(work.resolve("results.json").toFile());
    String section = section(env, r, work);
    String old = Files.exists(markdown) ? Files.readString(markdown, StandardCharsets.UTF_8) : "";
    Files.writeString(markdown, spliced(old, section), StandardCharsets.UTF_8);
    System.out.print(section);
  }

  /** {@code text} with its SolrCloud section (up to the next level-2 heading) replaced by {@code section}. */
  static String spliced(String text, String section) {
    int start = text.indexOf("\n" + HEADING + "\n");
    if (start < 0) {
      return text + (text.endsWith("\n") || text.isEmpty() ? "" : "\n") + "\n" + section;
    }
    int end = text.indexOf("\n## ", start + 1);
    return text.substring(0, start + 1) + section + (end < 0 ? "" : text.substring(end));
  }

  private static String section(Map<String, String> env, JsonNode r, Path work) throws IOException {
    long utterances = Long.parseLong(env.get("utterances"));
    StringBuilder md = new StringBuilder(HEADING).append("\n\n");
    md.append("Written by `src/solrcloud/bench.sh` (kept when `src/bench/run.sh` rewrites the rest of this file): the"
        + " product ingesting and answering embedded, and the same product's `index --solr` into a local SolrCloud"
        + " with the same query mix sent to Solr's `/select` (what the product's search asks: facets with"
        + " drill-sideways exclusions, unified highlighting on postings offsets, cursors for deep pages).\n\n");
    md.append("- Command: `").append(env.get("command")).append("`\n");
    md.append("- Date: ").append(env.get("date")).append('\n');
    md.append("- Machine: ").append(env.get("nproc")).append(" cores, ").append(env.get("mem_total_gb"))
        .append(" GB RAM, ").append(env.get("cpu")).append("; shared with other builds and tests while measured: ")
        .append(env.get("uptime_start")).append(" at the start, ").append(env.get("uptime_end"))
        .append(" at the end (`uptime`)\n");
    md.append("- JDK: ").append(env.get("jdk")).append("; product JVMs ").append(env.get("heap"))
        .append("; the cluster's one JVM (both nodes, embedded ZooKeeper, `local.sh`) ").append(env.get("cluster_heap"))
        .append('\n');
    md.append("- Corpus: `generate --transcripts ").append(env.get("transcripts")).append(" --format jsonl --seed 42`, ")
        .append(String.format(Locale.ROOT, "%,d", utterances)).append(" utterances; SolrCloud collections made by"
            + " `solr setup --shards N --replicas 1`, ingested by `index --solr` (the product's readers and enrichment"
            + " in its own JVM, then HTTP to Solr)\n");
    md.append("- Ingest: each system once, alone, one after another (load average before and after in the table)\n");
    md.append("- Queries: src/bench's mix of ").append(mixSize(work)).append(" queries; every system up at once and"
        + " taking turns, ").append(r.path("rounds").asInt()).append(" rounds of 1 client then 4, so that the"
        + " machine's changing load falls on each alike (load average ").append(env.get("load_queries_before"))
        .append(" before, ").append(env.get("load_queries_after")).append(" after); each figure over every round's"
        + " requests\n\n");
    md.append("| measure | embedded, in process | embedded, `serve` (HTTP) | SolrCloud 1 shard (HTTP) | SolrCloud 2 shards"
        + " x 1 (HTTP) |\n|---|---:|---:|---:|---:|\n");
    String embeddedRate = fmt(utterances / d(env, "embedded_ingest_seconds"), 0);
    row(md, "ingest, utterances/s", embeddedRate, embeddedRate, rate(env, "solr1", utterances),
        rate(env, "solr2", utterances));
    row(md, "ingest, seconds (load average before / after)", ingest(env, "embedded"), ingest(env, "embedded"),
        ingest(env, "solr1"), ingest(env, "solr2"));
    String embeddedSize = fmt(d(env, "embedded_index_bytes") / utterances, 0);
    row(md, "index bytes per utterance", embeddedSize, embeddedSize, fmt(r.get("solr1_bytes").asDouble() / utterances, 0),
        fmt(r.get("solr2_bytes").asDouble() / utterances, 0));
    for (int c : new int[] {1, 4}) {
      for (String m : new String[] {"p50_ms", "p99_ms", "qps"}) {
        String label = (m.equals("qps") ? "queries/s" : m.replace("_ms", " latency, ms")) + ", " + c + " client(s)";
        String[] cells = SYSTEMS.stream().map(s -> fmt(r.path(s + "_c" + c + "_" + m).asDouble(Double.NaN), 2))
            .toArray(String[]::new);
        row(md, label, cells);
      }
    }
    md.append("\nThe in-process column runs in the load client's own JVM, so it competes with the client for the same"
        + " cores; the hop is the two HTTP servers side by side (`serve` against SolrCloud). How these figures become a"
        + " capacity plan: [docs/capacity.md](../../docs/capacity.md).\n");
    md.append("\n### Per shard\n\nA shard asked alone is one core with `distrib=false`: what a shard of that size costs without"
        + " the fan-out and merge, in the same turns as the table above.\n\n| collection | core | utterances | MB | bytes per"
        + " utterance | alone: p50 / p99 ms, 1 client | alone: queries/s, 4 clients |\n|---|---|---:|---:|---:|---:|---:|\n");
    for (String name : List.of("solr1", "solr2")) {
      for (JsonNode core : r.get(name + "_cores")) {
        long docs = core.get("docs").asLong();
        long bytes = core.get("bytes").asLong();
        md.append("| ").append(name).append(" | ").append(core.get("core").asText()).append(" | ")
            .append(String.format(Locale.ROOT, "%,d", docs)).append(" | ").append(fmt(bytes / 1048576.0, 1))
            .append(" | ").append(fmt((double) bytes / Math.max(1, docs), 0)).append(" | ").append(alone(r, core))
            .append(" |\n");
      }
    }
    md.append("\n### Agreement\n\n").append(agreement(work)).append("\n\n");
    return md.toString();
  }

  /** The figures of {@code core} asked alone, or dashes when it was not. */
  private static String alone(JsonNode r, JsonNode core) {
    String key = CloudBench.SHARD_PREFIX + core.get("core").asText();
    if (r.path(key + "_c1_p50_ms").isMissingNode()) {
      return "- | -";
    }
    return fmt(r.get(key + "_c1_p50_ms").asDouble(), 2) + " / " + fmt(r.get(key + "_c1_p99_ms").asDouble(), 2) + " | "
        + fmt(r.get(key + "_c4_qps").asDouble(), 1);
  }

  private static int mixSize(Path work) throws IOException {
    return Files.readAllLines(work.resolve("mix.tsv"), StandardCharsets.UTF_8).size();
  }

  /** How many queries of the mix have the same hit count in process and on each collection. */
  private static String agreement(Path work) throws IOException {
    List<String> base = Files.readAllLines(work.resolve("answers-inprocess.tsv"), StandardCharsets.UTF_8);
    StringBuilder out = new StringBuilder("Hit counts equal to the embedded index's (same query mix, page of 10): ");
    for (String name : List.of("solr1", "solr2")) {
      List<String> other = Files.readAllLines(work.resolve("answers-" + name + ".tsv"), StandardCharsets.UTF_8);
      int same = 0;
      StringBuilder differ = new StringBuilder();
      for (int i = 0; i < base.size(); i++) {
        String[] a = base.get(i).split("\t", -1);
        String[] b = other.get(i).split("\t", -1);
        if (a[2].equals(b[2])) {
          same++;
        } else {
          differ.append(differ.isEmpty() ? "" : ", ").append('`').append(a[1]).append("` ").append(a[2]).append(" vs ")
              .append(b[2]);
        }
      }
      out.append(name).append(' ').append(same).append(" of ").append(base.size())
          .append(differ.isEmpty() ? "" : " (differing: " + differ + ")").append("; ");
    }
    return out.substring(0, out.length() - 2) + ".";
  }

  private static String rate(Map<String, String> env, String name, long utterances) {
    return fmt(utterances / d(env, name + "_ingest_seconds"), 0);
  }

  private static String ingest(Map<String, String> env, String name) {
    return fmt(d(env, name + "_ingest_seconds"), 1) + " (" + env.get(name + "_load_before") + " / "
        + env.get(name + "_load_after") + ")";
  }

  private static void row(StringBuilder md, String label, String... cells) {
    md.append("| ").append(label).append(" | ").append(String.join(" | ", cells)).append(" |\n");
  }

  private static double d(Map<String, String> env, String key) {
    return Double.parseDouble(env.get(key));
  }

  private static String fmt(double v, int decimals) {
    return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%,." + decimals + "f", v);
  }

  private static Map<String, String> env(Path file) throws IOException {
    Map<String, String> env = new LinkedHashMap<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      int eq = line.indexOf('=');
      if (eq > 0) {
        env.put(line.substring(0, eq), line.substring(eq + 1));
      }
    }
    return env;
  }
}
