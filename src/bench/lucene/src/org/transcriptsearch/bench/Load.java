package org.transcriptsearch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.transcriptsearch.bench.QueryMix.Op;
import org.transcriptsearch.index.TranscriptIndex;
import org.transcriptsearch.ingest.Pipeline;
import org.transcriptsearch.model.Json;
import org.transcriptsearch.search.SearchRequest;
import org.transcriptsearch.search.SearchService;

/**
 * Runs the query mixes against one system, the fixed mix and then the realistic one ({@link RealisticMix}): for each,
 * first every distinct query once (of the realistic mix, a sample), answers kept for the agreement check; then a
 * warm-up; then a bounded number of requests (and at most a bounded time) at concurrency 1 and at 8, each over the
 * next stretch of the mix's stream, each latency recorded, with the hit rate of the system's results cache and the
 * CPU time of the client and of the server over each run.
 *
 * <p>Systems: {@code inprocess} (the product's SearchService called in this JVM: the same parsed queries, filters,
 * facets, highlighting, cursors and results cache as the server, and the answer serialised to JSON with the
 * product's mapper into a discarding stream, since the JSON is part of the product's answer; minus HTTP),
 * {@code product} (GET /api/search of a
 * running {@code serve}), {@code solr} (GET /select of a running Solr with the equivalent parameters).
 */
final class Load {
  static final int PAGE = 10;
  static final int WARM = Integer.getInteger("bench.warm", 400);
  /** The warm-up's further stretches, each of this many requests, while the JIT is not yet quiet. */
  static final int WARM_CHUNK = Integer.getInteger("bench.warmChunk", 1000);
  /** The most requests the warm-up of a mix repeated by design (the fixed mix) takes. */
  static final int WARM_MAX = Integer.getInteger("bench.warmMax", 20_000);
  /** Quiet: the JIT compilers' CPU over a stretch at most this share of its wall time (of one core). */
  static final double WARM_QUIET = Double.parseDouble(System.getProperty("bench.warmQuiet", "0.10"));
  static final int REQUESTS_C1 = Integer.getInteger("bench.requests1", 400);
  static final int REQUESTS_C8 = Integer.getInteger("bench.requests8", 1200);
  static final long MAX_SECONDS = Long.getLong("bench.maxSeconds", 90);
  /** How many distinct queries of the realistic mix the agreement check compares (all of the fixed mix's). */
  static final int AGREEMENT_SAMPLE = Integer.getInteger("bench.agreementSample", 300);
  /** The in-process results cache's size when set (as {@code serve --results-cache}); the product's default if not. */
  static final int RESULTS_CACHE = Integer.getInteger("bench.resultsCache", -1);

  /** The facet dimensions compared with Solr's (speakers are keys in Solr and display names in the product). */
  static final List<String> FACETS = List.of("program", "topic", "role");

  /**
   * What the agreement check compares: the total, the page's ids, the counts of {@link #FACETS} ("dim:label=count"
   * joined by "|") and the dimensions the system says it estimated ("," joined; Solr's counts are exact).
   */
  record Answer(long total, List<String> ids, String next, String facets, String approximate) {
    /**
     * Listed first among the approximate dimensions when the total is an estimate from a sample ("gte" with an
     * {@code estimatedTotal}): the answer's total is then that estimate, compared with Solr's exact count.
     */
    static final String ESTIMATED_TOTAL = "total";

    /**
     * Listed among the approximate dimensions when nothing had every required word and the answer lists the hits
     * that have most of them, flagged {@code partial}: its total counts those, where Solr's counts the hits with every
     * word (none).
     */
    static final String PARTIAL = "partial";

    Answer(long total, List<String> ids, String next) {
      this(total, ids, next, "", "");
    }
  }

  /** "dim:label=count|..." of the given counts, in the order given. */
  static String facets(Map<String, List<Map.Entry<String, Long>>> byDim) {
    List<String> out = new ArrayList<>();
    for (String dim : FACETS) {
      for (Map.Entry<String, Long> e : byDim.getOrDefault(dim, List.of())) {
        out.add(dim + ":" + e.getKey().replace("|", "/") + "=" + e.getValue());
      }
    }
    return String.join("|", out);
  }

