package org.transcriptsearch.solr;

import java.util.Collection;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.StoredField;
import org.apache.solr.common.SolrDocument;

/**
 * A Solr hit's stored fields as the Lucene {@link Document} the embedded index stores, so that both backends read
 * an utterance back into results with the same code. Values keep their order (a speaker's resolved name first).
 */
final class SolrStored {
  /** The pseudo-field of a hit's score, not a stored field. */
  static final String SCORE = "score";

  private SolrStored() {}

  /** The stored fields of {@code hit}, numbers as numbers, many values in their order. */
  static Document document(SolrDocument hit) {
    Document doc = new Document();
    for (String name : hit.getFieldNames()) {
      if (name.equals(SCORE) || name.startsWith("_")) {
        continue;
      }
      Object value = hit.getFieldValue(name);
      if (value instanceof Collection<?> values) {
        values.forEach(v -> add(doc, name, v));
      } else {
        add(doc, name, value);
      }
    }
    return doc;
  }

  /** The score of {@code hit}, or NaN when none was asked for. */
  static float score(SolrDocument hit) {
    return hit.getFieldValue(SCORE) instanceof Number n ? n.floatValue() : Float.NaN;
  }

  private static void add(Document doc, String name, Object value) {
    switch (value) {
      case Integer i -> doc.add(new StoredField(name, i));
      case Long l -> doc.add(new StoredField(name, l));
      case Float f -> doc.add(new StoredField(name, f));
      case Double d -> doc.add(new StoredField(name, d));
      default -> doc.add(new StoredField(name, String.valueOf(value)));
    }
  }
}
