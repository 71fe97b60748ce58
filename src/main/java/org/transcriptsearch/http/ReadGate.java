package org.transcriptsearch.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.ServiceUnavailableResponse;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.transcriptsearch.search.Deadline;

/**
 * Lets a bounded number of reads run at once, in two lanes, and gives each read its {@link Deadline}.
 *
 * <p>Every read starts in the main lane, where a few per core run at once and the others wait their turn: the time
 * limit counts only a read's own running time, so hundreds of concurrent clients make answers slower, not failed.
 * A read still running after {@link #SLOW_AFTER} leaves the main lane for the slow lane, where only one per two
 * cores runs at once: however many costly requests arrive together, they hold at most that share of the machine,
 * and a cheap query never waits behind them. The wait for the slow lane is not charged to the read's time limit;
 * it is bounded by {@link #MAX_WAIT_SECONDS} like the wait for the main lane.
 */
final class ReadGate {
  /** How long a read may wait for its turn (in either lane) before it is answered 503. */
  static final long MAX_WAIT_SECONDS = 60;

  /** How long a read may run in the main lane before it moves to the slow lane. */
  static final Duration SLOW_AFTER = Duration.ofMillis(250);

  /** The name of the request attribute holding the read's deadline. */
  private static final String DEADLINE = ReadGate.class.getName() + ".deadline";

  private final Semaphore main;
  private final Semaphore slow;
  private final Duration limit;

  /** A gate letting {@code concurrent} reads run at once, {@code slowConcurrent} of them slow, each within {@code limit}. */
  ReadGate(int concurrent, int slowConcurrent, Duration limit) {
    this.main = new Semaphore(concurrent, true);
    this.slow = new Semaphore(slowConcurrent, true);
    this.limit = limit;
  }

  /**
   * A gate sized for this machine: a few reads per core keep every core busy (more than that only slows each of
   * them), with room for costly reads still in their first, uninterruptible step (rewriting the query); slow reads
   * get half the cores.
   */
  static ReadGate forThisMachine(Duration limit) {
    int cores = Runtime.getRuntime().availableProcessors();
    return new ReadGate(Math.max(8, 4 * cores), Math.max(1, cores / 2), limit);
  }

  /** The deadline of the read {@code ctx} is (one of this gate's); a fresh one outside a gate. */
  Deadline deadline(Context ctx) {
    Deadline deadline = ctx.attribute(DEADLINE);
    return deadline != null ? deadline : Deadline.after(limit);
  }

  /** Runs {@code handler} once a permit is free, with the read's deadline in {@code ctx}. */
  void run(Context ctx, Handler handler) throws Exception {
    if (!main.tryAcquire(MAX_WAIT_SECONDS, TimeUnit.SECONDS)) {
      throw new ServiceUnavailableResponse("the server is too busy to answer now; try again shortly");
    }
    Pass pass = new Pass();
    ctx.attribute(DEADLINE, pass.deadline);
    try {
      handler.handle(ctx);
    } finally {
      pass.held.release();
    }
  }

  /** One read's permit and deadline; used on the read's own thread only. */
  private final class Pass {
    private Semaphore held = main;
    private final Deadline deadline = Deadline.after(limit, SLOW_AFTER, this::moveToSlowLane);

    private void moveToSlowLane() {
      held.release();
      long waitStart = System.nanoTime();
      boolean got;
      try {
        got = slow.tryAcquire(MAX_WAIT_SECONDS, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        got = false;
      }
      // The permit to give back at the end: the slow one, or (refused) one to balance the release of the main one.
      held = got ? slow : new Semaphore(1);
      deadline.extend(Duration.ofNanos(System.nanoTime() - waitStart));
      if (!got) {
        deadline.expire("the server is too busy with costly requests to answer this one now; try again shortly");
      }
    }
  }
}
