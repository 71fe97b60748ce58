package org.transcriptsearch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.transcriptsearch.bench.QueryMix.Op;
import org.transcriptsearch.index.Schema;
import org.transcriptsearch.index.TranscriptIndex;
import org.transcriptsearch.ingest.Pipeline;
import org.transcriptsearch.search.SearchService;
import org.transcriptsearch.solr.SolrConfigset;

/**
 * The SolrCloud measurement's steps (src/solrcloud/bench.sh runs them, one JVM each, one after another). Compiled
 * with src/bench's harness, whose query mix and load loop it reuses, against the product jar.
 *
 * <pre>
 * load-all OUT MIX ROUNDS CLIENTS NAME=TARGET...  every system in turn, ROUNDS times, at each of CLIENTS (1,4);
 *                                          a NAME "shard-CORE" asks that core alone (distrib=false)
 * cores OUT COLLECTION NODE_URL...         each of its cores' documents and index bytes (CoreAdmin STATUS per node)
 * report RESULTS_MD OUT                    writes the "SolrCloud" section of RESULTS_MD from OUT's figures
 * </pre>
 *
 * <p>Systems: {@code inprocess} (an index folder), {@code embedded} (a running {@code serve}),
 * {@code solrcloud} (a collection's URL: /select with the product's configset's field names).
 */
public final class CloudBench {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  /** A target named so is one core of a collection, asked alone. */
  static final String SHARD_PREFIX = "shard-";

  private CloudBench() {}

  public static void main(String[] args) throws Exception {
    String[] rest = Arrays.copyOfRange(args, 1, args.length);
    switch (args[0]) {
      case "load-all" -> loadAll(rest);
      case "cores" -> cores(rest);
      case "report" -> CloudReport.write(Path.of(rest[0]), Path.of(rest[1]));
      default -> throw new IllegalArgumentException("unknown step " + args[0]);
    }
    System.exit(0); // HTTP client threads are not daemons
  }

  /**
   * Every system's answers once (kept for the agreement check), a warm-up of each, then ROUNDS rounds in which each
   * system in turn runs the mix at each client count. Taking turns within one JVM spreads the machine's changing
   * load (other builds share it) over every system alike; each figure is over the latencies of all rounds.
   */
  private static void loadAll(String[] args) throws Exception {
    System.setProperty("http.maxConnections", "64");
    Path out = Path.of(args[0]);
    List<Op> mix = QueryMix.read(Path.of(args[1]));
    int rounds = Integer.parseInt(args[2]);
    int[] clients = Arrays.stream(args[3].split(",")).mapToInt(Integer::parseInt).toArray();
    Map<String, Load.Target> targets = new LinkedHashMap<>();
    List<TranscriptIndex> opened = new ArrayList<>();
    for (int i = 4; i < args.length; i++) {
      String[] named = args[i].split("=", 2);
      targets.put(named[0], target(named[0], named[1], opened));
    }
    Map<String, Map<Integer, String>> cursors = new HashMap<>();
    for (var t : targets.entrySet()) {
      cursors.put(t.getKey(), walkCursors(t.getValue(), mix));
      answers(t.getKey(), t.getValue(), mix, cursors.get(t.getKey()), out);
      Load.run(t.getValue(), mix, cursors.get(t.getKey()), 4, Load.WARM); // warm-up, not recorded
    }
    Map<String, List<Long>> latencies = new LinkedHashMap<>();
    Map<String, Double> seconds = new HashMap<>();
    for (int round = 1; round <= rounds; round++) {
      for (var t : targets.entrySet()) {
        for (int c : clients) {
          long[] stats = Load.run(t.getValue(), mix, cursors.get(t.getKey()), c,
              c == 1 ? Load.REQUESTS_C1 : Load.REQUESTS_C8);
          String key = t.getKey() + "_c" + c;
          List<Long> all = latencies.computeIfAbsent(key, k -> new ArrayList<>());
          for (int i = 0; i < stats.length - 1; i++) {
            all.add(stats[i]);
          }
          seconds.merge(key, stats[stats.length - 1] / 1e9, Double::sum);
          System.out.printf("round %d, %s: %d requests in %.1f s%n", round, key, stats.length - 1,
              stats[stats.length - 1] / 1e9);
        }
      }
    }
    var n = Results.node();
    n.put("rounds", rounds);
    for (var e : latencies.entrySet()) {
      long[] lat = e.getValue().stream().mapToLong(Long::longValue).sorted().toArray();
      n.put(e.getKey() + "_p50_ms", Load.percentile(lat, 0.50) / 1e6);
      n.put(e.getKey() + "_p99_ms", Load.percentile(lat, 0.99) / 1e6);
      n.put(e.getKey() + "_qps", lat.length / seconds.get(e.getKey()));
      n.put(e.getKey() + "_requests", lat.length);
      System.out.printf("%s: %d requests, %.1f q/s, p50 %.2f ms, p99 %.2f ms%n", e.getKey(), lat.length,
          lat.length / seconds.get(e.getKey()), Load.percentile(lat, 0.5) / 1e6, Load.percentile(lat, 0.99) / 1e6);
    }
    Results.put(out.resolve("results.json"), n);
    for (TranscriptIndex index : opened) {
      index.close();
    }
  }

