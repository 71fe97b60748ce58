package org.transcriptsearch.solr;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiBits;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.util.Bits;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.request.SolrQuery;
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
import org.transcriptsearch.index.Schema;
import org.transcriptsearch.index.TranscriptIndex;

/**
 * {@code index --solr URL --collection NAME} on a real local SolrCloud of two nodes, into 2 x 2 collections: the
 * bundled and test corpora and a generated one count as the embedded index counts them on the same input
 * (documents, and every facet dimension value by value), a second run leaves the counts as they were, a copy with
 * fewer turns leaves none of the old ones, a document Solr refuses is a skipped record, and a collection of another
 * schema version or none at all is refused before anything is read. Runs with {@code mvn -Psolrcloud test}.
 */
@Tag("solrcloud")
@ExtendWith(SharedSolrCloud.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SolrCloudIndexTest {
  private static final Map<String, String> FACETS = new LinkedHashMap<>();

  static {
    FACETS.put(Schema.SPEAKER_KEY, SolrConfigset.facetField(Schema.FACET_SPEAKER));
    FACETS.put(Schema.PROGRAM, SolrConfigset.facetField(Schema.FACET_PROGRAM));
    FACETS.put(Schema.TOPIC, SolrConfigset.facetField(Schema.FACET_TOPIC));
    FACETS.put(Schema.ROLE, SolrConfigset.facetField(Schema.FACET_ROLE));
  }

  private static LocalSolrCloud cluster;
  private static SolrClient solr;
  @TempDir static Path work;

  @BeforeAll
  static void setUp(LocalSolrCloud shared) throws Exception {
    cluster = shared;
    solr = SolrClients.forUrl(cluster.url());
    for (String collection : List.of("bundled", "generated", "edits")) {
      CommandRun setup = CommandRun.run("solr", "setup", "--solr", cluster.url(), "--collection", collection, "--shards", "2",
          "--replicas", "2");
      assertThat(setup.status()).as(setup.err()).isZero();
    }
  }

  @AfterAll
  static void closeClient() throws Exception {
    if (solr != null) {
      SolrCloudState.deleteCollections(solr, "bundled", "generated", "edits", "older-index");
      solr.close();
    }
  }

  @Test
  @Order(1)
  void theBundledAndTestCorporaCountAsEmbedded() throws Exception {
    String[] inputs = {TestIndexes.SAMPLE_CORPUS.toString(), TestIndexes.FIXTURE_CORPUS.toString()};
    Path embedded = work.resolve("bundled-index");
    CommandRun local = index(embedded, inputs);
    CommandRun cloud = indexSolr("bundled", inputs);
    assertThat(cloud.status()).as(cloud.err()).isZero();
    assertThat(firstLine(cloud)).isEqualTo(firstLine(local).replace(embedded.toString(),
        "collection bundled at " + cluster.url()));
    assertSameCounts("bundled", embedded);
  }

  @Test
  @Order(2)
  void reindexingTheSameFilesLeavesTheSameCounts() throws Exception {
    Map<String, Map<String, Long>> before = solrCounts("bundled");
    long documents = documents("bundled");
    CommandRun again = indexSolr("bundled", TestIndexes.SAMPLE_CORPUS.toString(), TestIndexes.FIXTURE_CORPUS.toString());
    assertThat(again.status()).as(again.err()).isZero();
    assertThat(documents("bundled")).isEqualTo(documents);
    assertThat(solrCounts("bundled")).isEqualTo(before);
  }

  @Test
  @Order(3)
  void aGeneratedCorpusCountsAsEmbedded() throws Exception {
    Path corpus = work.resolve("generated");
    CommandRun generate = CommandRun.run("generate", "--transcripts", "300", "--out", corpus.toString(), "--format", "jsonl",
        "--seed", "7");
    assertThat(generate.status()).as(generate.err()).isZero();
    Path embedded = work.resolve("generated-index");
    CommandRun local = index(embedded, corpus.toString());
    CommandRun cloud = indexSolr("generated", corpus.toString());
    assertThat(cloud.status()).as(cloud.err()).isZero();
    assertThat(firstLine(cloud)).isEqualTo(firstLine(local).replace(embedded.toString(),
        "collection generated at " + cluster.url()));
    assertThat(documents("generated")).isGreaterThan(3_000);
    assertSameCounts("generated", embedded);
  }

  /** Committed in an earlier run or written earlier in the same run, the old copy's extra turns are gone. */
  @Test
  @Order(4)
  void aCopyWithFewerTurnsLeavesNoneOfTheOldOnes() throws Exception {
    Path three = write("three.jsonl", line("ed-1", "A Story", 3));
    Path one = write("one.jsonl", line("ed-1", "A Story", 1));
    assertThat(indexSolr("edits", three.toString()).status()).isZero();
    assertThat(turnsOf("edits", "ed-1")).isEqualTo(3);
    assertThat(indexSolr("edits", one.toString()).status()).isZero();
    assertThat(turnsOf("edits", "ed-1")).isEqualTo(1);
    CommandRun both = indexSolr("edits", three.toString(), one.toString()); // the last copy read wins, as embedded
    assertThat(both.status()).isZero();
    assertThat(turnsOf("edits", "ed-1")).isEqualTo(1);
  }

  @Test
  @Order(5)
  void aDocumentSolrRefusesIsASkippedRecordAndTheRestIsIndexed() throws Exception {
    // A program is one term and a facet value: Lucene refuses a term over 32,766 bytes, in Solr as embedded.
    String immense = "x".repeat(40_000);
    Path file = write("refused.jsonl", line("ed-2", "Fine", 2) + line("ed-3", "Refused", 2).replace(
        "\"program\":\"Morning Edition\"", "\"program\":\"" + immense + "\""));
    CommandRun local = index(work.resolve("refused-index"), file.toString());
    CommandRun cloud = indexSolr("edits", file.toString());
    assertThat(local.status()).isEqualTo(1);
    assertThat(cloud.status()).isEqualTo(1);
    assertThat(cloud.out()).contains("Skipped 1:\n  " + file + ": transcript ed-3: could not be indexed: Solr refused"
        + " it; the collection holds no copy of it: ");
    assertThat(local.out()).contains("Skipped 1:\n  " + file + ": transcript ed-3: could not be indexed: ");
    assertThat(turnsOf("edits", "ed-2")).isEqualTo(2);
    assertThat(turnsOf("edits", "ed-3")).isZero();
  }

  @Test
  @Order(6)
  void aCollectionOfAnotherSchemaVersionIsRefusedBeforeAnythingIsRead() throws Exception {
    SolrCloudCollections.createWithSchemaName(solr, "older-index", "transcript-search-schema-0");
    CommandRun run = indexSolr("older-index", TestIndexes.FIXTURE_CORPUS.toString());
    assertThat(run.status()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .isEqualTo("error: the collection older-index at " + cluster.url()
            + " was made by another version of transcript-search (schema 0, this is " + Schema.VERSION
            + "); delete the collection and run solr setup again, or choose another --collection\n");
    assertThat(documents("older-index")).isZero();
  }

  @Test
  @Order(7)
  void aMissingCollectionIsRefusedWithTheCommandThatMakesIt() {
    CommandRun run = indexSolr("nowhere", TestIndexes.FIXTURE_CORPUS.toString());
    assertThat(run.status()).isEqualTo(1);
    assertThat(run.err())
        .isEqualTo("error: there is no collection nowhere at " + cluster.url() + "; create it with: transcript-search"
            + " solr setup --solr " + cluster.url() + " --collection nowhere\n");
  }

  private static void assertSameCounts(String collection, Path embedded) throws Exception {
    Map<String, Map<String, Long>> local = embeddedCounts(embedded);
    assertThat(documents(collection)).isEqualTo(local.get("documents").get(""));
    Map<String, Map<String, Long>> cloud = solrCounts(collection);
    for (String field : FACETS.keySet()) {
      assertThat(cloud.get(field)).as(field).isEqualTo(local.get(field)).isNotEmpty();
    }
  }

  /** Per facet field, each value's count; under "documents", the number of documents. */
  private static Map<String, Map<String, Long>> embeddedCounts(Path dir) throws IOException {
    try (TranscriptIndex index = TranscriptIndex.openReadOnly(dir, TestIndexes.PIPELINE.schema())) {
      return index.withSearcher(view -> {
        Map<String, Map<String, Long>> counts = new TreeMap<>();
        IndexReader reader = view.searcher().getIndexReader();
        StoredFields stored = reader.storedFields();
        Bits live = MultiBits.getLiveDocs(reader);
        for (int d = 0; d < reader.maxDoc(); d++) {
          if (live != null && !live.get(d)) {
            continue;
          }
          var doc = stored.document(d, Set.copyOf(FACETS.keySet()));
          for (String field : FACETS.keySet()) {
            for (String value : doc.getValues(field)) {
              counts.computeIfAbsent(field, f -> new TreeMap<>()).merge(value, 1L, Long::sum);
            }
          }
        }
        counts.put("documents", Map.of("", (long) reader.numDocs()));
        return counts;
      });
    }
  }

  private static Map<String, Map<String, Long>> solrCounts(String collection) throws Exception {
    SolrQuery query = new SolrQuery("*:*").setRows(0).setFacet(true).setFacetLimit(-1).setFacetMinCount(1);
    FACETS.values().forEach(query::addFacetField);
    var answer = solr.query(collection, query);
    Map<String, Map<String, Long>> counts = new TreeMap<>();
    FACETS.forEach((field, facet) -> {
      Map<String, Long> values = new TreeMap<>();
      answer.getFacetField(facet).getValues().forEach(c -> values.put(c.getName(), c.getCount()));
      counts.put(field, values);
    });
    return counts;
  }

  private static long documents(String collection) throws Exception {
    return solr.query(collection, new SolrQuery("*:*").setRows(0)).getResults().getNumFound();
  }

  private static long turnsOf(String collection, String episode) throws Exception {
    SolrQuery query = new SolrQuery("{!term f=" + Schema.EPISODE_ID + "}" + episode).setRows(0);
    return solr.query(collection, query).getResults().getNumFound();
  }

  /** A canonical JSON line of a transcript with {@code turns} turns. */
  private static String line(String id, String title, int turns) {
    StringBuilder json = new StringBuilder("{\"id\":\"" + id + "\",\"title\":\"" + title
        + "\",\"program\":\"Morning Edition\",\"date\":\"2015-02-07\",\"url\":null,\"source\":\"test\",\"topics\":[],"
        + "\"turns\":[");
    for (int n = 1; n <= turns; n++) {
      json.append(n > 1 ? "," : "").append("{\"n\":").append(n).append(",\"speaker\":{\"name\":\"Steve Inskeep\","
          + "\"label\":\"STEVE INSKEEP, HOST\",\"role\":\"host\",\"title\":null,\"affiliation\":null},\"text\":\"Turn ")
          .append(n).append(" of ").append(title).append(".\",\"attribution\":\"labelled\",\"cues\":[]}");
    }
    return json.append("]}\n").toString();
  }

  private static Path write(String name, String content) throws IOException {
    return Files.writeString(work.resolve(name), content, StandardCharsets.UTF_8);
  }

  private static CommandRun index(Path dir, String... inputs) {
    String[] args = new String[inputs.length + 3];
    args[0] = "index";
    args[1] = "--index";
    args[2] = dir.toString();
    System.arraycopy(inputs, 0, args, 3, inputs.length);
    return CommandRun.run(args);
  }

  private static CommandRun indexSolr(String collection, String... inputs) {
    String[] args = new String[inputs.length + 5];
    args[0] = "index";
    args[1] = "--solr";
    args[2] = cluster.url();
    args[3] = "--collection";
    args[4] = collection;
    System.arraycopy(inputs, 0, args, 5, inputs.length);
    return CommandRun.run(args);
  }



  private static String firstLine(CommandRun run) {
    return run.out().lines().findFirst().orElse("");
  }
}
