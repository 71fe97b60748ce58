package org.transcriptsearch.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.transcriptsearch.ingest.Pipeline;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code --url URL}: the address of the one page file named, where the page itself does not say it. */
final class PageUrlOption {
  @Option(
      names = "--url",
      paramLabel = "URL",
      description = {
        "The address the one page FILE was published at (http or https). Its /YYYY/MM/DD/ path gives the air",
        "date when the page prints none. Without it: NAME.url beside the page, urls.tsv in its folder, the",
        "HTML's canonical link or og:url, or an address line in the page (see docs/pages.md)."
      })
  String url;

  /**
   * {@code pipeline}, reading the one file of {@code paths} with the given address; unchanged without {@code --url}.
   *
   * @throws ParameterException when --url is given with other than one file, or is not a web address
   */
  Pipeline apply(Pipeline pipeline, List<Path> paths, CommandSpec spec) {
    if (url == null) {
      return pipeline;
    }
    if (paths == null || paths.size() != 1 || Files.isDirectory(paths.get(0))) {
      throw new ParameterException(spec.commandLine(), "--url: name exactly one page file with it");
    }
    try {
      return pipeline.withPageAddress(paths.get(0), url);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--url: " + e.getMessage(), e);
    }
  }
}
