package org.transcriptsearch.generate;

import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.transcriptsearch.generate.TopicPool.StoryTopic;
import org.transcriptsearch.model.Transcript;
import org.transcriptsearch.model.TranscriptIds;
import org.transcriptsearch.model.Turn;
import org.transcriptsearch.topics.TopicTagger;
import org.transcriptsearch.topics.TopicTaxonomy;

/**
 * An endless, deterministic stream of synthetic NPR transcripts with the shape of real ones: programs and their
 * real hosts by era (1999 to 2024), correspondents, titled newsmakers, guests, callers and unidentified voices;
 * about 30 turns of about 40 words on average, both long-tailed; Zipf-distributed common words; the taxonomy's
 * topics and newsmakers mentioned as real stories mention them. The same seed always yields the same transcripts.
 *
 * <p>Each transcript is the ground truth of its page: speaker names, roles, titles, labels, attributions and cues
 * are what a page parser reads back from the page that {@link PageWriter} prints. Not thread-safe: use one
 * generator per thread.
 *
 * <p>Shares, by construction: half of all stories are domestic (no main topic from the taxonomy); a foreign story
 * mentions its one or two main topics in 9 to 15 percent of its sentences; a quarter of all stories mention one
 * further topic once, in passing. {@code Syria} is thus mentioned in roughly 3 to 8 percent of transcripts.
 */
public final class CorpusGenerator implements Iterator<Transcript> {
  /** Average turns per transcript, before the floor of three turns. */
  static final double MEAN_TURNS = 29;
  /** Spread of turn counts on a log scale. */
  static final double TURNS_SIGMA = 0.75;
  /** The chance that a story mentions one unrelated topic once. */
  static final double STRAY_MENTION = 0.25;

  private static final DateTimeFormatter URL_DATE = DateTimeFormatter.ofPattern("yyyy/MM/dd", Locale.ROOT);

  private final SplittableRandom master;
  private final Speech speech;
  private final StoryPlanner planner;
  private final TopicPool topics;

  /** A generator of transcripts drawn from {@code seed}, using the bundled vocabulary and topic taxonomy. */
  public CorpusGenerator(long seed) {
    this(seed, Vocabulary.bundled(), TopicTaxonomy.bundled());
  }

  /** A generator of transcripts drawn from {@code seed}, speaking {@code vocabulary} about {@code taxonomy}. */
  public CorpusGenerator(long seed, Vocabulary vocabulary, TopicTaxonomy taxonomy) {
    this.master = new SplittableRandom(seed);
    this.speech = new Speech(vocabulary, new TopicTagger(taxonomy));
    this.topics = new TopicPool(taxonomy);
    this.planner = new StoryPlanner(new Programs(), topics);
  }

  /** Always true: the stream is endless. */
  @Override
  public boolean hasNext() {
    return true;
  }

  /** The next transcript. */
  @Override
  public Transcript next() {
    // One split per transcript: each story's draws are independent of how many draws the previous one made.
    SplittableRandom rng = master.split();
    int count = Draws.logNormal(rng, MEAN_TURNS, TURNS_SIGMA, 3);
    Story story = planner.plan(rng, count);
    String title = speech.title(rng, story.mentions());
    List<Turn> turns = new Conversation(speech, story, rng).write(count, stray(rng, story));
    String id = TranscriptIds.of(title, turns);
    return new Transcript(id, title, story.program(), story.date(), url(rng, story, title), story.source(),
        story.topics(), turns);
  }

  private String stray(SplittableRandom rng, Story story) {
    if (!Draws.chance(rng, STRAY_MENTION)) {
      return null;
    }
    StoryTopic topic = topics.draw(rng, story.date().getYear());
    return story.topics().contains(topic.name()) ? null : Draws.pick(rng, topic.phrases());
  }

  private static String url(SplittableRandom rng, Story story, String title) {
    if (story.source() == null) {
      return null;
    }
    String slug = slug(title);
    int storyId = 100_000_000 + rng.nextInt(900_000_000);
    if (Stations.NPR_ORG.equals(story.source())) {
      return "https://www.npr.org/" + URL_DATE.format(story.date()) + "/" + storyId + "/" + slug;
    }
    return "https://" + Stations.byName(story.source()).domain() + "/npr-news/" + story.date() + "/" + slug;
  }

  private static String slug(String title) {
    StringBuilder slug = new StringBuilder(title.length());
    for (int i = 0; i < title.length(); i++) {
      char c = Character.toLowerCase(title.charAt(i));
      if (c < 128 && Character.isLetterOrDigit(c)) {
        slug.append(c);
      } else if (!slug.isEmpty() && slug.charAt(slug.length() - 1) != '-') {
        slug.append('-');
      }
    }
    return slug.toString();
  }
}
