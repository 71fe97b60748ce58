package org.transcriptsearch.solr;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.client.solrj.request.ConfigSetAdminRequest;
import org.apache.solr.client.solrj.request.schema.SchemaRequest;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.util.ContentStreamBase;
import org.transcriptsearch.index.Schema;
import org.transcriptsearch.search.BadRequestException;

/**
 * Makes a SolrCloud collection ready for the product: uploads the configset generated from {@link Schema} and
 * creates the collection from it. A collection that already exists is accepted only when its schema is this
 * version's; one of another version, or not made by this product, is refused, as the embedded index refuses an
 * index written under another schema.
 */
public final class SolrSetup {
  /**
   * What setup did.
   *
   * @param collection the collection's name
   * @param configset the configset it was created from (its schema has the same name)
   * @param created whether setup created it; false when it was already there with this schema version
   * @param shards the number of shards it was created with (0 when it already existed)
   * @param replicas the number of replicas of each shard it was created with (0 when it already existed)
   * @param warnings what the user should know about the collection as placed, such as two replicas of a shard on one
   *     node (empty when nothing)
   */
  public record Outcome(
      String collection, String configset, boolean created, int shards, int replicas, List<String> warnings) {
    public Outcome {
      warnings = List.copyOf(warnings);
    }
  }

  /** A collection whose schema is another version's, or not this product's: its fields would be misread. */
  public static final class SchemaMismatchException extends IOException {
    SchemaMismatchException(String message) {
      super(message);
    }
  }

  private final SolrClient client;
  private final String url;
  private final SolrConfigset configset;

  /** Sets up collections through {@code client}, a client of the Solr node at {@code url}. */
  public SolrSetup(SolrClient client, String url, SolrConfigset configset) {
    this.client = client;
    this.url = url;
    this.configset = configset;
  }

  /**
   * Uploads the configset and creates {@code collection} with {@code shards} shards of {@code replicas} replicas,
   * unless it exists already with this schema version.
   *
   * @throws BadRequestException if the name, shards or replicas cannot be valid
   * @throws SchemaMismatchException if the collection exists with another schema
   * @throws IOException if Solr cannot be reached or refuses a step (its message is included)
   */
  public Outcome setUp(String collection, int shards, int replicas) throws IOException {
    check(collection, shards, replicas);
    try {
      if (existing().contains(collection)) {
        checkVersion(collection);
        return new Outcome(collection, configset.name(), false, 0, 0, List.of());
      }
      upload();
      create(collection, shards, replicas);
      checkVersion(collection);
      return new Outcome(collection, configset.name(), true, shards, replicas, placementWarnings(collection));
    } catch (SchemaMismatchException e) {
      throw e;
    } catch (SolrServerException | IOException e) {
      throw new IOException("no answer from Solr at " + url + " (" + rootCause(e) + ")", e);
    } catch (SolrException e) {
      throw new IOException("Solr at " + url + " refused: " + e.getMessage(), e);
    }
  }

  /**
   * Checks that {@code collection} exists and was made with this schema version, as ingest and search need before
   * they write or read a field.
   *
   * @throws BadRequestException if the name cannot be a collection's
   * @throws SchemaMismatchException if there is no such collection, or it has another schema
   * @throws IOException if Solr cannot be reached or refuses (its message is included)
   */
  public void verify(String collection) throws IOException {
    check(collection, 1, 1);
    try {
      if (!existing().contains(collection)) {
        throw new SchemaMismatchException(
            "there is no collection " + collection + " at " + url + "; create it with: transcript-search solr setup"
                + " --solr " + url + " --collection " + collection);
      }
      checkVersion(collection);
    } catch (SchemaMismatchException e) {
      throw e;
    } catch (SolrServerException | IOException e) {
      throw new IOException("no answer from Solr at " + url + " (" + rootCause(e) + ")", e);
    } catch (SolrException e) {
      throw new IOException("Solr at " + url + " refused: " + e.getMessage(), e);
    }
  }

  private static void check(String collection, int shards, int replicas) {
    // Solr's own rule for collection names; checked here so the message names the option.
    if (collection == null || !collection.matches("[A-Za-z0-9_][A-Za-z0-9._-]*")) {
      throw new BadRequestException(
          "--collection must be letters, digits, '.', '_' or '-' (not starting with '.' or '-'), not '"
              + collection + "'");
    }
    if (shards < 1 || replicas < 1) {
      throw new BadRequestException("--shards and --replicas must be at least 1, not " + shards + " and " + replicas);
    }
  }

  private List<String> existing() throws IOException, SolrServerException {
    return CollectionAdminRequest.listCollections(client);
  }

