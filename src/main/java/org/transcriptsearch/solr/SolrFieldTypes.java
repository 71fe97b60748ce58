package org.transcriptsearch.solr;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.AbstractAnalysisFactory;
import org.apache.lucene.analysis.TokenFilterFactory;
import org.apache.lucene.analysis.TokenizerFactory;
import org.apache.lucene.analysis.custom.CustomAnalyzer;
import org.transcriptsearch.index.Schema;
import org.transcriptsearch.index.SchemaField;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The Solr field types of the configset: one per kind of exact value, and one text type per analysis chain of
 * {@link Schema}, rebuilt from the same tokenizer and filter factories (by their SPI names, which Solr 9 and Lucene
 * 10 share) with the same arguments and position gap.
 */
final class SolrFieldTypes {
  /** Exact strings, for ids, keys, stored-only values and the facet fields. */
  static final String STRING = "string";

  static final String INT = "pint";
  static final String LONG = "plong";

  /** Static ranking features: a Lucene feature field, scored as the embedded index scores its features. */
  static final String RANK = "rank";

  private SolrFieldTypes() {}

  /** The type a field of this matching and analysis is declared with. */
  static String of(SchemaField field) {
    return switch (field.matching()) {
      case NONE, EXACT -> STRING;
      case INT -> INT;
      case LONG -> LONG;
      case KEYWORD, TEXT, TEXT_WITH_OFFSETS -> textType(Schema.analysisOf(field.name()));
    };
  }

  /** The name of the text type of one analysis chain: "text_english", "text_name", "text_keyword". */
  static String textType(Schema.Analysis analysis) {
    return "text_" + analysis.name().toLowerCase(Locale.ROOT);
  }

  /** Appends every field type to {@code schemaElement}. */
  static void appendAll(Document xml, Element schemaElement, Schema schema) {
    schemaElement.appendChild(plain(xml, STRING, "solr.StrField"));
    schemaElement.appendChild(plain(xml, INT, "solr.IntPointField"));
    schemaElement.appendChild(plain(xml, LONG, "solr.LongPointField"));
    Element rank = xml.createElement("fieldType");
    rank.setAttribute("name", RANK);
    rank.setAttribute("class", "solr.RankField"); // takes no properties: it is indexed only, by its nature
    schemaElement.appendChild(rank);
    for (Schema.Analysis analysis : Schema.Analysis.values()) {
      schemaElement.appendChild(text(xml, textType(analysis), schema.chain(analysis)));
    }
  }

  private static Element plain(Document xml, String name, String solrClass) {
    Element type = xml.createElement("fieldType");
    type.setAttribute("name", name);
    type.setAttribute("class", solrClass);
    type.setAttribute("sortMissingLast", "true");
    return type;
  }

  private static Element text(Document xml, String name, CustomAnalyzer chain) {
    Element type = xml.createElement("fieldType");
    type.setAttribute("name", name);
    type.setAttribute("class", "solr.TextField");
    // Lucene asks the analyzer for the gap per field; every field of a chain has the same one.
    type.setAttribute("positionIncrementGap", Integer.toString(chain.getPositionIncrementGap("")));
    Element analyzer = xml.createElement("analyzer");
    TokenizerFactory tokenizer = chain.getTokenizerFactory();
    analyzer.appendChild(
        factory(xml, "tokenizer", TokenizerFactory.findSPIName(tokenizer.getClass()), tokenizer));
    for (TokenFilterFactory filter : chain.getTokenFilterFactories()) {
      analyzer.appendChild(factory(xml, "filter", TokenFilterFactory.findSPIName(filter.getClass()), filter));
    }
    type.appendChild(analyzer);
    return type;
  }

  private static Element factory(Document xml, String tag, String spiName, AbstractAnalysisFactory factory) {
    Element element = xml.createElement(tag);
    element.setAttribute("name", spiName);
    Map<String, String> args = new LinkedHashMap<>(factory.getOriginalArgs());
    // The builder adds Lucene's own version; Solr sets the configset's luceneMatchVersion instead.
    args.remove(AbstractAnalysisFactory.LUCENE_MATCH_VERSION_PARAM);
    args.forEach(element::setAttribute);
    return element;
  }
}
