package org.transcriptsearch.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The running time the read gate decides a read is slow by: wall time while no more reads run than there are cores,
 * a share of it while more do.
 */
class FairShareTest {
  private final AtomicLong wall = new AtomicLong(1_000);
  private final ReadGate.FairShare share = new ReadGate.FairShare(2, wall::get);

  @Test
  void aReadAloneOrWithOneOtherOnTwoCoresRunsAtWallSpeed() {
    share.started();
    long start = share.now();
    wall.addAndGet(100);
    share.started();
    wall.addAndGet(50);
    assertThat(share.now() - start).isEqualTo(150);
  }

  @Test
  void eightReadsOnTwoCoresEachRunAtAQuarterOfWallSpeedUntilSixStop() {
    for (int i = 0; i < 8; i++) {
      share.started();
    }
    long start = share.now();
    wall.addAndGet(400); // 400 of wall time, 100 each
    assertThat(share.now() - start).isEqualTo(100);
    for (int i = 0; i < 4; i++) {
      share.stopped();
    }
    wall.addAndGet(100); // four left: half speed
    assertThat(share.now() - start).isEqualTo(150);
    share.stopped();
    share.stopped();
    wall.addAndGet(30); // two left: full speed
    assertThat(share.now() - start).isEqualTo(180);
  }

  @Test
  void aReadThatStartsLaterCountsOnlyFromItsStart() {
    share.started();
    wall.addAndGet(500);
    long start = share.now();
    share.started();
    share.started();
    share.started(); // four on two cores
    wall.addAndGet(200);
    assertThat(share.now() - start).isEqualTo(100);
  }
}
