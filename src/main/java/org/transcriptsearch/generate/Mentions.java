package org.transcriptsearch.generate;

import java.util.List;
import java.util.SplittableRandom;

/**
 * What one story's speech mentions besides common words: the phrases of its main topics and the names of the
 * newsmakers it is about, at a rate per sentence. Immutable.
 *
 * @param topicPhrases phrases naming the story's main topics, the first topic's first; empty for a domestic story
 * @param namePhrases phrases naming its newsmakers ("Secretary of State John Kerry", "Kerry"); may be empty
 * @param rate the chance that a sentence mentions one of them
 */
record Mentions(List<List<String>> topicPhrases, List<String> namePhrases, double rate) {
  /** Nothing to mention. */
  static final Mentions NONE = new Mentions(List.of(), List.of(), 0);

  Mentions {
    topicPhrases = List.copyOf(topicPhrases);
    namePhrases = List.copyOf(namePhrases);
    if (rate > 0 && topicPhrases.isEmpty() && namePhrases.isEmpty()) {
      throw new IllegalArgumentException("a mention rate without anything to mention");
    }
  }

  boolean isEmpty() {
    return topicPhrases.isEmpty() && namePhrases.isEmpty();
  }

  /**
   * A phrase to mention: mostly the first main topic, by its name about half the time (as speech does, "Syria"
   * more than "Damascus"), else a second topic or a newsmaker.
   */
  String draw(SplittableRandom rng) {
    double x = rng.nextDouble();
    if (namePhrases.isEmpty() || (!topicPhrases.isEmpty() && x < 0.75)) {
      List<String> phrases = topicPhrases.size() > 1 && rng.nextDouble() < 0.3 ? topicPhrases.get(1) : topicPhrases.get(0);
      return rng.nextBoolean() ? phrases.get(0) : phrases.get(rng.nextInt(phrases.size()));
    }
    return namePhrases.get(rng.nextInt(namePhrases.size()));
  }
}
