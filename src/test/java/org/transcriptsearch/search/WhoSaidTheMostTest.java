package org.transcriptsearch.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transcriptsearch.TestIndexes;
import org.transcriptsearch.index.TranscriptIndex;
import org.transcriptsearch.search.SpeakerSearch.AboutOptions;
import org.transcriptsearch.search.SpeakerSearch.SpeakerAbout;

/** Who said the most about a subject: every filter of a search, hosts and anonymous speakers as asked. */
class WhoSaidTheMostTest {
  @TempDir static Path dir;
  static TranscriptIndex index;
  static SpeakerSearch speakers;

  @BeforeAll
  static void build() throws Exception {
    index = TestIndexes.build(dir, QuestionsTest.QUESTIONS);
    speakers = new SpeakerSearch(index, new SearchService(index));
  }

  @AfterAll
  static void close() throws Exception {
    index.close();
  }

  private static List<String> names(SearchRequest.Builder request, AboutOptions options) throws Exception {
    return speakers.about(request.build(), options).speakers().stream()
        .map(s -> s.name() + (s.episode() == null ? "" : " @" + s.episode()) + "=" + s.count())
        .toList();
  }

  @Test
  void anonymousSpeakersAreOnePersonPerTranscript() throws Exception {
    assertThat(names(SearchRequest.builder().query("city OR gdansk OR nobody"), AboutOptions.everyone(10, 1)))
        .containsExactlyInAnyOrder(
            "Lech Wałęsa=1", "Steve Inskeep=1", "Unidentified Man @q-kyiv-2015=1", "Unidentified Man @q-walesa-2016=1");
  }

  @Test
  void hostsAndUnidentifiedSpeakersCanBeLeftOut() throws Exception {
    var query = SearchRequest.builder().query("city OR gdansk OR nobody");
    assertThat(names(query, new AboutOptions(10, 1, false, true))).noneMatch(n -> n.startsWith("Steve Inskeep"));
    assertThat(names(query, new AboutOptions(10, 1, false, false))).containsExactly("Lech Wałęsa=1");
  }

  @Test
  void everyFilterOfASearchIsHonoured() throws Exception {
    assertThat(names(SearchRequest.builder().query("crimea").roles(List.of("guest")), AboutOptions.everyone(10, 1)))
        .containsExactly("Sergey Lavrov=2");
    assertThat(names(SearchRequest.builder().query("crimea"), AboutOptions.everyone(10, 1)))
        .containsExactly("Sergey Lavrov=2", "Audie Cornish=1", "Michele Kelemen=1");
    assertThat(names(SearchRequest.builder().query("russia").topics(List.of("Syria")), AboutOptions.everyone(10, 1)))
        .containsExactly("Mary Louise Kelly=1");
    assertThat(names(SearchRequest.builder().query("russia").programs(List.of("ME")), AboutOptions.everyone(10, 1)))
        .containsExactly("Mary Louise Kelly=1");
  }

  @Test
  void quotesAreTheSpeakersBestTurnsMarked() throws Exception {
    SpeakerAbout lavrov =
        speakers.about(SearchRequest.builder().query("crimea").build(), AboutOptions.everyone(1, 2)).speakers().get(0);
    assertThat(lavrov.name()).isEqualTo("Sergey Lavrov");
    assertThat(lavrov.role()).isEqualTo("guest");
    assertThat(lavrov.programs()).extracting(Results.FacetValue::value).containsExactly("All Things Considered");
    assertThat(lavrov.quotes()).extracting(Results.Hit::id).containsExactly("q-paris-2014-4", "q-paris-2014-5");
    assertThat(lavrov.quotes().get(0).highlights().get(0).html()).contains("<mark>Crimea</mark>");
  }
}
