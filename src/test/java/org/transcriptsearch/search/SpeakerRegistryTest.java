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
import org.transcriptsearch.search.Results.FacetValue;
import org.transcriptsearch.search.Results.Hit;

/** The variants of one person's name are one speaker across the index, shown by the most common full form. */
class SpeakerRegistryTest {
  @TempDir static Path dir;
  static TranscriptIndex index;
  static SearchService search;

  @BeforeAll
  static void build() throws Exception {
    index = TestIndexes.build(dir, Path.of("src/test/resources/fixtures/speakers.jsonl"));
    search = new SearchService(index);
  }

  @AfterAll
  static void close() throws Exception {
    index.close();
  }

  private static SearchRequest.Builder all() {
    return SearchRequest.builder().size(50);
  }

  @Test
  void transliterationsSurnamesAndAccentsAreOneSpeakerEach() throws Exception {
    var facets = search.search(all().build()).facets().get("speaker");
    assertThat(facets)
        .containsExactly(
            new FacetValue("Sergey Lavrov", 4),
            new FacetValue("A Martínez", 3),
            new FacetValue("Tom Goldman", 2),
            new FacetValue("Robert Siegel", 1));
  }

  @Test
  void anyVariantFiltersToThePerson() throws Exception {
    for (String typed : List.of("Sergei Lavrov", "sergey lavrov", "LAVROV", "Sergej Lavrov")) {
      var hits = search.search(all().speakers(List.of(typed)).build()).hits();
      assertThat(hits).as(typed).extracting(Hit::id).containsExactlyInAnyOrder("sp-1-2", "sp-1-3", "sp-2-1", "sp-3-3");
    }
    assertThat(search.search(all().speakers(List.of("a martinez")).build()).total()).isEqualTo(3);
  }

  @Test
  void theSpeakerFieldMatchesEverySpelling() throws Exception {
    assertThat(search.search(all().query("speaker:sergei").build()).total()).isEqualTo(4);
    assertThat(search.search(all().query("speaker:\"sergey lavrov\" sanctions").build()).hits())
        .extracting(Hit::id)
        .containsExactlyInAnyOrder("sp-2-1", "sp-3-3");
  }

  @Test
  void hitsShowTheCanonicalNameAndKeepTheLabelAsPrinted() throws Exception {
    Hit hit = search.search(all().query("\"not change our position\"").build()).hits().get(0);
    assertThat(hit.speaker().name()).isEqualTo("Sergey Lavrov");
    var utterance = search.utterance(hit.id(), 0).utterance();
    assertThat(utterance.speaker().name()).isEqualTo("Sergey Lavrov");
    assertThat(utterance.speaker().label()).isEqualTo("SERGEI LAVROV");
  }

  @Test
  void aSurnameOnlyLabelTakesTheFullNameFromItsTranscript() throws Exception {
    var utterance = search.utterance("sp-1-3", 0).utterance();
    assertThat(utterance.speaker().name()).isEqualTo("Sergey Lavrov");
    assertThat(utterance.speaker().label()).isEqualTo("LAVROV");
  }

  @Test
  void completionListsCanonicalNames() throws Exception {
    SpeakerSearch speakers = new SpeakerSearch(index, search);
    assertThat(speakers.complete("ser", 10)).containsExactly(new FacetValue("Sergey Lavrov", 4));
    assertThat(speakers.complete("mart", 10)).containsExactly(new FacetValue("A Martínez", 3));
    assertThat(speakers.complete("", 2))
        .containsExactly(new FacetValue("Sergey Lavrov", 4), new FacetValue("A Martínez", 3));
  }

  @Test
  void listingShowsVariantsRolesAndPrograms() throws Exception {
    var entries = new SpeakerSearch(index, search).list("", 10);
    assertThat(entries).extracting(SpeakerSearch.SpeakerEntry::name)
        .containsExactly("Sergey Lavrov", "A Martínez", "Tom Goldman", "Robert Siegel");
    var lavrov = entries.get(0);
    assertThat(lavrov.utterances()).isEqualTo(4);
    assertThat(lavrov.variants()).containsExactly(java.util.Map.entry("Sergei Lavrov", 1), java.util.Map.entry("Sergey Lavrov", 3));
    assertThat(lavrov.programs())
        .containsExactly(new FacetValue("All Things Considered", 2), new FacetValue("Morning Edition", 2));
    var goldman = entries.get(2);
    assertThat(goldman.roles()).containsExactly(new FacetValue("correspondent", 1), new FacetValue("guest", 1));
  }
}
