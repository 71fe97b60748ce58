package org.transcriptsearch.generate;

import java.util.List;
import java.util.SplittableRandom;

/** Random draws shared by the generator's parts: long-tailed counts and uniform picks. Stateless. */
final class Draws {
  private Draws() {}

  /**
   * A log-normal count with the given mean and spread, at least {@code min}: most values near the median, a long
   * tail of large ones, as turn counts and turn lengths are in real transcripts.
   */
  static int logNormal(SplittableRandom rng, double mean, double sigma, int min) {
    double mu = Math.log(mean) - sigma * sigma / 2;
    return Math.max(min, (int) Math.round(Math.exp(mu + sigma * gaussian(rng))));
  }

  /** A standard normal value (Box-Muller; one of the pair is dropped, which costs little and keeps no state). */
  static double gaussian(SplittableRandom rng) {
    double u = 1.0 - rng.nextDouble();
    double v = rng.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** True with probability {@code p}. */
  static boolean chance(SplittableRandom rng, double p) {
    return rng.nextDouble() < p;
  }

  /** One element of {@code items}, uniformly. */
  static <T> T pick(SplittableRandom rng, List<T> items) {
    return items.get(rng.nextInt(items.size()));
  }

  /** One element of {@code items}, uniformly. */
  static String pick(SplittableRandom rng, String... items) {
    return items[rng.nextInt(items.length)];
  }
}
