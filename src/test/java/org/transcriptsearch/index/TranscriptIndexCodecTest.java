package org.transcriptsearch.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.lucene.codecs.perfield.PerFieldPostingsFormat;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transcriptsearch.dedup.SpeechSignature;
import org.transcriptsearch.model.Transcript;

/**
 * The index's codec, on disk: the mirror bands of every segment written have a Bloom filter (lucene-codecs'
 * BloomFilter postings format, named in the segment), the other fields Lucene's own postings; a band key written is
 * found and one never written is not; and an index written before, without the filter, is read and added to.
 */
class TranscriptIndexCodecTest {
  @TempDir Path dir;

  private static final String POSTINGS_FORMAT = PerFieldPostingsFormat.PER_FIELD_FORMAT_KEY;

  @Test
  void theMirrorBandsOfEverySegmentHaveABloomFilterAndFindTheirKeys() throws Exception {
    Transcript transcript = SchemaFieldsTest.everyFieldFilled();
    List<String> keys = SpeechSignature.of(transcript).bandKeys();
    assertThat(keys).hasSize(42);
    try (TranscriptIndex index = TranscriptIndex.openWritable(dir, new Schema())) {
      index.put(transcript, List.of(List.of("ukraine")));
      index.commit();
    }
    try (FSDirectory directory = FSDirectory.open(dir); DirectoryReader reader = DirectoryReader.open(directory)) {
      assertThat(reader.leaves()).isNotEmpty();
      for (LeafReaderContext leaf : reader.leaves()) {
        var infos = leaf.reader().getFieldInfos();
        assertThat(infos.fieldInfo(Schema.MIRROR_BAND).getAttribute(POSTINGS_FORMAT)).isEqualTo("BloomFilter");
        assertThat(infos.fieldInfo(Schema.TEXT).getAttribute(POSTINGS_FORMAT)).isEqualTo("Lucene104");
        TermsEnum bands = leaf.reader().terms(Schema.MIRROR_BAND).iterator();
        for (String key : keys) {
          assertThat(bands.seekExact(new BytesRef(key))).as(key).isTrue();
        }
        assertThat(bands.seekExact(new BytesRef("00" + "0".repeat(16)))).isFalse();
      }
    }
  }

  @Test
  void anIndexWrittenWithoutTheFilterIsReadAndAddedTo() throws Exception {
    Schema schema = new Schema();
    Transcript first = SchemaFieldsTest.everyFieldFilled();
    // Written as before the filter: Lucene's default codec, every field in its own postings.
    try (FSDirectory directory = FSDirectory.open(dir);
        IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(schema.analyzer()))) {
      writer.addDocuments(new UtteranceDocuments(schema).of(first, List.of(List.of("ukraine"))));
      writer.setLiveCommitData(Map.of(Schema.VERSION_KEY, Schema.VERSION).entrySet());
      writer.commit();
    }
    Transcript second = new Transcript("ep2", first.title(), first.program(), first.date(), first.url(), first.source(),
        first.topics(), first.turns());
    try (TranscriptIndex index = TranscriptIndex.openWritable(dir, schema)) {
      index.put(second, List.of(List.of("ukraine")));
      index.commit();
    }
    try (FSDirectory directory = FSDirectory.open(dir); DirectoryReader reader = DirectoryReader.open(directory)) {
      assertThat(reader.leaves()).hasSize(2);
      assertThat(reader.leaves().stream()
              .map(l -> l.reader().getFieldInfos().fieldInfo(Schema.MIRROR_BAND).getAttribute(POSTINGS_FORMAT)))
          .containsExactlyInAnyOrder("Lucene104", "BloomFilter");
      String key = SpeechSignature.of(first).bandKeys().get(0);
      assertThat(reader.docFreq(new Term(Schema.MIRROR_BAND, key))).isEqualTo(2);
      assertThat(reader.docFreq(new Term(Schema.EPISODE_ID, "ep1"))).isEqualTo(1);
      assertThat(reader.docFreq(new Term(Schema.EPISODE_ID, "ep2"))).isEqualTo(1);
    }
  }
}
