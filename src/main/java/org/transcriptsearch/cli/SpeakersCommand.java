package org.transcriptsearch.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.transcriptsearch.index.TranscriptIndex;
import org.transcriptsearch.model.Json;
import org.transcriptsearch.search.Results.FacetValue;
import org.transcriptsearch.search.EmbeddedBackend;
import org.transcriptsearch.solr.SolrSearchBackend;
import org.transcriptsearch.search.SpeakerSearch.SpeakerEntry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code speakers [PREFIX]}: the canonical speakers of the index with their variants, roles and programs. */
@Command(
    name = "speakers",
    mixinStandardHelpOptions = true,
    description = {
      "Lists the speakers of the index, the most frequent first: the canonical name (the most common full form),",
      "the forms of the name in use, roles, programs and utterance counts. With PREFIX, only names with a word",
      "starting with it."
    })
final class SpeakersCommand implements Callable<Integer> {
  @Mixin IndexOption indexFolder;

  @Mixin SolrOptions solr;

  @Option(names = "--limit", defaultValue = "50", description = "Speakers to list (default: ${DEFAULT-VALUE}).")
  int limit;

  @Option(names = "--json", description = "One JSON object per speaker per line.")
  boolean json;

  @Parameters(paramLabel = "PREFIX", arity = "0..1", description = "Only names with a word starting with this.")
  String prefix;

  @Mixin DataOptions data;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    List<SpeakerEntry> entries;
    if (solr.given(indexFolder)) {
      try (SolrSearchBackend backend = solr.backend(data.pipeline().schema())) {
        var listed = backend.speakerList(prefix, limit);
        ShardsWarning.print(spec.commandLine().getErr(), listed.shards(), "the speakers and counts");
        entries = listed.values();
      }
    } else {
      try (TranscriptIndex index = TranscriptIndex.openReadOnly(indexFolder.dir(), data.pipeline().schema())) {
        entries = EmbeddedBackend.of(index).speakers(prefix, limit);
      }
    }
    for (SpeakerEntry e : entries) {
      out.println(json ? Json.mapper().writeValueAsString(e) : line(e));
    }
    out.flush();
    return 0;
  }

  private static String line(SpeakerEntry e) {
    return String.format(
        "%s (%,d utterances) - roles: %s - programs: %s - written: %s",
        e.name(),
        e.utterances(),
        counts(e.roles()),
        e.programs().isEmpty() ? "-" : counts(e.programs()),
        e.variants().entrySet().stream()
            .map(v -> v.getKey() + " " + v.getValue())
            .collect(Collectors.joining(", ")));
  }

  private static String counts(List<FacetValue> values) {
    return values.stream().map(v -> v.value() + " " + v.count()).collect(Collectors.joining(", "));
  }
}
