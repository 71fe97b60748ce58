package org.transcriptsearch.search;

import java.io.IOException;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.transcriptsearch.index.ReaderCache;
import org.transcriptsearch.index.Schema;

/**
 * The display name of each speaker key: the most common form of the name among the utterances of the index
 * ("Sergey Lavrov" when more utterances print it so than "Sergei Lavrov"). Counts are kept per segment and
 * computed once per segment, so a refresh costs only what changed. Thread-safe.
 */
final class SpeakerDirectory {
  private final ReaderCache<int[]> countsBySegment = new ReaderCache<>();
  private final ReaderCache<Map<String, String>> namesByReader = new ReaderCache<>();

  /** The display name for each of {@code keys} (a key no utterance has maps to itself). */
  Map<String, String> displayNames(IndexReader reader, Collection<String> keys) throws IOException {
    Map<String, String> names = new HashMap<>();
    for (String key : keys) {
      names.put(key, displayName(reader, key));
    }
    return names;
  }

  /**
   * The display name of {@code key}, or {@code key} itself when no utterance has it. Remembered per reader: working
   * it out seeks the compressed terms of every segment, which cost a quarter of a search's time when done for the
   * facet's and the page's speakers on every request.
   */
  String displayName(IndexReader reader, String key) throws IOException {
    Map<String, String> names = namesByReader.get(reader, r -> new ConcurrentHashMap<>());
    String name = names.get(key);
    if (name == null) {
      name = mostCommonForm(reader, key);
      names.put(key, name); // keys come from the index itself, so this holds at most one entry per speaker
    }
    return name;
  }

  private String mostCommonForm(IndexReader reader, String key) throws IOException {
    return mostCommon(forms(reader, key), key);
  }

  /** The display name among {@code forms} (each with its utterance count), or {@code key} when there is none. */
  static String mostCommon(Map<String, Integer> forms, String key) {
    return forms.entrySet().stream()
        .max(
            Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue)
                .thenComparing(e -> accented(e.getKey()))
                .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
        .map(Map.Entry::getKey)
        .orElse(key);
  }

  /** Each form of the name with this key, with how many live utterances use it. */
  Map<String, Integer> forms(IndexReader reader, String key) throws IOException {
    Map<String, Integer> forms = new HashMap<>();
    String prefix = key + Schema.FORM_SEPARATOR;
    BytesRef target = new BytesRef(prefix);
    for (LeafReaderContext leaf : reader.leaves()) {
      SortedDocValues values = leaf.reader().getSortedDocValues(Schema.SPEAKER_FORM);
      if (values == null) {
        continue;
      }
      int[] counts = counts(leaf.reader());
      TermsEnum terms = values.termsEnum();
      if (terms.seekCeil(target) == TermsEnum.SeekStatus.END) {
        continue;
      }
      do {
        String term = terms.term().utf8ToString();
        if (!term.startsWith(prefix)) {
          break;
        }
        forms.merge(term.substring(prefix.length()), counts[(int) terms.ord()], Integer::sum);
      } while (terms.next() != null);
    }
    forms.values().removeIf(count -> count == 0); // forms only deleted utterances had
    return forms;
  }

  /** Prefer the form that kept its accents ("A Martínez" over "A Martinez") when both are as common. */
  private static boolean accented(String name) {
    return name.chars().anyMatch(c -> c > 127);
  }

  /** How many live utterances of one segment use each name form (by ordinal). */
  private int[] counts(LeafReader leaf) throws IOException {
    return countsBySegment.get(leaf, segment -> count((LeafReader) segment));
  }

  private static int[] count(LeafReader leaf) throws IOException {
    SortedDocValues values = leaf.getSortedDocValues(Schema.SPEAKER_FORM);
    int[] counts = new int[values.getValueCount()];
    Bits live = leaf.getLiveDocs();
    for (int doc = values.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = values.nextDoc()) {
      if (live == null || live.get(doc)) {
        counts[values.ordValue()]++;
      }
    }
    return counts;
  }
}
