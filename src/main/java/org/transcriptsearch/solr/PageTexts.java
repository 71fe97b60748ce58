package org.transcriptsearch.solr;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.transcriptsearch.index.Schema;
import org.transcriptsearch.index.SchemaField;
import org.transcriptsearch.search.Deadline;

/**
 * The texts of one answer's utterances (a page of hits, a transcript's turns) in a small in-memory index, analysed
 * by the schema's analyzer with offsets, so that the product's own highlighter marks them exactly as it marks the
 * embedded index: the same fragments, whichever backend found the hits. Document {@code i} is text {@code i}.
 */
final class PageTexts implements AutoCloseable {
  /** The spoken text with offsets in its postings, as the embedded index keeps it. */
  private static final FieldType SPEECH = type(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);

  /** The words as spoken, for wildcards that stand for the words they match. */
  private static final FieldType SURFACE = type(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);

  private final ByteBuffersDirectory dir;
  private final DirectoryReader reader;

  private PageTexts(ByteBuffersDirectory dir, DirectoryReader reader) {
    this.dir = dir;
    this.reader = reader;
  }

  /** The texts alone in an index of one segment, in their order. */
  static PageTexts of(Schema schema, List<String> texts) throws IOException {
    return of(schema, texts, texts.stream().map(t -> new Document()).toList());
  }

  /**
   * The utterances {@code stored} (their stored fields, {@code texts} their texts) in an index of one segment, in
   * their order, every stored field that a query can match indexed as the schema indexes it: a query that requires a
   * speaker or a program marks the words of an utterance that has them, as it does in the embedded index.
   */
  static PageTexts of(Schema schema, List<String> texts, List<Document> stored) throws IOException {
    ByteBuffersDirectory dir = new ByteBuffersDirectory();
    // One segment and no merges: document ids are the texts' positions.
    IndexWriterConfig config = new IndexWriterConfig(schema.analyzer()).setMergePolicy(NoMergePolicy.INSTANCE);
    try (IndexWriter writer = new IndexWriter(dir, config)) {
      for (int i = 0; i < texts.size(); i++) {
        Document doc = new Document();
        doc.add(new Field(Schema.TEXT, texts.get(i), SPEECH));
        doc.add(new Field(Schema.TEXT_SURFACE, texts.get(i), SURFACE));
        matchable(stored.get(i), doc);
        writer.addDocument(doc);
      }
    }
    return new PageTexts(dir, DirectoryReader.open(dir));
  }

  /** Adds to {@code doc} the stored values of {@code from} that a query matches, indexed as the schema says. */
  private static void matchable(Document from, Document doc) {
    for (SchemaField field : Schema.FIELDS) {
      String name = field.name();
      if (name.equals(Schema.TEXT) || name.equals(Schema.TEXT_SURFACE)) {
        continue;
      }
      for (IndexableField value : from.getFields(name)) {
        switch (field.matching()) {
          case EXACT -> doc.add(new StringField(name, value.stringValue(), Field.Store.NO));
          case INT -> doc.add(new IntPoint(name, value.numericValue().intValue()));
          case LONG -> doc.add(new LongPoint(name, value.numericValue().longValue()));
          case KEYWORD, TEXT, TEXT_WITH_OFFSETS -> doc.add(new Field(name, value.stringValue(), SURFACE));
          case NONE -> {}
        }
      }
    }
  }

  /** A searcher of the texts that gives up at {@code deadline}. */
  IndexSearcher searcher(Deadline deadline) {
    IndexSearcher searcher = new IndexSearcher(reader);
    searcher.setTimeout(deadline);
    return searcher;
  }

  /** The ids of the texts' documents: 0 to n - 1. */
  int[] docIds() {
    int[] ids = new int[reader.maxDoc()];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = i;
    }
    return ids;
  }

  @Override
  public void close() throws IOException {
    reader.close();
    dir.close();
  }

  private static FieldType type(IndexOptions options) {
    FieldType type = new FieldType();
    type.setTokenized(true);
    type.setIndexOptions(options);
    type.freeze();
    return type;
  }
}
