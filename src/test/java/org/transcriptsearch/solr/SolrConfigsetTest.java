package org.transcriptsearch.solr;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.custom.CustomAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.junit.jupiter.api.Test;
import org.transcriptsearch.index.Schema;
import org.transcriptsearch.index.SchemaField;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** The configset generated from {@link Schema}: every field with its type and analysis, pinned. */
class SolrConfigsetTest {
  private final Schema schema = new Schema();
  private final SolrConfigset configset = new SolrConfigset(schema);
  private final Element root = parse(configset.files().get("schema.xml"));

  @Test
  void isNamedForTheSchemaVersion() {
    assertThat(configset.name()).isEqualTo("transcript-search-schema-" + Schema.VERSION);
    assertThat(root.getAttribute("name")).isEqualTo(configset.name());
    assertThat(SolrConfigset.versionOf("transcript-search-schema-7")).isEqualTo("7");
    assertThat(SolrConfigset.versionOf("_default")).isNull();
    assertThat(SolrConfigset.versionOf(null)).isNull();
    assertThat(text("uniqueKey")).isEqualTo(Schema.ID);
  }

  @Test
  void declaresEveryFieldWithItsTypeAndWhatIsKept() {
    // name type indexed stored docValues multiValued, then the postings options that differ from the type's
    assertThat(fields())
        .containsExactly(
            "id string indexed stored docValues single required",
            "episode_id string indexed stored - single",
            "turn pint indexed stored docValues single",
            "speaker text_name indexed stored - multi norms",
            "speaker_key string indexed stored docValues single",
            "speaker_form string - - docValues single",
            "speaker_label string - stored - single",
            "speaker_title string - stored - single",
            "speaker_affiliation string - stored - single",
            "attribution string - stored - single",
            "role text_keyword indexed stored - single noNorms noFreqs",
            "program text_keyword indexed stored - single noNorms noFreqs",
            "topic text_keyword indexed stored - multi noNorms noFreqs",
            "episode_topics string - stored - multi",
            "date plong indexed stored docValues single",
            "title text_english indexed stored - single norms",
            "source string - stored - single",
            "url string - stored - single",
            "text text_english indexed stored - single norms offsets",
            "soundbite string indexed stored - single",
            "mirror_band string indexed - - multi",
            "mirror_signature string - stored - single",
            "sources string - stored - single",
            "text_surface text_name indexed - - single norms",
            "spoken_order string - - docValues single",
            "role_value string - - docValues single",
            "program_value string - - docValues single",
            "cue string - stored - multi",
            "_version_ plong - - docValues single",
            "words rank - - - single",
            "role_facet string indexed - docValues single",
            "program_facet string indexed - docValues single",
            "topic_facet string indexed - docValues multi");
  }

  @Test
  void everySchemaFieldIsDeclared() {
    List<String> declared = new ArrayList<>();
    NodeList fields = root.getElementsByTagName("field");
    for (int i = 0; i < fields.getLength(); i++) {
      declared.add(((Element) fields.item(i)).getAttribute("name"));
    }
    assertThat(declared).containsAll(Schema.FIELDS.stream().map(SchemaField::name).toList());
  }

  @Test
  void facetDimensionsAreCountedFromDocValues() {
    assertThat(Schema.FACET_DIMENSIONS.stream().map(SolrConfigset::facetField))
        .containsExactly("speaker_key", "program_facet", "topic_facet", "role_facet");
    assertThat(copyFields()).containsExactly("role -> role_facet", "program -> program_facet", "topic -> topic_facet");
  }

  @Test
  void analysisChainsAreTheSchemasFactoriesInOrder() {
    assertThat(chains())
        .containsExactly(
            "text_english gap=0: standard | englishPossessive | lowercase | asciiFolding | porterStem",
            "text_name gap=100: standard | lowercase | asciiFolding",
            "text_keyword gap=0: keyword | lowercase | asciiFolding");
  }

  /**
   * Each text type's analyzer, rebuilt by Lucene from the names and arguments written in schema.xml as Solr rebuilds
   * it, gives the same terms, positions and offsets as the product's analyzer on every field of that type.
   */
  @Test
  void chainsRebuiltFromTheConfigsetAnalyseAsTheProductDoes() throws IOException {
    List<String> samples =
        List.of(
            "Martínez's plans for the state of the union",
            "SERGEY LAVROV: We discussed Crimea, at length.",
            "U.S.-led talks in Munich, 2015 - e-mail me@npr.org",
            "Wałęsa and Gdańsk; naïve café owners",
            "NPR News' All Things Considered",
            "");
    for (SchemaField field : Schema.FIELDS) {
      if (!field.matching().analysed()) {
        continue;
      }
      Analyzer rebuilt = rebuilt(SolrFieldTypes.of(field));
      for (String sample : samples) {
        assertThat(tokens(rebuilt, field.name(), sample))
            .as(field.name() + ": " + sample)
            .isEqualTo(tokens(schema.analyzer(), field.name(), sample));
      }
      assertThat(rebuilt.getPositionIncrementGap(field.name()))
          .isEqualTo(schema.analyzer().getPositionIncrementGap(field.name()));
    }
    assertThat(tokens(schema.analyzer(), Schema.TEXT, "Martínez's plans"))
        .containsExactly("martinez@0+1[0,10]", "plan@1+1[11,16]");
  }

