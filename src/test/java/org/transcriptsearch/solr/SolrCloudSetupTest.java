package org.transcriptsearch.solr;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.client.solrj.request.FieldAnalysisRequest;
import org.apache.solr.client.solrj.request.SolrQuery;
import org.apache.solr.client.solrj.request.schema.SchemaRequest;
import org.apache.solr.client.solrj.response.AnalysisResponseBase;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.common.cloud.Replica;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.transcriptsearch.TestIndexes;
import org.transcriptsearch.cli.CommandRun;
import org.transcriptsearch.index.TranscriptIndex;
import org.transcriptsearch.ingest.Format;
import org.transcriptsearch.ingest.TranscriptReader;
import org.transcriptsearch.model.Transcript;
import org.transcriptsearch.reader.BadInputException;
import org.transcriptsearch.index.Schema;
import org.transcriptsearch.index.SchemaField;

/**
 * {@code solr setup} on a real local SolrCloud of two nodes (Solr 9.10.1, started by src/solrcloud/local.sh), driven
 * through the product's SolrJ client: the collection is made with our schema, Solr analyses text as the product does,
 * a document round-trips with facets and highlights, the corpora count as embedded, a collection of another schema is
 * refused, too many replicas are warned of, and the collection keeps answering with a node down.
 * Runs with {@code mvn -Psolrcloud test}.
 */
