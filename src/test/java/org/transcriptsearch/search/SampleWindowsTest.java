package org.transcriptsearch.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The windows a sample is drawn from, over a real index of three segments of different sizes: runs of the given
 * length at the given stride, covering the asked share of every segment, every segment sampled, and {@code advance}
 * landing where a walk of every doc id would.
 */
class SampleWindowsTest {
  @TempDir Path dir;

  @Test
  void windowsAreRunsOfTheLengthAtEvenStridesCoveringTheShareOfEverySegment() throws Exception {
    try (FSDirectory directory = FSDirectory.open(dir)) {
      segments(directory, 10_000, 2_501, 3);
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        assertThat(reader.leaves()).hasSize(3);
        IndexSearcher searcher = new IndexSearcher(reader);
        for (double fraction : new double[] {0.01, 0.1, 0.37, 1.0}) {
          for (int length : new int[] {1, 4, 16, 100}) {
            SampleWindows windows = new SampleWindows(fraction, length);
            Weight weight = searcher.createWeight(windows, ScoreMode.COMPLETE_NO_SCORES, 1f);
            long stride = Math.max(length, Math.round(length / fraction));
            for (LeafReaderContext leaf : reader.leaves()) {
              int maxDoc = leaf.reader().maxDoc();
              List<Integer> docs = walk(weight.scorer(leaf).iterator());
              String what = fraction + " x " + length + " of " + maxDoc;
              assertThat(docs).as(what).isNotEmpty();
              assertThat((long) docs.size()).as(what).isEqualTo(windows.covered(maxDoc));
              // runs of `length` ids (the last one cut by the segment's end), one every `stride` ids
              int first = docs.get(0);
              assertThat((long) first).as(what).isLessThan(Math.max(1, Math.min(stride - length + 1, maxDoc)));
              for (int doc : docs) {
                assertThat((doc - first) % stride).as(what + ": " + doc).isLessThan(length);
              }
              long expected = 0;
              for (long start = first; start < maxDoc; start += stride) {
                expected += Math.min(length, maxDoc - start);
              }
              assertThat((long) docs.size()).as(what).isEqualTo(expected);
              if (maxDoc >= 100 * stride) {
                // the share of the ids is the windows' (length over the rounded stride), which estimates divide by
                assertThat((double) docs.size() / maxDoc).as(what)
                    .isCloseTo((double) length / stride, org.assertj.core.data.Offset.offset(0.01));
              }
              // advance lands on the first window id at or after its target, as a walk of every id would
              Random random = new Random(maxDoc);
              for (int i = 0; i < 200; i++) {
                int target = random.nextInt(maxDoc + 2);
                DocIdSetIterator it = weight.scorer(leaf).iterator();
                int landed = it.advance(target);
                int truth = docs.stream().filter(d -> d >= target).findFirst().orElse(DocIdSetIterator.NO_MORE_DOCS);
                assertThat(landed).as(what + " advance(" + target + ")").isEqualTo(truth);
              }
            }
          }
        }
      }
    }
  }

  @Test
  void theSameWindowsEveryTimeAndTheirQueriesEqualOnlyWhenTheyAre() throws Exception {
    try (FSDirectory directory = FSDirectory.open(dir)) {
      segments(directory, 5_000);
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        IndexSearcher searcher = new IndexSearcher(reader);
        LeafReaderContext leaf = reader.leaves().get(0);
        Scorer a = searcher.createWeight(new SampleWindows(0.05, 8), ScoreMode.COMPLETE_NO_SCORES, 1f).scorer(leaf);
        Scorer b = searcher.createWeight(new SampleWindows(0.05, 8), ScoreMode.COMPLETE_NO_SCORES, 1f).scorer(leaf);
        assertThat(walk(a.iterator())).isEqualTo(walk(b.iterator()));
      }
    }
    assertThat(new SampleWindows(0.05, 8)).isEqualTo(new SampleWindows(0.05, 8)).hasSameHashCodeAs(new SampleWindows(0.05, 8));
    assertThat(new SampleWindows(0.05, 8)).isNotEqualTo(new SampleWindows(0.05, 9)).isNotEqualTo(new SampleWindows(0.06, 8));
    assertThatThrownBy(() -> new SampleWindows(0, 8)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SampleWindows(1.5, 8)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SampleWindows(0.5, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aWindowHoldsAboutAQuarterOfAHit() {
    assertThat(SampleWindows.length(20_000, 3_200_000)).isEqualTo(40);
    assertThat(SampleWindows.length(200_000, 3_200_000)).isEqualTo(SampleWindows.SHORTEST);
    assertThat(SampleWindows.length(20, 3_200_000)).isEqualTo(SampleWindows.LONGEST);
    assertThat(SampleWindows.length(1, 100)).isEqualTo(25);
    assertThat(SampleWindows.length(0, 100)).isEqualTo(100);
  }

  /** One segment per size, in that order. */
  private static void segments(FSDirectory directory, int... sizes) throws Exception {
    IndexWriterConfig config = new IndexWriterConfig().setMergePolicy(NoMergePolicy.INSTANCE);
    try (IndexWriter writer = new IndexWriter(directory, config)) {
      int id = 0;
      for (int size : sizes) {
        for (int i = 0; i < size; i++) {
          Document doc = new Document();
          doc.add(new StringField("id", Integer.toString(id++), Field.Store.NO));
          writer.addDocument(doc);
        }
        writer.flush();
      }
      writer.commit();
    }
  }

  private static List<Integer> walk(DocIdSetIterator it) throws Exception {
    List<Integer> docs = new ArrayList<>();
    for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
      docs.add(doc);
    }
    return docs;
  }
}
