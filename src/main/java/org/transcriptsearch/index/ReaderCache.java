package org.transcriptsearch.index;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.IndexReader;

/**
 * A value worked out once per index reader (or segment) and dropped when that reader closes: what the search side
 * derives from an index snapshot (facet ordinals, speaker names, value lists) without redoing it per request.
 * Thread-safe; two threads may both work a value out the first time, and one result is kept.
 *
 * @param <V> the value
 */
public final class ReaderCache<V> {
  private final Map<IndexReader.CacheKey, V> values = new ConcurrentHashMap<>();

  /** Works a value out from a reader. */
  @FunctionalInterface
  public interface Loader<V> {
    /** The value for {@code reader}. */
    V load(IndexReader reader) throws IOException;
  }

  /** The value for {@code reader}, worked out by {@code loader} the first time. */
  public V get(IndexReader reader, Loader<V> loader) throws IOException {
    IndexReader.CacheHelper helper = reader.getReaderCacheHelper();
    if (helper == null) {
      return loader.load(reader);
    }
    V value = values.get(helper.getKey());
    if (value == null) {
      value = loader.load(reader);
      V earlier = values.putIfAbsent(helper.getKey(), value);
      if (earlier == null) {
        helper.addClosedListener(values::remove);
      } else {
        value = earlier;
      }
    }
    return value;
  }
}
