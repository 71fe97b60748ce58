package org.transcriptsearch.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.Field;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transcriptsearch.TestIndexes;

/**
 * An index written by another version of the schema is refused by name, for reading and for writing, and the refusal
 * changes nothing in it (the writer opened to check it is rolled back; what was opened is closed, even on failure).
 */
class IndexVersionTest {
  private static final Schema SCHEMA = TestIndexes.PIPELINE.schema();

  @Test
  void anIndexOfAnotherSchemaVersionIsRefusedByNameAndLeftAsItWas(@TempDir Path dir) throws Exception {
    writeIndexOfVersion(dir, "0");
    String expected = "the index at " + dir + " was written by another version of transcript-search (schema 0, this is "
        + Schema.VERSION + "); delete the folder and index again";
    for (int attempt = 0; attempt < 3; attempt++) { // refused the same way each time: nothing was left open or held
      assertThatThrownBy(() -> TranscriptIndex.openReadOnly(dir, SCHEMA)).isInstanceOf(IOException.class)
          .hasMessage(expected);
      assertThatThrownBy(() -> TranscriptIndex.openWritable(dir, SCHEMA)).isInstanceOf(IOException.class)
          .hasMessage(expected);
    }
    try (Directory directory = FSDirectory.open(dir); DirectoryReader reader = DirectoryReader.open(directory)) {
      assertThat(reader.numDocs()).isEqualTo(1);
      assertThat(reader.getIndexCommit().getUserData()).containsEntry(Schema.VERSION_KEY, "0");
    }
  }

  @Test
  void aFolderWithNoIndexIsNamedWithWhatToDo(@TempDir Path dir) {
    assertThatThrownBy(() -> TranscriptIndex.openReadOnly(dir, SCHEMA)).isInstanceOf(NoSuchFileException.class)
        .hasMessageContaining(dir.toString()).hasMessageContaining("run the index command first");
  }

  private static void writeIndexOfVersion(Path dir, String version) throws IOException {
    try (Directory directory = FSDirectory.open(dir);
        IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
      Document doc = new Document();
      doc.add(new StringField("id", "old-1", Field.Store.YES));
      writer.addDocument(doc);
      writer.setLiveCommitData(Map.of(Schema.VERSION_KEY, version).entrySet());
      writer.commit();
    }
  }
}