@Tag("solrcloud")
@ExtendWith(SharedSolrCloud.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SolrCloudSetupTest {
  private static final String COLLECTION = "transcripts";

  private static LocalSolrCloud cluster;
  private static SolrClient solr;

  @BeforeAll
  static void setUp(LocalSolrCloud shared) {
    cluster = shared;
    solr = SolrClients.forUrl(cluster.url());
  }

  @AfterAll
  static void closeClient() throws Exception {
    if (solr != null) {
      SolrCloudState.deleteCollections(solr, COLLECTION, "older", "products", "crowded");
      solr.close();
    }
  }

  @Test
  @Order(1)
  void setupCreatesTheCollectionOnBothNodes() throws Exception {
    CommandRun run =
        CommandRun.run("solr", "setup", "--solr", cluster.url(), "--collection", COLLECTION, "--shards", "2", "--replicas", "2");
    assertThat(run.err()).isEmpty();
    assertThat(run.status()).isZero();
    assertThat(run.out())
        .isEqualTo("created collection transcripts (2 shard(s) x 2 replica(s)) from configset transcript-search-schema-"
            + Schema.VERSION + " at " + cluster.url() + "\n");
    var state = CollectionAdminRequest.getClusterStatus().setCollectionName(COLLECTION).process(solr);
    @SuppressWarnings("unchecked")
    Map<String, Object> collection =
        (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) state.getResponse().get("cluster"))
            .get("collections")).get(COLLECTION);
    assertThat(collection.get("configName")).isEqualTo("transcript-search-schema-" + Schema.VERSION);
    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> shards = (Map<String, Map<String, Object>>) collection.get("shards");
    assertThat(shards).containsOnlyKeys("shard1", "shard2");
    for (Map<String, Object> shard : shards.values()) {
      @SuppressWarnings("unchecked")
      Map<String, Map<String, Object>> replicas = (Map<String, Map<String, Object>>) shard.get("replicas");
      assertThat(replicas.values()).extracting(r -> r.get("state")).containsOnly(Replica.State.ACTIVE.toString());
      // Two replicas of a shard on two nodes: either node can fail without losing the shard.
      assertThat(replicas.values().stream().map(r -> r.get("node_name")).distinct()).hasSize(2);
    }
  }

  @Test
  @Order(2)
  void theCollectionHasEveryFieldOfTheSchema() throws Exception {
    List<Map<String, Object>> fields = new SchemaRequest.Fields().process(solr, COLLECTION).getFields();
    Map<String, Map<String, Object>> byName =
        fields.stream().collect(Collectors.toMap(f -> (String) f.get("name"), f -> f));
    for (SchemaField field : Schema.FIELDS) {
      Map<String, Object> solrField = byName.get(field.name());
      assertThat(solrField).as(field.name()).isNotNull();
      assertThat(solrField.get("type")).as(field.name()).isEqualTo(SolrFieldTypes.of(field));
      assertThat(solrField.get("stored")).as(field.name()).isEqualTo(field.stored());
      assertThat(solrField.get("multiValued")).as(field.name()).isEqualTo(field.multiValued());
      assertThat(solrField.get("indexed")).as(field.name()).isEqualTo(field.matching() != SchemaField.Matching.NONE);
      assertThat(solrField.get("docValues")).as(field.name()).isEqualTo(SolrFields.docValues(field));
    }
    assertThat(byName.get(Schema.TEXT).get("storeOffsetsWithPositions")).isEqualTo(true);
    assertThat(new SchemaRequest.SchemaName().process(solr, COLLECTION).getSchemaName())
        .isEqualTo("transcript-search-schema-" + Schema.VERSION);
  }

  /** Solr 9 (Lucene 9) runs the configset's chains; each field gives the product's (Lucene 10) tokens exactly. */
  @Test
  @Order(3)
  void solrAnalysesEveryTextFieldAsTheProductDoes() throws Exception {
    String sample = "Wałęsa's plans: U.S.-led talks in Gdańsk, 2015 - naïve cafés e-mail me@npr.org";
    Schema schema = new Schema();
    for (SchemaField field : Schema.FIELDS) {
      if (!field.matching().analysed()) {
        continue;
      }
      var analysis =
          new FieldAnalysisRequest().addFieldName(field.name()).setFieldValue(sample).process(solr, COLLECTION);
      List<AnalysisResponseBase.AnalysisPhase> phases = new ArrayList<>();
      analysis.getFieldNameAnalysis(field.name()).getIndexPhases().forEach(phases::add);
      List<String> solrTokens =
          phases.getLast().getTokens().stream()
              .map(t -> t.getText() + "@" + (t.getPosition() - 1) + "[" + t.getStart() + "," + t.getEnd() + "]")
              .toList();
      assertThat(solrTokens).as(field.name()).isEqualTo(tokens(schema, field.name(), sample));
    }
  }

  @Test
  @Order(4)
  void aDocumentRoundTripsWithFacetsAndHighlights() throws Exception {
    SolrInputDocument doc = new SolrInputDocument();
    doc.addField(Schema.ID, "ep1-1");
    doc.addField(Schema.EPISODE_ID, "ep1");
    doc.addField(Schema.TURN, 1);
    doc.addField(Schema.SPEAKER, "Sergey Lavrov");
    doc.addField(Schema.SPEAKER, "Sergei Lavrov");
    doc.addField(Schema.SPEAKER_KEY, "sergey lavrov");
    doc.addField(Schema.ROLE, "guest");
    doc.addField(Schema.PROGRAM, "Morning Edition");
    doc.addField(Schema.TOPIC, "Crimea");
    doc.addField(Schema.TOPIC, "Ukraine");
    doc.addField(Schema.TEXT, "Martínez's plans for Crimea were discussed.");
    solr.add(COLLECTION, doc);
    solr.commit(COLLECTION);

    SolrQuery query = new SolrQuery("text:(martinez plan) AND speaker:sergei AND program:\"morning edition\"");
    query.setFacet(true).addFacetField(SolrConfigset.facetField(Schema.FACET_TOPIC));
    query.setHighlight(true).setParam("hl.method", "unified").setParam("hl.fl", Schema.TEXT);
    query.setParam("hl.offsetSource", "POSTINGS"); // fails unless the text's postings hold offsets
    // Solr's weight-matches highlighting (phrases as one unit) finds nothing when the query also requires other
    // fields, so the highlight query is the text part alone.
    query.setParam("hl.q", "text:(martinez plan) OR text:\"were discussed\"");
    var answer = solr.query(COLLECTION, query);
    assertThat(answer.getResults()).extracting(d -> d.getFieldValue(Schema.ID)).containsExactly("ep1-1");
    assertThat(answer.getResults().getFirst().getFieldValues(Schema.SPEAKER))
        .containsExactly("Sergey Lavrov", "Sergei Lavrov");
    assertThat(answer.getFacetField("topic_facet").getValues())
        .extracting(c -> c.getName() + "=" + c.getCount())
        .containsExactly("Crimea=1", "Ukraine=1");
    assertThat(answer.getHighlighting().get("ep1-1").get(Schema.TEXT))
        .containsExactly("<em>Martínez's</em> <em>plans</em> for Crimea <em>were discussed</em>.");
    // Returned: what is stored, not the doc-values copies.
    assertThat(answer.getResults().getFirst().getFieldNames()).doesNotContain("topic_facet", "speaker_form");
  }

  @Test
  @Order(5)
  void setupAgainLeavesTheCollectionAsItIs() {
    CommandRun run = CommandRun.run("solr", "setup", "--solr", cluster.url(), "--collection", COLLECTION);
    assertThat(run.status()).isZero();
    assertThat(run.out())
        .isEqualTo("collection transcripts at " + cluster.url() + " already has schema " + Schema.VERSION
            + " (configset transcript-search-schema-" + Schema.VERSION + "); nothing to do\n");
  }

  @Test
  @Order(6)
  void refusesACollectionOfAnotherSchemaVersion() throws Exception {
    SolrCloudCollections.createWithSchemaName(solr, "older", "transcript-search-schema-0");
    CommandRun run = CommandRun.run("solr", "setup", "--solr", cluster.url(), "--collection", "older");
    assertThat(run.status()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .isEqualTo("error: the collection older at " + cluster.url()
            + " was made by another version of transcript-search (schema 0, this is " + Schema.VERSION
            + "); delete the collection and run solr setup again, or choose another --collection\n");
  }

  @Test
  @Order(7)
  void refusesACollectionNotMadeByTheProduct() throws Exception {
    SolrCloudCollections.createWithSchemaName(solr, "products", "products");
    CommandRun run = CommandRun.run("solr", "setup", "--solr", cluster.url(), "--collection", "products");
    assertThat(run.status()).isEqualTo(1);
    assertThat(run.err())
        .isEqualTo("error: the collection products at " + cluster.url()
            + " was not made by transcript-search (its schema is 'products'); choose another --collection\n");
  }

  /**
   * The bundled corpus and the test corpus, read and enriched by the product's pipeline and mapped by {@link
   * SolrDocuments}, are all accepted by the collection, and Solr counts what the embedded index counts: documents,
   * term matches in each analysed field, and utterances per speaker key.
   */
  @Test
  @Order(8)
  void theCorporaIndexAndCountAsEmbedded(@TempDir Path dir) throws Exception {
    List<SolrInputDocument> docs = new ArrayList<>();
    SolrDocuments mapping = new SolrDocuments(TestIndexes.PIPELINE.schema());
    TranscriptReader.Sink sink =
        new TranscriptReader.Sink() {
          @Override
          public void transcript(Transcript t) {
            var enriched = TestIndexes.PIPELINE.enricher().enrich(t);
            docs.addAll(mapping.of(enriched.transcript(), enriched.turnTopics()));
          }

          @Override
          public void bad(BadInputException problem) {
            throw new AssertionError(problem);
          }
        };
    try (var pages = Files.list(TestIndexes.SAMPLE_CORPUS)) {
      for (Path page : pages.sorted().toList()) {
        TestIndexes.PIPELINE.readers().get(Format.PAGE).read(page, sink);
      }
    }
    TestIndexes.PIPELINE.readers().get(Format.JSONL).read(TestIndexes.FIXTURE_CORPUS, sink);
    solr.deleteByQuery(COLLECTION, "*:*");
    solr.add(COLLECTION, docs);
    solr.commit(COLLECTION);

    try (TranscriptIndex embedded = TestIndexes.build(dir, TestIndexes.SAMPLE_CORPUS, TestIndexes.FIXTURE_CORPUS)) {
      long total = solr.query(COLLECTION, new SolrQuery("*:*").setRows(0)).getResults().getNumFound();
      assertThat(total)
          .isEqualTo(docs.size())
          .isEqualTo(embedded.withSearcher(v -> (long) v.searcher().getIndexReader().numDocs()));
      for (String[] term : new String[][] {
        {Schema.TEXT, "crimea"}, {Schema.TEXT, "minist"}, {Schema.TITLE, "munich"},
        {Schema.SPEAKER, "kelemen"}, {Schema.SPEAKER, "sergei"}, {Schema.TOPIC, "ukraine"},
        {Schema.ROLE, "host"}, {Schema.PROGRAM, "morning edition"}
      }) {
        long inSolr = solr.query(COLLECTION, new SolrQuery("{!term f=" + term[0] + "}" + term[1]).setRows(0))
            .getResults().getNumFound();
        int inLucene = embedded.withSearcher(v -> v.searcher().count(
            new TermQuery(new Term(term[0], term[1]))));
        assertThat(inSolr).as(term[0] + ":" + term[1]).isEqualTo(inLucene).isPositive();
      }
      SolrQuery bySpeaker = new SolrQuery("*:*").setRows(0).setFacet(true).setFacetLimit(-1)
          .addFacetField(SolrConfigset.facetField(Schema.FACET_SPEAKER));
      Map<String, Long> solrCounts = new TreeMap<>();
      solr.query(COLLECTION, bySpeaker).getFacetField(Schema.SPEAKER_KEY).getValues()
          .forEach(c -> solrCounts.put(c.getName(), c.getCount()));
      Map<String, Long> luceneCounts = new TreeMap<>();
      for (String key : solrCounts.keySet()) {
        luceneCounts.put(key, (long) embedded.withSearcher(v -> v.searcher().count(
            new TermQuery(new Term(Schema.SPEAKER_KEY, key)))));
      }
      assertThat(solrCounts).isEqualTo(luceneCounts).hasSizeGreaterThan(3);
      assertThat(solrCounts.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(total);
    }
  }

  @Test
  @Order(9)
  void moreReplicasThanNodesIsCreatedWithAWarning() {
    CommandRun run = CommandRun.run("solr", "setup", "--solr", cluster.url(), "--collection", "crowded", "--replicas", "3");
    assertThat(run.status()).isZero();
    assertThat(run.out()).startsWith("created collection crowded (1 shard(s) x 3 replica(s))");
    assertThat(run.err())
        .matches("warning: shard1 has 2 replicas on one node \\(127\\.0\\.0\\.1:\\d+_solr\\): losing that node loses"
            + " the shard; add nodes, or ask for fewer --replicas\n");
  }

  /** With one of two nodes down, every shard still answers from its other replica; the node then rejoins. */
  @Test
  @Order(10)
  void aStoppedNodeLeavesTheCollectionAnsweringAndRejoins() throws Exception {
    long before = solr.query(COLLECTION, new SolrQuery("*:*").setRows(0)).getResults().getNumFound();
    assertThat(before).isPositive(); // the corpora indexed above
    cluster.stopNode(2);
    try {
      var answer = solr.query(COLLECTION, new SolrQuery("*:*").setRows(0));
      assertThat(answer.getResults().getNumFound()).isEqualTo(before);
      assertThat(answer.getResponseHeader().get("partialResults")).isNull();
    } finally {
      cluster.startNode(2);
    }
    assertThat(SolrCloudState.awaitAllActive(solr, COLLECTION, java.time.Duration.ofSeconds(90)))
        .as("every replica active again within 90 s")
        .isTrue();
  }

  private static List<String> tokens(Schema schema, String field, String text) throws IOException {
    List<String> tokens = new ArrayList<>();
    try (TokenStream stream = schema.analyzer().tokenStream(field, text)) {
      var term = stream.addAttribute(CharTermAttribute.class);
      var increment = stream.addAttribute(PositionIncrementAttribute.class);
      var offsets = stream.addAttribute(OffsetAttribute.class);
      stream.reset();
      int position = -1;
      while (stream.incrementToken()) {
        position += increment.getPositionIncrement();
        tokens.add(term + "@" + position + "[" + offsets.startOffset() + "," + offsets.endOffset() + "]");
      }
      stream.end();
    }
    return tokens;
  }

}
