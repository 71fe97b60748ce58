package org.transcriptsearch.http;

import java.util.Objects;
import java.util.Set;

/**
 * How the app is opened to callers: which other origins may use it, who may write, who may read and how large a
 * request body may be.
 *
 * @param cors the other origins whose pages may call the API and embed the widget
 * @param adminToken the token that writes need ({@code Authorization: Bearer TOKEN}); null disables writing
 * @param apiKeys the keys reads need ({@code Authorization: Bearer KEY} or {@code X-Api-Key: KEY}); empty leaves
 *     reads open to everyone
 * @param maxBodyBytes the largest request body accepted; larger ones are answered 413
 */
public record ApiConfig(CorsPolicy cors, String adminToken, Set<String> apiKeys, long maxBodyBytes) {
  /** The environment variable {@code serve} reads the admin token from; named in the 403 answer to writes. */
  public static final String ADMIN_TOKEN_VARIABLE = "TRANSCRIPT_SEARCH_ADMIN_TOKEN";

  /** The default body limit: 10 MB, far above any real transcript. */
  public static final long DEFAULT_MAX_BODY_BYTES = 10L << 20;

  /** Open reads, no writing, own origin only, the default body limit. */
  public static final ApiConfig DEFAULT = new ApiConfig(CorsPolicy.NONE, null, Set.of(), DEFAULT_MAX_BODY_BYTES);

  /** Refuses blank secrets: an empty token or key would let anyone in who sends an empty one. */
  public ApiConfig {
    Objects.requireNonNull(cors, "cors");
    apiKeys = Set.copyOf(apiKeys);
    if (adminToken != null && adminToken.isBlank()) {
      throw new IllegalArgumentException("the admin token is blank");
    }
    if (apiKeys.stream().anyMatch(String::isBlank)) {
      throw new IllegalArgumentException("an API key is blank");
    }
    if (maxBodyBytes <= 0) {
      throw new IllegalArgumentException("the body limit must be positive: " + maxBodyBytes);
    }
  }

  /** This configuration with other allowed origins. */
  public ApiConfig withCors(CorsPolicy newCors) {
    return new ApiConfig(newCors, adminToken, apiKeys, maxBodyBytes);
  }

  /** This configuration with writing allowed to holders of {@code token}. */
  public ApiConfig withAdminToken(String token) {
    return new ApiConfig(cors, token, apiKeys, maxBodyBytes);
  }

  /** This configuration with reads restricted to holders of one of {@code keys}. */
  public ApiConfig withApiKeys(Set<String> keys) {
    return new ApiConfig(cors, adminToken, keys, maxBodyBytes);
  }

  /** This configuration with another body limit. */
  public ApiConfig withMaxBodyBytes(long bytes) {
    return new ApiConfig(cors, adminToken, apiKeys, bytes);
  }

  @Override
  public String toString() { // never print the secrets
    return "ApiConfig[cors=" + cors + ", adminToken=" + (adminToken == null ? "none" : "set") + ", apiKeys="
        + apiKeys.size() + ", maxBodyBytes=" + maxBodyBytes + "]";
  }
}
