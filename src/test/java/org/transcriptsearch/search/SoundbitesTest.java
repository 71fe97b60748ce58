package org.transcriptsearch.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transcriptsearch.TestIndexes;
import org.transcriptsearch.index.TranscriptIndex;
import org.transcriptsearch.model.Json;
import org.transcriptsearch.model.TranscriptIds;
import org.transcriptsearch.search.Results.AlsoIn;
import org.transcriptsearch.search.Results.Hit;
import org.transcriptsearch.search.Results.SearchResponse;

/**
 * A soundbite aired in several stories is one hit that says where else it aired, not a page of copies. The fixture
 * (the README's example): Kerry's line aired in three stories, once with other capitals and punctuation, and a
 * fourth story in which the host mentions the annexation in words of its own.
 */
class SoundbitesTest {
  private static final Path STORIES = Path.of("src", "test", "resources", "fixtures", "soundbites.jsonl");

  @TempDir Path temp;

  private static SearchResponse search(TranscriptIndex index, String query) throws Exception {
    return new SearchService(index).search(SearchRequest.builder().query(query).build());
  }

  @Test
  void aSoundbiteInThreeStoriesIsOneHitThatNamesTheOtherTwo() throws Exception {
    try (TranscriptIndex index = TestIndexes.build(temp.resolve("index"), STORIES)) {
      SearchResponse response = search(index, "speaker:kerry annexation");
      assertThat(response.total()).isEqualTo(3); // every matching utterance is counted
      assertThat(response.collapsed()).isEqualTo(2);
      assertThat(response.hits()).hasSize(1);
      Hit hit = response.hits().get(0);
      assertThat(hit.id()).isEqualTo("crimea-votes-2"); // ties in score rank by id
      assertThat(hit.alsoIn())
          .isEqualTo(
              new AlsoIn(
                  2,
                  false,
                  java.util.List.of("russia-absorbs-crimea", "sanctions-widen"),
                  java.util.List.of("russia-absorbs-crimea-2", "sanctions-widen-2")));
    }
  }

  @Test
  void aHitOfItsOwnWordsIsListedAsItselfAndCourtesiesAreNoSoundbite() throws Exception {
    try (TranscriptIndex index = TestIndexes.build(temp.resolve("index"), STORIES)) {
      SearchResponse decree = search(index, "decree");
      assertThat(decree.hits()).extracting(Hit::id).containsExactly("russia-absorbs-crimea-1");
      assertThat(decree.hits().get(0).alsoIn()).isNull();
      assertThat(decree.collapsed()).isZero();

      SearchResponse annexation = search(index, "annexation");
      assertThat(annexation.total()).isEqualTo(4);
      assertThat(annexation.collapsed()).isEqualTo(2);
      assertThat(annexation.hits()).extracting(Hit::id, h -> h.alsoIn() == null)
          .containsExactlyInAnyOrder(
              org.assertj.core.groups.Tuple.tuple("crimea-votes-2", false),
              org.assertj.core.groups.Tuple.tuple("kerry-before-the-vote-3", true));
      assertThat(TranscriptIds.soundbiteKey("Thank you very much, it is good to be here.")).isNotNull();
      assertThat(TranscriptIds.soundbiteKey("Thank you very much.")).isNull();
    }
  }

  @Test
  void theJsonOfAHitLeavesOutAlsoInWhenThereIsNone() throws Exception {
    try (TranscriptIndex index = TestIndexes.build(temp.resolve("index"), STORIES)) {
      String json = Json.mapper().writeValueAsString(search(index, "decree"));
      assertThat(json).doesNotContain("alsoIn").contains("\"collapsed\":0");
    }
  }
}
