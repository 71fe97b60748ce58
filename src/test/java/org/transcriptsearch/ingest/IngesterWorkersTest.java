package org.transcriptsearch.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.ScoreDoc;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.transcriptsearch.TestIndexes;
import org.transcriptsearch.index.Schema;
import org.transcriptsearch.index.TranscriptIndex;
import org.transcriptsearch.ingest.IngestSummary.Skipped;

/**
 * What happens on the workers' threads is what the summary says: a record the index refuses is a skipped record
 * with its reason, and of two copies of one id the last one read is the one the index keeps, whatever the number of
 * workers.
 */
class IngesterWorkersTest {
  @TempDir Path temp;

  private static String line(String id, String speaker, String text) {
    return "{\"id\": \"" + id + "\", \"title\": \"T " + id + "\", \"turns\": [{\"n\": 1, \"speaker\": {\"name\": \""
        + speaker + "\", \"role\": \"guest\"}, \"text\": \"" + text + "\", \"attribution\": \"labelled\"}]}\n";
  }

  private IngestSummary ingest(Path file, int workers, TranscriptIndex index) throws IOException {
    Ingester ingester =
        new Ingester(index, TestIndexes.PIPELINE.readers(), TestIndexes.PIPELINE.enricher(), workers);
    IngestSummary summary = ingester.ingest(List.of(file), Format.AUTO, Ingester.Progress.NONE);
    index.refresh();
    return summary;
  }

  /** Episode id -> the text of its turns, as the index holds them. */
  private static Map<String, String> stored(TranscriptIndex index) throws IOException {
    return index.withSearcher(
        view -> {
          Map<String, String> texts = new HashMap<>();
          StoredFields fields = view.searcher().storedFields();
          for (ScoreDoc hit : view.searcher().search(new MatchAllDocsQuery(), 10_000).scoreDocs) {
            Document doc = fields.document(hit.doc);
            texts.merge(doc.get(Schema.EPISODE_ID), doc.get(Schema.TEXT), (a, b) -> a + " | " + b);
          }
          return texts;
        });
  }

  @ParameterizedTest(name = "{0} workers")
  @ValueSource(ints = {1, 2, 3, 8})
  void theLastCopyOfAnIdReadIsTheOneKept(int workers) throws Exception {
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < 64; i++) {
      lines.append(line("dup-" + i, "Ann Early", "The first copy of story " + i + "."));
    }
    for (int i = 0; i < 64; i++) {
      lines.append(line("dup-" + i, "Ann Early", "The last copy of story " + i + "."));
    }
    Path file = Files.writeString(temp.resolve("dups.jsonl"), lines);
    try (TranscriptIndex index = TranscriptIndex.openWritable(temp.resolve("index"), TestIndexes.PIPELINE.schema())) {
      IngestSummary summary = ingest(file, workers, index);
      Map<String, String> stored = stored(index);

      assertThat(summary.transcripts()).isEqualTo(64);
      assertThat(summary.utterances()).isEqualTo(64);
      assertThat(summary.duplicates()).isEqualTo(64);
      assertThat(stored).hasSize(64);
      for (int i = 0; i < 64; i++) {
        assertThat(stored.get("dup-" + i)).isEqualTo("The last copy of story " + i + ".");
      }
    }
  }

  @ParameterizedTest(name = "{0} workers")
  @ValueSource(ints = {1, 2, 4})
  void aRecordTheIndexRefusesIsSkippedWithItsReasonAndTheCountsAreWhatTheIndexHolds(int workers)
      throws Exception {
    String hugeName = "A" + "a".repeat(39_999);
    String lines =
        line("good-1", "Ann Early", "A good line.")
            + line("poisoned", hugeName, "A line whose speaker no index can hold.")
            + line("good-2", "Bob Later", "Another good line.");
    Path file = Files.writeString(temp.resolve("poisoned.jsonl"), lines);
    try (TranscriptIndex index = TranscriptIndex.openWritable(temp.resolve("index"), TestIndexes.PIPELINE.schema())) {
      IngestSummary summary = ingest(file, workers, index);
      Map<String, String> stored = stored(index);

      assertThat(stored.keySet()).containsExactlyInAnyOrder("good-1", "good-2");
      assertThat(summary.transcripts()).isEqualTo(stored.size());
      assertThat(summary.utterances()).isEqualTo(2);
      assertThat(summary.complete()).isFalse();
      assertThat(summary.skipped()).extracting(Skipped::where).containsExactly(file + ": transcript poisoned");
      assertThat(summary.skipped().get(0).reason()).startsWith("could not be indexed: ").hasSizeLessThan(400);
    }
  }

  @org.junit.jupiter.api.Test
  void progressIsByBytesReadWithinOneLargeFile() throws Exception {
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < 3_000; i++) {
      lines.append(line("big-" + i, "Ann Early", "Line " + i + " of a large file, long enough to be read in parts."));
    }
    Path file = Files.writeString(temp.resolve("big.jsonl"), lines);
    List<IngestStatus> seen = new java.util.ArrayList<>();
    Ingester.Progress progress = new Ingester.Progress() {
      @Override
      public void status(IngestStatus status) {
        seen.add(status);
      }
    };
    try (TranscriptIndex index = TranscriptIndex.openWritable(temp.resolve("index"), TestIndexes.PIPELINE.schema())) {
      new Ingester(index, TestIndexes.PIPELINE.readers(), TestIndexes.PIPELINE.enricher(), 2)
          .ingest(List.of(file), Format.AUTO, progress);
    }

    long size = Files.size(file);
    assertThat(seen).allSatisfy(s -> assertThat(s.bytesTotal()).isEqualTo(size));
    assertThat(seen).extracting(IngestStatus::bytesRead).isSorted();
    assertThat(seen).anySatisfy(s -> assertThat(s.bytesRead()).isBetween(1L, size / 2));
    assertThat(seen.get(seen.size() - 1).bytesRead()).isEqualTo(size);
    assertThat(seen.get(seen.size() - 1).transcripts()).isEqualTo(3_000);
    assertThat(seen.get(seen.size() - 1).done()).isEqualTo(1.0);
  }

  @ParameterizedTest(name = "{0} workers")
  @ValueSource(ints = {1, 3})
  void aRefusedLastCopyLeavesTheFirstCopyAndSaysSo(int workers) throws Exception {
    String lines =
        line("twice", "Ann Early", "The first copy.") + line("twice", "A" + "a".repeat(39_999), "The refused copy.");
    Path file = Files.writeString(temp.resolve("twice.jsonl"), lines);
    try (TranscriptIndex index = TranscriptIndex.openWritable(temp.resolve("index"), TestIndexes.PIPELINE.schema())) {
      IngestSummary summary = ingest(file, workers, index);

      assertThat(stored(index)).containsExactly(Map.entry("twice", "The first copy."));
      assertThat(summary.transcripts()).isEqualTo(1);
      assertThat(summary.skipped()).extracting(Skipped::where).containsExactly(file + ": transcript twice");
    }
  }
}
