package org.transcriptsearch.solr;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.transcriptsearch.index.Schema;
import org.transcriptsearch.model.Json;
import org.transcriptsearch.query.Field;
import org.transcriptsearch.query.QueryNode;
import org.transcriptsearch.query.QueryNode.AnyOf;
import org.transcriptsearch.query.QueryNode.Bool;
import org.transcriptsearch.query.QueryNode.Clause;
import org.transcriptsearch.query.QueryNode.Occur;
import org.transcriptsearch.query.QueryNode.Phrase;
import org.transcriptsearch.query.QueryNode.Term;

/**
 * The query model rendered for Solr, pinned clause by clause: user text quoted or escaped, never spliced in raw;
 * the same clauses Lucene's renderer makes (alternatives that analyse alike are one clause, a part of punctuation
 * is left out), a minimum of optional clauses spelled out for Solr 9, and the length feature beside the words.
 * Runs in the default suite: nothing here needs a Solr.
 */
class SolrQueriesTest {
  private final SolrQueries queries = new SolrQueries(new Schema());

  @Test
  void wordsAndPhrasesAreQuotedWithTheirQuotesAndBackslashesEscaped() throws Exception {
    assertThat(json(new Term(Field.TEXT, "crimea"))).isEqualTo("\"text:\\\"crimea\\\"\"");
    assertThat(queries.search(new Phrase(Field.TEXT, "say \"no\" \\ {!x}", 2)))
        .isEqualTo("text:\"say \\\"no\\\" \\\\ {!x}\"~2");
    assertThat(queries.search(new Term(Field.SPEAKER, "O'Brien) OR *:*"))).isEqualTo("speaker:\"O'Brien) OR *:*\"");
  }

  @Test
  void prefixesWildcardsAndFuzzyWordsAreEscapedAroundTheirOperators() {
    assertThat(queries.search(new QueryNode.Prefix(Field.TEXT, "Ky:iv"))).isEqualTo("text_surface:ky\\:iv*");
    assertThat(queries.search(new QueryNode.Wildcard(Field.TEXT, "k?i+v*"))).isEqualTo("text_surface:k?i\\+v*");
    assertThat(queries.search(new QueryNode.Fuzzy(Field.TEXT, "Crimia", 1))).isEqualTo("text:crimia~1");
    assertThat(queries.search(new QueryNode.DateRange(LocalDate.of(2014, 1, 1), null)))
        .isEqualTo("date:[16071 TO *]");
    assertThat(queries.search(new QueryNode.SpeakerIs("sergey \"lavrov\""))).isEqualTo(
        "speaker_key:\"sergey \\\"lavrov\\\"\"");
  }

  @Test
  void alternativesThatAnalyseAlikeAreOneClauseAndPunctuationIsLeftOut() throws Exception {
    QueryNode russia = new AnyOf(List.of(new Term(Field.TEXT, "Russian"), new Term(Field.TEXT, "russian"),
        new Term(Field.TEXT, "Russians"), new Term(Field.TEXT, "Russia")));
    assertThat(json(russia)).isEqualTo("{\"bool\":{\"should\":[\"text:\\\"Russian\\\"\",\"text:\\\"Russia\\\"\"]}}");
    assertThat(queries.search(new Term(Field.TEXT, "!!!"))).isEqualTo(SolrQueries.NOTHING);
    Bool onlyPunctuation = new Bool(List.of(new Clause(Occur.MUST, new Term(Field.TEXT, "crimea")),
        new Clause(Occur.MUST, new Term(Field.TEXT, "?!"))));
    assertThat(json(onlyPunctuation)).isEqualTo("{\"bool\":{\"must\":[\"text:\\\"crimea\\\"\"]}}");
  }

  @Test
  void exclusionsAloneExcludeFromEverything() throws Exception {
    Bool not = new Bool(List.of(new Clause(Occur.MUST_NOT, new Term(Field.TEXT, "crimea"))));
    assertThat(json(not)).isEqualTo("{\"bool\":{\"must\":[\"*:*\"],\"must_not\":[\"text:\\\"crimea\\\"\"]}}");
  }

  @Test
  void aMinimumOfOptionalClausesIsSpelledOutAsAnyOfTheirCombinations() throws Exception {
    Bool two = new Bool(List.of(new Clause(Occur.SHOULD, new Term(Field.TEXT, "a1")),
        new Clause(Occur.SHOULD, new Term(Field.TEXT, "b2")), new Clause(Occur.SHOULD, new Term(Field.TEXT, "c3"))), 2);
    assertThat(json(two)).isEqualTo("{\"bool\":{"
        + "\"should\":[\"text:\\\"a1\\\"\",\"text:\\\"b2\\\"\",\"text:\\\"c3\\\"\"],"
        + "\"filter\":[{\"bool\":{\"should\":["
        + "{\"bool\":{\"filter\":[\"text:\\\"a1\\\"\",\"text:\\\"b2\\\"\"]}},"
        + "{\"bool\":{\"filter\":[\"text:\\\"a1\\\"\",\"text:\\\"c3\\\"\"]}},"
        + "{\"bool\":{\"filter\":[\"text:\\\"b2\\\"\",\"text:\\\"c3\\\"\"]}}]}}]}}");
    Bool impossible = new Bool(List.of(new Clause(Occur.SHOULD, new Term(Field.TEXT, "a1"))), 2);
    assertThat(queries.search(impossible)).isEqualTo(SolrQueries.NOTHING);
  }

  @Test
  void constantScoresAndBoostsScoreAsLucenesRendererDoes() throws Exception {
    assertThat(json(new QueryNode.ConstantScore(new QueryNode.SpeakerIs("sergey lavrov"), 5f)))
        .isEqualTo("{\"bool\":{\"must\":[\"*:*^=5.0\"],\"filter\":[\"speaker_key:\\\"sergey lavrov\\\"\"]}}");
    assertThat(json(new QueryNode.Boosted(new Term(Field.TITLE, "aleppo"), 2.5f)))
        .isEqualTo("{\"boost\":{\"query\":\"title:\\\"aleppo\\\"\",\"b\":\"2.5\"}}");
  }

  @Test
  void wordsAreRankedWithTheLengthFeatureAsTheEmbeddedIndexRanksThem() throws Exception {
    assertThat(Json.mapper().writeValueAsString(SolrQueries.ranked("text:\"crimea\"", true)))
        .isEqualTo("{\"bool\":{\"must\":[\"text:\\\"crimea\\\"\"],"
            + "\"should\":[\"{!rank f=words function=sigm weight=2.0 pivot=5.0 exponent=3.0}\"]}}");
    assertThat(SolrQueries.ranked("speaker_key:\"x\"", false)).isEqualTo("speaker_key:\"x\"");
  }

  private String json(QueryNode node) throws JsonProcessingException {
    return Json.mapper().writeValueAsString(queries.search(node));
  }
}
