package org.transcriptsearch.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.ServiceUnavailableResponse;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.transcriptsearch.search.Deadline;
import org.transcriptsearch.search.SearchTimeoutException;

/**
 * Lets a bounded number of reads run at once, in two lanes, and gives each read its {@link Deadline}.
 *
 * <p>Every read starts in the main lane, where a few per core run at once and the others wait their turn: the time
 * limit counts only a read's own running time, so hundreds of concurrent clients make answers slower, not failed.
 * A read that has had {@link #SLOW_AFTER} of running time leaves the main lane for the slow lane, where only one per
 * two cores runs at once: however many costly requests arrive together, they hold at most that share of the machine,
 * and a cheap query never waits behind them. A read's running time is its share of the cores while it ran
 * ({@link FairShare}): eight reads at once on two cores each get a quarter of a core, so an ordinary search that
 * takes a second of wall time among them has had a quarter second, and stays where it is. The wait for the slow
 * lane is not charged to the read's time limit; it is bounded by {@link #MAX_WAIT_SECONDS} like the wait for the main
 * lane.
 *
 * <p>A read whose client has closed the connection stops at its deadline's next check (see {@link ClientConnection}),
 * whether it is working or waiting for the slow lane, and gives its permit back; the log says so.
 */
final class ReadGate {
  private static final Logger LOG = LoggerFactory.getLogger(ReadGate.class);

  /** How long a waiting read sleeps between looks at whether its client is still there. */
  private static final long LOOK_EVERY_MILLIS = 100;

  /** How long a read may wait for its turn (in either lane) before it is answered 503. */
  static final long MAX_WAIT_SECONDS = 60;

  /** How long a read may run in the main lane before it moves to the slow lane. */
  static final Duration SLOW_AFTER = Duration.ofMillis(250);

  /** The name of the request attribute holding the read's deadline. */
  private static final String DEADLINE = ReadGate.class.getName() + ".deadline";

  private final Semaphore main;
  private final Semaphore slow;
  private final Duration limit;
  private final AtomicInteger working = new AtomicInteger();
  private final FairShare share = new FairShare(Runtime.getRuntime().availableProcessors());
  private final AtomicLong abandoned = new AtomicLong();

  /** A gate letting {@code concurrent} reads run at once, {@code slowConcurrent} of them slow, each within {@code limit}. */
  ReadGate(int concurrent, int slowConcurrent, Duration limit) {
    this.main = new Semaphore(concurrent, true);
    this.slow = new Semaphore(slowConcurrent, true);
    this.limit = limit;
  }

  /**
   * A gate sized for this machine: a few reads per core keep every core busy (more than that only slows each of
   * them), with room for costly reads still in their first quarter second; slow reads get half the cores.
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
    ClientConnection client = ClientConnection.of(ctx);
    long start = System.nanoTime();
    // A read whose client leaves while it waits here stops at its deadline's first check, at once.
    if (!main.tryAcquire(MAX_WAIT_SECONDS, TimeUnit.SECONDS)) {
      throw new ServiceUnavailableResponse("the server is too busy to answer now; try again shortly");
    }
    working.incrementAndGet();
    share.started();
    Pass pass = new Pass(client);
    ctx.attribute(DEADLINE, pass.deadline);
    try {
      handler.handle(ctx);
    } catch (SearchTimeoutException e) {
      stopped(ctx, client, start);
      throw e;
    } finally {
      share.stopped();
      working.decrementAndGet();
      pass.held.release();
    }
  }

  /** How many reads hold a permit now. */
  int working() {
    return working.get();
  }

  /** How many reads were stopped because their client had gone. */
  long abandoned() {
    return abandoned.get();
  }

  /**
   * Takes a permit of {@code lane}, waiting up to {@link #MAX_WAIT_SECONDS}; false when the wait was too long or the
   * client left meanwhile (a costly read may wait long for the slow lane: its thread is not held for nobody).
   */
  private static boolean acquire(Semaphore lane, ClientConnection client) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(MAX_WAIT_SECONDS);
    while (!lane.tryAcquire(LOOK_EVERY_MILLIS, TimeUnit.MILLISECONDS)) {
      if (client.getAsBoolean() || System.nanoTime() - end > 0) {
        return false;
      }
    }
    return true;
  }

  private void stopped(Context ctx, ClientConnection client, long start) {
    if (client.gone()) {
      abandoned.incrementAndGet();
      LOG.info("{} {}: {} after {} ms", ctx.method(), ctx.path(), Deadline.ABANDONED,
          (System.nanoTime() - start) / 1_000_000);
    }
  }

  /**
   * Running time as the reads running at once share the cores: a clock that runs at full speed while there are no
   * more reads than cores, and at {@code cores / n} while {@code n} run. The time a read has had is the clock's advance
   * since it started. It is the share of a processor-sharing machine, not a measure of CPU: a read waiting on the disk
   * is counted as running, and one whose segments are searched on several threads as on one.
   */
  static final class FairShare {
    private final int cores;
    private final LongSupplier wallClock;
    private int running;
    private long at; // when `running` last changed
    private long clock; // the clock's reading then

    FairShare(int cores) {
      this(cores, System::nanoTime);
    }

    /** A fair share of {@code cores} by {@code wallClock} (nanoseconds). */
    FairShare(int cores, LongSupplier wallClock) {
      this.cores = Math.max(1, cores);
      this.wallClock = wallClock;
      this.at = wallClock.getAsLong();
    }

    /** The clock now, in nanoseconds. */
    synchronized long now() {
      return clock + advance(wallClock.getAsLong());
    }

    synchronized void started() {
      changed(+1);
    }

    synchronized void stopped() {
      changed(-1);
    }

    private void changed(int by) {
      long wall = wallClock.getAsLong();
      clock += advance(wall);
      at = wall;
      running += by;
    }

    private long advance(long wall) {
      long elapsed = wall - at;
      return running <= cores ? elapsed : elapsed * cores / running;
    }
  }

  /** One read's permit and deadline. */
  private final class Pass {
    private volatile Semaphore held = main;
    private final ClientConnection client;
    private final Deadline deadline;
    private final long started = share.now();

    Pass(ClientConnection client) {
      this.client = client;
      this.deadline =
          Deadline.after(limit, SLOW_AFTER, this::moveToSlowLane, client, () -> share.now() - started);
    }

    private void moveToSlowLane() {
      held.release();
      share.stopped(); // not running while it waits

      long waitStart = System.nanoTime();
      boolean got;
      try {
        got = acquire(slow, client);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        got = false;
      }
      // The permit to give back at the end: the slow one, or (refused) one to balance the release of the main one.
      held = got ? slow : new Semaphore(1);
      share.started();
      deadline.extend(Duration.ofNanos(System.nanoTime() - waitStart));
      if (!got) {
        deadline.expire(client.gone()
            ? Deadline.ABANDONED
            : "the server is too busy with costly requests to answer this one now; try again shortly");
      }
    }
  }
}
