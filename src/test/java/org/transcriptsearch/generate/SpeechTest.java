package org.transcriptsearch.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.transcriptsearch.topics.TopicTagger;
import org.transcriptsearch.topics.TopicTaxonomy;

class SpeechTest {
  private final TopicTagger tagger = new TopicTagger(TopicTaxonomy.bundled());
  private final Speech speech = new Speech(Vocabulary.bundled(), tagger);

  @Test
  void sentencesAreCapitalisedPunctuatedAndOfTheWordCountAsked() {
    SplittableRandom rng = new SplittableRandom(5);
    for (int i = 0; i < 500; i++) {
      StringBuilder out = new StringBuilder();
      int asked = 1 + rng.nextInt(120);
      int written = speech.sentences(out, rng, asked, Mentions.NONE, 0.2);
      String text = out.toString();
      assertThat(written).isEqualTo(asked);
      assertThat(CorpusGeneratorTest.words(text)).isEqualTo(asked);
      assertThat(text).matches("[A-Z][^.?!]*[.?!]( [A-Z][^.?!]*[.?!])*");
    }
  }

  @Test
  void withoutMentionsSpeechNamesNoTopic() {
    SplittableRandom rng = new SplittableRandom(6);
    StringBuilder out = new StringBuilder();
    speech.sentences(out, rng, 20_000, Mentions.NONE, 0.1);
    assertThat(tagger.mentioned(out.toString())).isEmpty();
    assertThat(out.toString()).doesNotContain("I'm").doesNotContain("community policy");
  }

  @Test
  void mentionsComeAtTheirRate() {
    SplittableRandom rng = new SplittableRandom(7);
    Mentions syria = new Mentions(List.of(List.of("Syria", "Damascus", "Syrian")), List.of("Kerry"), 0.5);
    int sentences = 2_000;
    int mentioning = 0;
    for (int i = 0; i < sentences; i++) {
      StringBuilder out = new StringBuilder();
      speech.sentence(out, rng, 12, syria, 0);
      if (!tagger.mentioned(out.toString()).isEmpty() || out.indexOf("Kerry") >= 0) {
        mentioning++;
      }
    }
    assertThat((double) mentioning / sentences).isBetween(0.42, 0.58);
  }

  @Test
  void titlesAreTitleCasedAndLedByTheStoryTopic() {
    SplittableRandom rng = new SplittableRandom(8);
    Mentions crimea = new Mentions(List.of(List.of("Crimea")), List.of(), 0.1);
    String title = speech.title(rng, crimea);
    assertThat(title).startsWith("Crimea ").doesNotEndWith(".");
    for (String word : title.split(" ")) {
      assertThat(Character.isUpperCase(word.charAt(0))).as(title).isTrue();
    }
  }
}