  /** One system under load. */
  interface Target {
    /** Runs {@code op} (from {@code cursor} when not null); parses the answer only when {@code parse}. */
    Answer run(Op op, String cursor, boolean parse) throws Exception;
  }

  private Load() {}

  /**
   * {@code SYSTEM TARGET FIXED_MIX REALISTIC_MIX OUT}: the fixed mix, then the realistic one, against one system;
   * the realistic mix's figures take the plain keys ({@code product_c8_qps}), the fixed mix's are prefixed
   * {@code fixed_}. {@code -Dbench.serverPid} names the server's process, whose CPU time is then measured too.
   */
  public static void main(String[] args) throws Exception {
    // Keep a connection alive per client thread (the JDK keeps 5 per host by default).
    System.setProperty("http.maxConnections", "64");
    String system = args[0];
    String where = args[1];
    List<Op> fixed = QueryMix.read(Path.of(args[2]));
    List<Op> realistic = QueryMix.read(Path.of(args[3]));
    Path outDir = Path.of(args[4]);
    Path result = outDir.resolve("results.json");
    TranscriptIndex index = null;
    Target target;
    Probes.CacheReader cache;
    Probes.CacheReader filterCache = null;
    long openStart = System.nanoTime();
    switch (system) {
      case "inprocess" -> {
        index = TranscriptIndex.openReadOnly(Path.of(where), Pipeline.standard().schema());
        SearchService search = new SearchService(index);
        if (RESULTS_CACHE >= 0) {
          search = search.withResultsCache(RESULTS_CACHE);
        }
        target = new InProcess(search);
        cache = Probes.inProcess(search);
        filterCache = Probes.inProcessCounts(search);
      }
      case "product" -> {
        target = new Product(where);
        cache = Probes.product(where);
        filterCache = Probes.productCounts(where);
      }
      case "solr" -> {
        target = new Solr(where);
        cache = Probes.solr(where, "queryResultCache");
        filterCache = Probes.solr(where, "filterCache");
      }
      default -> throw new IllegalArgumentException("unknown system " + system);
    }
    if (system.equals("inprocess")) {
      target.run(fixed.get(0), null, true);
      var n = Results.node();
      n.put("inprocess_first_answer_ms", (System.nanoTime() - openStart) / 1_000_000);
      Results.put(result, n);
    }
    Probes.CacheReader filters = filterCache;
    Measure measure = new Measure(system, target, cache, filters, Long.getLong("bench.serverPid", -1));
    Results.put(result, measure.mix("fixed_", fixed, fixed.size(), outDir.resolve("answers-" + system + ".tsv")));
    Results.put(result, measure.mix("", realistic, AGREEMENT_SAMPLE,
        outDir.resolve("answers-realistic-" + system + ".tsv")));
    if (index != null) {
      index.close();
    }
  }

