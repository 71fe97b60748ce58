package org.transcriptsearch.search;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.transcriptsearch.index.Schema;
import org.transcriptsearch.search.Results.FacetValue;

/**
 * What a search keeps of counting one set of hits: how many there are, the top values of every facet dimension (by
 * key, as counted: speakers are named when answered) and whether those counts are estimates from a sample. Small
 * (the values of four dimensions), so the results cache keeps many more of these than answers.
 *
 * @param total every hit: exact when {@code totalExact}, else estimated from a sample
 * @param totalExact whether {@code total} is exact
 * @param found the hits seen: {@code total} when exact, else a lower bound of it
 * @param estimated whether the counts come from a sample of the hits
 * @param top each dimension's values with the highest counts, most first; empty for a dimension no hit has
 */
record CountedFacets(
    long total, boolean totalExact, long found, boolean estimated, Map<String, List<FacetValue>> top) {
  CountedFacets {
    top = Map.copyOf(top);
  }

  /** The top {@code size} values of every dimension of {@code sample}. */
  static CountedFacets of(FacetSample sample, int size) throws IOException {
    Map<String, List<FacetValue>> top = new LinkedHashMap<>();
    for (String dim : Schema.FACET_DIMENSIONS) {
      top.put(dim, List.copyOf(SearchService.values(sample.top(size, dim))));
    }
    return new CountedFacets(sample.total(), sample.totalExact(), sample.found(), sample.estimated(), top);
  }

  /** The top values of {@code dim}, most first. */
  List<FacetValue> values(String dim) {
    return top.getOrDefault(dim, List.of());
  }
}
