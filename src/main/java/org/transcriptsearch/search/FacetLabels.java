package org.transcriptsearch.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.SortedSetDocValues;
import org.transcriptsearch.index.ReaderCache;
import org.transcriptsearch.speakers.SpeakerAliases;
import org.transcriptsearch.speakers.SpeakerNames;
import org.transcriptsearch.text.Folding;

/**
 * Resolves what a person types in a filter ("kelemen", "all things considered", "Sergei Lavrov") to the exact
 * facet values in the index, so filters and facets speak the same language. The values of each dimension are read
 * once per index reader. Thread-safe.
 */
final class FacetLabels {
  private final ReaderCache<Map<String, List<String>>> byReader = new ReaderCache<>();

  /** Every value of dimension {@code dim}, in index order; empty when the index has none. */
  List<String> of(SortedSetDocValuesReaderState state, String dim) throws IOException {
    if (state == null) {
      return List.of();
    }
    Map<String, List<String>> byDim = byReader.get(state.getReader(), r -> new ConcurrentHashMap<>());
    List<String> labels = byDim.get(dim);
    if (labels == null) {
      labels = read(state, dim);
      byDim.put(dim, labels);
    }
    return labels;
  }

  private static List<String> read(SortedSetDocValuesReaderState state, String dim) throws IOException {
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
    return List.copyOf(labels);
  }

  /** The values equal to {@code typed} ignoring case and accents; else {@code typed} itself (matching nothing). */
  static List<String> exact(List<String> labels, String typed) {
    String key = fold(typed);
    List<String> found = labels.stream().filter(l -> fold(l).equals(key)).toList();
    return found.isEmpty() ? List.of(typed) : found;
  }

  /**
   * The speaker keys {@code typed} names: the person's key when it is in the index ("Sergei Lavrov" -> "sergey
   * lavrov"); else every key holding all the words typed ("kelemen" -> "michele kelemen"); else every key with a
   * word starting with each word typed ("kel" -> "michele kelemen", "kelly mcevers"); else the typed key itself,
   * which matches nothing. Case and accents never matter.
   */
  static List<String> speakerKeys(List<String> keys, String typed, SpeakerAliases aliases) {
    String key = aliases.canonicalKey(typed);
    if (key.isEmpty() || keys.contains(key)) {
      return List.of(key);
    }
    List<String> words = SpeakerNames.words(key);
    List<String> found = keys.stream().filter(k -> Arrays.asList(k.split(" ")).containsAll(words)).toList();
    if (found.isEmpty()) {
      found = keys.stream().filter(k -> startsEveryWord(k, words)).toList();
    }
    return found.isEmpty() ? List.of(key) : found;
  }

  private static boolean startsEveryWord(String key, List<String> typed) {
    List<String> words = Arrays.asList(key.split(" "));
    return typed.stream().allMatch(t -> words.stream().anyMatch(w -> w.startsWith(t)));
  }

  /** Lower case, accents removed. */
  static String fold(String s) {
    return Folding.fold(s).strip();
  }
}
