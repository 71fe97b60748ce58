package org.transcriptsearch.solr;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FilterLeafReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexReader.CacheHelper;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.MultiReader;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.solr.client.solrj.request.json.JsonQueryRequest;
import org.apache.solr.client.solrj.response.TermsResponse;
import org.transcriptsearch.index.Schema;
import org.transcriptsearch.search.Spellings;
import org.transcriptsearch.search.StoredAnswers;

/**
 * A collection's spellings for "did you mean": for each word looked up, the collection's terms that Lucene's spell
 * checker could offer for it (the same first letter, a length within two of the word's) with their document
 * frequencies summed over the shards (Solr's terms component), read into a small reader that reports those
 * frequencies, so the product's own spell checker picks what it picks over the embedded index. One search's own;
 * closes its readers.
 */
final class SolrSpellings implements Spellings, AutoCloseable {
  /** The spell checker's largest edit distance: a suggestion's length is within this of the word's. */
  private static final int EDITS = 2;

  private final SolrCalls calls;
  private final SolrDirectory directory;
  private final Schema schema;
  private final List<IndexReader> opened = new ArrayList<>();

  SolrSpellings(SolrCalls calls, SolrDirectory directory, Schema schema) {
    this.calls = calls;
    this.directory = directory;
    this.schema = schema;
  }

  @Override
  public IndexReader near(String field, String folded) throws IOException {
    IndexReader reader = reader(field, frequencies(field, folded));
    opened.add(reader);
    return reader;
  }

  /** The terms of {@code field} that could be offered for {@code folded}, and it, with their document frequencies. */
  private Map<String, Long> frequencies(String field, String folded) throws IOException {
    int length = folded.codePointCount(0, folded.length());
    String first = new String(Character.toChars(folded.codePointAt(0)));
    JsonQueryRequest request = new JsonQueryRequest();
    request.setPath("/terms");
    request.withParam("terms", true).withParam("terms.fl", field).withParam("terms.prefix", first)
        .withParam("terms.regex", ".{" + Math.max(1, length - EDITS) + "," + (length + EDITS) + "}")
        .withParam("terms.sort", "index").withParam("terms.limit", -1).withParam("distrib", true);
    Map<String, Long> out = new LinkedHashMap<>();
    TermsResponse terms = calls.run(request).getTermsResponse();
    List<TermsResponse.Term> list = terms == null ? null : terms.getTerms(field);
    if (list != null) {
      list.forEach(t -> out.put(t.getTerm(), t.getFrequency()));
    }
    return out;
  }

  /** A reader of one segment with one document per term, each term reporting its frequency in the collection. */
  static IndexReader reader(String field, Map<String, Long> docFreqs) throws IOException {
    if (docFreqs.isEmpty()) {
      return new MultiReader();
    }
    ByteBuffersDirectory dir = new ByteBuffersDirectory();
    try (IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(new KeywordAnalyzer()))) {
      for (String term : docFreqs.keySet()) {
        Document doc = new Document();
        doc.add(new StringField(field, term, Field.Store.NO));
        writer.addDocument(doc);
      }
      writer.forceMerge(1);
    }
    DirectoryReader reader = DirectoryReader.open(dir);
    return new CollectionFrequencies(reader, docFreqs);
  }

  /** One segment's terms, each with the document frequency the collection has for it. */
  private static final class CollectionFrequencies extends FilterLeafReader {
    private final DirectoryReader owner;
    private final Map<String, Long> docFreqs;

    CollectionFrequencies(DirectoryReader owner, Map<String, Long> docFreqs) {
      super(owner.leaves().get(0).reader());
      this.owner = owner;
      this.docFreqs = docFreqs;
    }

    @Override
    public Terms terms(String field) throws IOException {
      Terms terms = super.terms(field);
      return terms == null ? null : new FilterTerms(terms) {
        @Override
        public TermsEnum iterator() throws IOException {
          return new FilterTermsEnum(in.iterator()) {
            @Override
            public int docFreq() throws IOException {
              return (int) Math.min(Integer.MAX_VALUE, docFreqs.getOrDefault(term().utf8ToString(), 0L));
            }
          };
        }
      };
    }

    @Override
    public CacheHelper getCoreCacheHelper() {
      return null;
    }

    @Override
    public CacheHelper getReaderCacheHelper() {
      return null;
    }

    @Override
    protected void doClose() throws IOException {
      owner.close();
    }
  }

  @Override
  public String speakerNamed(String typed) throws IOException {
    List<String> keys = directory.labels(calls, Schema.FACET_SPEAKER);
    List<String> found = StoredAnswers.speakerKeys(keys, typed, schema.aliases()).stream()
        .filter(keys::contains).toList();
    if (found.isEmpty()) {
      return null;
    }
    String best = found.get(0);
    long bestCount = -1;
    for (String key : found) {
      long n = calls.count("{!term f=" + Schema.SPEAKER_KEY + "}" + key, List.of());
      if (n > bestCount) {
        best = key;
        bestCount = n;
      }
    }
    return directory.displayNames(calls, List.of(best)).get(best);
  }

  @Override
  public boolean speakerMissing(String typed) throws IOException {
    List<String> keys = directory.labels(calls, Schema.FACET_SPEAKER);
    return StoredAnswers.speakerKeys(keys, typed, schema.aliases()).stream().noneMatch(keys::contains);
  }

  @Override
  public void close() throws IOException {
    for (IndexReader reader : opened) {
      reader.close();
    }
  }
}
