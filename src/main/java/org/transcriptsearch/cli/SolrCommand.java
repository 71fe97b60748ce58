package org.transcriptsearch.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.transcriptsearch.index.Schema;
import org.transcriptsearch.solr.SolrClients;
import org.transcriptsearch.solr.SolrConfigset;
import org.transcriptsearch.solr.SolrNodes;
import org.transcriptsearch.solr.SolrSetup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code solr setup} and {@code solr configset}: prepare SolrCloud to hold the product's index. */
@Command(
    name = "solr",
    mixinStandardHelpOptions = true,
    description = "Prepares SolrCloud to hold the index (see docs/solrcloud.md).",
    subcommands = {SolrCommand.Setup.class, SolrCommand.Configset.class})
final class SolrCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return 2;
  }

  /** {@code solr setup --solr URL[,URL...] --collection NAME [--shards N] [--replicas R]}. */
  @Command(
      name = "setup",
      mixinStandardHelpOptions = true,
      description = {
        "Uploads the configset generated from this version's schema and creates the collection from it.",
        "A collection that exists with this schema version is left as it is; one of another version is refused."
      })
  static final class Setup implements Callable<Integer> {
    String url; // the nodes given, comma-separated

    @Option(
        names = "--solr",
        required = true,
        split = ",",
        paramLabel = "URL",
        description = "A Solr node, e.g. http://127.0.0.1:8983/solr; several comma-separated or repeated, tried in turn.")
    void nodes(List<String> urls) {
      url = String.join(",", urls); // picocli passes every value given so far, each time
    }

    @Option(names = "--collection", required = true, paramLabel = "NAME", description = "The collection to create.")
    String collection;

    @Option(
        names = "--shards",
        defaultValue = "1",
        paramLabel = "N",
        description = "Shards (default: ${DEFAULT-VALUE}).")
    int shards;

    @Option(
        names = "--replicas",
        defaultValue = "1",
        paramLabel = "R",
        description = "Replicas of each shard (default: ${DEFAULT-VALUE}).")
    int replicas;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      try (SolrNodes client = SolrClients.forUrl(url)) {
        String nodes = client.shown();
        var outcome = new SolrSetup(client, nodes, new SolrConfigset(new Schema())).setUp(collection, shards, replicas);
        outcome.warnings().forEach(w -> spec.commandLine().getErr().println("warning: " + w));
        spec.commandLine().getErr().flush();
        if (outcome.created()) {
          out.printf(
              "created collection %s (%d shard(s) x %d replica(s)) from configset %s at %s%n",
              outcome.collection(), outcome.shards(), outcome.replicas(), outcome.configset(), nodes);
        } else {
          out.printf(
              "collection %s at %s already has schema %s (configset %s); nothing to do%n",
              outcome.collection(), nodes, Schema.VERSION, outcome.configset());
        }
      }
      out.flush();
      return 0;
    }
  }

  /** {@code solr configset --out DIR}: the generated configset as files, for those who upload it themselves. */
  @Command(
      name = "configset",
      mixinStandardHelpOptions = true,
      description = {
        "Writes the configset generated from this version's schema (schema.xml, solrconfig.xml) into DIR, for",
        "uploading with Solr's own tools (bin/solr zk upconfig). solr setup uploads the same files itself."
      })
  static final class Configset implements Callable<Integer> {
    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The folder to write into.")
    Path out;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      PrintWriter printed = spec.commandLine().getOut();
      SolrConfigset configset = new SolrConfigset(new Schema());
      Files.createDirectories(out);
      for (var file : configset.files().entrySet()) {
        Path target = out.resolve(file.getKey());
        Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
        printed.println("wrote " + target);
      }
      printed.println(
          "configset " + configset.name() + " (upload it under that name; do not edit it: the name inside"
              + " schema.xml tells transcript-search its version)");
      printed.flush();
      return 0;
    }
  }
}
