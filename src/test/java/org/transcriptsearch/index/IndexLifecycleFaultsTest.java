package org.transcriptsearch.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.IOFunction;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.transcriptsearch.TestIndexes;
import org.transcriptsearch.index.FaultyDirectory.Call;
import org.transcriptsearch.index.FaultyDirectory.InjectedFault;
import org.transcriptsearch.model.Attribution;
import org.transcriptsearch.model.Role;
import org.transcriptsearch.model.Speaker;
import org.transcriptsearch.model.Transcript;
import org.transcriptsearch.model.Turn;

/**
 * A failure of the disk while the index is opened, written or closed leaves nothing behind: the failure is reported,
 * the directory is closed, no file of the index stays open or mapped, the write lock is released (the folder opens
 * for writing again) and the index still opens with what it held. Faults are injected into a real {@link FSDirectory}
 * at each call of a kind in turn (the first {@code openInput}, then the second...) until a run meets none.
 */
class IndexLifecycleFaultsTest {
  private static final Schema SCHEMA = TestIndexes.PIPELINE.schema();

  /** More calls of one kind than opening, writing and closing this small index makes. */
  private static final int MOST_CALLS = 300;

  @TempDir Path temp;
  private Path dir;
  private Path baseline;
  private int docs;

  @BeforeEach
  void build() throws IOException {
    dir = temp.resolve("index");
    baseline = temp.resolve("baseline");
    try (TranscriptIndex index = TestIndexes.build(baseline, TestIndexes.FIXTURE_CORPUS)) {
      index.commit();
    }
    restore();
    docs = committedDocs();
    assertThat(docs).isPositive();
  }

  /**
   * Puts the index back as it was built, so every run of a sweep starts from the same files and makes the same calls
   * (the n-th call is the same point each time) and segments never pile up into a merge on another thread.
   */
  private void restore() throws IOException {
    if (Files.exists(dir)) {
      try (Stream<Path> files = Files.list(dir)) {
        for (Path file : files.toList()) {
          Files.delete(file);
        }
      }
    }
    Files.createDirectories(dir);
    try (Stream<Path> files = Files.list(baseline)) {
      for (Path file : files.toList()) {
        if (!file.getFileName().toString().equals("write.lock")) {
          Files.copy(file, dir.resolve(file.getFileName()));
        }
      }
    }
  }

  @ParameterizedTest
  @EnumSource(names = {"OPEN_INPUT", "CLOSE_INPUT", "CLOSE"})
  void everyFailureOpeningForReadingSearchingOrClosingLeavesNothingOpen(Call call) throws Exception {
    int injected = sweep(call, this::readAndClose);
    assertThat(injected).as("faults injected into " + call).isPositive();
  }

  @ParameterizedTest
  @EnumSource(Call.class)
  void everyFailureOpeningForWritingWritingOrClosingLeavesNothingOpen(Call call) throws Exception {
    int injected = sweep(call, this::writeAndClose);
    assertThat(injected).as("faults injected into " + call).isPositive();
  }

  @Test
  void closingAReadOnlyIndexClosesTheDirectoryWhenClosingTheSearchersFails() throws Exception {
    FaultyDirectory faulty = new FaultyDirectory(FSDirectory.open(dir));
    TranscriptIndex index = TranscriptIndex.openReadOnly(dir, SCHEMA, SliceThreads.byDefault(), path -> faulty);
    faulty.failNext(Call.CLOSE_INPUT).failNext(Call.CLOSE);

    assertThatThrownBy(index::close).isInstanceOf(InjectedFault.class)
        .hasMessageContaining("CLOSE_INPUT") // the searchers' reader, closed first, is reported
        .satisfies(e -> assertThat(e.getSuppressed()).singleElement().asString().contains("of CLOSE"));
    assertThatThrownBy(() -> index.withSearcher(view -> view.searcher().count(new MatchAllDocsQuery())))
        .isInstanceOf(AlreadyClosedException.class);
    assertNothingLeftOpen(faulty);
  }

  @Test
  void closingAWritableIndexClosesAndCommitsEveryPartWhenOneFails() throws Exception {
    FaultyDirectory faulty = new FaultyDirectory(FSDirectory.open(dir));
    TranscriptIndex index = TranscriptIndex.openWritable(dir, SCHEMA, path -> faulty);
    index.put(transcript("written-before-close"), List.of(List.of()));
    index.refresh();
    // The writer commits, then fails closing the segment files its searchers read; the directory fails to close.
    faulty.failNext(Call.CLOSE_INPUT).failNext(Call.CLOSE);

    assertThatThrownBy(index::close).isInstanceOf(InjectedFault.class).hasMessageContaining("CLOSE_INPUT")
        .satisfies(e -> assertThat(e.getSuppressed()).singleElement().asString().contains("of CLOSE"));
    assertThatThrownBy(() -> index.withSearcher(view -> view.searcher().count(new MatchAllDocsQuery())))
        .isInstanceOf(AlreadyClosedException.class);
    assertNothingLeftOpen(faulty);
    try (TranscriptIndex again = TranscriptIndex.openReadOnly(dir, SCHEMA)) {
      assertThat(again.contains("written-before-close")).as("committed on close").isTrue();
    }
  }

  /** One run of opening, using and closing the index: the first failure, with any later one suppressed. */
  @FunctionalInterface
  private interface Run {
    Exception run(IOFunction<Path, Directory> directories, int n) throws Exception;
  }

