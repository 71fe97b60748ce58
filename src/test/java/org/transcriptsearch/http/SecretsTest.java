package org.transcriptsearch.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Tokens and keys match exactly, and how long a check takes does not depend on how close a guess is. */
class SecretsTest {
  @Test
  void onlyTheExactSecretMatches() {
    Secrets secrets = new Secrets(List.of("alpha-key", "beta-key"));

    assertThat(secrets.matches("alpha-key")).isTrue();
    assertThat(secrets.matches("beta-key")).isTrue();
    assertThat(secrets.matches("alpha-ke")).isFalse();
    assertThat(secrets.matches("alpha-keyy")).isFalse();
    assertThat(secrets.matches("ALPHA-KEY")).isFalse();
    assertThat(secrets.matches("")).isFalse();
    assertThat(secrets.matches(null)).isFalse();
    assertThat(new Secrets(List.of()).matches("anything")).isFalse();
  }

  /**
   * A comparison that stops at the first differing character (String.equals, Arrays.equals) takes thousands of
   * times longer on a long guess that is wrong only at its end than on one wrong at its start; a constant-time
   * one takes the same.
   */
  @Test
  void aGuessWrongAtTheEndTakesNoLongerThanOneWrongAtTheStart() {
    String secret = "k".repeat(2_000_000);
    Secrets secrets = new Secrets(List.of(secret));
    String wrongAtStart = "x" + secret.substring(1);
    String wrongAtEnd = secret.substring(1) + "x";

    long start = 0;
    long end = 0;
    for (int round = 0; round < 12; round++) { // interleaved, the first rounds warming up
      long a = time(secrets, wrongAtStart);
      long b = time(secrets, wrongAtEnd);
      if (round >= 4) {
        start += a;
        end += b;
      }
    }
    assertThat((double) end / start).isBetween(0.33, 3.0);
  }

  private static long time(Secrets secrets, String guess) {
    long t0 = System.nanoTime();
    assertThat(secrets.matches(guess)).isFalse();
    return System.nanoTime() - t0;
  }
}
