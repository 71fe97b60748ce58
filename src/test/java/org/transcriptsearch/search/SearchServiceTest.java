package org.transcriptsearch.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transcriptsearch.TestIndexes;
import org.transcriptsearch.index.TranscriptIndex;
import org.transcriptsearch.search.Results.FacetValue;
import org.transcriptsearch.search.Results.Hit;
import org.transcriptsearch.search.Results.SearchResponse;

/** Search over the fixture corpus: ranking, filters, drill-sideways facets, dates, sorting, cursors, highlights. */
class SearchServiceTest {
  @TempDir static Path dir;
  static TranscriptIndex index;
  static SearchService search;

  @BeforeAll
  static void indexFixtureCorpus() throws Exception {
    index = TestIndexes.build(dir, TestIndexes.FIXTURE_CORPUS);
    search = new SearchService(index);
  }

  @AfterAll
  static void close() throws Exception {
    index.close();
  }

  private static SearchRequest.Builder query(String q) {
    return SearchRequest.builder().query(q).size(20);
  }

  private static List<String> ids(SearchResponse response) {
    return response.hits().stream().map(Hit::id).toList();
  }

  private static List<String> values(SearchResponse response, String dim) {
    return response.facets().get(dim).stream().map(v -> v.value() + "=" + v.count()).toList();
  }

  @Test
  void ranksUtterancesThatMentionTheQuery() throws Exception {
    assertThat(ids(search.search(query("crimea").build())))
        .containsExactly("fx-escape-1", "fx-crimea-2014-4", "fx-crimea-2014-2", "fx-kerry-2016-2", "fx-crimea-2014-1");
  }

  @Test
  void saidByIsTheSpeakerFieldAndMentionedIsTheText() throws Exception {
    assertThat(ids(search.search(query("speaker:lavrov crimea").build())))
        .containsExactly("fx-crimea-2014-4", "fx-crimea-2014-2");
    assertThat(ids(search.search(query("lavrov").build())))
        .containsExactly("fx-kerry-2016-1", "fx-kerry-2016-2");
    assertThat(ids(search.search(query("speaker:\"sergey lavrov\"").build())))
        .containsExactly("fx-crimea-2014-2", "fx-crimea-2014-4");
  }

  @Test
  void defaultOperatorIsAnd() throws Exception {
    assertThat(ids(search.search(query("kerry lavrov").build())))
        .containsExactly("fx-kerry-2016-1", "fx-kerry-2016-2");
  }

  @Test
  void speakerFilterMatchesPartOfANameAndCountsOtherSpeakersSideways() throws Exception {
    SearchResponse r = search.search(query("").speakers(List.of("kelemen", "LAVROV")).build());
    // Filters only: the newest transcript first, its turns in spoken order.
    assertThat(ids(r)).containsExactly("fx-kerry-2016-2", "fx-kerry-2016-4", "fx-crimea-2014-2", "fx-crimea-2014-4");
    // Drill-sideways: the speaker facet ignores the speaker filter, so every speaker still shows.
    assertThat(values(r, "speaker"))
        .startsWith("Robert Siegel=3", "Alison Meuse=2", "Michele Kelemen=2")
        .hasSize(10);
    // Other dimensions are counted within the filter.
    assertThat(values(r, "role")).containsExactly("correspondent=2", "guest=2");
  }

  @Test
  void programAndTopicFiltersIgnoreCaseAndCombineWithAnd() throws Exception {
    SearchResponse r = search.search(query("").programs(List.of("morning edition")).topics(List.of("crimea")).build());
    assertThat(ids(r)).containsExactly("fx-kerry-2016-2");
    assertThat(values(r, "program")).containsExactly("All Things Considered=5", "Morning Edition=1");
    assertThat(values(r, "topic")).startsWith("Syria=8");
  }

  @Test
  void topicFindsTurnsOfAStoryThatNeverSayTheWord() throws Exception {
    List<String> syria = ids(search.search(query("topic:syria").build()));
    assertThat(syria).contains("fx-aleppo-2016-3", "fx-aleppo-2016-4").hasSize(8);
  }