  private void upload() throws IOException, SolrServerException {
    var zip = new ContentStreamBase.ByteArrayStream(configset.zip(), configset.name() + ".zip", "application/zip");
    // Overwriting is safe: a configset of this name is this schema version's, the same content.
    new ConfigSetAdminRequest.Upload()
        .setConfigSetName(configset.name())
        .setUploadStream(zip)
        .setOverwrite(true)
        .process(client);
  }

  // SolrJ 10 deprecates the flag (Solr 10 waits by default); Solr 9 answers before the replicas are up without it.
  @SuppressWarnings("deprecation")
  private void create(String collection, int shards, int replicas) throws IOException, SolrServerException {
    var create = CollectionAdminRequest.createCollection(collection, configset.name(), shards, replicas);
    create.setWaitForFinalState(true); // answer once every replica is active, so the collection is usable at once
    create.process(client);
  }

  /**
   * Shards with two or more replicas on one node: Solr places them so when it has fewer nodes than replicas, and
   * losing that node then loses the shard, which is what replicas were asked for to prevent.
   */
  private List<String> placementWarnings(String collection) throws IOException, SolrServerException {
    var status = CollectionAdminRequest.getClusterStatus().setCollectionName(collection).process(client);
    Map<?, ?> shards = (Map<?, ?>) path(status.getResponse().get("cluster"), "collections", collection, "shards");
    List<String> warnings = new ArrayList<>();
    for (var shard : new TreeMap<>(shards).entrySet()) {
      Map<String, Integer> perNode = new TreeMap<>();
      for (Object replica : ((Map<?, ?>) path(shard.getValue(), "replicas")).values()) {
        perNode.merge(String.valueOf(path(replica, "node_name")), 1, Integer::sum);
      }
      perNode.forEach(
          (node, count) -> {
            if (count > 1) {
              warnings.add(
                  shard.getKey() + " has " + count + " replicas on one node (" + node
                      + "): losing that node loses the shard; add nodes, or ask for fewer --replicas");
            }
          });
    }
    return warnings;
  }

  /**
   * The fewest replicas any shard of {@code collection} has, as the cluster state lists them (up or not): how many
   * copies a write to that collection should reach.
   *
   * @throws IOException if Solr cannot be reached or refuses (its message is included)
   */
  public int replicasPerShard(String collection) throws IOException {
    try {
      var status = CollectionAdminRequest.getClusterStatus().setCollectionName(collection).process(client);
      Map<?, ?> shards = (Map<?, ?>) path(status.getResponse().get("cluster"), "collections", collection, "shards");
      return shards.values().stream()
          .mapToInt(shard -> ((Map<?, ?>) path(shard, "replicas")).size())
          .min()
          .orElse(1);
    } catch (SolrServerException | IOException e) {
      throw new IOException("no answer from Solr at " + url + " (" + rootCause(e) + ")", e);
    } catch (SolrException e) {
      throw new IOException("Solr at " + url + " refused: " + e.getMessage(), e);
    }
  }

  /** The value at {@code keys} in nested maps of a Solr response. */
  private static Object path(Object map, String... keys) {
    Object at = map;
    for (String key : keys) {
      if (!(at instanceof Map<?, ?> m) || !m.containsKey(key)) {
        throw new IllegalStateException("Solr's cluster status has no " + String.join(".", keys));
      }
      at = m.get(key);
    }
    return at;
  }

  /** Refuses a collection whose schema is not this version's, saying what it is instead. */
  private void checkVersion(String collection) throws IOException, SolrServerException {
    String schemaName = new SchemaRequest.SchemaName().process(client, collection).getSchemaName();
    String version = SolrConfigset.versionOf(schemaName);
    if (version == null) {
      throw new SchemaMismatchException(
          "the collection " + collection + " at " + url + " was not made by transcript-search (its schema is '"
              + schemaName + "'); choose another --collection");
    }
    if (!Schema.VERSION.equals(version)) {
      throw new SchemaMismatchException(
          "the collection " + collection + " at " + url + " was made by another version of transcript-search (schema "
              + version + ", this is " + Schema.VERSION
              + "); delete the collection and run solr setup again, or choose another --collection");
    }
  }

  /**
   * What went wrong, in words: "connection refused" when nothing listens at the address (the JDK's connect failure
   * carries no message, and its own cause is a closed channel), else the innermost cause that says something.
   */
  static String rootCause(Exception e) {
    String said = e.getClass().getSimpleName();
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof java.net.ConnectException) {
        return "connection refused";
      }
      if (t.getMessage() != null && !t.getMessage().isBlank()) {
        said = t.getClass().getSimpleName() + ": " + t.getMessage();
      }
    }
    return said;
  }}
