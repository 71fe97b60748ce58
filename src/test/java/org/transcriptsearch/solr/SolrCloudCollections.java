package org.transcriptsearch.solr;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.client.solrj.request.ConfigSetAdminRequest;
import org.apache.solr.common.util.ContentStreamBase;
import org.transcriptsearch.index.Schema;

/** Collections made by hand on a test cluster, as another version of the product would have made them. */
final class SolrCloudCollections {
  private SolrCloudCollections() {}

  /** A one-shard collection from our configset with its schema renamed to {@code schemaName}. */
  @SuppressWarnings("deprecation") // waitForFinalState: see SolrSetup
  static void createWithSchemaName(SolrClient solr, String collection, String schemaName) throws Exception {
    SolrConfigset ours = new SolrConfigset(new Schema());
    String schemaXml = ours.schemaXml().replace("name=\"" + ours.name() + "\"", "name=\"" + schemaName + "\"");
    var zip = new java.io.ByteArrayOutputStream();
    try (var out = new java.util.zip.ZipOutputStream(zip, StandardCharsets.UTF_8)) {
      var files = Map.of("schema.xml", schemaXml, "solrconfig.xml", ours.files().get("solrconfig.xml"));
      for (var file : files.entrySet()) {
        out.putNextEntry(new java.util.zip.ZipEntry(file.getKey()));
        out.write(file.getValue().getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
      }
    }
    new ConfigSetAdminRequest.Upload()
        .setConfigSetName(schemaName)
        .setUploadStream(new ContentStreamBase.ByteArrayStream(zip.toByteArray(), "c.zip", "application/zip"))
        .process(solr);
    var create = CollectionAdminRequest.createCollection(collection, schemaName, 1, 1);
    create.setWaitForFinalState(true);
    create.process(solr);
  }
}
