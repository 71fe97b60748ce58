package org.transcriptsearch.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transcriptsearch.TestIndexes;
import org.transcriptsearch.index.TranscriptIndex;
import org.transcriptsearch.search.Results.Alternative;
import org.transcriptsearch.search.Results.Hit;
import org.transcriptsearch.search.Results.Match;
import org.transcriptsearch.search.Results.SearchResponse;

/** Questions as journalists type them, over a real index of the questions fixture. */
class QuestionsTest {
  static final Path QUESTIONS = Path.of("src", "test", "resources", "fixtures", "questions.jsonl");

  @TempDir static Path dir;
  static TranscriptIndex index;
  static SearchService search;

  @BeforeAll
  static void build() throws Exception {
    index = TestIndexes.build(dir, QUESTIONS);
    search = new SearchService(index);
  }

  @AfterAll
  static void close() throws Exception {
    index.close();
  }

  private static SearchResponse find(String q) throws Exception {
    return search.search(SearchRequest.builder().query(q).size(20).build());
  }

  private static List<String> ids(SearchResponse r) {
    return r.hits().stream().map(Hit::id).toList();
  }

  private static List<String> marked(Hit hit) {
    return hit.highlights().stream()
        .flatMap(h -> h.matches().stream())
        .map(m -> hit.text().substring(m.start(), m.end()))
        .toList();
  }

  @Test
  void curlyQuotesMakeAPhraseMarkedAsOneUnit() throws Exception {
    SearchResponse r = find("“self-defense forces”");
    assertThat(ids(r)).containsExactlyInAnyOrder("q-paris-2014-1", "q-paris-2014-3");
    assertThat(marked(r.hits().get(0))).containsExactly("self-defense forces");
  }

  @Test
  void lowerCaseAndRequiresBothWords() throws Exception {
    // Read as a question naming Lavrov, his own turns come first; literally, it is the turns with both words.
    assertThat(ids(find("lavrov and crimea"))).contains("q-paris-2014-1", "q-paris-2014-3");
    assertThat(ids(search.search(SearchRequest.builder().query("lavrov and crimea").literal(true).build())))
        .containsExactlyInAnyOrder("q-paris-2014-1", "q-paris-2014-3");
    assertThat(ids(find("troops and barracks"))).containsExactly("q-paris-2014-6");
  }

  @Test
  void aQuestionNamingASpeakerRanksTheirOwnTurnsFirst() throws Exception {
    for (String q :
        List.of("what has Lavrov said about Crimea", "Lavrov Crimea", "lavrov on crimea", "Lavrov's remarks on Crimea",
            "what did Sergey Lavrov say about Crimea?")) {
      SearchResponse r = find(q);
      // His own turns first (the substantive one above the one-word one), then the turns that mention him.
      assertThat(ids(r)).as(q).startsWith("q-paris-2014-4", "q-paris-2014-5");
      // then the turns that mention him (by the full name, when the question gives it)
      assertThat(ids(r).subList(2, ids(r).size()))
          .as(q)
          .containsExactlyInAnyOrderElementsOf(
              q.contains("Sergey") ? List.of("q-paris-2014-1") : List.of("q-paris-2014-1", "q-paris-2014-3"));
      assertThat(r.interpreted().speaker()).isEqualTo("Sergey Lavrov");
      assertThat(r.interpreted().words()).singleElement().asString().startsWith(q.contains("Crimea") ? "Crimea" : "crimea");
      assertThat(r.interpreted().literal().params()).containsEntry("literal", "true");
      assertThat(r.interpreted().literal().hits()).isEqualTo(q.contains("Sergey") ? 1 : 2);
    }
    assertThat(find("what has Lavrov said about Crimea").query().ignored()).containsExactly("what", "has", "said", "about");
    SearchResponse literal =
        search.search(SearchRequest.builder().query("Lavrov Crimea").literal(true).build());
    assertThat(literal.interpreted()).isNull();
    assertThat(ids(literal)).containsExactlyInAnyOrder("q-paris-2014-1", "q-paris-2014-3");
    // Kerry on Russia: Kerry's own turn first, then the turns that mention Kerry and Russia.
    assertThat(ids(find("Kerry on Russia"))).first().isEqualTo("q-paris-2014-6");
  }

  @Test
  void aNameAloneIsWhoMentionedThem() throws Exception {
    SearchResponse r = find("lavrov");
    assertThat(r.interpreted()).isNull();
    assertThat(ids(r)).containsExactlyInAnyOrder("q-paris-2014-1", "q-paris-2014-3");
  }

