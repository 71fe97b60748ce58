package org.transcriptsearch.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.transcriptsearch.index.TranscriptIndex;
import org.transcriptsearch.index.TranscriptStore;
import org.transcriptsearch.ingest.Format;
import org.transcriptsearch.ingest.IngestSummary;
import org.transcriptsearch.ingest.Pipeline;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code index [--index DIR | --solr URL --collection NAME] [--format F] PATH...}: ingest files and folders into the
 * index or a SolrCloud collection.
 */
@Command(
    name = "index",
    mixinStandardHelpOptions = true,
    description = {
      "Indexes transcript files and folders (folders are read recursively). Re-indexing replaces by id, so",
      "running it twice gives the same counts. Bad files and records are named and skipped; the exit status",
      "is 1 if anything was skipped. A record read in part is indexed with a warning naming the field and",
      "what was done. Progress is shown by bytes read; the summary ends with the time taken and the rate.",
      "With no PATH, indexes the bundled sample corpus."
    })
final class IndexCommand implements Callable<Integer> {
  @Mixin IndexOption indexFolder;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "auto",
      description = {
        "auto, page, mediasum, interview or jsonl (default: ${DEFAULT-VALUE}: by extension and content).",
        "mediasum: a MediaSum JSON array or JSON lines. interview: the NPR Interview corpus, named as",
        "episodes.csv and utterances.csv together or as the folder holding them (or episodes.csv,",
        "utterances-2sp.csv and its host map, host_id.json or host-map.json)."
      })
  String format;

  @Parameters(paramLabel = "PATH", arity = "0..*", description = "Files or folders to index.")
  List<Path> paths;

  @Mixin DataOptions data;

  @Mixin PageUrlOption pageUrl;

  @Mixin SolrOptions solr;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Pipeline pipeline = pageUrl.apply(data.pipeline(), paths, spec);
    Path dir = indexFolder.dir();
    List<Path> inputs = paths == null || paths.isEmpty() ? List.of(Defaults.sampleCorpus()) : paths;
    IngestSummary summary;
    long started = System.nanoTime();
    boolean onSolr = solr.given(indexFolder);
    var store = onSolr ? solr.store(pipeline.schema()) : null; // checked before any file is read
    try (TranscriptStore index = onSolr ? store : TranscriptIndex.openWritable(dir, pipeline.schema());
        ConsoleProgress progress = new ConsoleProgress(spec.commandLine().getErr())) {
      summary = pipeline.ingester(index).ingest(inputs, Format.of(format), progress);
    }
    String into = onSolr ? store.shown() : dir.toString();
    report(summary, into, Duration.ofNanos(System.nanoTime() - started), spec.commandLine().getOut());
    return summary.complete() ? 0 : 1;
  }

  private static void report(IngestSummary summary, String into, Duration took, PrintWriter out) {
    out.printf(
        "Indexed %s (%s) from %s into %s%n",
        Counts.of(summary.transcripts(), "transcript"), Counts.of(summary.utterances(), "utterance"),
        Counts.of(summary.files(), "file"), into);
    if (summary.duplicates() > 0) {
      out.printf("%,d duplicates (the same transcript again) replaced their first copy%n", summary.duplicates());
    }
    if (!summary.warnings().isEmpty()) {
      out.printf("Read with %s:%n", Counts.of(summary.warnings().size(), "warning"));
      summary.warnings().forEach(s -> out.printf("  %s: %s%n", s.where(), s.reason()));
    }
    if (!summary.skipped().isEmpty()) {
      out.printf("Skipped %,d:%n", summary.skipped().size());
      summary.skipped().forEach(s -> out.printf("  %s: %s%n", s.where(), s.reason()));
    }
    if (!summary.ignored().isEmpty()) {
      out.printf("Ignored %,d:%n", summary.ignored().size());
      summary.ignored().forEach(s -> out.printf("  %s: %s%n", s.where(), s.reason()));
    }
    out.println(Rates.took(took, summary.transcripts(), summary.utterances()));
    out.flush();
  }
}
