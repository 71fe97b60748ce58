package org.transcriptsearch.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A deadline stops its request when time is up, when it is expired, or when nobody waits for the answer any more. */
class DeadlineTest {
  @Test
  void whetherTheClientLeftIsAskedNowAndThenAndStopsTheRequestOnceItHas() throws Exception {
    AtomicInteger asked = new AtomicInteger();
    AtomicBoolean gone = new AtomicBoolean();
    Deadline deadline = Deadline.after(Duration.ofMinutes(1), Duration.ofMinutes(1), () -> {}, () -> {
      asked.incrementAndGet();
      return gone.get();
    });
    for (int i = 0; i < 100_000; i++) { // a check per document is cheap: the question is not asked each time
      assertThat(deadline.shouldExit()).isFalse();
    }
    assertThat(asked.get()).isBetween(1, 20);
    gone.set(true);
    Thread.sleep(Deadline.ASK_EVERY.toMillis() + 20);
    assertThatThrownBy(deadline::check).isInstanceOf(SearchTimeoutException.class).hasMessage(Deadline.ABANDONED);
  }

  @Test
  void theSlowHookRunsByTheRunningTimeItIsGivenNotByWallTime() throws Exception {
    AtomicInteger hooked = new AtomicInteger();
    java.util.concurrent.atomic.AtomicLong running = new java.util.concurrent.atomic.AtomicLong();
    Deadline deadline = Deadline.after(
        Duration.ofMinutes(1), Duration.ofMillis(20), hooked::incrementAndGet, () -> false, running::get);
    Thread.sleep(40); // twice the threshold of wall time, but little running time
    running.set(Duration.ofMillis(19).toNanos());
    assertThat(deadline.shouldExit()).isFalse();
    assertThat(hooked.get()).isZero();
    running.set(Duration.ofMillis(21).toNanos());
    assertThat(deadline.shouldExit()).isFalse();
    assertThat(hooked.get()).isEqualTo(1);
  }

  @Test
  void theSlowHookRunsOnceWhenManyThreadsCheckAtOnce() throws Exception {
    AtomicInteger hooked = new AtomicInteger();
    Deadline deadline = Deadline.after(Duration.ofMinutes(1), Duration.ZERO, hooked::incrementAndGet);
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      threads.add(Thread.ofPlatform().start(() -> {
        try {
          start.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        for (int i = 0; i < 10_000; i++) {
          deadline.shouldExit();
        }
      }));
    }
    Thread.sleep(5);
    start.countDown();
    for (Thread thread : threads) {
      thread.join();
    }
    assertThat(hooked.get()).isEqualTo(1);
  }

  @Test
  void anExpiredDeadlineSaysWhy() {
    Deadline deadline = Deadline.after(Duration.ofMinutes(1));
    assertThat(deadline.shouldExit()).isFalse();
    deadline.expire("the server is too busy");
    assertThatThrownBy(deadline::check).isInstanceOf(SearchTimeoutException.class).hasMessage("the server is too busy");
  }
}
