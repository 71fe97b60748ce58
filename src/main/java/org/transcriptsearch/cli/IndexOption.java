package org.transcriptsearch.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --index DIR} option every command that reads or writes an index shares. */
final class IndexOption {
  @Option(names = "--index", paramLabel = "DIR", description = "Index folder (default: index-data/index).")
  Path dir;

  /** The folder given, or the default index. */
  Path dir() {
    return dir == null ? Defaults.index() : dir;
  }
}
