package org.transcriptsearch.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.transcriptsearch.bench.QueryMix.Op;
import org.transcriptsearch.index.TranscriptIndex;
import org.transcriptsearch.ingest.Pipeline;
import org.transcriptsearch.search.SearchService;

/**
 * The CPU time one search costs in process, per kind of query of the mix: for measuring one change against another
 * on a busy machine, where wall-clock latency mostly measures the other processes. One thread, the results cache off
 * (when the product has one), every query's first page, {@code WARM} rounds of the mix and then {@code ROUNDS}
 * measured, each request's thread CPU time recorded.
 *
 * <p>Beside the calling thread's CPU time, each request's wall time and the process's CPU time over the measured
 * rounds: a searcher that searches segments on other threads moves CPU time off the calling thread. An optional
 * fifth argument {@code CLIENTS} runs the measured rounds on that many threads at once (the throughput figure).
 * With {@code -Dbench.writable=true} the index is opened with a writer, as {@code serve} opens it.
 */
final class Cpu {
  private Cpu() {}

  public static void main(String[] args) throws Exception {
    Path indexDir = Path.of(args[0]);
    List<Op> mix = QueryMix.read(Path.of(args[1]));
    int rounds = Integer.parseInt(args[2]);
    int warm = Integer.parseInt(args[3]);
    int clients = args.length > 4 ? Integer.parseInt(args[4]) : 1;
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    try (TranscriptIndex index = Boolean.getBoolean("bench.writable")
        ? TranscriptIndex.openWritable(indexDir, Pipeline.standard().schema())
        : TranscriptIndex.openReadOnly(indexDir, Pipeline.standard().schema())) {
      Load.InProcess target = new Load.InProcess(uncached(new SearchService(index)));
      for (int r = 0; r < warm; r++) {
        for (Op op : mix) {
          target.run(op, null, false);
        }
      }
      Map<String, List<Long>> byKind = new LinkedHashMap<>();
      List<Long> all = new ArrayList<>();
      List<Long> walls = new ArrayList<>();
      var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
      long process = os.getProcessCpuTime();
      long wall = System.nanoTime();
      List<Thread> workers = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        workers.add(Thread.ofPlatform().start(() -> {
          try {
            for (int r = 0; r < rounds; r++) {
              for (Op op : mix) {
                long w0 = System.nanoTime();
                long t0 = threads.getCurrentThreadCpuTime();
                target.run(op, null, false);
                long ns = threads.getCurrentThreadCpuTime() - t0;
                long w = System.nanoTime() - w0;
                synchronized (all) {
                  byKind.computeIfAbsent(op.kind(), k -> new ArrayList<>()).add(ns);
                  all.add(ns);
                  walls.add(w);
                }
              }
            }
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        }));
      }
      for (Thread t : workers) {
        t.join();
      }
      wall = System.nanoTime() - wall;
      process = os.getProcessCpuTime() - process;
      byKind.forEach((kind, ns) -> System.out.printf("cpu %s: mean %.2f ms, p50 %.2f ms (%d requests)%n",
          kind, mean(ns), p50(ns), ns.size()));
      System.out.printf("cpu all: mean %.2f ms, p50 %.2f ms (%d requests; wall %.1f s)%n",
          mean(all), p50(all), all.size(), wall / 1e9);
      System.out.printf("wall all: mean %.2f ms, p50 %.2f ms; process CPU %.2f ms per search; %.1f searches/s"
          + " (%d clients)%n", mean(walls), p50(walls), process / 1e6 / all.size(), all.size() / (wall / 1e9), clients);
    }
  }

  /** The service with its results cache off, where it has one (older builds have none). */
  private static SearchService uncached(SearchService search) throws Exception {
    try {
      Method off = SearchService.class.getDeclaredMethod("withResultsCache", int.class);
      off.setAccessible(true);
      return (SearchService) off.invoke(search, 0);
    } catch (NoSuchMethodException e) {
      return search;
    }
  }

  private static double mean(List<Long> ns) {
    return ns.stream().mapToLong(Long::longValue).average().orElse(Double.NaN) / 1e6;
  }

  private static double p50(List<Long> ns) {
    long[] sorted = ns.stream().mapToLong(Long::longValue).toArray();
    Arrays.sort(sorted);
    return Load.percentile(sorted, 0.5) / 1e6;
  }
}
