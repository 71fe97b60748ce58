package org.transcriptsearch.search;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import org.apache.lucene.index.QueryTimeout;

/**
 * How long one request may still run, for every phase of it: Lucene checks it while it collects hits (as the
 * searcher's {@link QueryTimeout}) and while the highlighter enumerates terms (through an exitable reader), and the
 * loops over hits, speakers and turns check it between documents. One deadline is made when a request starts and
 * passed to everything the request does, so fifty searches of one request share one limit, not fifty.
 *
 * <p>A deadline may also carry a hook run once, on the request's own thread, when the request has run longer than
 * a threshold: the HTTP layer uses it to move a costly request out of the way of cheap ones. Time the hook spends
 * waiting is not charged to the request.
 *
 * <p>A deadline may also ask, now and then while it is checked, whether anyone still waits for the answer: the HTTP
 * layer asks whether the client is still connected, so a request whose client has gone stops at its next check
 * instead of working on to its time limit.
 *
 * <p>Used by one request at a time; it may be checked from several threads at once (a searcher may search segments in
 * parallel), and the slow hook still runs once only.
 */
public final class Deadline implements QueryTimeout {
  private final Duration limit;
  private final long startNanos;
  private final long slowAfterNanos;
  private final Runnable whenSlow;
  private volatile long endNanos;
  private volatile String expired; // why the request was stopped before its time, or null
  private final AtomicBoolean slowReported = new AtomicBoolean();
  private final BooleanSupplier abandoned; // whether nobody waits for the answer any more; null: never asked
  private final LongSupplier running; // nanoseconds of the request's own running time, which decide it is slow
  private volatile long nextAskNanos;

  /** How often a deadline asks whether the request was abandoned: often enough to free its thread soon after. */
  static final Duration ASK_EVERY = Duration.ofMillis(50);

  /** What a request whose client has gone is stopped with (nobody reads it; the log and the tests do). */
  public static final String ABANDONED = "the client closed the connection, so the request was stopped";

  private Deadline(
      Duration limit, Duration slowAfter, Runnable whenSlow, BooleanSupplier abandoned, LongSupplier running) {
    this.limit = limit;
    this.startNanos = System.nanoTime();
    this.endNanos = startNanos + limit.toNanos();
    this.slowAfterNanos = slowAfter.toNanos();
    this.whenSlow = whenSlow;
    this.abandoned = abandoned;
    this.running = running != null ? running : () -> System.nanoTime() - startNanos;
    this.nextAskNanos = startNanos;
  }

  /** A deadline {@code limit} from now. */
  public static Deadline after(Duration limit) {
    return new Deadline(limit, Duration.ZERO, null, null, null);
  }

  /**
   * A deadline {@code limit} from now that runs {@code whenSlow} once, from the first check made after the request
   * has run for {@code slowAfter}.
   */
  public static Deadline after(Duration limit, Duration slowAfter, Runnable whenSlow) {
    return new Deadline(limit, slowAfter, whenSlow, null, null);
  }

  /**
   * As {@link #after(Duration, Duration, Runnable)}, and the request stops at its next check once {@code abandoned}
   * says nobody waits for its answer. {@code abandoned} is asked at most every {@link #ASK_EVERY}, from whichever
   * thread checks the deadline, and must be cheap and safe to call from any thread.
   */
  public static Deadline after(Duration limit, Duration slowAfter, Runnable whenSlow, BooleanSupplier abandoned) {
    return new Deadline(limit, slowAfter, whenSlow, abandoned, null);
  }

  /**
   * As {@link #after(Duration, Duration, Runnable, BooleanSupplier)}, where the request is slow once {@code running}
   * (nanoseconds of its own running time since it started, as its caller measures it) passes {@code slowAfter}.
   */
  public static Deadline after(
      Duration limit, Duration slowAfter, Runnable whenSlow, BooleanSupplier abandoned, LongSupplier running) {
    return new Deadline(limit, slowAfter, whenSlow, abandoned, running);
  }

  /** The whole time the request was given. */
  public Duration limit() {
    return limit;
  }

  /** Whether the request should stop now: its time is up, or it was stopped. */
  @Override
  public boolean shouldExit() {
    long now = System.nanoTime();
    // Running time never passes wall time, so it is asked (it may take a lock) only past the threshold's wall time.
    if (whenSlow != null && now - startNanos > slowAfterNanos && !slowReported.get()
        && running.getAsLong() > slowAfterNanos && slowReported.compareAndSet(false, true)) {
      whenSlow.run();
      now = System.nanoTime();
    }
    if (abandoned != null && expired == null && now - nextAskNanos >= 0) {
      nextAskNanos = now + ASK_EVERY.toNanos();
      if (abandoned.getAsBoolean()) {
        expired = ABANDONED;
      }
    }
    return expired != null || now - endNanos > 0;
  }

  /** Throws the timeout when the request should stop; cheap enough to call once per document. */
  public void check() {
    if (shouldExit()) {
      throw timeout();
    }
  }

  /** The exception that tells the caller why the request was stopped. */
  public SearchTimeoutException timeout() {
    String why = expired;
    return new SearchTimeoutException(
        why != null
            ? why
            : "the request took longer than " + limit.toMillis() + " ms and was stopped; narrow the query");
  }

  /** Gives the request {@code waited} more: time it spent waiting, not working. */
  public void extend(Duration waited) {
    endNanos += waited.toNanos();
  }

  /** Stops the request at its next check, for the reason {@code why} (what the caller is told). */
  public void expire(String why) {
    expired = why;
  }
}