  @Test
  void rolesAreFilteredAndAnUnknownRoleIsTheCallersMistake() throws Exception {
    assertThat(ids(search.search(query("").roles(List.of("caller", "unidentified")).build())))
        .containsExactly("fx-callers-2", "fx-callers-3");
    assertThatThrownBy(() -> search.search(query("").roles(List.of("pundit")).build()))
        .isInstanceOf(BadRequestException.class)
        .hasMessageContaining("unknown role 'pundit'");
  }

  @Test
  void dateRangeIsInclusive() throws Exception {
    SearchResponse r =
        search.search(query("").from(LocalDate.of(2016, 9, 10)).to(LocalDate.of(2016, 9, 10)).build());
    assertThat(ids(r)).containsExactly("fx-kerry-2016-1", "fx-kerry-2016-2", "fx-kerry-2016-3", "fx-kerry-2016-4");
    assertThatThrownBy(() -> query("").from(LocalDate.of(2017, 1, 1)).to(LocalDate.of(2016, 1, 1)).build())
        .isInstanceOf(BadRequestException.class);
  }

  @Test
  void dateSortPutsTheNewestFirstAndTheUndatedLast() throws Exception {
    List<String> ids = ids(search.search(query("").sort(SearchRequest.SortOrder.DATE).build()));
    assertThat(ids).hasSize(17);
    assertThat(ids.subList(0, 5))
        .containsExactly("fx-aleppo-2016-1", "fx-aleppo-2016-2", "fx-aleppo-2016-3", "fx-aleppo-2016-4", "fx-kerry-2016-1");
    assertThat(ids.get(8)).isEqualTo("fx-escape-1");
    assertThat(ids.subList(13, 17)).allMatch(id -> id.startsWith("fx-callers-"));
  }

