package org.transcriptsearch.solr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.junit.jupiter.api.Test;

/**
 * The small reader "did you mean" runs Lucene's spell checker over on SolrCloud: the collection's terms, each with
 * the collection's document frequency, so the checker ranks equally close spellings by how many turns have them.
 * Runs in the default suite: nothing here needs a Solr.
 */
class SolrSpellingsTest {
  @Test
  void eachTermReportsTheCollectionsFrequencyAndTheMoreFrequentOfEquallyCloseWins() throws Exception {
    Map<String, Long> terms = new LinkedHashMap<>();
    terms.put("crimea", 8L);
    terms.put("crimes", 30L);
    terms.put("cream", 1L);
    try (IndexReader reader = SolrSpellings.reader("text_surface", terms)) {
      assertThat(reader.docFreq(new Term("text_surface", "crimea"))).isEqualTo(8);
      assertThat(reader.docFreq(new Term("text_surface", "crimes"))).isEqualTo(30);
      assertThat(reader.docFreq(new Term("text_surface", "crimia"))).isZero();
      DirectSpellChecker checker = new DirectSpellChecker();
      SuggestWord[] one = checker.suggestSimilar(new Term("text_surface", "crimia"), 1, reader,
          SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
      assertThat(one).extracting(w -> w.string).containsExactly("crimea");
      SuggestWord[] tie = checker.suggestSimilar(new Term("text_surface", "crimex"), 2, reader,
          SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
      assertThat(tie).extracting(w -> w.string + " " + w.freq).containsExactly("crimes 30", "crimea 8");
    }
  }

  @Test
  void noTermsIsAReaderWithNothingToOffer() throws Exception {
    try (IndexReader reader = SolrSpellings.reader("speaker", Map.of())) {
      assertThat(new DirectSpellChecker().suggestSimilar(new Term("speaker", "lavrof"), 1, reader,
          SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX)).isEmpty();
    }
  }
}
