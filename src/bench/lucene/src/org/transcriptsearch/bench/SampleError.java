package org.transcriptsearch.bench;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.transcriptsearch.bench.QueryMix.Op;
import org.transcriptsearch.index.TranscriptIndex;
import org.transcriptsearch.ingest.Pipeline;
import org.transcriptsearch.search.SearchService;

/**
 * How far the product's estimates fall from its own exact counts, in process, without Solr: {@code INDEX MIX N},
 * the first {@code N} distinct queries of {@code MIX} (first pages), each answered twice, with the product's sample
 * and with every hit counted (a sample size larger than any hit count), the results cache off. Prints the error of
 * the estimated totals and of the estimated facet values (program, topic, role: the values both answers list, the
 * error pooled over them as the benchmark's agreement with Solr pools it), and the CPU time of each way.
 */
final class SampleError {
  private SampleError() {}

  public static void main(String[] args) throws Exception {
    Path indexDir = Path.of(args[0]);
    List<Op> mix = new ArrayList<>(new LinkedHashSet<>(QueryMix.read(Path.of(args[1]))));
    int n = Math.min(mix.size(), Integer.parseInt(args[2]));
    var threads = java.lang.management.ManagementFactory.getThreadMXBean();
    try (TranscriptIndex index = TranscriptIndex.openReadOnly(indexDir, Pipeline.standard().schema())) {
      SearchService sampled = uncached(new SearchService(index));
      Method exactly = SearchService.class.getDeclaredMethod("withFacetSample", int.class);
      exactly.setAccessible(true);
      Load.InProcess estimate = new Load.InProcess(sampled);
      Load.InProcess exact = new Load.InProcess((SearchService) exactly.invoke(sampled, Integer.MAX_VALUE / 4));
      int totals = 0;
      double totalSum = 0;
      double totalMax = 0;
      int queries = 0;
      int values = 0;
      double errorSum = 0;
      double errorMax = 0;
      long estimateNs = 0;
      long exactNs = 0;
      for (Op op : mix.subList(0, n)) {
        long t0 = threads.getCurrentThreadCpuTime();
        Load.Answer ours = estimate.run(op, null, true);
        long t1 = threads.getCurrentThreadCpuTime();
        Load.Answer truth = exact.run(op, null, true);
        estimateNs += t1 - t0;
        exactNs += threads.getCurrentThreadCpuTime() - t1;
        Set<String> approximate = new LinkedHashSet<>(List.of(ours.approximate().split(",")));
        if (approximate.remove(Load.Answer.ESTIMATED_TOTAL)) {
          double err = Math.abs(ours.total() - truth.total()) / (double) Math.max(1, truth.total());
          totals++;
          totalSum += err;
          totalMax = Math.max(totalMax, err);
        }
        approximate.remove("");
        if (approximate.isEmpty()) {
          continue;
        }
        queries++;
        Map<String, Long> mine = counts(ours.facets());
        Map<String, Long> theirs = counts(truth.facets());
        for (Map.Entry<String, Long> e : mine.entrySet()) {
          Long count = theirs.get(e.getKey());
          if (approximate.contains(e.getKey().substring(0, e.getKey().indexOf(':'))) && count != null && count > 0) {
            double err = Math.abs(e.getValue() - count) / (double) count;
            values++;
            errorSum += err;
            errorMax = Math.max(errorMax, err);
          }
        }
      }
      System.out.printf("sample-error: %d queries; %d estimated totals, error mean %.2f%%, largest %.2f%%;"
              + " %d queries with estimated facets, %d values, error mean %.2f%%, largest %.2f%%;"
              + " CPU per search %.2f ms sampled, %.2f ms counting every hit%n",
          n, totals, 100 * totalSum / Math.max(1, totals), 100 * totalMax, queries, values,
          100 * errorSum / Math.max(1, values), 100 * errorMax, estimateNs / 1e6 / n, exactNs / 1e6 / n);
    }
  }

  private static Map<String, Long> counts(String facets) {
    Map<String, Long> out = new LinkedHashMap<>();
    if (!facets.isEmpty()) {
      for (String entry : facets.split("\\|")) {
        int eq = entry.lastIndexOf('=');
        out.put(entry.substring(0, eq), Long.parseLong(entry.substring(eq + 1)));
      }
    }
    return out;
  }

  private static SearchService uncached(SearchService search) throws Exception {
    Method off = SearchService.class.getDeclaredMethod("withResultsCache", int.class);
    off.setAccessible(true);
    return (SearchService) off.invoke(search, 0);
  }
}