  @Test
  void cursorPagesThroughEveryHitOnceInOrder() throws Exception {
    for (SearchRequest.SortOrder order : SearchRequest.SortOrder.values()) {
      for (String q : List.of("", "syria OR crimea OR jobs")) {
        List<String> all = ids(search.search(query(q).sort(order).size(100).build()));
        List<String> paged = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
          SearchResponse page = search.search(query(q).sort(order).size(3).cursor(cursor).build());
          paged.addAll(ids(page));
          cursor = page.nextCursor();
          pages++;
        } while (cursor != null);
        assertThat(paged).as("%s %s", order, q).isEqualTo(all);
        assertThat(pages).isEqualTo((all.size() + 2) / 3);
      }
    }
  }

  @Test
  void aMalformedCursorOrOneFromAnotherSortIsRefused() throws Exception {
    String cursor = search.search(query("syria OR crimea").size(2).build()).nextCursor();
    assertThat(cursor).isNotNull();
    assertThatThrownBy(() -> search.search(query("").sort(SearchRequest.SortOrder.DATE).cursor(cursor).build()))
        .isInstanceOf(BadRequestException.class);
    assertThatThrownBy(() -> search.search(query("").cursor("not a cursor!").build()))
        .isInstanceOf(BadRequestException.class)
        .hasMessageContaining("malformed cursor");
  }

  @Test
  void aPhraseIsMarkedAsOneUnitWithOffsetsIntoTheText() throws Exception {
    Hit hit = search.search(query("\"cease-fire talks\"").build()).hits().get(0);
    assertThat(hit.id()).isEqualTo("fx-aleppo-2016-2");
    assertThat(hit.highlights()).hasSize(1);
    var h = hit.highlights().get(0);
    assertThat(h.html())
        .isEqualTo(
            "Families are fleeing eastern Aleppo on foot. Aid workers in Syria say the shelling has not stopped, "
                + "and the <mark>cease-fire talks</mark> have stalled again.");
    assertThat(h.matches()).hasSize(1);
    var m = h.matches().get(0);
    assertThat(hit.text().substring(m.start(), m.end())).isEqualTo("cease-fire talks");
  }

  @Test
  void stemmedWordsAndPrefixesMatch() throws Exception {
    // "cease-fires" and "cease-fire" share a stem; "cease*" is cut to the stem's prefix.
    assertThat(ids(search.search(query("ceasefire OR \"cease fires\"").build()))).contains("fx-kerry-2016-4");
    assertThat(ids(search.search(query("cease*").build())))
        .containsExactlyInAnyOrder("fx-aleppo-2016-2", "fx-kerry-2016-2", "fx-kerry-2016-3", "fx-kerry-2016-4");
  }

  @Test
  void transcriptTextIsEscapedAndOnlyMarksAreAdded() throws Exception {
    Hit hit = search.search(query("crimea").build()).hits().get(0);
    assertThat(hit.id()).isEqualTo("fx-escape-1");
    assertThat(hit.highlights().get(0).html())
        .isEqualTo(
            "A listener wrote &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; asked about "
                + "<mark>Crimea</mark> &quot;in quotes&quot;.");
  }

  @Test
  void aHitThatMatchedOnlyItsSpeakerShowsItsTextUnmarked() throws Exception {
    Hit hit = search.search(query("speaker:conan").build()).hits().get(0);
    assertThat(hit.highlights()).singleElement().satisfies(h -> assertThat(h.matches()).isEmpty());
    assertThat(hit.highlights().get(0).html()).isEqualTo(Highlighting.escape(hit.text()));
  }

  @Test
  void badSyntaxAndUnknownFieldsAreTheCallersMistake() {
    assertThatThrownBy(() -> search.search(query("crimea AND (").build()))
        .isInstanceOf(BadRequestException.class)
        .hasMessageStartingWith("bad query: Cannot parse 'crimea AND ('");
    assertThatThrownBy(() -> search.search(query("color:red").build()))
        .isInstanceOf(BadRequestException.class)
        .hasMessageContaining("unknown field 'color'");
    assertThatThrownBy(() -> search.search(query("*rimea").build())).isInstanceOf(BadRequestException.class);
  }

  @Test
  void highlightMarksEveryMatchOfTheWholeUtterance() throws Exception {
    var h = search.highlight("fx-kerry-2016-2", "lavrov OR crimea OR syria");
    assertThat(h.html())
        .isEqualTo(
            "Kerry and <mark>Lavrov</mark> talked for more than twelve hours about a cease-fire in <mark>Syria</mark>,"
                + " and about <mark>Crimea</mark> only briefly.");
    assertThat(h.matches()).extracting(m -> h.text().substring(m.start(), m.end()))
        .containsExactly("Lavrov", "Syria", "Crimea");
    assertThatThrownBy(() -> search.highlight("no-such-id", "x")).isInstanceOf(NotFoundException.class);
  }

  @Test
  void contextGivesTheTurnsAroundAnUtterance() throws Exception {
    var u = search.utterance("fx-aleppo-2016-3", 1);
    assertThat(u.utterance().text()).isEqualTo("Alison, what are people there telling you?");
    assertThat(u.before()).extracting(Results.Utterance::id).containsExactly("fx-aleppo-2016-2");
    assertThat(u.after()).extracting(Results.Utterance::id).containsExactly("fx-aleppo-2016-4");
    assertThat(search.utterance("fx-aleppo-2016-1", 10).before()).isEmpty();
    assertThat(search.utterance("fx-aleppo-2016-1", 10).after()).hasSize(3);
    assertThatThrownBy(() -> search.utterance("fx-aleppo-2016-1", 11)).isInstanceOf(BadRequestException.class);
  }

  @Test
  void episodeIsTheWholeTranscriptInOrder() throws Exception {
    var e = search.episode("fx-crimea-2014");
    assertThat(e.title()).isEqualTo("Lavrov Defends Russian Moves In Crimea");
    assertThat(e.date()).isEqualTo(LocalDate.of(2014, 3, 5));
    assertThat(e.turns()).extracting(t -> t.speaker().name())
        .containsExactly("Robert Siegel", "Sergey Lavrov", "Robert Siegel", "Sergey Lavrov");
    assertThat(e.turns().get(1).cues()).containsExactly("(Through interpreter)");
    assertThat(e.turns().get(1).speaker().title()).isEqualTo("Foreign Minister");
    assertThat(e.topics()).contains("Crimea");
    assertThatThrownBy(() -> search.episode("nope")).isInstanceOf(NotFoundException.class);
  }

  @Test
  void facetsListEveryDimension() throws Exception {
    SearchResponse r = search.search(query("").build());
    assertThat(r.facets()).containsOnlyKeys("speaker", "program", "topic", "role");
    assertThat(r.facets().get("program"))
        .containsExactly(
            new FacetValue("Morning Edition", 8),
            new FacetValue("All Things Considered", 5),
            new FacetValue("Talk of the Nation", 4));
  }
}
