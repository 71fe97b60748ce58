package org.transcriptsearch.alerts;

import java.io.IOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.transcriptsearch.index.Schema;
import org.transcriptsearch.index.TranscriptIndex;
import org.transcriptsearch.model.Transcript;
import org.transcriptsearch.search.BadRequestException;
import org.transcriptsearch.search.NotFoundException;
import org.transcriptsearch.search.SearchBackend;
import org.transcriptsearch.search.SearchRequest;
import org.transcriptsearch.search.SearchService;

/**
 * Saved searches and alerts: saving, listing and deleting them (kept in a folder beside the index, surviving
 * restarts and crashes), and matching every transcript written to the index against all of them, once it is
 * searchable (an alert's link finds what it points to). Matching runs on a thread of its own from a bounded queue,
 * so it never slows or fails a write: when the queue is full a transcript is left unmatched and counted in {@link
 * #status()}. Listen to an index with {@link
 * TranscriptIndex#addPutListener}, or to the writes into another store with {@code ingest.ListenedStores}.
 * Matching never reads the store written to (new transcripts are indexed alone in memory), so alerts match alike
 * whichever backend keeps the corpus. Thread-safe.
 */
public final class AlertService implements TranscriptIndex.PutListener, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AlertService.class);

  /** Transcripts waiting to be matched at most. */
  static final int QUEUE = 2_000;

  /** Transcripts matched together at most: one in-memory index, one run of each candidate alert. */
  static final int BATCH = 200;

  /** The most alerts one server keeps. */
  static final int MAX_ALERTS = 50_000;

  /** The longest alert name. */
  static final int MAX_NAME = 200;

  /** How many of the latest matches the list of alerts shows for each. */
  static final int LATEST_IN_LIST = 3;

  private final AlertStore store;
  private final Checks checks;
  private final SearchService parser;
  private final AutoCloseable parserIndex; // the empty index the parser reads, when this service made it
  private final Webhooks webhooks;
  private final Clock clock;
  private final AlertMatcher matcher;
  private AlertMatcher snapshot; // guarded by matcher; null after a change
  private final List<AlertMatcher.Indexed> written = new ArrayList<>(); // not yet searchable; guarded by itself
  private final BlockingQueue<AlertMatcher.Indexed> queue = new ArrayBlockingQueue<>(QUEUE);
  private final Map<String, String> problems = new ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();
  private final AtomicLong offered = new AtomicLong();
  private final AtomicLong handled = new AtomicLong();
  private final AtomicLong unmatched = new AtomicLong();
  private final AtomicLong failedBatches = new AtomicLong();
  private final Thread thread;
  private volatile boolean running = true;

  /** The state of matching, for {@code /api/health}. */
  public record Status(
      int alerts, int broken, long transcriptsMatched, int waiting, long notMatched, Webhooks.Status webhooks) {}

  /** What checks an alert's search as the server's own searches would: the same refusals, with the same reasons. */
  @FunctionalInterface
  public interface Checks {
    /**
     * Runs {@code request} as a search.
     *
     * @throws BadRequestException for a query or filter the search refuses
     */
    void check(SearchRequest request) throws IOException;
  }

  private AlertService(AlertStore store, Schema schema, Checks checks, SearchService parser,
      AutoCloseable parserIndex, Webhooks webhooks, Clock clock) {
    this.store = store;
    this.checks = checks;
    this.parser = parser;
    this.parserIndex = parserIndex;
    this.webhooks = webhooks;
    this.clock = clock;
    this.matcher = new AlertMatcher(schema);
    for (Alert alert : store.alerts()) {
      matcher.add(compile(alert));
    }
    this.thread = Thread.ofPlatform().name("alert-matching").daemon().start(this::matchLoop);
  }

  /**
   * The alerts saved in {@code dir} (created when first needed), matching what is written to {@code index};
   * {@code search} (over the same index) is what reads and checks their queries.
   *
   * @throws IOException naming the file when a saved alert file cannot be read
   */
  public static AlertService open(Path dir, TranscriptIndex index, SearchService search, Webhooks webhooks)
      throws IOException {
    return open(dir, index, search, webhooks, Clock.systemUTC());
  }

  static AlertService open(Path dir, TranscriptIndex index, SearchService search, Webhooks webhooks, Clock clock)
      throws IOException {
    return new AlertService(AlertStore.open(dir), index.schema(), search::search, search, null, webhooks, clock);
  }

  /**
   * The alerts saved in {@code dir}, for a server whose corpus is kept by {@code backend} (a SolrCloud collection):
   * an alert's search is checked by {@code backend}, as its searches are; its query is read as the embedded index
   * reads it (the same query model and analysis, needing no corpus), and transcripts are matched in memory, so the
   * matches are the embedded index's. Tell it of every write with {@link #put}.
   *
   * @throws IOException naming the file when a saved alert file cannot be read
   */
  public static AlertService open(Path dir, Schema schema, SearchBackend backend, Webhooks webhooks)
      throws IOException {
    return open(dir, schema, backend, webhooks, Clock.systemUTC());
  }

  static AlertService open(Path dir, Schema schema, SearchBackend backend, Webhooks webhooks, Clock clock)
      throws IOException {
    AlertStore store = AlertStore.open(dir);
    TranscriptIndex empty = TranscriptIndex.inMemory(schema); // reading a query needs an index's schema, no corpus
    try {
      return new AlertService(store, schema, backend::search, new SearchService(empty), empty, webhooks, clock);
    } catch (RuntimeException e) {
      empty.close();
      throw e;
    }
  }

  /** The folder alerts are kept in for the index at {@code indexDir}: beside it, so they outlive a re-index. */
  public static Path folderFor(Path indexDir) {
    Path absolute = indexDir.toAbsolutePath().normalize();
    return absolute.resolveSibling(absolute.getFileName() + "-alerts");
  }

  /**
   * Saves an alert; it matches transcripts written from now on.
   *
   * @throws BadRequestException for a missing name, a query or filter the search refuses, a webhook not allowed
   */
  public AlertView create(AlertRequest request) throws IOException {
    Alert alert = check(request);
    synchronized (matcher) {
      if (matcher.size() >= MAX_ALERTS) {
        throw new BadRequestException("this server keeps at most " + MAX_ALERTS + " alerts; delete some first");
      }
      store.add(alert);
      matcher.add(compile(alert));
      snapshot = null;
    }
    return view(alert, Integer.MAX_VALUE);
  }

  private Alert check(AlertRequest request) throws IOException {
    if (request == null) {
      throw new BadRequestException("the body must be a JSON object with at least a name");
    }
    String name = request.name() == null ? "" : request.name().replaceAll("\\p{Cc}", " ").strip();
    if (name.isEmpty() || name.length() > MAX_NAME) {
      throw new BadRequestException("name: required, 1 to " + MAX_NAME + " characters");
    }
    String webhook = request.webhook() == null || request.webhook().isBlank() ? null : request.webhook().strip();
    if (webhook != null) {
      webhooks.check(webhook);
    }
    Alert alert = new Alert(newId(), name, request.q(), request.speaker(), request.program(), request.topic(),
        request.role(), request.from(), request.to(), webhook, newToken(), clock.instant());
    checks.check(alert.search(1, null)); // the search's own checks: syntax, fields, roles, dates
    return alert;
  }

  /** Every alert, oldest first, each with its latest few matches. */
  public List<AlertView> list() {
    return store.alerts().stream().map(a -> view(a, LATEST_IN_LIST)).toList();
  }

  /**
   * One alert with all its feed's matches.
   *
   * @throws NotFoundException for an unknown id
   */
  public AlertView get(String id) {
    return view(alert(id), Integer.MAX_VALUE);
  }

  /**
   * Deletes an alert and its feed.
   *
   * @throws NotFoundException for an unknown id
   */
  public void delete(String id) throws IOException {
    synchronized (matcher) {
      if (!store.remove(id)) {
        throw new NotFoundException("no alert with id '" + id + "'");
      }
      matcher.remove(id);
      snapshot = null;
    }
    problems.remove(id);
  }

  /**
   * An alert's feed as Atom.
   *
   * @param base this server's address as the reader reached it
   * @throws NotFoundException for an unknown id
   */
  public String atom(String id, String base) {
    return AtomFeed.of(alert(id), store.feed(id), base);
  }

  /** Whether {@code token} is the feed token of alert {@code id}; compared in constant time. */
  public boolean feedTokenMatches(String id, String token) {
    return token != null
        && store.alert(id)
            .map(a -> MessageDigest.isEqual(
                a.feedToken().getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8)))
            .orElse(false);
  }

  /** How matching goes. */
  public Status status() {
    return new Status(
        store.alerts().size(), problems.size(), handled.get(), queue.size() + unsearchable(), unmatched.get(),
        webhooks.status());
  }

  /**
   * Keeps a transcript just written until it is searchable ({@link #refreshing()}), then queues it for matching: an
   * alert never points to what a search does not find yet. Never blocks and never throws.
   */
  @Override
  public void put(Transcript transcript, List<List<String>> turnTopics) {
    offered.incrementAndGet();
    synchronized (written) {
      if (written.size() + queue.size() < QUEUE) {
        written.add(new AlertMatcher.Indexed(transcript, turnTopics));
        return;
      }
    }
    behind();
  }

  /** The transcripts written so far are searchable once the refresh starting now is done: then they are queued. */
  @Override
  public Runnable refreshing() {
    List<AlertMatcher.Indexed> taken;
    synchronized (written) {
      if (written.isEmpty()) {
        return () -> {};
      }
      taken = new ArrayList<>(written);
      written.clear();
    }
    return () -> {
      for (AlertMatcher.Indexed indexed : taken) {
        if (!queue.offer(indexed)) {
          behind();
        }
      }
    };
  }

  private int unsearchable() {
    synchronized (written) {
      return written.size();
    }
  }

  private void behind() {
    if (unmatched.incrementAndGet() % 1_000 == 1) {
      LOG.warn("alert matching is behind: {} transcripts written so far were not matched", unmatched.get());
    }
  }

  /**
   * Waits until every transcript searchable so far is matched (for tests and orderly shutdown); false on timeout. One
   * written but not yet searchable is not waited for.
   */
  public boolean awaitIdle(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (handled.get() + unmatched.get() + unsearchable() < offered.get()) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(10);
    }
    return true;
  }

  private void matchLoop() {
    while (running) {
      List<AlertMatcher.Indexed> batch = new ArrayList<>();
      try {
        AlertMatcher.Indexed first = queue.poll(200, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, BATCH - 1);
        match(batch);
      } catch (InterruptedException e) {
        return;
      } catch (IOException | RuntimeException e) {
        failedBatches.incrementAndGet();
        LOG.error("alert matching failed for {} transcripts; they stay unmatched", batch.size(), e);
      } finally {
        handled.addAndGet(batch.size());
      }
    }
  }

  private void match(List<AlertMatcher.Indexed> batch) throws IOException {
    AlertMatcher.Matches matches = snapshot().match(batch, clock.instant());
    matches.problems().forEach(this::problem);
    for (Map.Entry<String, List<FeedEntry>> matched : matches.entries().entrySet()) {
      List<FeedEntry> fresh = store.addMatches(matched.getKey(), matched.getValue());
      Alert alert = store.alert(matched.getKey()).orElse(null);
      if (!fresh.isEmpty() && alert != null && alert.webhook() != null) {
        webhooks.deliver(alert.webhook(), new Webhooks.Delivery(alert.id(), alert.name(), fresh));
      }
    }
  }

  /**
   * The alerts to match a batch with: a copy, so that saving or deleting an alert never waits for a batch; made
   * again only after a change.
   */
  private AlertMatcher snapshot() {
    synchronized (matcher) {
      if (snapshot == null) {
        snapshot = matcher.copy();
      }
      return snapshot;
    }
  }

  /** An alert the search cannot run is reported and left out of matching; the others go on. */
  private AlertMatcher.Compiled compile(Alert alert) {
    try {
      return new AlertMatcher.Compiled(alert, AlertTerms.of(parser.query(alert.search(1, null))), null);
    } catch (BadRequestException e) {
      problem(alert.id(), e.getMessage());
      return AlertMatcher.Compiled.broken(alert, e.getMessage());
    }
  }

  private void problem(String id, String why) {
    if (problems.put(id, why) == null) {
      LOG.warn("alert {} cannot be matched: {}", id, why);
    }
  }

  private Alert alert(String id) {
    return store.alert(id).orElseThrow(() -> new NotFoundException("no alert with id '" + id + "'"));
  }

  private AlertView view(Alert a, int latest) {
    Feed feed = store.feed(a.id());
    List<FeedEntry> entries = feed.entries().subList(0, Math.min(latest, feed.entries().size()));
    return new AlertView(a.id(), a.name(), a.q(), a.speaker(), a.program(), a.topic(), a.role(), a.from(), a.to(),
        a.webhook(), a.created(), "/api/alerts/" + a.id() + "/feed.atom?token=" + a.feedToken(), feed.matches(),
        feed.lastMatch(), problems.get(a.id()), List.copyOf(entries));
  }

  private String newId() {
    byte[] bytes = new byte[8];
    random.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  private String newToken() {
    byte[] bytes = new byte[24];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /**
   * Stops matching after the transcripts already queued (waiting up to 10 s), then stops the webhooks. Those written
   * but never made searchable are not matched, and are counted and logged so.
   */
  @Override
  public void close() throws InterruptedException {
    awaitIdle(Duration.ofSeconds(10));
    int left;
    synchronized (written) {
      left = written.size();
      written.clear();
    }
    if (left > 0) {
      unmatched.addAndGet(left);
      LOG.warn("{} transcripts written were never made searchable before the server stopped; not matched", left);
    }
    running = false;
    thread.interrupt();
    thread.join(5_000);
    webhooks.close();
    if (parserIndex != null) {
      try {
        parserIndex.close();
      } catch (Exception e) {
        LOG.warn("could not close the in-memory index alerts' queries are read with", e);
      }
    }
  }
}
