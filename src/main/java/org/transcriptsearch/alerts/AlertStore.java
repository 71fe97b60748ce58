package org.transcriptsearch.alerts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.transcriptsearch.model.Json;

/**
 * Alerts and their feeds on disk, in a folder beside the index: {@code alerts.json} holds every alert, {@code
 * feeds/ID.json} each alert's latest matches. Every change replaces its file atomically, so a crash leaves the
 * state before the change or after it. Thread-safe.
 */
final class AlertStore {
  private static final TypeReference<List<Alert>> ALERTS = new TypeReference<>() {};

  private final Path alertsFile;
  private final Path feedsDir;
  private final Map<String, Alert> alerts = new LinkedHashMap<>();
  private final Map<String, Feed> feeds = new LinkedHashMap<>();

  private AlertStore(Path dir) {
    this.alertsFile = dir.resolve("alerts.json");
    this.feedsDir = dir.resolve("feeds");
  }

  /**
   * The alerts saved in {@code dir} (none if it does not exist yet).
   *
   * @throws IOException naming the file when one cannot be read
   */
  static AlertStore open(Path dir) throws IOException {
    AlertStore store = new AlertStore(dir);
    for (Alert alert : store.readAlerts()) {
      store.alerts.put(alert.id(), alert);
      store.feeds.put(alert.id(), store.readFeed(alert.id()));
    }
    return store;
  }

  private List<Alert> readAlerts() throws IOException {
    try {
      return Json.mapper().readValue(Files.readAllBytes(alertsFile), ALERTS);
    } catch (NoSuchFileException e) {
      return List.of();
    } catch (JsonProcessingException e) {
      throw new IOException(alertsFile + ": not a list of alerts: " + e.getOriginalMessage(), e);
    }
  }

  private Feed readFeed(String id) throws IOException {
    Path file = feedFile(id);
    try {
      return Json.mapper().readValue(Files.readAllBytes(file), Feed.class);
    } catch (NoSuchFileException e) {
      return Feed.EMPTY;
    } catch (JsonProcessingException e) {
      throw new IOException(file + ": not an alert feed: " + e.getOriginalMessage(), e);
    }
  }

  /** Every alert, oldest first. */
  synchronized List<Alert> alerts() {
    return List.copyOf(alerts.values());
  }

  synchronized Optional<Alert> alert(String id) {
    return Optional.ofNullable(alerts.get(id));
  }

  synchronized Feed feed(String id) {
    return feeds.getOrDefault(id, Feed.EMPTY);
  }

  /** Saves a new alert, durably. */
  synchronized void add(Alert alert) throws IOException {
    alerts.put(alert.id(), alert);
    try {
      writeAlerts();
    } catch (IOException e) {
      alerts.remove(alert.id());
      throw e;
    }
    feeds.put(alert.id(), Feed.EMPTY);
  }

  /** Removes an alert and its feed, durably; false if there is none. */
  synchronized boolean remove(String id) throws IOException {
    Alert removed = alerts.remove(id);
    if (removed == null) {
      return false;
    }
    try {
      writeAlerts();
    } catch (IOException e) {
      alerts.put(id, removed);
      throw e;
    }
    feeds.remove(id);
    Files.deleteIfExists(feedFile(id));
    return true;
  }

  /**
   * Adds matches to an alert's feed, durably: an utterance already in the feed keeps its place (indexing a
   * transcript again is not news) and takes the new content. Returns the entries that are new.
   */
  synchronized List<FeedEntry> addMatches(String id, List<FeedEntry> matched) throws IOException {
    Feed old = feeds.get(id);
    if (old == null || matched.isEmpty()) {
      return List.of(); // deleted while matching
    }
    Map<String, FeedEntry> byUtterance = new LinkedHashMap<>();
    old.entries().forEach(e -> byUtterance.put(e.utteranceId(), e));
    List<FeedEntry> fresh = new ArrayList<>();
    for (FeedEntry entry : matched) {
      FeedEntry known = byUtterance.get(entry.utteranceId());
      if (known == null) {
        fresh.add(entry);
        byUtterance.put(entry.utteranceId(), entry);
      } else {
        byUtterance.put(entry.utteranceId(), withTime(entry, known.matched()));
      }
    }
    List<FeedEntry> entries = new ArrayList<>(byUtterance.values());
    entries.sort(NEWEST_FIRST);
    Instant last = fresh.isEmpty() ? old.lastMatch() : fresh.get(0).matched();
    Feed feed = new Feed(old.matches() + fresh.size(), last, entries.subList(0, Math.min(Feed.SIZE, entries.size())));
    AtomicFiles.write(feedFile(id), Json.mapper().writeValueAsBytes(feed));
    feeds.put(id, feed);
    return fresh;
  }

  /** Newest match first; within one match, the latest air date first, then by utterance id. */
  static final Comparator<FeedEntry> NEWEST_FIRST =
      Comparator.comparing(FeedEntry::matched, Comparator.reverseOrder())
          .thenComparing(FeedEntry::date, Comparator.nullsLast(Comparator.reverseOrder()))
          .thenComparing(FeedEntry::utteranceId);

  private static FeedEntry withTime(FeedEntry e, Instant matched) {
    return new FeedEntry(e.utteranceId(), e.episodeId(), e.turn(), e.title(), e.program(), e.date(), e.url(),
        e.speaker(), e.role(), e.quote(), matched);
  }

  private void writeAlerts() throws IOException {
    AtomicFiles.write(alertsFile, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(alerts.values()));
  }

  private Path feedFile(String id) {
    return feedsDir.resolve(id + ".json");
  }
}