  @Test
  void stopWordsAloneStillSearch() throws Exception {
    assertThat(find("what did they say").total()).isZero();
    assertThat(find("we").total()).isPositive();
  }

  @Test
  void spellingsOfOneNameMatchEachOtherButRelatedTermsDoNot() throws Exception {
    SearchResponse kyiv = find("kyiv");
    assertThat(ids(kyiv)).containsExactlyInAnyOrder("q-kyiv-2015-1", "q-kyiv-2015-2");
    assertThat(kyiv.query().expansions()).singleElement().satisfies(e -> {
      assertThat(e.word()).isEqualTo("kyiv");
      assertThat(e.variants()).containsExactly("Kiev");
    });
    assertThat(ids(find("kiev"))).containsExactlyInAnyOrder("q-kyiv-2015-1", "q-kyiv-2015-2");
    assertThat(ids(search.search(SearchRequest.builder().query("kyiv").exact(true).build())))
        .containsExactly("q-kyiv-2015-1");
    assertThat(ids(find("\"kyiv\""))).containsExactly("q-kyiv-2015-1");
    // Kyiv is not Ukraine: "Ukrainian" is said only in the turn that also says Kiev.
    assertThat(ids(find("ukraine"))).containsExactly("q-kyiv-2015-2");
  }

  @Test
  void aPlaceMatchesItsDemonymsAndPlurals() throws Exception {
    assertThat(ids(find("syria"))).containsExactlyInAnyOrder("q-kyiv-2015-2", "q-kyiv-2015-4");
    assertThat(marked(find("syria").hits().stream().filter(h -> h.id().equals("q-kyiv-2015-2")).findFirst().orElseThrow()))
        .containsExactly("Syrians");
    assertThat(ids(find("russians"))).contains("q-kyiv-2015-2", "q-paris-2014-4", "q-paris-2014-6");
  }

  @Test
  void wildcardsRunOverTheWordsAsSpoken() throws Exception {
    SearchResponse r = find("negotiat*");
    assertThat(ids(r)).containsExactlyInAnyOrder("q-kyiv-2015-1", "q-kyiv-2015-2", "q-paris-2014-6");
    assertThat(r.hits()).allSatisfy(h -> assertThat(marked(h)).singleElement().asString().startsWith("negotiat"));
  }

  @Test
  void aPureNegativeIsEverythingWithout() throws Exception {
    SearchResponse r = find("NOT crimea");
    assertThat(r.total()).isEqualTo(15 - 4);
    assertThat(r.hits()).noneMatch(h -> h.text().contains("Crimea"));
  }

  @Test
  void numbersWithSlashesAndHyphenatedWords() throws Exception {
    assertThat(ids(find("9/11"))).containsExactly("q-walesa-2016-2");
    assertThat(ids(find("email"))).containsExactlyInAnyOrder("q-kyiv-2015-3", "q-kyiv-2015-4");
    assertThat(ids(find("e-mail"))).containsExactlyInAnyOrder("q-kyiv-2015-3", "q-kyiv-2015-4");
  }

  @Test
  void matchOffsetsCountUtf16CodeUnits() throws Exception {
    Hit hit = find("9/11").hits().get(0);
    Match m = hit.highlights().get(0).matches().get(0);
    // The emoji before it is two UTF-16 code units (one code point): offsets index Java and JavaScript strings.
    assertThat(m.start()).isEqualTo(hit.text().indexOf("9/11"));
    assertThat(hit.text().codePointCount(0, m.start())).isEqualTo(m.start() - 1);
  }

  @Test
  void datesAsYearsMonthsAndRanges() throws Exception {
    assertThat(find("date:[2014-01-01 TO 2014-12-31]").total()).isEqualTo(7);
    assertThat(find("date:2014").total()).isEqualTo(7);
    assertThat(find("date:2015-01 OR date:2016").total()).isEqualTo(8);
    assertThat(find("crimea from:2015").total()).isZero();
  }

  @Test
  void programAliasesAndRoleSynonymsWorkInTheQueryAndAsParameters() throws Exception {
    assertThat(find("program:ATC").total()).isEqualTo(7);
    assertThat(search.search(SearchRequest.builder().programs(List.of("ATC")).build()).total()).isEqualTo(7);
    List<String> byQuery = ids(find("role:reporter"));
    List<String> byParameter = ids(search.search(SearchRequest.builder().roles(List.of("reporter")).size(20).build()));
    assertThat(byQuery).isEqualTo(byParameter).hasSize(4);
  }