  /**
   * Runs {@code run} with a fault injected at the 1st call of {@code call}, then the 2nd..., checking after each
   * that the fault was reported and nothing was left open; returns how many faults were injected.
   */
  private int sweep(Call call, Run run) throws Exception {
    for (int n = 1; n <= MOST_CALLS; n++) {
      restore();
      FaultyDirectory faulty = new FaultyDirectory(FSDirectory.open(dir)).failAt(call, n);
      Exception failure = run.run(path -> faulty, n);
      if (!faulty.triggered()) {
        assertThat(failure).as("a run without a fault").isNull();
        assertNothingLeftOpen(faulty);
        return n - 1;
      }
      assertThat(failure).as("call " + n + " of " + call + " failed").isNotNull();
      assertThat(causes(failure)).as("the failure reported for call " + n + " of " + call)
          .anySatisfy(cause -> assertThat(cause).isInstanceOf(InjectedFault.class));
      assertNothingLeftOpen(faulty);
    }
    throw new AssertionError(call + " was called more than " + MOST_CALLS + " times");
  }

  /** How an index is opened: for reading or for writing. */
  @FunctionalInterface
  private interface Opening {
    TranscriptIndex open(Path dir, Schema schema, IOFunction<Path, Directory> directories) throws IOException;
  }

  /** What a run does with the index it opened. */
  @FunctionalInterface
  private interface Use {
    void use(TranscriptIndex index, int n) throws IOException;
  }

  private Exception readAndClose(IOFunction<Path, Directory> directories, int n) {
    return openUseAndClose(
        (dir, schema, opener) -> TranscriptIndex.openReadOnly(dir, schema, SliceThreads.byDefault(), opener), directories, n,
        (index, run) -> index.withSearcher(view -> view.searcher().count(new MatchAllDocsQuery())));
  }

  private Exception writeAndClose(IOFunction<Path, Directory> directories, int n) {
    return openUseAndClose(TranscriptIndex::openWritable, directories, n, (index, run) -> {
      index.put(transcript("written-" + run), List.of(List.of()));
      index.refresh();
      index.withSearcher(view -> view.searcher().count(new MatchAllDocsQuery()));
    });
  }

  /** Opens the index, uses it and closes it: the first failure, with a failure closing it suppressed. */
  private Exception openUseAndClose(Opening opening, IOFunction<Path, Directory> directories, int n, Use use) {
    TranscriptIndex index;
    try {
      index = opening.open(dir, SCHEMA, directories);
    } catch (IOException e) {
      return e;
    }
    Exception failure = null;
    try {
      use.use(index, n);
    } catch (IOException | RuntimeException e) {
      failure = e;
    }
    return closed(index, failure);
  }

  private static Exception closed(TranscriptIndex index, Exception failure) {
    try {
      index.close();
    } catch (IOException | RuntimeException e) {
      if (failure == null) {
        return e;
      }
      failure.addSuppressed(e);
    }
    return failure;
  }

  /**
   * The directory was closed, no file of the index is open or mapped by this process, and the index opens for
   * writing (its lock was released) with every document committed before, and at most the one transcript written
   * by the run.
   */
  private void assertNothingLeftOpen(FaultyDirectory faulty) throws IOException {
    assertThat(faulty.closed()).as("the directory was closed").isTrue();
    assertThat(heldFiles()).as("files of the index still open or mapped").isEmpty();
    try (TranscriptIndex again = TranscriptIndex.openWritable(dir, SCHEMA)) {
      int now = again.withSearcher(view -> view.searcher().getIndexReader().numDocs());
      assertThat(now).isBetween(docs, docs + 1);
    }
  }

  /** The files under the index's folder this process holds open or mapped (Linux's view of the process). */
  private List<String> heldFiles() throws IOException {
    String folder = dir.toRealPath().toString() + "/";
    List<String> held = new ArrayList<>();
    if (!Files.isDirectory(Path.of("/proc/self/fd"))) {
      return held; // not Linux: the directory's close is still checked
    }
    try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      for (Path fd : fds.toList()) {
        try {
          String target = Files.readSymbolicLink(fd).toString();
          if (target.startsWith(folder)) {
            held.add("open: " + target);
          }
        } catch (IOException gone) {
          // closed while listed (the listing's own descriptor among them)
        }
      }
    }
    for (String line : Files.readAllLines(Path.of("/proc/self/maps"), StandardCharsets.UTF_8)) {
      int at = line.indexOf(folder);
      if (at >= 0) {
        held.add("mapped: " + line.substring(at));
      }
    }
    return held;
  }

  private int committedDocs() throws IOException {
    try (TranscriptIndex index = TranscriptIndex.openReadOnly(dir, SCHEMA)) {
      return index.withSearcher(view -> view.searcher().getIndexReader().numDocs());
    }
  }

  private static List<Throwable> causes(Throwable failure) {
    List<Throwable> out = new ArrayList<>();
    collect(failure, out);
    return out;
  }

  private static void collect(Throwable t, List<Throwable> out) {
    if (t == null || out.contains(t)) {
      return;
    }
    out.add(t);
    collect(t.getCause(), out);
    for (Throwable s : t.getSuppressed()) {
      collect(s, out);
    }
  }

  private static Transcript transcript(String id) {
    Speaker guest = new Speaker("Ana Ruiz", null, Role.GUEST, null, null);
    return new Transcript(id, "Added", "Morning Edition", LocalDate.of(2020, 1, 1), null, "test", List.of(),
        List.of(new Turn(1, guest, "The harbour reopened after the storm.", Attribution.LABELLED, List.of())));
  }
}
