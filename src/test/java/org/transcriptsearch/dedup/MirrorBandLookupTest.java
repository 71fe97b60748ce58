package org.transcriptsearch.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transcriptsearch.index.Schema;

/** The candidates of a copy: the indexed transcripts sharing most of its band keys, over every segment. */
class MirrorBandLookupTest {
  @TempDir Path temp;

  private static Document doc(String id, String... keys) {
    Document doc = new Document();
    doc.add(new StringField(Schema.EPISODE_ID, id, Field.Store.YES));
    for (String key : keys) {
      doc.add(new StringField(Schema.MIRROR_BAND, key, Field.Store.NO));
    }
    return doc;
  }

  @Test
  void mostSharedKeysFirstThenIndexOrderAcrossSegmentsWithoutDeletedOnes() throws Exception {
    try (Directory dir = FSDirectory.open(temp);
        IndexWriter writer =
            new IndexWriter(dir, new IndexWriterConfig(new KeywordAnalyzer()).setMergePolicy(NoMergePolicy.INSTANCE))) {
      writer.addDocument(doc("a", "k1"));             // doc 0: one key
      writer.addDocument(doc("b", "x1", "x2"));       // doc 1: none
      writer.addDocument(doc("c", "k1", "k2", "k3")); // doc 2: three
      writer.commit();                                // a second segment from here
      writer.addDocument(doc("d", "k2", "k3"));       // doc 3: two
      writer.addDocument(doc("e", "k3"));             // doc 4: one
      writer.addDocument(doc("f", "k1", "k2", "k3")); // doc 5: three, but deleted below
      writer.addDocument(doc("g", "k2"));             // doc 6: one
      writer.deleteDocuments(new Term(Schema.EPISODE_ID, "f"));
      writer.commit();
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        assertThat(reader.leaves()).hasSize(2);
        List<String> keys = List.of("k1", "k2", "k3", "absent");
        assertThat(MirrorGroups.sharingMost(reader, keys, 16)).containsExactly(2, 3, 0, 4, 6);
        assertThat(MirrorGroups.sharingMost(reader, keys, 3)).containsExactly(2, 3, 0);
        assertThat(MirrorGroups.sharingMost(reader, List.of("absent"), 16)).isEmpty();
      }
    }
  }
}
