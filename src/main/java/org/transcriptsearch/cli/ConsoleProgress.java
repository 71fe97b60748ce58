package org.transcriptsearch.cli;

import java.io.PrintWriter;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.transcriptsearch.ingest.IngestStatus;
import org.transcriptsearch.ingest.Ingester;

/**
 * Shows ingest progress on a long run by bytes read, not files (one large JSON file is most of a run): a progress
 * bar with the time left on a terminal; otherwise a line every ten seconds with the bytes read, the transcripts,
 * the rate and the time left, so logs of a batch run stay readable. Short runs print nothing.
 */
final class ConsoleProgress implements Ingester.Progress, AutoCloseable {
  private static final long QUIET_MILLIS = 2_000;
  private static final long LINE_EVERY_MILLIS = 10_000;
  private static final int BYTES_PER_UNIT = 1_000_000;

  private final PrintWriter err;
  /** The run script says whether stderr is a terminal: the JVM cannot tell on its own. */
  private final boolean terminal = Boolean.getBoolean("transcript.search.tty");
  private final long started = System.currentTimeMillis();
  private ProgressBar bar;
  private long lastLine = started;
  private IngestStatus last;

  ConsoleProgress(PrintWriter err) {
    this.err = err;
  }

  @Override
  public void status(IngestStatus status) {
    last = status;
    long now = System.currentTimeMillis();
    if (now - started < QUIET_MILLIS) {
      return;
    }
    if (terminal) {
      if (bar == null) {
        bar =
            new ProgressBarBuilder()
                .setTaskName("Indexing")
                .setInitialMax(status.bytesTotal())
                .setUnit(" MB", BYTES_PER_UNIT)
                .setStyle(ProgressBarStyle.ASCII)
                .setConsumer(new ConsoleProgressBarConsumer(System.err))
                .build();
      }
      bar.stepTo(status.bytesRead());
      bar.setExtraMessage(String.format(Locale.ROOT, "%,d transcripts, %,.0f/s", status.transcripts(), rate(status)));
    } else if (now - lastLine >= LINE_EVERY_MILLIS) {
      err.println(line(status));
      err.flush();
      lastLine = now;
    }
  }

  /**
   * The progress line of a run that is not on a terminal: "indexing: 1.2 MB of 3.40 GB (0%), 1,234 transcripts,
   * 36,012 utterances, 617 transcripts/s, about 2 h 10 min left".
   */
  static String line(IngestStatus s) {
    String left = s.left().map(d -> ", about " + Rates.duration(d) + " left").orElse("");
    return String.format(
        Locale.ROOT, "indexing: %s of %s (%d%%), %,d transcripts, %,d utterances, %s transcripts/s%s",
        Rates.bytes(s.bytesRead()), Rates.bytes(s.bytesTotal()), (int) Math.floor(s.done() * 100),
        s.transcripts(), s.utterances(), Rates.rate(rate(s)), left);
  }

  private static double rate(IngestStatus s) {
    return s.transcripts() / Math.max(s.elapsed().toNanos() / 1e9, 1e-3);
  }

  @Override
  public void close() {
    if (bar != null) {
      bar.stepTo(last == null ? bar.getMax() : last.bytesTotal());
      bar.close();
    }
  }
}
