package org.transcriptsearch.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.transcriptsearch.ingest.Ingester;

/**
 * Shows ingest progress on a long run: a progress bar on a terminal; otherwise a line every ten seconds, so logs of
 * a batch run stay readable. Short runs print nothing.
 */
final class ConsoleProgress implements Ingester.Progress, AutoCloseable {
  private static final long QUIET_MILLIS = 2_000;
  private static final long LINE_EVERY_MILLIS = 10_000;

  private final PrintWriter err;
  /** The run script says whether stderr is a terminal: the JVM cannot tell on its own. */
  private final boolean terminal = Boolean.getBoolean("transcript.search.tty");
  private final long started = System.currentTimeMillis();
  private ProgressBar bar;
  private long lastLine = started;
  private int fileIndex;
  private int totalFiles;

  ConsoleProgress(PrintWriter err) {
    this.err = err;
  }

  @Override
  public void file(Path file, int index, int total) {
    fileIndex = index;
    totalFiles = total;
    if (bar != null) {
      bar.stepTo(index);
      bar.setExtraMessage(file.getFileName().toString());
    }
  }

  @Override
  public void transcript(long transcripts, long utterances) {
    long now = System.currentTimeMillis();
    if (now - started < QUIET_MILLIS) {
      return;
    }
    if (terminal) {
      if (bar == null) {
        bar =
            new ProgressBarBuilder()
                .setTaskName("Indexing")
                .setInitialMax(totalFiles)
                .setUnit(" files", 1)
                .setStyle(ProgressBarStyle.ASCII)
                .setConsumer(new ConsoleProgressBarConsumer(System.err))
                .build();
        bar.stepTo(fileIndex);
      }
      bar.setExtraMessage(String.format("%,d transcripts, %,d utterances", transcripts, utterances));
    } else if (now - lastLine >= LINE_EVERY_MILLIS) {
      err.printf(
          "indexing: file %,d of %,d, %,d transcripts, %,d utterances%n",
          fileIndex + 1, totalFiles, transcripts, utterances);
      err.flush();
      lastLine = now;
    }
  }

  @Override
  public void close() {
    if (bar != null) {
      bar.stepTo(totalFiles);
      bar.close();
    }
  }
}
