package org.transcriptsearch.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.ServiceUnavailableResponse;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Lets a bounded number of reads run at once; the others wait their turn. The search timeout counts only a
 * search's own running time, so hundreds of concurrent clients make answers slower, not failed: without the gate
 * they would all run together, each too slowly to finish within its timeout.
 */
final class ReadGate {
  /** How long a read may wait for its turn before it is answered 503. */
  static final long MAX_WAIT_SECONDS = 60;

  private final Semaphore permits;

  /** A gate letting {@code concurrent} reads run at once. */
  ReadGate(int concurrent) {
    this.permits = new Semaphore(concurrent, true);
  }

  /** A gate sized for this machine: a few reads per core keep every core busy. */
  static ReadGate forThisMachine() {
    return new ReadGate(Math.max(4, 2 * Runtime.getRuntime().availableProcessors()));
  }

  /** Runs {@code handler} once a permit is free. */
  void run(Context ctx, Handler handler) throws Exception {
    if (!permits.tryAcquire(MAX_WAIT_SECONDS, TimeUnit.SECONDS)) {
      throw new ServiceUnavailableResponse("the server is too busy to answer now; try again shortly");
    }
    try {
      handler.handle(ctx);
    } finally {
      permits.release();
    }
  }
}
