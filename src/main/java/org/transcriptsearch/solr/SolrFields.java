package org.transcriptsearch.solr;

import org.transcriptsearch.index.Schema;
import org.transcriptsearch.index.SchemaField;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The Solr field declarations of the configset, each from one {@link SchemaField}. */
final class SolrFields {
  private SolrFields() {}

  /**
   * The declaration of {@code field}. Every property is spelled out rather than left to Solr's defaults, which
   * change with the schema format's version; nothing is uninverted on the heap, so a facet or sort on a field
   * without doc values fails instead of quietly costing memory.
   */
  static Element field(Document xml, SchemaField field) {
    Element element = xml.createElement("field");
    element.setAttribute("name", field.name());
    element.setAttribute("type", SolrFieldTypes.of(field));
    element.setAttribute("indexed", Boolean.toString(field.matching() != SchemaField.Matching.NONE));
    element.setAttribute("stored", Boolean.toString(field.stored()));
    element.setAttribute("docValues", Boolean.toString(docValues(field)));
    element.setAttribute("multiValued", Boolean.toString(field.multiValued()));
    element.setAttribute("uninvertible", "false");
    // A hit returns what is stored, as in the embedded index, not doc values such as the speaker forms.
    element.setAttribute("useDocValuesAsStored", "false");
    switch (field.matching()) {
      case KEYWORD -> {
        // One token per value, matched only: as the embedded index's DOCS-only postings without norms.
        element.setAttribute("omitNorms", "true");
        element.setAttribute("omitTermFreqAndPositions", "true");
      }
      case TEXT -> element.setAttribute("omitNorms", "false");
      case TEXT_WITH_OFFSETS -> {
        element.setAttribute("omitNorms", "false");
        element.setAttribute("storeOffsetsWithPositions", "true"); // for the unified highlighter's postings mode
      }
      default -> {}
    }
    if (field.name().equals(Schema.ID)) {
      element.setAttribute("required", "true");
    }
    return element;
  }

  /**
   * Whether the Solr field has doc values: those it has in the embedded index, and an exact field counted as a facet
   * dimension (the embedded index keeps facet values in a field of its own).
   */
  static boolean docValues(SchemaField field) {
    return field.docValues()
        || (field.facetDimension() != null && field.matching() == SchemaField.Matching.EXACT);
  }

  /**
   * The ranking feature of an utterance's length, {@link Schema.Ranking#WORDS}: a RankField, which Solr indexes as
   * the same Lucene feature field the embedded index has, so the length counts in a score exactly as it does there.
   */
  static Element rankField(Document xml) {
    Element element = xml.createElement("field");
    element.setAttribute("name", Schema.Ranking.WORDS);
    element.setAttribute("type", SolrFieldTypes.RANK);
    return element;
  }

  /** The {@code _version_} field that SolrCloud's update log and replication need. */
  static Element versionField(Document xml, String name) {
    Element element = xml.createElement("field");
    element.setAttribute("name", name);
    element.setAttribute("type", SolrFieldTypes.LONG);
    element.setAttribute("indexed", "false");
    element.setAttribute("stored", "false");
    element.setAttribute("docValues", "true");
    return element;
  }

  /**
   * For an analysed field counted as a facet dimension: a doc-values string field of its exact values, filled by a
   * copyField, as the embedded index keeps them in its facet field.
   */
  static void appendFacetCopy(Document xml, Element root, SchemaField field, String suffix) {
    if (field.facetDimension() == null || field.matching() == SchemaField.Matching.EXACT) {
      return;
    }
    String facet = field.facetDimension() + suffix;
    Element element = xml.createElement("field");
    element.setAttribute("name", facet);
    element.setAttribute("type", SolrFieldTypes.STRING);
    element.setAttribute("indexed", "true"); // for drill-down filters on an exact facet value
    element.setAttribute("stored", "false");
    element.setAttribute("docValues", "true");
    element.setAttribute("multiValued", Boolean.toString(field.multiValued()));
    element.setAttribute("uninvertible", "false");
    element.setAttribute("useDocValuesAsStored", "false");
    root.appendChild(element);
    Element copy = xml.createElement("copyField");
    copy.setAttribute("source", field.name());
    copy.setAttribute("dest", facet);
    root.appendChild(copy);
  }
}