  private static Load.Target target(String system, String where, List<TranscriptIndex> opened) throws Exception {
    return switch (system) {
      case "inprocess" -> {
        TranscriptIndex index = TranscriptIndex.openReadOnly(Path.of(where), Pipeline.standard().schema());
        opened.add(index);
        yield new Load.InProcess(new SearchService(index));
      }
      case "embedded" -> new Load.Product(where);
      // "shard-CORE": one core alone (distrib=false), what one shard of that size costs without the fan-out
      default -> new CloudSolr(where, !system.startsWith(SHARD_PREFIX));
    };
  }

  private static void answers(String system, Load.Target target, List<Op> mix, Map<Integer, String> cursors, Path out)
      throws Exception {
    List<String> answers = new ArrayList<>();
    for (int i = 0; i < mix.size(); i++) {
      Load.Answer a = target.run(mix.get(i), cursors.get(i), true);
      answers.add(mix.get(i).kind() + "\t" + mix.get(i).q() + "\t" + a.total() + "\t" + String.join(",", a.ids()));
    }
    Files.write(out.resolve("answers-" + system + ".tsv"), answers, StandardCharsets.UTF_8);
  }

  /** Deep pages: walks each deep query's cursor (untimed) and keeps the one the measured request starts from. */
  private static Map<Integer, String> walkCursors(Load.Target target, List<Op> mix) throws Exception {
    Map<Integer, String> cursors = new HashMap<>();
    for (int i = 0; i < mix.size(); i++) {
      String cursor = null;
      for (int p = 0; p < mix.get(i).deepPages(); p++) {
        Load.Answer a = target.run(mix.get(i), cursor, true);
        if (a.next() == null) {
          break;
        }
        cursor = a.next();
      }
      if (cursor != null) {
        cursors.put(i, cursor);
      }
    }
    return cursors;
  }

