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
   * What makes the check constant-time, checked by structure rather than by the clock: what is kept and compared
   * are digests of one length (SHA-256, 32 bytes) whatever the secret's length, and no secret is kept as text.
   */
  @Test
  void onlyFixedLengthDigestsAreKeptAndCompared() throws Exception {
    String longSecret = "k".repeat(100_000);
    Secrets secrets = new Secrets(List.of("a", longSecret));
    for (java.lang.reflect.Field field : Secrets.class.getDeclaredFields()) {
      field.setAccessible(true);
      Object value = field.get(secrets);
      assertThat(value).as(field.getName()).isNotInstanceOf(String.class);
      if (value instanceof List<?> list) {
        assertThat(list).hasSize(2).allSatisfy(d -> assertThat((byte[]) d).hasSize(32));
        assertThat(list.toString()).doesNotContain("kkkk");
      }
    }
  }

  /**
   * Timing, for the slow profile only (a ratio of wall-clock times says little on a busy machine): a comparison
   * that stops at the first differing character (String.equals, Arrays.equals) takes thousands of
   * times longer on a long guess that is wrong only at its end than on one wrong at its start; a constant-time
   * one takes the same.
   */
  @Test
  @org.junit.jupiter.api.Tag("slow")
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
