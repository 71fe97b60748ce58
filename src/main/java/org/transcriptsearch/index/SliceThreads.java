package org.transcriptsearch.index;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads one search spreads its segment slices (and its facet counting) over, beside its own: as many as the
 * machine has cores less one. A slice is never queued behind another request's: when every thread is busy (several
 * requests at once) the task runs at once on the thread that hands it over, so a loaded server searches as it would
 * without the pool (no hand-offs, no waiting), and a lone request uses the idle cores. Idle threads end after a
 * while, so an index that is not searched holds none.
 */
final class SliceThreads {
  private static final long IDLE_SECONDS = 30;

  private SliceThreads() {}

  /** The extra threads a search may use by default: one per core beyond the searching thread's own. */
  static int byDefault() {
    return Math.max(0, Runtime.getRuntime().availableProcessors() - 1);
  }

  /**
   * A pool of at most {@code threads} daemon threads that runs a task on the submitting thread when all are busy
   * (or the pool is shut down: a search in flight while its index closes still ends); null when 0.
   */
  static ExecutorService pool(int threads) {
    if (threads < 0) {
      throw new IllegalArgumentException("search threads must be 0 or more, was " + threads);
    }
    if (threads == 0) {
      return null;
    }
    return new ThreadPoolExecutor(
        0, threads, IDLE_SECONDS, TimeUnit.SECONDS, new SynchronousQueue<>(), daemons(),
        (task, pool) -> task.run());
  }

  private static ThreadFactory daemons() {
    AtomicInteger made = new AtomicInteger();
    return task -> {
      Thread t = new Thread(task, "search-slice-" + made.incrementAndGet());
      t.setDaemon(true); // a pool thread never keeps a finished program alive
      return t;
    };
  }
}