  /** Every core of every node: {@code PREFIX_cores} as "core=docs/bytes" entries, and the byte and doc totals. */
  private static void cores(String[] args) throws Exception {
    Path out = Path.of(args[0]);
    String prefix = args[1];
    Map<String, long[]> cores = new LinkedHashMap<>();
    List<String> urls = new ArrayList<>();
    for (int i = 2; i < args.length; i++) {
      String node = args[i];
      URI uri = URI.create(args[i] + "/admin/cores?action=STATUS&indexInfo=true&wt=json");
      HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofByteArray());
      JsonNode status = Results.JSON.readTree(r.body()).get("status");
      status.properties().forEach(core -> {
        if (!core.getKey().startsWith(prefix + "_shard")) {
          return; // another collection's
        }
        JsonNode index = core.getValue().get("index");
        urls.add(core.getKey() + " " + node + "/" + core.getKey());
        cores.put(core.getKey(), new long[] {index.get("numDocs").asLong(), index.get("sizeInBytes").asLong()});
      });
    }
    var n = Results.node();
    var list = n.putArray(prefix + "_cores");
    long docs = 0;
    long bytes = 0;
    for (var core : cores.entrySet()) {
      list.addObject().put("core", core.getKey()).put("docs", core.getValue()[0]).put("bytes", core.getValue()[1]);
      docs += core.getValue()[0];
      bytes += core.getValue()[1];
    }
    n.put(prefix + "_docs", docs);
    n.put(prefix + "_bytes", bytes);
    Results.put(out.resolve("results.json"), n);
    Files.write(out.resolve("cores-" + prefix + ".txt"), urls, StandardCharsets.UTF_8); // "CORE URL" a line
    System.out.printf("%s: %d core(s), %d documents, %d bytes%n", prefix, cores.size(), docs, bytes);
  }

  /**
   * /select of a collection made by {@code solr setup}, asking what the product's search asks: the classic parser,
   * AND by default, text as default field, filters as tagged fq with each facet dimension counted without its own
   * filter, 20 values per facet, the unified highlighter on offsets from the postings, score then id order,
   * cursorMark for deep pages. Field names come from the product's schema and configset.
   */
  static final class CloudSolr extends Load.Http {
    /** What a hit shows, as src/bench's Solr run asks for. */
    private static final String FIELDS = String.join(",", Schema.ID, Schema.EPISODE_ID, Schema.TURN, Schema.SPEAKER,
        Schema.SPEAKER_KEY, Schema.ROLE, Schema.PROGRAM, Schema.DATE, Schema.TITLE, Schema.URL, Schema.SOURCE,
        Schema.TOPIC, Schema.TEXT, "score");
    private final String collection;

    private final boolean distrib;

    /** {@code collection}: a collection's URL, or with {@code distrib} false one core's. */
    CloudSolr(String collection, boolean distrib) {
      this.collection = collection;
      this.distrib = distrib;
    }

    @Override
    String url(Op op, String cursor) {
      StringBuilder u = new StringBuilder(collection).append("/select?wt=json&defType=lucene&q.op=AND&sow=true")
          .append("&df=").append(Schema.TEXT).append("&rows=").append(Load.PAGE).append("&q=").append(Load.enc(op.q()))
          .append("&sort=").append(Load.enc("score desc," + Schema.ID + " asc"))
          .append("&fl=").append(Load.enc(FIELDS))
          .append("&facet=true&facet.limit=20&facet.mincount=1");
      for (String dimension : Schema.FACET_DIMENSIONS) {
        u.append("&facet.field=").append(Load.enc("{!ex=" + dimension + "}" + SolrConfigset.facetField(dimension)));
      }
      u.append("&hl=true&hl.method=unified&hl.fl=").append(Schema.TEXT)
          .append("&hl.snippets=2&hl.fragsize=240&hl.bs.type=SENTENCE&hl.fragsizeIsMinimum=false")
          .append("&hl.offsetSource=POSTINGS&hl.weightMatches=true&hl.encoder=html")
          .append("&hl.tag.pre=").append(Load.enc("<mark>")).append("&hl.tag.post=").append(Load.enc("</mark>"))
          .append("&hl.defaultSummary=true&hl.maxAnalyzedChars=2147483646");
      if (!op.speaker().isEmpty()) {
        u.append("&fq=").append(Load.enc(filter(Schema.FACET_SPEAKER, op.speakerKey())));
      }
      if (!op.topic().isEmpty()) {
        u.append("&fq=").append(Load.enc(filter(Schema.FACET_TOPIC, op.topic())));
      }
      if (!op.from().isEmpty()) {
        long from = LocalDate.parse(op.from()).toEpochDay();
        long to = LocalDate.parse(op.to()).toEpochDay();
        u.append("&fq=").append(Load.enc(Schema.DATE + ":[" + from + " TO " + to + "]"));
      }
      if (!distrib) {
        u.append("&distrib=false");
      }
      if (op.deepPages() > 0) {
        u.append("&cursorMark=").append(Load.enc(cursor == null ? "*" : cursor));
      }
      return u.toString();
    }

    private static String filter(String dimension, String value) {
      return "{!term f=" + SolrConfigset.facetField(dimension) + " tag=" + dimension + "}" + value;
    }

    @Override
    Load.Answer parse(JsonNode body) {
      List<String> ids = new ArrayList<>();
      body.get("response").get("docs").forEach(d -> ids.add(d.get(Schema.ID).asText()));
      JsonNode next = body.get("nextCursorMark");
      return new Load.Answer(body.get("response").get("numFound").asLong(), ids, next == null ? null : next.asText());
    }
  }
}
