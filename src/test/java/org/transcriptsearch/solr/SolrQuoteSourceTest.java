package org.transcriptsearch.solr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.transcriptsearch.model.Json;
import org.transcriptsearch.research.QuoteSource.QuoteQuery;
import org.transcriptsearch.research.QuoteSource.QuoteQuery.Pair;

/**
 * A quote check's candidate query as SolrCloud is sent it, pinned: each word a term query of the index's own term,
 * each pair a phrase of the words as written with Lucene's slop and boost; and the terms component's list of words
 * with its separators escaped. Runs in the default suite: nothing here needs a Solr.
 */
class SolrQuoteSourceTest {
  @Test
  void wordsAreTermsAndPairsArePhrasesWithTheSameSlopAndBoost() throws Exception {
    QuoteQuery query = new QuoteQuery(List.of("the", "peopl", "crimea"),
        List.of(new Pair("the", "peopl", "The people"), new Pair("peopl", "crimea", "people \"Crimea\\")));
    assertThat(Json.mapper().writeValueAsString(SolrQuoteSource.rendered(query))).isEqualTo(
        "{\"bool\":{\"should\":[\"{!term f=text}the\",\"{!term f=text}peopl\",\"{!term f=text}crimea\","
            + "\"text:\\\"The people\\\"~2^2.0\",\"text:\\\"people \\\\\\\"Crimea\\\\\\\\\\\"~2^2.0\"]}}");
  }

  @Test
  void theTermListEscapesCommasAndBackslashes() {
    assertThat(SolrQuoteSource.termList(new LinkedHashSet<>(List.of("crimea", "1,000", "a\\b"))))
        .isEqualTo("1\\,000,a\\\\b,crimea");
  }
}
