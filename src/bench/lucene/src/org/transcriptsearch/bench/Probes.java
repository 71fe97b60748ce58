package org.transcriptsearch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.transcriptsearch.search.SearchService;

/**
 * What the load step reads beside latencies: how often the system's results cache answered, and the CPU time of
 * the load client's own JVM and of the server's process, each before and after a run (the differences are the run's).
 */
final class Probes {
  private Probes() {}

  /** A result cache's counters so far: searches answered from it, and searches looked up in it. */
  record Cache(long hits, long lookups) {
    Cache minus(Cache earlier) {
      return new Cache(hits - earlier.hits, lookups - earlier.lookups);
    }

    double rate() {
      return lookups == 0 ? Double.NaN : (double) hits / lookups;
    }
  }

  /** Reads a system's cache counters; null counters when the system does not say. */
  interface CacheReader {
    Cache read() throws Exception;
  }

  /** The in-process service's results cache. */
  static CacheReader inProcess(SearchService search) {
    return () -> {
      var s = search.resultsCache();
      return new Cache(s.hits(), s.hits() + s.misses());
    };
  }

  /** transcript-search's results cache, from /api/health. */
  static CacheReader product(String base) {
    return () -> {
      JsonNode c = get(base + "/api/health").get("resultsCache");
      return c == null ? null : new Cache(c.get("hits").asLong(), c.get("hits").asLong() + c.get("misses").asLong());
    };
  }

  /** The in-process service's kept facet counts: of the searches worked out, those whose hits were counted before. */
  static CacheReader inProcessCounts(SearchService search) {
    return () -> {
      var s = search.resultsCache();
      return new Cache(s.countHits(), s.countHits() + s.countMisses());
    };
  }

  /** transcript-search's kept facet counts, from /api/health; null from a build that keeps none. */
  static CacheReader productCounts(String base) {
    return () -> {
      JsonNode c = get(base + "/api/health").get("resultsCache");
      return c == null || !c.has("countHits") ? null
          : new Cache(c.get("countHits").asLong(), c.get("countHits").asLong() + c.get("countMisses").asLong());
    };
  }

  /** Solr's cache {@code name} (queryResultCache, filterCache), from its metrics API; {@code core} is the core's URL. */
  static CacheReader solr(String core, String name) {
    String base = core.substring(0, core.lastIndexOf('/'));
    return () -> {
      JsonNode metrics = get(base + "/admin/metrics?wt=json&group=core&prefix=CACHE.searcher." + name).get("metrics");
      JsonNode c = metrics.elements().next().get("CACHE.searcher." + name);
      return new Cache(c.get("cumulative_hits").asLong(), c.get("cumulative_lookups").asLong());
    };
  }

  /** The counters, or null when they cannot be read (the report says "-"): a failed probe never stops a run. */
  static Cache read(CacheReader reader) {
    try {
      return reader == null ? null : reader.read();
    } catch (Exception e) {
      System.err.println("cache counters not read: " + e);
      return null;
    }
  }

  /** CPU time of this JVM so far, ns. */
  static long ownCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  /** CPU time (user + system) of process {@code pid} so far, ns, from /proc; -1 when unknown. */
  static long processCpuNanos(long pid) {
    if (pid <= 0) {
      return -1;
    }
    try {
      return ticks(Path.of("/proc/" + pid + "/stat")) * 10_000_000L; // USER_HZ is 100 on Linux
    } catch (Exception e) {
      return -1;
    }
  }

  /** The user and system CPU ticks in a process's or thread's {@code stat} file (its fields 14 and 15). */
  private static long ticks(Path stat) throws java.io.IOException {
    String line = Files.readString(stat, StandardCharsets.US_ASCII);
    String[] f = line.substring(line.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(f[11]) + Long.parseLong(f[12]);
  }

  /**
   * The CPU time of the JIT compiler threads of the JVM {@code pid} (named "C1 CompilerThread..." and "C2
   * CompilerThread..."; a thread that ended is not counted), or -1 when it cannot be read.
   */
  static long compilerCpuNanos(long pid) {
    if (pid <= 0) {
      return -1;
    }
    try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
      long ticks = 0;
      for (Path task : (Iterable<Path>) tasks::iterator) {
        try {
          if (!Files.readString(task.resolve("comm"), StandardCharsets.US_ASCII).contains("CompilerThre")) {
            continue;
          }
          ticks += ticks(task.resolve("stat"));
        } catch (java.io.IOException e) {
          // the thread ended meanwhile
        }
      }
      return ticks * 10_000_000L;
    } catch (Exception e) {
      return -1;
    }
  }

  private static JsonNode get(String url) throws Exception {
    HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
    c.setConnectTimeout(5_000);
    c.setReadTimeout(30_000);
    try (InputStream in = c.getInputStream()) {
      return Results.JSON.readTree(in.readAllBytes());
    }
  }
}
