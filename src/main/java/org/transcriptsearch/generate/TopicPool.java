package org.transcriptsearch.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.transcriptsearch.topics.Topic;
import org.transcriptsearch.topics.TopicTagger;
import org.transcriptsearch.topics.TopicTaxonomy;

/**
 * The taxonomy topics that stories are about, each with the years it was in the news and the phrases speech uses
 * to mention it. About half of all stories are domestic and have no main topic from the taxonomy. Immutable.
 */
final class TopicPool {
  /**
   * A topic stories are about.
   *
   * @param name the taxonomy name ("Syria")
   * @param weight its share of foreign stories in its busy years
   * @param busyFrom first busy year
   * @param busyTo last busy year
   * @param phrases what speech says to mention it: the name, then aliases that the tagger maps to this topic
   * @param related topics that stories about this one often also mention
   */
  record StoryTopic(String name, double weight, int busyFrom, int busyTo, List<String> phrases, List<String> related) {
    /** Outside its busy years a topic keeps a tenth of its weight: old wars still make the news. */
    double weightIn(int year) {
      return busyFrom <= year && year <= busyTo ? weight : weight / 10;
    }
  }

  /** The share of stories with a main topic from the taxonomy; the rest are domestic. */
  static final double FOREIGN_SHARE = 0.5;

  /** How many aliases, after the name, a topic's phrases keep: the commonest ones come first in the taxonomy. */
  private static final int ALIASES_KEPT = 10;

  private final List<StoryTopic> topics;

  TopicPool(TopicTaxonomy taxonomy) {
    TopicTagger tagger = new TopicTagger(taxonomy);
    List<StoryTopic> list = new ArrayList<>();
    for (Spec s : spec()) {
      taxonomy.topic(s.name()).ifPresent(topic -> list.add(storyTopic(topic, s, tagger)));
    }
    this.topics = List.copyOf(list);
  }

  /** Every topic. */
  List<StoryTopic> all() {
    return topics;
  }

  /** The topic named {@code name}, if the pool has it. */
  StoryTopic byName(String name) {
    return topics.stream().filter(t -> t.name().equals(name)).findFirst().orElse(null);
  }

  /** A topic in the news in {@code year}, drawn by weight. */
  StoryTopic draw(SplittableRandom rng, int year) {
    double total = 0;
    for (StoryTopic t : topics) {
      total += t.weightIn(year);
    }
    double x = rng.nextDouble() * total;
    for (StoryTopic t : topics) {
      x -= t.weightIn(year);
      if (x < 0) {
        return t;
      }
    }
    return topics.get(topics.size() - 1);
  }

  private record Spec(String name, double weight, int from, int to, List<String> related) {}

  private static StoryTopic storyTopic(Topic topic, Spec s, TopicTagger tagger) {
    List<String> phrases = new ArrayList<>();
    phrases.add(topic.name());
    for (String alias : topic.aliases()) {
      // Only phrases that the tagger reads as this very topic: blocked phrases and lower-case idioms stay out.
      if (phrases.size() <= ALIASES_KEPT && !alias.startsWith("!") && Character.isUpperCase(alias.charAt(0))
          && !alias.contains(",") && tagger.mentioned(alias).contains(topic.name())) {
        phrases.add(alias);
      }
    }
    return new StoryTopic(topic.name(), s.weight(), s.from(), s.to(), List.copyOf(phrases), s.related());
  }

  /** Weights and busy years reflect two decades of NPR foreign coverage, roughly. A list: order must be stable. */
  private static List<Spec> spec() {
    return List.of(
        new Spec("Iraq", 10, 2002, 2011, List.of("Iran", "Syria")),
        new Spec("Afghanistan", 8, 2001, 2014, List.of("Pakistan")),
        new Spec("Syria", 7, 2011, 2024, List.of("Russia", "Turkey", "Iran")),
        new Spec("Russia", 6, 1999, 2024, List.of("Ukraine", "Syria")),
        new Spec("Ukraine", 8, 2014, 2024, List.of("Russia", "Crimea")),
        new Spec("Crimea", 4, 2014, 2015, List.of("Russia", "Ukraine")),
        new Spec("Iran", 6, 2005, 2024, List.of("Israel", "Iraq")),
        new Spec("Israel", 7, 1999, 2024, List.of("Palestine", "Gaza Strip", "Iran")),
        new Spec("Gaza Strip", 4, 2008, 2024, List.of("Israel", "Egypt")),
        new Spec("China", 7, 1999, 2024, List.of("Taiwan", "Japan")),
        new Spec("North Korea", 4, 2002, 2019, List.of("China", "Japan")),
        new Spec("Mexico", 4, 1999, 2024, List.of()),
        new Spec("Egypt", 4, 2011, 2013, List.of("Israel")),
        new Spec("Libya", 4, 2011, 2012, List.of("Egypt")),
        new Spec("Pakistan", 4, 2001, 2012, List.of("India", "Afghanistan")),
        new Spec("India", 3, 1999, 2024, List.of("Pakistan")),
        new Spec("Venezuela", 2, 2013, 2024, List.of("Cuba")),
        new Spec("Cuba", 2, 2014, 2016, List.of("Venezuela")),
        new Spec("Haiti", 3, 2010, 2011, List.of()),
        new Spec("Germany", 2, 1999, 2024, List.of("France")),
        new Spec("France", 2, 1999, 2024, List.of("Germany")),
        new Spec("United Kingdom", 3, 1999, 2024, List.of("France")),
        new Spec("Turkey", 2, 2013, 2024, List.of("Syria")),
        new Spec("Japan", 2, 2011, 2011, List.of("China")),
        new Spec("Brazil", 2, 1999, 2024, List.of()),
        new Spec("Taiwan", 1, 1999, 2024, List.of("China")),
        new Spec("Palestine", 2, 1999, 2024, List.of("Israel")));
  }
}