  /** One system's runs of a mix: cursor walks and agreement answers, a warm-up, then concurrency 1 and 8. */
  record Measure(String system, Target target, Probes.CacheReader cache, Probes.CacheReader filterCache,
      long serverPid) {
    /**
     * Runs {@code stream}: each distinct query once for the agreement check (the first {@code sample} of them),
     * then the warm-up and the measured runs, each over its own stretch of the stream (so a measured request is not
     * a repeat of the warm-up's request at the same place), and returns the figures under {@code prefix}.
     */
    com.fasterxml.jackson.databind.node.ObjectNode mix(String prefix, List<Op> stream, int sample, Path answersFile)
        throws Exception {
      List<Op> distinct = new ArrayList<>(new java.util.LinkedHashSet<>(stream));
      // Deep pages: walk the cursor (untimed) and keep the one the measured request starts from.
      Map<Op, String> cursors = new HashMap<>();
      for (Op op : distinct) {
        String cursor = null;
        for (int p = 0; p < op.deepPages(); p++) {
          Answer a = target.run(op, cursor, true);
          if (a.next() == null) {
            break;
          }
          cursor = a.next();
        }
        if (cursor != null) {
          cursors.put(op, cursor);
        }
      }
      List<String> answers = new ArrayList<>();
      for (Op op : distinct.subList(0, Math.min(sample, distinct.size()))) {
        Answer a = target.run(op, cursors.get(op), true);
        answers.add(String.join("\t", op.kind(), op.q(), op.speaker() + op.topic() + op.from(),
            Long.toString(a.total()), String.join(",", a.ids()), a.facets(), a.approximate()));
      }
      Files.write(answersFile, answers, StandardCharsets.UTF_8);

      var n = Results.node();
      int offset = warmUp(stream, cursors, n, prefix + system);
      n.put(prefix + system + "_distinct", distinct.size());
      for (int c : new int[] {1, 8}) {
        int count = c == 1 ? REQUESTS_C1 : REQUESTS_C8;
        Probes.Cache cacheBefore = Probes.read(cache);
        Probes.Cache filtersBefore = Probes.read(filterCache);
        long clientCpu = Probes.ownCpuNanos();
        long serverCpu = Probes.processCpuNanos(serverPid);
        long[] stats = run(target, stream, cursors, c, count, offset);
        clientCpu = Probes.ownCpuNanos() - clientCpu;
        serverCpu = serverCpu < 0 ? -1 : Probes.processCpuNanos(serverPid) - serverCpu;
        offset += count;
        double seconds = stats[stats.length - 1] / 1e9;
        long[] lat = Arrays.copyOf(stats, stats.length - 1);
        Arrays.sort(lat);
        double p50 = percentile(lat, 0.50) / 1e6;
        double p99 = percentile(lat, 0.99) / 1e6;
        double qps = lat.length / seconds;
        String key = prefix + system + "_c" + c;
        Probes.Cache hits = delta(Probes.read(cache), cacheBefore);
        Probes.Cache filterHits = delta(Probes.read(filterCache), filtersBefore);
        System.out.printf("%s%s c=%d: %d requests in %.1f s, %.1f q/s, p50 %.2f ms, p99 %.2f ms, cache hits %s"
                + " (filters or counts %s), client CPU %.2f ms/request, server CPU %s ms/request%n",
            prefix, system, c, lat.length, seconds, qps, p50, p99, hits == null ? "-" : fmtRate(hits.rate()),
            filterHits == null ? "-" : fmtRate(filterHits.rate()),
            clientCpu / 1e6 / lat.length, serverCpu < 0 ? "-" : String.format("%.2f", serverCpu / 1e6 / lat.length));
        n.put(key + "_p50_ms", p50);
        n.put(key + "_p99_ms", p99);
        n.put(key + "_qps", qps);
        n.put(key + "_requests", lat.length);
        n.put(key + "_client_cpu_ms", clientCpu / 1e6 / lat.length);
        if (serverCpu >= 0) {
          n.put(key + "_server_cpu_ms", serverCpu / 1e6 / lat.length);
        }
        if (hits != null) {
          n.put(key + "_cache_hit_rate", hits.rate());
        }
        if (filterHits != null) {
          n.put(key + "_filter_cache_hit_rate", filterHits.rate());
        }
      }
      return n;
    }

    /**
     * The warm-up, not recorded: {@link #WARM} requests at concurrency 8, then stretches of {@link #WARM_CHUNK} more
     * while the system's JIT compilers still took more than {@link #WARM_QUIET} of the stretch's time. Measured, not
     * assumed: at 3.2M utterances, after 5,000 requests, the server's compilers used 4.0 s of CPU over a run whose 1,000
     * searches took 4.4 s, so a short fixed warm-up timed part of the JIT's work, and more of it for the server (more code)
     * than in process. Stops where the stream left would not hold the measured runs (a mix repeated by design: at
     * {@link #WARM_MAX}). Records the requests it took and the compilers' share of the last stretch; returns the
     * requests (the measured runs' offset in the stream).
     */
    private int warmUp(List<Op> stream, Map<Op, String> cursors, com.fasterxml.jackson.databind.node.ObjectNode n,
        String key) throws Exception {
      long pid = system.equals("inprocess") ? ProcessHandle.current().pid() : serverPid;
      // A stream shorter than the runs (the fixed mix) is repeated by design; a longer one is not gone round.
      int limit = stream.size() < WARM + REQUESTS_C1 + REQUESTS_C8
          ? WARM_MAX
          : Math.max(WARM, stream.size() - REQUESTS_C1 - REQUESTS_C8);
      int done = 0;
      double share = Double.NaN;
      for (int count = WARM; count > 0; count = Math.min(WARM_CHUNK, limit - done)) {
        long jit = Probes.compilerCpuNanos(pid);
        long[] stats = run(target, stream, cursors, 8, count, done);
        done += count;
        long elapsed = stats[stats.length - 1];
        share = jit < 0 ? Double.NaN : (Probes.compilerCpuNanos(pid) - jit) / (double) elapsed;
        if (!(share > WARM_QUIET)) {
          break; // quiet, or not measurable (no server process to read)
        }
      }
      System.out.printf("%s warm-up: %d requests, the JIT's share of the last stretch %s%n", key, done,
          Double.isNaN(share) ? "-" : String.format("%.1f%%", 100 * share));
      n.put(key + "_warm_requests", done);
      n.put(key + "_warm_jit_share", share);
      return done;
    }

    private static Probes.Cache delta(Probes.Cache after, Probes.Cache before) {
      return after == null || before == null ? null : after.minus(before);
    }

    private static String fmtRate(double rate) {
      return Double.isNaN(rate) ? "-" : String.format("%.1f%%", 100 * rate);
    }
  }