  @Test
  void zipHoldsTheSchemaAndTheSolrConfiguration() throws IOException {
    Map<String, String> unzipped = new LinkedHashMap<>();
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(configset.zip()), StandardCharsets.UTF_8)) {
      for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
        unzipped.put(entry.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    assertThat(unzipped).isEqualTo(configset.files());
    assertThat(unzipped.get("solrconfig.xml"))
        .contains("<schemaFactory class=\"ClassicIndexSchemaFactory\"/>")
        .contains("<updateLog>")
        .contains("<str name=\"df\">text</str>");
  }

  private Analyzer rebuilt(String typeName) throws IOException {
    Element analyzer = (Element) fieldType(typeName).getElementsByTagName("analyzer").item(0);
    Element tokenizer = (Element) analyzer.getElementsByTagName("tokenizer").item(0);
    var builder = CustomAnalyzer.builder().withTokenizer(tokenizer.getAttribute("name"), args(tokenizer));
    NodeList filters = analyzer.getElementsByTagName("filter");
    for (int i = 0; i < filters.getLength(); i++) {
      Element filter = (Element) filters.item(i);
      builder.addTokenFilter(filter.getAttribute("name"), args(filter));
    }
    return builder
        .withPositionIncrementGap(Integer.parseInt(fieldType(typeName).getAttribute("positionIncrementGap")))
        .build();
  }

  private static Map<String, String> args(Element factory) {
    Map<String, String> args = new LinkedHashMap<>();
    var attributes = factory.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      if (!attributes.item(i).getNodeName().equals("name")) {
        args.put(attributes.item(i).getNodeName(), attributes.item(i).getNodeValue());
      }
    }
    return args;
  }

  /** Each token as "term@position+increment[start,end]". */
  private static List<String> tokens(Analyzer analyzer, String field, String text) throws IOException {
    List<String> tokens = new ArrayList<>();
    try (TokenStream stream = analyzer.tokenStream(field, text)) {
      var term = stream.addAttribute(CharTermAttribute.class);
      var increment = stream.addAttribute(PositionIncrementAttribute.class);
      var offsets = stream.addAttribute(OffsetAttribute.class);
      stream.reset();
      int position = -1;
      while (stream.incrementToken()) {
        position += increment.getPositionIncrement();
        tokens.add(term + "@" + position + "+" + increment.getPositionIncrement()
            + "[" + offsets.startOffset() + "," + offsets.endOffset() + "]");
      }
      stream.end();
    }
    return tokens;
  }

  private List<String> fields() {
    List<String> lines = new ArrayList<>();
    NodeList fields = root.getElementsByTagName("field");
    for (int i = 0; i < fields.getLength(); i++) {
      Element f = (Element) fields.item(i);
      StringBuilder line = new StringBuilder(f.getAttribute("name") + " " + f.getAttribute("type"));
      line.append(flag(f, "indexed", "indexed")).append(flag(f, "stored", "stored"));
      line.append(flag(f, "docValues", "docValues"));
      line.append(" ").append("true".equals(f.getAttribute("multiValued")) ? "multi" : "single");
      if (f.hasAttribute("omitNorms")) {
        line.append("true".equals(f.getAttribute("omitNorms")) ? " noNorms" : " norms");
      }
      line.append("true".equals(f.getAttribute("omitTermFreqAndPositions")) ? " noFreqs" : "");
      line.append("true".equals(f.getAttribute("storeOffsetsWithPositions")) ? " offsets" : "");
      line.append("true".equals(f.getAttribute("required")) ? " required" : "");
      // Solr's own fields: _version_, and the RankField, which refuses any say on uninverting or doc values.
      if (!f.getAttribute("name").equals("_version_") && !f.getAttribute("type").equals("rank")) {
        assertThat(f.getAttribute("uninvertible")).as(f.getAttribute("name")).isEqualTo("false");
        assertThat(f.getAttribute("useDocValuesAsStored")).as(f.getAttribute("name")).isEqualTo("false");
      }
      lines.add(line.toString());
    }
    return lines;
  }

  private static String flag(Element field, String attribute, String word) {
    return "true".equals(field.getAttribute(attribute)) ? " " + word : " -";
  }

  private List<String> copyFields() {
    List<String> copies = new ArrayList<>();
    NodeList nodes = root.getElementsByTagName("copyField");
    for (int i = 0; i < nodes.getLength(); i++) {
      Element c = (Element) nodes.item(i);
      copies.add(c.getAttribute("source") + " -> " + c.getAttribute("dest"));
    }
    return copies;
  }

  private List<String> chains() {
    List<String> chains = new ArrayList<>();
    NodeList types = root.getElementsByTagName("fieldType");
    for (int i = 0; i < types.getLength(); i++) {
      Element type = (Element) types.item(i);
      if (!type.getAttribute("class").equals("solr.TextField")) {
        continue;
      }
      List<String> steps = new ArrayList<>();
      NodeList parts = type.getElementsByTagName("analyzer").item(0).getChildNodes();
      for (int j = 0; j < parts.getLength(); j++) {
        if (parts.item(j) instanceof Element part) {
          steps.add(part.getAttribute("name") + (part.getAttributes().getLength() > 1 ? "(args)" : ""));
        }
      }
      chains.add(type.getAttribute("name") + " gap=" + type.getAttribute("positionIncrementGap") + ": "
          + String.join(" | ", steps));
    }
    return chains;
  }

  private Element fieldType(String name) {
    NodeList types = root.getElementsByTagName("fieldType");
    for (int i = 0; i < types.getLength(); i++) {
      if (((Element) types.item(i)).getAttribute("name").equals(name)) {
        return (Element) types.item(i);
      }
    }
    throw new AssertionError("no field type " + name);
  }

  private String text(String tag) {
    return root.getElementsByTagName(tag).item(0).getTextContent();
  }

  private static Element parse(String xml) {
    try {
      return DocumentBuilderFactory.newInstance()
          .newDocumentBuilder()
          .parse(new InputSource(new StringReader(xml)))
          .getDocumentElement();
    } catch (Exception e) {
      throw new AssertionError("schema.xml does not parse", e);
    }
  }
}
