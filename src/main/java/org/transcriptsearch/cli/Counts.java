package org.transcriptsearch.cli;

import java.util.Locale;

/** Counts as people write them: "1 file", "2 files", "12,500 utterances". */
final class Counts {
  private Counts() {}

  /** {@code n} and {@code noun}, the noun plural unless n is 1 (regular plurals only: add "s"). */
  static String of(long n, String noun) {
    return String.format(Locale.ROOT, "%,d %s", n, n == 1 ? noun : noun + "s");
  }
}
