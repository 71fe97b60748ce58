package org.transcriptsearch.search;

import java.time.Duration;

/**
 * Bounds on what one search may cost, so no query however built can take the server down.
 *
 * @param maxQueryLength the longest query string accepted, in characters
 * @param minWildcardPrefix characters a wildcard or prefix term must start with ("ab*" with 2), so one query cannot
 *     expand to most of the vocabulary
 * @param timeout how long one search may run before it is stopped and answered as unavailable
 */
public record SearchLimits(int maxQueryLength, int minWildcardPrefix, Duration timeout) {
  /** 1,000 characters, 2-character wildcard prefixes, 10 seconds. */
  public static final SearchLimits DEFAULT = new SearchLimits(1_000, 2, Duration.ofSeconds(10));

  public SearchLimits {
    if (maxQueryLength < 1 || minWildcardPrefix < 0 || timeout.isNegative()) {
      throw new IllegalArgumentException("search limits must be positive");
    }
  }

  /** These limits with another timeout. */
  public SearchLimits withTimeout(Duration newTimeout) {
    return new SearchLimits(maxQueryLength, minWildcardPrefix, newTimeout);
  }
}
