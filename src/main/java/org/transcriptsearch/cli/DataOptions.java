package org.transcriptsearch.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.transcriptsearch.ingest.Pipeline;
import org.transcriptsearch.reader.BadInputException;
import picocli.CommandLine.Option;

/** The user's own data files that extend what ships: topics and speaker name spellings. */
final class DataOptions {
  @Option(
      names = "--topics",
      paramLabel = "FILE",
      description = "Extra topics, in the format of the shipped topics.tsv (see README).")
  Path topics;

  @Option(
      names = "--speaker-aliases",
      paramLabel = "FILE",
      description = "Extra spellings of people's names, in the format of the shipped speaker-aliases.tsv.")
  Path aliases;

  /** The pipeline with the shipped data and these files. */
  Pipeline pipeline() throws IOException, BadInputException {
    return topics == null && aliases == null ? Pipeline.standard() : Pipeline.extendedBy(topics, aliases);
  }
}
