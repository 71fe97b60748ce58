package org.transcriptsearch.solr;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.client.solrj.request.ConfigSetAdminRequest;
import org.apache.solr.common.util.ContentStreamBase;
import org.transcriptsearch.index.Schema;

/** Collections made by hand on a test cluster, as another version or build of the product would have made them. */
final class SolrCloudCollections {
  private static final SolrConfigset OURS = new SolrConfigset(new Schema());

  private SolrCloudCollections() {}

  /** A one-shard collection from our configset with its schema renamed to {@code schemaName}. */
  static void createWithSchemaName(SolrClient solr, String collection, String schemaName) throws Exception {
    String schemaXml = OURS.schemaXml().replace("name=\"" + OURS.name() + "\"", "name=\"" + schemaName + "\"");
    create(solr, collection, schemaName, schemaXml);
  }

  /** A one-shard collection of this schema version without the ranking field, as an earlier build made it. */
  static void createWithoutRanking(SolrClient solr, String collection) throws Exception {
    String schemaXml = OURS.schemaXml().replaceAll("\\s*<field name=\"" + Schema.Ranking.WORDS + "\"[^>]*/>", "");
    if (schemaXml.contains("name=\"" + Schema.Ranking.WORDS + "\"")) {
      throw new IllegalStateException("the ranking field is still declared");
    }
    create(solr, collection, OURS.name() + "-earlier", schemaXml);
  }

  @SuppressWarnings("deprecation") // waitForFinalState: see SolrSetup
  private static void create(SolrClient solr, String collection, String configset, String schemaXml)
      throws Exception {
    var zip = new java.io.ByteArrayOutputStream();
    try (var out = new java.util.zip.ZipOutputStream(zip, StandardCharsets.UTF_8)) {
      var files = Map.of("schema.xml", schemaXml, "solrconfig.xml", OURS.files().get("solrconfig.xml"));
      for (var file : files.entrySet()) {
        out.putNextEntry(new java.util.zip.ZipEntry(file.getKey()));
        out.write(file.getValue().getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
      }
    }
    new ConfigSetAdminRequest.Upload()
        .setConfigSetName(configset)
        .setOverwrite(true) // test classes share the cluster; the same name holds the same files
        .setUploadStream(new ContentStreamBase.ByteArrayStream(zip.toByteArray(), "c.zip", "application/zip"))
        .process(solr);
    var create = CollectionAdminRequest.createCollection(collection, configset, 1, 1);
    create.setWaitForFinalState(true);
    create.process(solr);
  }
}
