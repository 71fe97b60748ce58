package org.transcriptsearch.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

  @Test
  void aSoundbiteInMoreStoriesThanAreReadCountsTheFirstOnesAndSaysThereAreMore() throws Exception {
    String line = "We will not accept the annexation of Crimea, and we will not recognise the result of this referendum.";
    Path corpus = temp.resolve("many.jsonl");
    List<String> lines = new ArrayList<>();
    String[] words = {"harbour", "budget", "orchestra", "drought", "satellite", "vaccine", "railway", "election"};
    for (int i = 0; i < Soundbites.READ + 15; i++) {
      String own = "Story " + i + " opens on the " + words[i % words.length] + " of district " + i + " and "
          + words[(i / words.length) % words.length] + " number " + (i * 7919 % 1000) + " today.";
      lines.add("{\"id\": \"story-" + i + "\", \"title\": \"Story " + i + "\", \"program\": \"Morning Edition\","
          + " \"date\": \"2014-03-" + (10 + i % 18) + "\", \"url\": null, \"source\": \"npr.org\", \"topics\": [],"
          + " \"turns\": [" + turn(1, "Audie Cornish", "host", own) + ", " + turn(2, "John Kerry", "guest", line) + "]}");
    }
    Files.write(corpus, lines);
    try (TranscriptIndex index = TestIndexes.build(temp.resolve("index"), corpus)) {
      SearchResponse response = search(index, "annexation");
      assertThat(response.total()).isGreaterThan(Soundbites.READ); // more copies than are read
      Hit hit = response.hits().get(0);
      // What a search of the soundbite key ranks first: every copy scores the same, so the first in index order.
      List<String> firstRead = index.withSearcher(view -> {
        var copies = view.searcher().search(
            new org.apache.lucene.search.TermQuery(new org.apache.lucene.index.Term(
                org.transcriptsearch.index.Schema.SOUNDBITE, TranscriptIds.soundbiteKey(line))), Soundbites.READ);
        List<String> episodes = new ArrayList<>();
        for (var sd : copies.scoreDocs) {
          episodes.add(view.searcher().storedFields().document(sd.doc).get(org.transcriptsearch.index.Schema.EPISODE_ID));
        }
        return episodes;
      });
      java.util.TreeSet<String> others = new java.util.TreeSet<>(firstRead);
      others.remove(hit.episode().id());
      assertThat(hit.alsoIn().stories()).isEqualTo(others.size()).isGreaterThanOrEqualTo(Soundbites.READ - 1);
      assertThat(hit.alsoIn().atLeast()).isTrue();
      assertThat(hit.alsoIn().episodes()).containsExactlyElementsOf(others.stream().limit(Soundbites.LISTED).toList());
    }
  }

  private static String turn(int n, String name, String role, String text) {
    return "{\"n\": " + n + ", \"speaker\": {\"name\": \"" + name + "\", \"label\": \"" + name.toUpperCase()
        + "\", \"role\": \"" + role + "\", \"title\": null, \"affiliation\": null}, \"text\": \"" + text
        + "\", \"attribution\": \"labelled\", \"cues\": []}";
  }
}
