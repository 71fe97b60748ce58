package org.transcriptsearch.topics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.transcriptsearch.model.Attribution;
import org.transcriptsearch.model.Role;
import org.transcriptsearch.model.Speaker;
import org.transcriptsearch.model.Transcript;
import org.transcriptsearch.model.Turn;

class TranscriptTopicsTest {
  private static final TopicTagger TAGGER = new TopicTagger(TopicTaxonomy.bundled());
  private static final Speaker HOST = new Speaker("Audie Cornish", "AUDIE CORNISH", Role.HOST, null, null);

  private static Transcript transcript(String title, String... texts) {
    List<Turn> turns = new ArrayList<>();
    for (String text : texts) {
      turns.add(new Turn(turns.size() + 1, HOST, text, Attribution.LABELLED, List.of()));
    }
    return new Transcript("t1", title, "All Things Considered", null, null, null, List.of(), turns);
  }

  private static final Transcript STORY = transcript("Diplomats Meet Over Syria",
      "The Russians and the Americans met again today.",
      "Moscow insists its troops will stay. The Kremlin says so.",
      "And what did Iran say?",
      "Nothing, really. Putin was clear.");

  @Test
  void mainTopicsAreTitleTopicsThenTheMostMentioned() {
    // Russia: 4 mentions in 3 turns; United States and Iran: once each, so not main.
    assertThat(TAGGER.mainTopics(STORY)).containsExactly("Syria", "Russia");
  }

  @Test
  void titleTopicsComeFirstInTitleOrder() {
    Transcript t = transcript("Kerry And Russian Diplomat Talk Crimea In Paris", "Ukraine, Ukraine, Ukraine.");
    assertThat(TAGGER.mainTopics(t)).containsExactly("Russia", "Crimea", "Ukraine", "France");
  }

  @Test
  void twoMentionsInDifferentTurnsMakeAMainTopicButNotInOneTurn() {
    assertThat(TAGGER.mainTopics(transcript("News", "Iran again.", "Iran.", "Cuba and Cuba."))).containsExactly(
        "Iran");
  }

  @Test
  void passingRemarksInALongStoryAreNotMainTopics() {
    String often = "Ukraine ".repeat(20);
    Transcript t = transcript("News", often, "Syria.", "Syria.", "Syria.", often);
    // Syria has 3 mentions in 3 turns, but under a quarter of Ukraine's 40.
    assertThat(TAGGER.mainTopics(t)).containsExactly("Ukraine");
  }

  @Test
  void bodyTopicsAreCappedAndOrderedByCount() {
    Transcript t = transcript("News",
        "Chile Chile Chile Chile Chile Chile Peru Peru Peru Peru Peru Cuba Cuba Cuba Cuba",
        "Iran Iran Iran Iraq Iraq Iraq Mali Mali Mali");
    assertThat(TAGGER.mainTopics(t)).containsExactly("Chile", "Peru", "Cuba", "Iran", "Iraq");
  }

  @Test
  void withTopicsSetsTheMainTopics() {
    assertThat(TAGGER.withTopics(STORY).topics()).containsExactly("Syria", "Russia");
  }

  @Test
  void utteranceTopicsAddMainTopicsToWhatTheTurnMentions() {
    Turn iran = STORY.turns().get(2);
    assertThat(TAGGER.utteranceTopics(STORY, iran)).containsExactly("Iran", "Syria", "Russia");
    assertThat(TAGGER.utteranceTopics(TAGGER.withTopics(STORY), iran)).containsExactly("Iran", "Syria", "Russia");
  }

  @Test
  void aTurnThatNeverNamesTheTopicStillGetsIt() {
    Transcript t = transcript("Syria Talks Stall", "Nothing came of it.", "Damascus refused.", "Aleppo too.");
    assertThat(TAGGER.utteranceTopics(t, t.turns().get(0))).containsExactly("Syria");
    assertThat(TAGGER.utteranceTopics(t)).containsExactly(List.of("Syria"), List.of("Syria"), List.of("Syria"));
  }
}