  /**
   * Latencies (ns) of the requests done, then the elapsed ns; bounded by {@code count} and by MAX_SECONDS. Request
   * {@code i} is the stream's query at {@code offset + i} (round the stream's end).
   */
  static long[] run(Target target, List<Op> stream, Map<Op, String> cursors, int concurrency, int count, int offset)
      throws Exception {
    long[] lat = new long[count];
    AtomicInteger next = new AtomicInteger();
    AtomicInteger done = new AtomicInteger();
    long start = System.nanoTime();
    long deadline = start + MAX_SECONDS * 1_000_000_000L;
    ExecutorService pool = Executors.newFixedThreadPool(concurrency);
    List<Future<?>> workers = new ArrayList<>();
    for (int w = 0; w < concurrency; w++) {
      workers.add(pool.submit(() -> {
        for (int i = next.getAndIncrement(); i < count && System.nanoTime() < deadline; i = next.getAndIncrement()) {
          Op op = stream.get((offset + i) % stream.size());
          long t0 = System.nanoTime();
          target.run(op, cursors.get(op), false);
          lat[i] = System.nanoTime() - t0;
          done.incrementAndGet();
        }
        return null;
      }));
    }
    for (Future<?> f : workers) {
      f.get();
    }
    long elapsed = System.nanoTime() - start;
    pool.shutdown();
    long[] out = Arrays.copyOf(Arrays.stream(lat).filter(x -> x > 0).toArray(), done.get() + 1);
    out[out.length - 1] = elapsed;
    return out;
  }

  static double percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int i = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** The product's search service in this JVM. */
  record InProcess(SearchService search) implements Target {
    @Override
    public Answer run(Op op, String cursor, boolean parse) throws Exception {
      SearchRequest.Builder b = SearchRequest.builder().query(op.q()).size(PAGE).cursor(cursor);
      if (!op.speaker().isEmpty()) {
        b.speakers(List.of(op.speaker()));
      }
      if (!op.topic().isEmpty()) {
        b.topics(List.of(op.topic()));
      }
      if (!op.from().isEmpty()) {
        b.from(LocalDate.parse(op.from())).to(LocalDate.parse(op.to()));
      }
      var r = search.search(b.build());
      // The answer as the server sends it: serialising is part of the product's answer (see Load's comment).
      Json.mapper().writeValue(OutputStream.nullOutputStream(), r);
      if (!parse) {
        return null; // as the HTTP targets: the agreement's summary is made only when it is asked for
      }
      Map<String, List<Map.Entry<String, Long>>> counts = new HashMap<>();
      r.facets().forEach((dim, values) ->
          counts.put(dim, values.stream().map(v -> Map.entry(v.value(), v.count())).toList()));
      List<String> approximate = new ArrayList<>(r.approximateFacets());
      if (r.estimatedTotal() != null) {
        approximate.add(0, Answer.ESTIMATED_TOTAL);
      }
      if (r.partial()) {
        approximate.add(0, Answer.PARTIAL);
      }
      return new Answer(r.estimatedTotal() != null ? r.estimatedTotal() : r.total(),
          r.hits().stream().map(h -> h.id()).toList(), r.nextCursor(), facets(counts), String.join(",", approximate));
    }
  }

