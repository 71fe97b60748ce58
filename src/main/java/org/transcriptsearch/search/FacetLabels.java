package org.transcriptsearch.search;

import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.SortedSetDocValues;

/**
 * Resolves what a person types in a filter ("kelemen", "all things considered") to the exact facet values in the
 * index ("Michele Kelemen", "All Things Considered"), so filters and facets speak the same language.
 */
final class FacetLabels {
  private FacetLabels() {}

  /** Every value of dimension {@code dim}, in index order; empty when the index has none. */
  static List<String> of(SortedSetDocValuesReaderState state, String dim) throws IOException {
    if (state == null) {
      return List.of();
    }
    SortedSetDocValuesReaderState.OrdRange range = state.getOrdRange(dim);
    if (range == null) {
      return List.of();
    }
    SortedSetDocValues values = state.getDocValues();
    List<String> labels = new ArrayList<>(range.end() - range.start() + 1);
    for (int ord = range.start(); ord <= range.end(); ord++) {
      String[] path = FacetsConfig.stringToPath(values.lookupOrd(ord).utf8ToString());
      labels.add(path[path.length - 1]);
    }
    return labels;
  }

  /** The values equal to {@code typed} ignoring case and accents; else {@code typed} itself (matching nothing). */
  static List<String> exact(List<String> labels, String typed) {
    String key = fold(typed);
    List<String> found = labels.stream().filter(l -> fold(l).equals(key)).toList();
    return found.isEmpty() ? List.of(typed) : found;
  }

  /**
   * The names equal to {@code typed} ignoring case and accents; else the names holding every word typed
   * ("kelemen" -> "Michele Kelemen"); else {@code typed} itself.
   */
  static List<String> names(List<String> labels, String typed) {
    List<String> exact = exact(labels, typed);
    if (!exact.get(0).equals(typed) || labels.contains(typed)) {
      return exact;
    }
    List<String> words = words(typed);
    List<String> found = labels.stream().filter(l -> words(l).containsAll(words)).toList();
    return found.isEmpty() ? List.of(typed) : found;
  }

  /** Lower case, accents removed. */
  static String fold(String s) {
    return Normalizer.normalize(s, Normalizer.Form.NFKD)
        .replaceAll("\\p{M}", "")
        .toLowerCase(Locale.ROOT)
        .strip();
  }

  static List<String> words(String s) {
    return Arrays.stream(fold(s).split("[^\\p{L}\\p{N}]+")).filter(w -> !w.isEmpty()).toList();
  }
}
