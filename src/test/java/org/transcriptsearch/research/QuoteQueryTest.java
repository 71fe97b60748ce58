package org.transcriptsearch.research;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.StoredFields;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transcriptsearch.TestIndexes;
import org.transcriptsearch.index.Schema;
import org.transcriptsearch.index.TranscriptIndex;
import org.transcriptsearch.research.QuoteSource.QuoteQuery;
import org.transcriptsearch.research.QuoteSource.QuoteQuery.Pair;

/**
 * The query a quote check finds its candidates by. A SolrCloud collection is sent each pair as the two words as
 * written, which the collection analyses: that must give the very terms the embedded index's phrase holds, or the two
 * backends would find different candidates.
 */
class QuoteQueryTest {
  private static final Analyzer ANALYZER = TestIndexes.PIPELINE.schema().analyzer();

  @Test
  void theQueryIsEveryDistinctWordAndEachPairOfNeighbours() {
    QuoteQuery query = QuoteChecker.query(Words.of(ANALYZER, "“The people of Crimea’s future,” twelve times 1,000"));
    assertThat(query.terms()).containsExactly("the", "peopl", "of", "crimea", "futur", "twelv", "time", "1,000");
    assertThat(query.pairs()).containsExactly(
        new Pair("the", "peopl", "The people"),
        new Pair("peopl", "of", "people of"),
        new Pair("of", "crimea", "of Crimea’s"),
        new Pair("crimea", "futur", "Crimea’s future"),
        new Pair("futur", "twelv", "future twelve"),
        new Pair("twelv", "time", "twelve times"),
        new Pair("time", "1,000", "times 1,000"));
    assertThat(query.lucene().toString()).startsWith("text:the text:peopl text:of ")
        .contains("(text:\"the peopl\"~2)^2.0").endsWith("(text:\"time 1,000\"~2)^2.0");
  }

  @Test
  void aWordSaidTwiceIsOneTermButEveryPair() {
    QuoteQuery query = QuoteChecker.query(Words.of(ANALYZER, "no, no, no"));
    assertThat(query.terms()).containsExactly("no");
    assertThat(query.pairs()).hasSize(2);
  }

  @Test
  void everyPairAsWrittenAnalysesToItsTwoTerms(@TempDir Path dir) throws IOException {
    List<String> texts = new ArrayList<>(List.of("U.S. and E.U. officials' \"cease-fire\" at 12:30, naïve Wałęsa",
        "北京 said 😀 ok", "O'Brien's co-op e-mail", "rock'n'roll 3.5% $1,000,000 #tag @user"));
    try (TranscriptIndex index = TestIndexes.build(dir, TestIndexes.SAMPLE_CORPUS, TestIndexes.FIXTURE_CORPUS,
        Path.of("src", "test", "resources", "fixtures", "research.jsonl"))) {
      index.withSearcher(view -> {
        StoredFields stored = view.searcher().storedFields();
        for (int doc = 0; doc < view.searcher().getIndexReader().maxDoc(); doc++) {
          texts.add(stored.document(doc).get(Schema.TEXT));
        }
        return null;
      });
    }
    assertThat(texts).hasSizeGreaterThan(50);
    int pairs = 0;
    for (String text : texts) {
      for (Pair pair : QuoteChecker.query(Words.of(ANALYZER, text)).pairs()) {
        assertThat(terms(pair.written())).as(text).containsExactly(pair.first(), pair.second());
        pairs++;
      }
    }
    assertThat(pairs).isGreaterThan(500);
  }

  private static List<String> terms(String text) throws IOException {
    List<String> out = new ArrayList<>();
    try (TokenStream tokens = ANALYZER.tokenStream(Schema.TEXT, text)) {
      CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
      tokens.reset();
      while (tokens.incrementToken()) {
        out.add(term.toString());
      }
      tokens.end();
    }
    return out;
  }
}
