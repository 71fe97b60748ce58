package org.transcriptsearch.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transcriptsearch.index.Schema;

/** Display names are remembered per reader, and a reader that sees new utterances works them out again. */
class SpeakerDirectoryTest {
  @TempDir Path dir;

  @Test
  void aRememberedNameBelongsToItsReaderOnly() throws Exception {
    SpeakerDirectory speakers = new SpeakerDirectory();
    try (Directory directory = FSDirectory.open(dir);
        IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new StandardAnalyzer()))) {
      writer.addDocument(form("sergey lavrov", "Sergei Lavrov"));
      writer.commit();
      try (DirectoryReader before = DirectoryReader.open(writer)) {
        assertThat(speakers.displayName(before, "sergey lavrov")).isEqualTo("Sergei Lavrov");
        writer.addDocument(form("sergey lavrov", "Sergey Lavrov"));
        writer.addDocument(form("sergey lavrov", "Sergey Lavrov"));
        writer.commit();
        try (DirectoryReader after = DirectoryReader.openIfChanged(before, writer)) {
          assertThat(speakers.displayName(after, "sergey lavrov")).isEqualTo("Sergey Lavrov");
          assertThat(speakers.displayName(before, "sergey lavrov")).isEqualTo("Sergei Lavrov");
          assertThat(speakers.displayName(after, "nobody")).isEqualTo("nobody");
        }
      }
    }
  }

  private static Document form(String key, String name) {
    Document doc = new Document();
    doc.add(new SortedDocValuesField(Schema.SPEAKER_FORM, new BytesRef(key + Schema.FORM_SEPARATOR + name)));
    return doc;
  }
}
