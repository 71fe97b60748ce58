package org.transcriptsearch.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.transcriptsearch.dedup.MirrorEvaluation;
import org.transcriptsearch.index.TranscriptIndex;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code check-mirrors TRUTH}: precision and recall of the index's grouping of mirrored copies. */
@Command(
    name = "check-mirrors",
    mixinStandardHelpOptions = true,
    description = {
      "Measures how the index grouped the copies of each story against TRUTH (the mirrors.json that",
      "'generate --mirrors' writes): precision and recall over pairs of copies, and any transcript that",
      "holds copies of more than one story."
    })
final class CheckMirrorsCommand implements Callable<Integer> {
  @Mixin IndexOption indexFolder;

  @Mixin DataOptions data;

  @Mixin SolrOptions solr;

  @Parameters(paramLabel = "TRUTH", description = "Which copy is of which story (mirrors.json).")
  Path truth;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    if (solr.given(indexFolder)) {
      throw new ParameterException(spec.commandLine(), "check-mirrors --solr: a SolrCloud collection groups no mirror"
          + " copies (each copy is its own transcript there: grouping needs the embedded index), so there is no"
          + " grouping to check; check the embedded index with --index DIR");
    }
    try (TranscriptIndex index = TranscriptIndex.openReadOnly(indexFolder.dir(), data.pipeline().schema())) {
      MirrorEvaluation.Report report = MirrorEvaluation.of(index, truth);
      out.printf(Locale.ROOT, "%d stories, %d copies, in %d transcripts%n",
          report.stories(), report.copies(), report.transcripts());
      out.printf(Locale.ROOT, "precision %.4f, recall %.4f (pairs of copies)%n", report.precision(), report.recall());
      if (report.missing() > 0) {
        out.printf(Locale.ROOT, "%d copies are in no transcript's sources%n", report.missing());
      }
      report.merged().forEach(stories -> out.printf("one transcript holds stories %s%n", stories));
      report.split().forEach(story -> out.printf("story %d is in more than one transcript%n", story));
    }
    out.flush();
    return 0;
  }
}