  /**
   * A client of an HTTP server; parses JSON only for the agreement check and the cursor walk. By default each
   * worker thread makes blocking requests over kept-alive connections (HttpURLConnection); with
   * {@code -Dbench.client=jdk} it uses java.net.http.HttpClient, whose selector thread and asynchronous hand-offs
   * cost the client about 1 ms of CPU per request at concurrency 1 on 2 cores (measured against the same server;
   * see FINDINGS.md) and so add the client's cost to every server's latency.
   */
  abstract static class Http implements Target {
    static final boolean JDK_HTTP_CLIENT = "jdk".equals(System.getProperty("bench.client"));

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();

    abstract String url(Op op, String cursor);

    abstract Answer parse(JsonNode body);

    @Override
    public Answer run(Op op, String cursor, boolean parse) throws Exception {
      if (!JDK_HTTP_CLIENT) {
        HttpURLConnection c = (HttpURLConnection) URI.create(url(op, cursor)).toURL().openConnection();
        c.setConnectTimeout(5_000);
        c.setReadTimeout(60_000);
        int status = c.getResponseCode();
        byte[] body;
        try (InputStream in = status == 200 ? c.getInputStream() : c.getErrorStream()) {
          body = in == null ? new byte[0] : in.readAllBytes();
        }
        if (status != 200) {
          throw new IllegalStateException(status + " from " + c.getURL() + ": " + new String(body, StandardCharsets.UTF_8));
        }
        return parse ? parse(Results.JSON.readTree(body)) : null;
      }
      HttpRequest request = HttpRequest.newBuilder(URI.create(url(op, cursor))).timeout(Duration.ofSeconds(60)).build();
      HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(response.statusCode() + " from " + request.uri() + ": "
            + new String(response.body(), StandardCharsets.UTF_8));
      }
      return parse ? parse(Results.JSON.readTree(response.body())) : null;
    }
  }

  /** transcript-search's GET /api/search. */
  static final class Product extends Http {
    private final String base;

    Product(String base) {
      this.base = base;
    }

    @Override
    String url(Op op, String cursor) {
      StringBuilder u = new StringBuilder(base).append("/api/search?size=").append(PAGE).append("&q=").append(enc(op.q()));
      if (!op.speaker().isEmpty()) {
        u.append("&speaker=").append(enc(op.speaker()));
      }
      if (!op.topic().isEmpty()) {
        u.append("&topic=").append(enc(op.topic()));
      }
      if (!op.from().isEmpty()) {
        u.append("&from=").append(op.from()).append("&to=").append(op.to());
      }
      if (cursor != null) {
        u.append("&cursor=").append(enc(cursor));
      }
      return u.toString();
    }

    @Override
    Answer parse(JsonNode body) {
      List<String> ids = new ArrayList<>();
      body.get("hits").forEach(h -> ids.add(h.get("id").asText()));
      JsonNode next = body.get("nextCursor");
      Map<String, List<Map.Entry<String, Long>>> counts = new HashMap<>();
      body.get("facets").fields().forEachRemaining(dim -> {
        List<Map.Entry<String, Long>> values = new ArrayList<>();
        dim.getValue().forEach(v -> values.add(Map.entry(v.get("value").asText(), v.get("count").asLong())));
        counts.put(dim.getKey(), values);
      });
      List<String> approximate = new ArrayList<>();
      JsonNode estimated = body.get("estimatedTotal");
      if (estimated != null && !estimated.isNull()) {
        approximate.add(Answer.ESTIMATED_TOTAL);
      }
      if (body.path("partial").asBoolean(false)) {
        approximate.add(0, Answer.PARTIAL);
      }
      JsonNode flagged = body.get("approximateFacets");
      if (flagged != null) {
        flagged.forEach(d -> approximate.add(d.asText()));
      }
      long total = estimated != null && !estimated.isNull() ? estimated.asLong() : body.get("total").asLong();
      return new Answer(total, ids, next == null || next.isNull() ? null : next.asText(), facets(counts),
          String.join(",", approximate));
    }
  }

  /**
   * Solr's /select with what the product does: the classic parser, AND by default, the text field by default;
   * filters as tagged fq so each facet dimension is counted without its own filter (drill-sideways, as the
   * product); 20 values per facet; the unified highlighter with offsets from the postings, 2 passages of about 240
   * characters on sentence boundaries, {@code <mark>}, HTML-escaped; sorted by score then id; cursorMark for deep
   * pages.
   */
  static final class Solr extends Http {
    private final String core;

    Solr(String core) {
      this.core = core;
    }

    @Override
    String url(Op op, String cursor) {
      StringBuilder u = new StringBuilder(core).append("/select?wt=json&defType=lucene&q.op=AND&df=text&sow=true")
          .append("&rows=").append(PAGE).append("&q=").append(enc(op.q()))
          .append("&sort=").append(enc("score desc,id asc"))
          .append("&fl=").append(enc("id,episode_id,turn,speaker_name,speaker_key,role,program,date,title,url,source,topic,text,score"))
          .append("&facet=true&facet.limit=20&facet.mincount=1")
          .append("&facet.field=").append(enc("{!ex=speaker}speaker_key"))
          .append("&facet.field=").append(enc("{!ex=program}program_s"))
          .append("&facet.field=").append(enc("{!ex=topic}topic_s"))
          .append("&facet.field=").append(enc("{!ex=role}role_s"))
          .append("&hl=true&hl.method=unified&hl.fl=text&hl.snippets=2&hl.fragsize=240&hl.bs.type=SENTENCE")
          .append("&hl.fragsizeIsMinimum=false&hl.offsetSource=POSTINGS&hl.weightMatches=true&hl.encoder=html")
          .append("&hl.tag.pre=").append(enc("<mark>")).append("&hl.tag.post=").append(enc("</mark>"))
          .append("&hl.defaultSummary=true&hl.maxAnalyzedChars=2147483646");
      if (!op.speaker().isEmpty()) {
        u.append("&fq=").append(enc("{!term f=speaker_key tag=speaker}" + op.speakerKey()));
      }
      if (!op.topic().isEmpty()) {
        u.append("&fq=").append(enc("{!term f=topic_s tag=topic}" + op.topic()));
      }
      if (!op.from().isEmpty()) {
        u.append("&fq=").append(enc("date:[" + op.from() + "T00:00:00Z TO " + op.to() + "T00:00:00Z]"));
      }
      if (op.deepPages() > 0) {
        u.append("&cursorMark=").append(enc(cursor == null ? "*" : cursor));
      }
      return u.toString();
    }

    @Override
    Answer parse(JsonNode body) {
      List<String> ids = new ArrayList<>();
      body.get("response").get("docs").forEach(d -> ids.add(d.get("id").asText()));
      JsonNode next = body.get("nextCursorMark");
      Map<String, List<Map.Entry<String, Long>>> counts = new HashMap<>();
      JsonNode fields = body.get("facet_counts").get("facet_fields");
      for (String dim : FACETS) {
        List<Map.Entry<String, Long>> values = new ArrayList<>();
        JsonNode pairs = fields.get(dim + "_s");
        for (int i = 0; pairs != null && i + 1 < pairs.size(); i += 2) {
          values.add(Map.entry(pairs.get(i).asText(), pairs.get(i + 1).asLong()));
        }
        counts.put(dim, values);
      }
      return new Answer(body.get("response").get("numFound").asLong(), ids, next == null ? null : next.asText(),
          facets(counts), "");
    }
  }
}
