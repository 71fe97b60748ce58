package org.transcriptsearch.cli;

import java.io.IOException;
import java.util.List;
import org.transcriptsearch.index.Schema;
import org.transcriptsearch.search.BadRequestException;
import org.transcriptsearch.search.SearchLimits;
import org.transcriptsearch.solr.SolrSearchBackend;
import org.transcriptsearch.solr.SolrTranscriptStore;
import picocli.CommandLine.Option;

/** The {@code --solr URL[,URL...] --collection NAME} options of a command that can work on SolrCloud instead of the index. */
final class SolrOptions {
  /** The nodes given, comma-separated (null when {@code --solr} is not given). */
  String url;

  @Option(
      names = "--solr",
      split = ",",
      paramLabel = "URL",
      description = "Use the SolrCloud node at URL (e.g. http://127.0.0.1:8983/solr) instead of the index folder."
          + " Several nodes, comma-separated or --solr repeated: a request a node does not answer goes to the next"
          + " (docs/solr-backend.md, Failover between nodes).")
  void nodes(List<String> urls) {
    url = String.join(",", urls); // picocli passes every value given so far, each time
  }

  @Option(names = "--collection", paramLabel = "NAME", description = "The collection to use with --solr.")
  String collection;

  /**
   * Whether SolrCloud was asked for.
   *
   * @throws BadRequestException when only one of the two options is given, or {@code --index} beside them
   */
  boolean given(IndexOption index) {
    if (url == null && collection == null) {
      return false;
    }
    if (url == null || collection == null) {
      throw new BadRequestException("--solr and --collection go together: give both, or neither for the index folder");
    }
    if (index.dir != null) {
      throw new BadRequestException("--index is the embedded index; with --solr and --collection leave it out");
    }
    return true;
  }

  /** The collection as a search backend, once Solr has confirmed it holds this schema version. */
  SolrSearchBackend backend(Schema schema) throws IOException {
    return SolrSearchBackend.open(url, collection, schema, SearchLimits.DEFAULT);
  }

  /** The collection as a store ingest writes to, once Solr has confirmed it holds this schema version. */
  SolrTranscriptStore store(Schema schema) throws IOException {
    return SolrTranscriptStore.open(url, collection, schema);
  }
}
