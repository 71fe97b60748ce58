package org.transcriptsearch.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.List;

/**
 * A set of secrets checked in constant time: what is compared are SHA-256 digests, with
 * {@link MessageDigest#isEqual}, against every secret, so how long a check takes tells nothing about how much of
 * a guess was right, nor its length, nor which secret it came close to.
 */
final class Secrets {
  private final List<byte[]> digests;

  /** The secrets {@code secrets} (may be empty: then nothing matches). */
  Secrets(Collection<String> secrets) {
    this.digests = secrets.stream().map(Secrets::digest).toList();
  }

  /** True when there are no secrets to match. */
  boolean isEmpty() {
    return digests.isEmpty();
  }

  /** Whether {@code presented} (may be null) is one of the secrets. */
  boolean matches(String presented) {
    if (presented == null) {
      return false;
    }
    byte[] candidate = digest(presented);
    boolean match = false;
    for (byte[] digest : digests) {
      match |= MessageDigest.isEqual(digest, candidate); // no early exit: every secret is compared
    }
    return match;
  }

  private static byte[] digest(String secret) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
