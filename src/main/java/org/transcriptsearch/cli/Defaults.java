package org.transcriptsearch.cli;

import java.nio.file.Path;

/** Where things are by default: under the clone the run script was started from, else the working directory. */
final class Defaults {
  private Defaults() {}

  /** The project folder: set by the run script, so the defaults hold from any working directory. */
  static Path home() {
    return Path.of(System.getProperty("transcript.search.home", "."));
  }

  /** index-data/index: the default index. */
  static Path index() {
    return home().resolve("index-data").resolve("index");
  }

  /** index-data/transcripts: the bundled sample corpus. */
  static Path sampleCorpus() {
    return home().resolve("index-data").resolve("transcripts");
  }
}
