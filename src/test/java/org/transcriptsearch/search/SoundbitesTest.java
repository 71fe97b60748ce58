package org.transcriptsearch.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transcriptsearch.TestIndexes;
import org.transcriptsearch.index.TranscriptIndex;
import org.transcriptsearch.model.Attribution;
import org.transcriptsearch.model.Json;
import org.transcriptsearch.model.Role;
import org.transcriptsearch.model.Speaker;
import org.transcriptsearch.model.Transcript;
import org.transcriptsearch.model.TranscriptIds;
import org.transcriptsearch.model.Turn;
import org.transcriptsearch.search.Results.AlsoIn;
import org.transcriptsearch.search.Results.Hit;
import org.transcriptsearch.search.Results.SearchResponse;

/** A soundbite aired in several stories is one hit that says where else it aired, not a page of copies. */
class SoundbitesTest {
  private static final String BITE =
      "We will not accept the annexation of Crimea, and we will not recognise the result of this referendum.";
  private static final Speaker KERRY = new Speaker("John Kerry", "JOHN KERRY", Role.GUEST, "Secretary", null);
  private static final Speaker HOST = new Speaker("Audie Cornish", "AUDIE CORNISH", Role.HOST, null, null);

  @TempDir Path temp;

  /** A story of its own words with {@code bite} said by Kerry in its second turn. */
  private static Transcript story(String title, String opening, String bite, String closing) {
    List<Turn> turns = new ArrayList<>();
    turns.add(new Turn(1, HOST, opening, Attribution.LABELLED, List.of()));
    turns.add(new Turn(2, KERRY, bite, Attribution.LABELLED, List.of()));
    turns.add(new Turn(3, HOST, closing, Attribution.LABELLED, List.of()));
    return new Transcript(TranscriptIds.of(title, turns), title, "All Things Considered", LocalDate.of(2014, 3, 16),
        null, "npr.org", List.of(), turns);
  }

  private TranscriptIndex index(Transcript... stories) throws Exception {
    StringBuilder lines = new StringBuilder();
    for (Transcript t : stories) {
      lines.append(Json.mapper().writeValueAsString(t)).append('\n');
    }
    Path file = Files.writeString(temp.resolve("stories.jsonl"), lines, StandardCharsets.UTF_8);
    return TestIndexes.build(temp.resolve("index"), file);
  }

  private static final Transcript MONDAY = story("Crimea Votes On Joining Russia",
      "Voters in Crimea went to the polls today in a referendum the West calls illegal.", BITE,
      "Results are expected overnight, with a large majority for joining Russia.");
  private static final Transcript TUESDAY = story("Russia Moves To Absorb Crimea",
      "President Putin signed a decree today recognising Crimea as a sovereign state.", BITE + "\n",
      "European ministers meet tomorrow to agree on sanctions against Russian officials.");
  private static final Transcript FRIDAY = story("Sanctions Widen After Crimea Vote",
      "The United States and Europe named more Russian officials today in a widening list of sanctions.",
      "We will NOT accept the annexation of Crimea - and we will not recognise the result of this referendum!",
      "Moscow answered with sanctions of its own against American lawmakers.");
  private static final Transcript OTHER = story("Kerry On Crimea And The Vote",
      "Secretary Kerry spoke about Crimea in Washington before the vote.",
      "Thank you very much, it is good to be here with you on the program.",
      "He took no questions about the annexation of Crimea from reporters.");

  @Test
  void aSoundbiteInThreeStoriesIsOneHitThatNamesTheOtherTwo() throws Exception {
    try (TranscriptIndex index = index(MONDAY, TUESDAY, FRIDAY, OTHER)) {
      SearchService search = new SearchService(index);
      SearchResponse response = search.search(SearchRequest.builder().query("speaker:kerry annexation").build());
      assertThat(response.total()).isEqualTo(3); // every matching utterance is counted
      assertThat(response.collapsed()).isEqualTo(2);
      assertThat(response.hits()).hasSize(1);
      Hit hit = response.hits().get(0);
      AlsoIn also = hit.alsoIn();
      List<String> others =
          new ArrayList<>(List.of(MONDAY.id(), TUESDAY.id(), FRIDAY.id()).stream()
              .filter(id -> !id.equals(hit.episode().id())).sorted().toList());
      assertThat(also.stories()).isEqualTo(2);
      assertThat(also.atLeast()).isFalse();
      assertThat(also.episodes()).containsExactlyElementsOf(others);
      assertThat(also.collapsed()).containsExactlyInAnyOrder(others.get(0) + "-2", others.get(1) + "-2");
    }
  }

  @Test
  void aHitOfItsOwnWordsSaysNothingMoreAndShortCourtesiesAreNoSoundbite() throws Exception {
    try (TranscriptIndex index = index(MONDAY, TUESDAY, OTHER)) {
      SearchService search = new SearchService(index);
      SearchResponse opening = search.search(SearchRequest.builder().query("decree").build());
      assertThat(opening.hits()).hasSize(1);
      assertThat(opening.hits().get(0).alsoIn()).isNull();
      assertThat(opening.collapsed()).isZero();
      assertThat(TranscriptIds.soundbiteKey("Thank you very much.")).isNull();

      SearchResponse annexation = search.search(SearchRequest.builder().query("annexation").build());
      // OTHER's host mentions the annexation in words of his own: a hit of its own, not folded.
      assertThat(annexation.total()).isEqualTo(3);
      assertThat(annexation.hits()).hasSize(2);
      assertThat(annexation.collapsed()).isEqualTo(1);
      assertThat(annexation.hits()).filteredOn(h -> h.episode().id().equals(OTHER.id()))
          .singleElement()
          .satisfies(h -> assertThat(h.alsoIn()).isNull());
    }
  }

  @Test
  void theJsonOfAHitLeavesOutAlsoInWhenThereIsNone() throws Exception {
    try (TranscriptIndex index = index(MONDAY, OTHER)) {
      SearchResponse response = new SearchService(index).search(SearchRequest.builder().query("decree OR polls").build());
      String json = Json.mapper().writeValueAsString(response);
      assertThat(json).doesNotContain("alsoIn").contains("\"collapsed\":0");
    }
  }
}
