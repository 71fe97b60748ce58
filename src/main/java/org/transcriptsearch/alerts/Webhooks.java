package org.transcriptsearch.alerts;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.transcriptsearch.model.Json;
import org.transcriptsearch.search.BadRequestException;

/**
 * Posts an alert's new matches as JSON to its webhook, only ever to a host on the allowlist the administrator gave
 * the server (checked when the alert is saved and again before every delivery; redirects are not followed). A
 * delivery that fails is retried with doubling pauses, then given up and counted. Deliveries waiting are not kept
 * across a restart; the feed keeps every match either way. Thread-safe.
 */
public final class Webhooks implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Webhooks.class);

  /** Tries per delivery. */
  static final int ATTEMPTS = 5;

  private final Set<String> hosts;
  private final Duration firstPause;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();
  private final ScheduledExecutorService sender =
      Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("webhooks").daemon().factory());
  private final AtomicLong delivered = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();

  /** What a webhook receives: the alert and its new matches, newest first. */
  public record Delivery(String alertId, String alertName, List<FeedEntry> matches) {}

  /** Deliveries so far. */
  public record Status(List<String> allowedHosts, long delivered, long failed) {}

  /**
   * @param allowedHosts the only hosts webhooks may go to (case-insensitive); empty disables webhooks
   * @param firstPause the pause before the first retry; each next one doubles it
   */
  public Webhooks(Set<String> allowedHosts, Duration firstPause) {
    Set<String> lower = new TreeSet<>();
    allowedHosts.forEach(h -> lower.add(h.strip().toLowerCase(Locale.ROOT)));
    this.hosts = Set.copyOf(lower);
    this.firstPause = firstPause;
  }

  /** Webhooks to {@code allowedHosts}, retried after 1 s, 2 s, 4 s and 8 s. */
  public Webhooks(Set<String> allowedHosts) {
    this(allowedHosts, Duration.ofSeconds(1));
  }

  /**
   * Refuses a webhook address the server may not post to.
   *
   * @throws BadRequestException saying why: not http(s), or a host not on the allowlist
   */
  void check(String url) {
    if (hosts.isEmpty()) {
      throw new BadRequestException(
          "webhook: webhooks are disabled on this server; start serve with --webhook-host HOST to allow a host");
    }
    URI uri = parse(url);
    String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    if (!hosts.contains(host)) {
      throw new BadRequestException(
          "webhook: host '" + host + "' is not on this server's allowlist (" + String.join(", ", hosts) + ")");
    }
  }

  private static URI parse(String url) {
    try {
      URI uri = new URI(url);
      if (!("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
          || uri.getHost() == null || uri.getRawUserInfo() != null) {
        throw new BadRequestException("webhook: not an http(s) address without credentials: " + url);
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new BadRequestException("webhook: not an address: " + e.getMessage(), e);
    }
  }

  /** Posts {@code delivery} to {@code url} in the background, retrying on failure. */
  void deliver(String url, Delivery delivery) {
    try {
      check(url); // the allowlist may have changed since the alert was saved
    } catch (BadRequestException e) {
      failed.incrementAndGet();
      LOG.warn("alert {}: not posting to its webhook: {}", delivery.alertId(), e.getMessage());
      return;
    }
    byte[] body;
    try {
      body = Json.mapper().writeValueAsBytes(delivery);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    HttpRequest request =
        HttpRequest.newBuilder(parse(url))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json; charset=utf-8")
            .header("User-Agent", "transcript-search alerts")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    sender.execute(() -> attempt(request, delivery.alertId(), 1));
  }

  private void attempt(HttpRequest request, String alertId, int attempt) {
    String outcome;
    try {
      int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      if (status / 100 == 2) {
        delivered.incrementAndGet();
        return;
      }
      outcome = "answered " + status;
    } catch (java.io.IOException e) {
      outcome = e.toString();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    if (attempt >= ATTEMPTS) {
      failed.incrementAndGet();
      LOG.warn("alert {}: webhook {} gave up after {} tries: {}", alertId, request.uri(), attempt, outcome);
      return;
    }
    long pause = firstPause.toMillis() << (attempt - 1);
    sender.schedule(() -> attempt(request, alertId, attempt + 1), pause, TimeUnit.MILLISECONDS);
  }

  /** The allowlist and what was delivered. */
  public Status status() {
    return new Status(List.copyOf(hosts), delivered.get(), failed.get());
  }

  @Override
  public void close() {
    sender.shutdownNow();
  }

}
