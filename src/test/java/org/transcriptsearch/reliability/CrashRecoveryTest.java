package org.transcriptsearch.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.transcriptsearch.TestIndexes;
import org.transcriptsearch.index.TranscriptIndex;
import org.transcriptsearch.search.Results.Health;
import org.transcriptsearch.search.SearchRequest;
import org.transcriptsearch.search.SearchService;

/**
 * The {@code index} command killed with SIGKILL at several moments of a long ingest: the index always opens, holds
 * everything committed before the kill (whole transcripts only), and a re-run completes it to the counts of a clean
 * run. Searches from another process keep answering while an ingest writes.
 */
@Tag("slow")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrashRecoveryTest {
  /** Enough transcripts for an ingest of several seconds and several commits. */
  static final int TRANSCRIPTS = 40_000;

  /** Transcripts between the ingester's commits (Ingester.COMMIT_EVERY). */
  static final int COMMIT_EVERY = 5_000;

  @TempDir static Path temp;
  private Path corpus;
  private Health clean;
  private long cleanMillis;

  @BeforeAll
  void cleanRun() throws Exception {
    corpus = GeneratedCorpus.write(temp.resolve("corpus.jsonl"), TRANSCRIPTS, 42);
    long t0 = System.nanoTime();
    assertThat(ingest(temp.resolve("clean"))).isZero();
    cleanMillis = (System.nanoTime() - t0) / 1_000_000;
    clean = health(temp.resolve("clean"));
    System.out.printf("clean ingest of %d transcripts: %d ms (JVM start included)%n", TRANSCRIPTS, cleanMillis);
    assertThat(clean.transcripts()).isEqualTo(TRANSCRIPTS);
    assertThat(clean.utterances()).isEqualTo((long) TRANSCRIPTS * GeneratedCorpus.TURNS);
  }

  @Test
  void killedAtAnyMomentTheIndexOpensHoldsWhatWasCommittedAndARerunCompletesIt() throws Exception {
    List<Long> committed = new ArrayList<>();
    // Kill moments by progress, not by the clock (a shared machine's clock says little): while the first batch is
    // written, just after the 2nd and the 5th batch commits, and late in the run.
    long[] afterCommits = {0, 2, 5, 7};
    for (int i = 0; i < afterCommits.length; i++) {
      Path dir = temp.resolve("killed-" + i);
      try (JavaProcess ingest = startIngest(dir)) {
        // The writer's first commit (generation 1) is the empty index; batch k is generation k + 1.
        waitForCommitGeneration(dir, afterCommits[i] + 1, ingest);
        Thread.sleep(50);
        ingest.kill();
      }
      long transcripts = checkCommittedBatches(dir);
      committed.add(transcripts);

      assertThat(ingest(dir)).isZero();
      Health rerun = health(dir);
      assertThat(rerun.transcripts()).isEqualTo(clean.transcripts());
      assertThat(rerun.utterances()).isEqualTo(clean.utterances());
    }
    System.out.println("transcripts committed when killed after " + Arrays.toString(afterCommits)
        + " batch commits: " + committed);
    // At least one kill came after a commit and before the end: the case that matters.
    assertThat(committed).anyMatch(n -> n > 0 && n < TRANSCRIPTS);
  }

  @Test
  void searchesFromAnotherProcessKeepAnsweringWhileAnIngestWrites() throws Exception {
    Path dir = temp.resolve("concurrent");
    int searches = 0;
    long last = 0;
    try (JavaProcess ingest = startIngest(dir)) {
      while (!indexExists(dir)) {
        Thread.sleep(20);
      }
      try (TranscriptIndex index = TranscriptIndex.openReadOnly(dir, TestIndexes.PIPELINE.schema())) {
        SearchService search = new SearchService(index);
        while (ingest.process().isAlive()) {
          index.refresh();
          long total = search.search(SearchRequest.of("crimea election")).total();
          long transcripts = search.health().transcripts();
          assertThat(transcripts).isGreaterThanOrEqualTo(last); // never goes back
          last = transcripts;
          searches++;
        }
        assertThat(ingest.waitFor(120)).isZero();
        index.refresh();
        assertThat(search.health().transcripts()).isEqualTo(TRANSCRIPTS);
      }
    }
    System.out.println("searches answered during the ingest: " + searches);
    assertThat(searches).isGreaterThan(10);
  }

  /**
   * The index at {@code dir} opens; every transcript in it is whole; and every transcript read before the last
   * commit point it reached is in it (a commit is started once the batch before it is indexed, and may also take
   * transcripts indexed while it writes). Returns how many transcripts it holds.
   */
  private long checkCommittedBatches(Path dir) throws IOException {
    if (!indexExists(dir)) {
      return 0; // killed before the first (empty) commit: nothing was promised
    }
    try (TranscriptIndex index = TranscriptIndex.openReadOnly(dir, TestIndexes.PIPELINE.schema())) {
      SearchService search = new SearchService(index);
      Health health = search.health();
      long transcripts = health.transcripts();
      assertThat(health.utterances()).as("no transcript is partial").isEqualTo(transcripts * GeneratedCorpus.TURNS);
      int batches = (int) (transcripts / COMMIT_EVERY) * COMMIT_EVERY;
      for (int i = 0; i < batches; i += 97) {
        assertThat(search.episode(GeneratedCorpus.id(i)).turns()).as("transcript %d", i).hasSize(GeneratedCorpus.TURNS);
      }
      if (batches > 0) {
        assertThat(search.episode(GeneratedCorpus.id(batches - 1)).turns()).hasSize(GeneratedCorpus.TURNS);
      }
      return transcripts;
    }
  }

  /** Waits until the index at {@code dir} has a commit of at least {@code generation}, or the process ends. */
  private static void waitForCommitGeneration(Path dir, long generation, JavaProcess process) throws Exception {
    long deadline = System.nanoTime() + 300_000_000_000L;
    while (process.process().isAlive() && System.nanoTime() < deadline) {
      String[] files;
      try (var list = Files.list(dir)) {
        files = list.map(p -> p.getFileName().toString()).toArray(String[]::new);
      } catch (java.nio.file.NoSuchFileException e) {
        files = new String[0];
      }
      if (files.length > 0 && SegmentInfos.getLastCommitGeneration(files) >= generation) {
        return;
      }
      Thread.sleep(5);
    }
  }

  private static boolean indexExists(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return false;
    }
    try (FSDirectory directory = FSDirectory.open(dir)) {
      return DirectoryReader.indexExists(directory);
    }
  }

  private JavaProcess startIngest(Path dir) throws IOException {
    return JavaProcess.start(Map.of(), temp.resolve("ingest-" + dir.getFileName() + ".log"),
        "index", "--index", dir.toString(), corpus.toString());
  }

  private int ingest(Path dir) throws Exception {
    try (JavaProcess ingest = startIngest(dir)) {
      return ingest.waitFor(300);
    }
  }

  private static Health health(Path dir) throws IOException {
    try (TranscriptIndex index = TranscriptIndex.openReadOnly(dir, TestIndexes.PIPELINE.schema())) {
      return new SearchService(index).health();
    }
  }
}
