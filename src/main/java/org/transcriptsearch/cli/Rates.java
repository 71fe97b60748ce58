package org.transcriptsearch.cli;

import java.time.Duration;
import java.util.Locale;

/** Durations, rates and sizes as the command line prints them: "1 min 5 s", "1,234 transcripts/s", "12.5 MB". */
final class Rates {
  private Rates() {}

  /** The last line of an ingest summary: "Took 2.4 s: 1,234 transcripts/s, 36,012 utterances/s". */
  static String took(Duration took, long transcripts, long utterances) {
    double seconds = Math.max(took.toNanos() / 1e9, 1e-3);
    return "Took " + duration(took) + ": " + rate(transcripts / seconds) + " transcripts/s, "
        + rate(utterances / seconds) + " utterances/s";
  }

  /** "1,234", or "0.4" below ten, where a whole number would say nothing. */
  static String rate(double perSecond) {
    return String.format(Locale.ROOT, perSecond < 10 ? "%.1f" : "%,.0f", perSecond);
  }

  /** "0.4 s", "12 s", "3 min 5 s", "2 h 10 min". */
  static String duration(Duration d) {
    long s = d.toSeconds();
    if (s < 10) {
      return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }
    if (s < 3600) {
      return s < 60 ? s + " s" : (s / 60) + " min " + (s % 60) + " s";
    }
    return (s / 3600) + " h " + (s % 3600 / 60) + " min";
  }

  /** "512 KB", "12.5 MB", "3.2 GB". */
  static String bytes(long n) {
    if (n < 1_000_000) {
      return String.format(Locale.ROOT, "%,d KB", (n + 999) / 1000);
    }
    return n < 1_000_000_000
        ? String.format(Locale.ROOT, "%.1f MB", n / 1e6)
        : String.format(Locale.ROOT, "%.2f GB", n / 1e9);
  }
}