  @Test
  void speakerFiltersTakePartsOfNamesAndIgnoreCaseAndAccents() throws Exception {
    SearchResponse kel = search.search(SearchRequest.builder().speakers(List.of("kel")).size(20).build());
    assertThat(kel.hits()).extracting(h -> h.speaker().name()).containsOnly("Michele Kelemen", "Mary Louise Kelly");
    SearchResponse walesa = search.search(SearchRequest.builder().speakers(List.of("WALESA")).build());
    assertThat(ids(walesa)).containsExactly("q-walesa-2016-2");
    assertThat(ids(find("speaker:wałęsa"))).containsExactly("q-walesa-2016-2");
    assertThat(ids(find("wałęsa"))).containsExactlyInAnyOrder("q-walesa-2016-1", "q-walesa-2016-4");
  }

  @Test
  void filtersOnlyListTheNewestTranscriptFirstInSpokenOrder() throws Exception {
    SearchResponse r = find("role:correspondent");
    assertThat(ids(r)).containsExactly("q-kyiv-2015-2", "q-kyiv-2015-4", "q-paris-2014-2", "q-paris-2014-3");
    assertThat(r.query().order()).isEqualTo("newest");
  }

  @Test
  void substantiveTurnsRankAboveCourtesies() throws Exception {
    assertThat(ids(find("walesa"))).containsExactly("q-walesa-2016-1", "q-walesa-2016-4");
  }

  @Test
  void aTopicFilterMarksTheTopicsWords() throws Exception {
    SearchResponse r = search.search(SearchRequest.builder().topics(List.of("Crimea")).size(20).build());
    Hit first = r.hits().stream().filter(h -> h.id().equals("q-paris-2014-1")).findFirst().orElseThrow();
    assertThat(marked(first)).contains("Crimea");
    Hit inQuery = find("topic:Crimea").hits().stream().filter(h -> h.id().equals("q-paris-2014-4")).findFirst().orElseThrow();
    assertThat(marked(inQuery)).containsExactly("Crimea");
  }

  @Test
  void didYouMeanForWordsAndSpeakers() throws Exception {
    SearchResponse michelle = find("speaker:michelle");
    assertThat(michelle.total()).isZero();
    assertThat(michelle.didYouMean()).extracting(Alternative::q).containsExactly("speaker:michele");
    assertThat(michelle.didYouMean().get(0).hits()).isEqualTo(2);
    SearchResponse crimia = find("crimia");
    assertThat(crimia.didYouMean()).extracting(Alternative::q).containsExactly("crimea");
    SearchResponse lavrof = search.search(SearchRequest.builder().speakers(List.of("lavrof")).build());
    assertThat(lavrof.total()).isZero();
    assertThat(lavrof.didYouMean()).singleElement().satisfies(a -> {
      assertThat(a.params()).containsEntry("speaker", "Sergey Lavrov");
      assertThat(a.hits()).isEqualTo(2);
    });
  }

  @Test
  void anEmptyAnswerSaysWhatWouldGiveResults() throws Exception {
    SearchResponse r =
        search.search(SearchRequest.builder().query("firewood").speakers(List.of("kelemen")).build());
    assertThat(r.total()).isZero();
    assertThat(r.help()).extracting(Alternative::message).contains("without the speaker filter: 1 utterance");
    SearchResponse saidBy = find("speaker:kerry paris");
    assertThat(saidBy.total()).isZero();
    assertThat(saidBy.help()).extracting(Alternative::q).contains("kerry paris");
    SearchResponse quoted = find("\"Moscow negotiating\"");
    assertThat(quoted.help()).extracting(Alternative::q).contains("Moscow negotiating");
    SearchResponse dated =
        search.search(SearchRequest.builder().query("firewood").from(LocalDate.of(2016, 1, 1)).build());
    assertThat(dated.help()).extracting(Alternative::params).contains(java.util.Map.of("from", ""));
    SearchResponse nothing = find("zeppelin");
    assertThat(nothing.total()).isZero();
    assertThat(nothing.help()).extracting(Alternative::q).containsExactly("");
    SearchResponse inQuery = find("firewood date:2016");
    assertThat(inQuery.help()).extracting(Alternative::q).contains("firewood");
  }

  @Test
  void whenEveryWordFindsNothingTheBestPartialMatchesAreMarkedSo() throws Exception {
    SearchResponse r = find("firewood gas winter");
    assertThat(r.partial()).isTrue();
    assertThat(ids(r)).first().isEqualTo("q-kyiv-2015-1");
  }
}
