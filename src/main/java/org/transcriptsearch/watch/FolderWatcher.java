package org.transcriptsearch.watch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.transcriptsearch.alerts.AtomicFiles;
import org.transcriptsearch.index.TranscriptIndex;
import org.transcriptsearch.ingest.Format;
import org.transcriptsearch.ingest.IngestSummary;
import org.transcriptsearch.ingest.Ingester;
import org.transcriptsearch.ingest.Pipeline;

/**
 * Indexes what appears in a folder: each file (or folder, such as an Interview corpus) dropped there, in any format
 * {@code index} reads, once it is complete: its size and modification time have not changed for {@link
 * #settle} (names ending in .part, .tmp, .partial or .crdownload, and hidden names, are left alone until renamed).
 * Once indexed and committed, it is moved to {@code .done/}; a file nothing could be read from goes to {@code
 * .failed/} with a note of why beside it ({@code NAME.why.txt}); a file read with some records skipped goes to
 * {@code .done/} with such a note. Being moved out of the folder is the durable record that it was indexed: it
 * happens after the index commit, so a crash before it means the file is indexed again on restart, which replaces
 * its transcripts by id and duplicates nothing. Thread-safe; one file at a time.
 */
public final class FolderWatcher implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(FolderWatcher.class);

  /** Where indexed files go, inside the watched folder. */
  public static final String DONE = ".done";

  /** Where files that could not be read go, inside the watched folder. */
  public static final String FAILED = ".failed";

  private static final List<String> IN_PROGRESS = List.of(".part", ".tmp", ".partial", ".crdownload");

  private final Path dir;
  private final Target target;
  private final Duration poll;
  private final Duration settle;
  private final Clock clock;
  private final Map<Path, Seen> seen = new HashMap<>();
  private final ScheduledExecutorService scanner =
      Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("watch").daemon().factory());
  private final AtomicLong files = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicLong transcripts = new AtomicLong();
  private volatile String current;
  private volatile String last;
  private volatile Instant lastAt;
  private volatile String lastError;
  private volatile int waiting;

  /** What the watcher has done, for {@code /api/health}. */
  public record Status(
      String folder, long filesIndexed, long filesFailed, long transcripts, int waiting, String indexing,
      String last, Instant lastIndexed, String lastError) {}

  /**
   * Where the watched files go: the embedded index, or a store of another backend (a SolrCloud collection), read by
   * the same ingest pipeline either way.
   */
  @FunctionalInterface
  public interface Target {
    /**
     * Ingests {@code entry} (a file or folder), commits and makes it searchable.
     *
     * @throws IOException when the store fails (not the file): the file stays and is tried again
     */
    IngestSummary ingest(Path entry) throws IOException;
  }

  /** The embedded {@code index} as a target: ingest through {@code pipeline}, then a refresh. */
  public static Target into(TranscriptIndex index, Pipeline pipeline) {
    return entry -> {
      IngestSummary summary = pipeline.ingester(index).ingest(List.of(entry), Format.AUTO, Ingester.Progress.NONE);
      index.refresh();
      return summary;
    };
  }

  /** How a file looked at the last scan, and since when. */
  private record Seen(long size, long modified, Instant since) {}

  /**
   * A watcher of {@code dir} writing to {@code index} through {@code pipeline}; call {@link #start()}.
   *
   * @param poll how often the folder is scanned
   * @param settle how long a file must stay unchanged to count as complete
   */
  public FolderWatcher(Path dir, TranscriptIndex index, Pipeline pipeline, Duration poll, Duration settle, Clock clock)
      throws IOException {
    this(dir, into(index, pipeline), poll, settle, clock);
  }

  /**
   * A watcher of {@code dir} writing to {@code target}; call {@link #start()}.
   *
   * @param poll how often the folder is scanned
   * @param settle how long a file must stay unchanged to count as complete
   */
  public FolderWatcher(Path dir, Target target, Duration poll, Duration settle, Clock clock) throws IOException {
    this.dir = dir.toAbsolutePath().normalize();
    this.target = target;
    this.poll = poll;
    this.settle = settle;
    this.clock = clock;
    Files.createDirectories(this.dir.resolve(DONE));
    Files.createDirectories(this.dir.resolve(FAILED));
  }

  /** A watcher that scans every second and takes a file as complete after two unchanged seconds. */
  public FolderWatcher(Path dir, TranscriptIndex index, Pipeline pipeline) throws IOException {
    this(dir, into(index, pipeline));
  }

  /** A watcher writing to {@code target} that scans every second and takes a file as complete after two seconds. */
  public FolderWatcher(Path dir, Target target) throws IOException {
    this(dir, target, Duration.ofSeconds(1), Duration.ofSeconds(2), Clock.systemUTC());
  }

  /** Starts scanning; what is already in the folder is indexed first. */
  public void start() {
    scanner.scheduleWithFixedDelay(this::scanQuietly, 0, poll.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** The folder watched. */
  public Path folder() {
    return dir;
  }

  /** What has been done so far. */
  public Status status() {
    return new Status(dir.toString(), files.get(), failed.get(), transcripts.get(), waiting, current, last, lastAt,
        lastError);
  }

  private void scanQuietly() {
    try {
      scan();
    } catch (IOException | RuntimeException e) {
      lastError = "cannot scan " + dir + ": " + e;
      LOG.error("watch: cannot scan {}", dir, e);
    }
  }

  /** One pass: every entry that has settled is indexed, in name order. */
  void scan() throws IOException {
    List<Path> entries;
    try (Stream<Path> list = Files.list(dir)) {
      entries = list.filter(FolderWatcher::candidate).sorted().toList();
    }
    seen.keySet().retainAll(entries);
    int notYet = 0;
    for (Path entry : entries) {
      if (settled(entry)) {
        handle(entry);
        seen.remove(entry);
      } else {
        notYet++;
      }
    }
    waiting = notYet;
  }

  private static boolean candidate(Path entry) {
    String name = entry.getFileName().toString().toLowerCase(Locale.ROOT);
    return !name.startsWith(".") && IN_PROGRESS.stream().noneMatch(name::endsWith);
  }

  /** Whether {@code entry} looks the same as for at least {@link #settle}. */
  private boolean settled(Path entry) throws IOException {
    long[] shape = shape(entry);
    Instant now = clock.instant();
    Seen before = seen.get(entry);
    if (before == null || before.size() != shape[0] || before.modified() != shape[1]) {
      seen.put(entry, new Seen(shape[0], shape[1], now));
      return false;
    }
    return !now.isBefore(before.since().plus(settle));
  }

  /** Total size and latest modification of a file, or of everything in a folder. */
  private static long[] shape(Path entry) throws IOException {
    if (!Files.isDirectory(entry)) {
      return new long[] {Files.size(entry), Files.getLastModifiedTime(entry).toMillis()};
    }
    long[] shape = {0, 0};
    try (Stream<Path> walk = Files.walk(entry)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        shape[0] += Files.isRegularFile(p) ? Files.size(p) : 0;
        shape[1] = Math.max(shape[1], Files.getLastModifiedTime(p).toMillis());
      }
    }
    return shape;
  }

  /** Indexes one settled entry, then moves it out of the folder with a note if anything was skipped. */
  private void handle(Path entry) {
    String name = entry.getFileName().toString();
    current = name;
    IngestSummary summary;
    try {
      summary = target.ingest(entry);
    } catch (IOException | RuntimeException e) {
      // The store failed, not the file: it stays where it is and is tried again on the next scan.
      lastError = name + ": could not be indexed, will retry: " + e;
      LOG.error("watch: {} could not be indexed; it stays in {} and will be tried again", name, dir, e);
      current = null;
      return;
    }
    try {
      boolean nothingRead = summary.transcripts() == 0 && summary.duplicates() == 0;
      String note = note(summary, nothingRead);
      Path moved = moveAside(entry, nothingRead ? FAILED : DONE, note);
      if (nothingRead) {
        failed.incrementAndGet();
        lastError = name + ": " + firstLine(note);
        LOG.warn("watch: nothing could be read from {}; moved to {}", name, moved);
      } else {
        files.incrementAndGet();
        transcripts.addAndGet(summary.transcripts());
        last = name;
        lastAt = clock.instant();
        LOG.info("watch: indexed {} ({} transcripts, {} utterances{}); moved to {}", name, summary.transcripts(),
            summary.utterances(), note == null ? "" : ", " + summary.skipped().size() + " skipped", moved);
      }
    } catch (IOException e) {
      lastError = name + ": indexed, but could not be moved aside: " + e;
      LOG.error("watch: {} was indexed but could not be moved aside; it will be indexed again (harmlessly)", name, e);
    } finally {
      current = null;
    }
  }

  /** Why a file failed or what was skipped in it; null when everything was read. */
  private static String note(IngestSummary summary, boolean nothingRead) {
    StringBuilder note = new StringBuilder();
    if (nothingRead && summary.skipped().isEmpty()) {
      note.append("no transcript found: not a file in a format index reads (page, HTML, MediaSum, Interview,"
          + " canonical JSON lines)\n");
    }
    summary.skipped().forEach(s -> note.append(s.where()).append(": ").append(s.reason()).append('\n'));
    summary.ignored().forEach(s -> note.append(s.where()).append(": ").append(s.reason()).append('\n'));
    return note.isEmpty() ? null : note.toString();
  }

  /** Moves {@code entry} into {@code sub} (a new name if one is taken), the note beside it first. */
  private Path moveAside(Path entry, String sub, String note) throws IOException {
    Path target = free(dir.resolve(sub), entry.getFileName().toString());
    if (note != null) {
      AtomicFiles.write(target.resolveSibling(target.getFileName() + ".why.txt"), note.getBytes(StandardCharsets.UTF_8));
    }
    AtomicFiles.move(entry, target);
    return target;
  }

  private static Path free(Path folder, String name) {
    Path target = folder.resolve(name);
    for (int i = 1; Files.exists(target) || Files.exists(folder.resolve(target.getFileName() + ".why.txt")); i++) {
      target = folder.resolve(i + "-" + name);
    }
    return target;
  }

  private static String firstLine(String text) {
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }

  /** Stops scanning; a file being indexed is finished first (waiting up to {@code wait}). */
  public void close(Duration wait) throws InterruptedException {
    scanner.shutdown();
    if (!scanner.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS)) {
      LOG.warn("watch: still indexing {} at shutdown; it will be indexed again on the next start", current);
      scanner.shutdownNow();
    }
  }

  @Override
  public void close() throws InterruptedException {
    close(Duration.ofSeconds(60));
  }
}
