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
 * are what a page parser reads back from the page that {@link PageWriter} prints.
 *
 * <p>Transcript {@code i} of a seed depends on nothing but the seed and {@code i}: {@link #transcript(long)} gives
 * it directly and is thread-safe, so a corpus can be generated in parallel and written in order. {@link #next()}
 * walks the indices from 0 and, like any iterator, belongs to one thread.
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

  private final long seed;
  private long nextIndex;
  private final Speech speech;
  private final StoryPlanner planner;
  private final TopicPool topics;
  private final MirrorCopies mirrorCopies;

  /** Salts the random source of a story's mirrors, so the stories themselves stay as they were. */
  private static final long MIRROR_SALT = 0x6D6972726F727321L;

  /** The share of stories, when mirrors are made, that air a soundbite of the story before them. */
  static final double SOUNDBITE_REUSE = 0.1;

  /** A generator of transcripts drawn from {@code seed}, using the bundled vocabulary and topic taxonomy. */
  public CorpusGenerator(long seed) {
    this(seed, Vocabulary.bundled(), TopicTaxonomy.bundled());
  }

  /** A generator of transcripts drawn from {@code seed}, speaking {@code vocabulary} about {@code taxonomy}. */
  public CorpusGenerator(long seed, Vocabulary vocabulary, TopicTaxonomy taxonomy) {
    this.seed = seed;
    this.speech = new Speech(vocabulary, new TopicTagger(taxonomy));
    this.topics = new TopicPool(taxonomy);
    this.planner = new StoryPlanner(new Programs(), topics);
    this.mirrorCopies = new MirrorCopies(speech);
  }

  /** Always true: the stream is endless. */
  @Override
  public boolean hasNext() {
    return true;
  }

  /** The next transcript: {@code transcript(0)}, then {@code transcript(1)}, and so on. */
  @Override
  public Transcript next() {
    return transcript(nextIndex++);
  }

  /** Transcript number {@code index} (from 0) of this generator's seed. Thread-safe. */
  public Transcript transcript(long index) {
    SplittableRandom rng = new SplittableRandom(mix(seed, index));
    int count = Draws.logNormal(rng, MEAN_TURNS, TURNS_SIGMA, 3);
    Story story = planner.plan(rng, count);
    String title = speech.title(rng, story.mentions());
    List<Turn> turns = new Conversation(speech, story, rng).write(count, stray(rng, story));
    String id = TranscriptIds.of(title, turns);
    return new Transcript(id, title, story.program(), story.date(), url(rng, story, title), story.source(),
        story.topics(), turns);
  }

  /**
   * Story {@code index} as the web has it, for measuring mirror grouping: the story itself first (with no damage),
   * then, for a share {@code mirrors} of stories, one to three copies on other station sites with realistic damage.
   * When mirrors are made, a tenth of stories also air a soundbite (the longest turn) of the story before them, as
   * follow-up stories do: distinct stories that share one turn. Thread-safe and deterministic per seed and index.
   */
  public List<MirrorCopies.Copy> published(long index, double mirrors) {
    Transcript story = transcript(index);
    if (mirrors <= 0) {
      return List.of(new MirrorCopies.Copy(story, java.util.Set.of()));
    }
    SplittableRandom rng = new SplittableRandom(mix(seed ^ MIRROR_SALT, index));
    if (index > 0 && Draws.chance(rng, SOUNDBITE_REUSE)) {
      story = withSoundbite(story, transcript(index - 1), rng);
    }
    List<MirrorCopies.Copy> out = new java.util.ArrayList<>();
    out.add(new MirrorCopies.Copy(story, java.util.Set.of()));
    if (Draws.chance(rng, mirrors)) {
      out.addAll(mirrorCopies.of(story, rng));
    }
    return List.copyOf(out);
  }

  /** {@code story} with one of its later turns saying what the longest turn of {@code earlier} said. */
  private static Transcript withSoundbite(Transcript story, Transcript earlier, SplittableRandom rng) {
    Turn bite = earlier.turns().stream().max(java.util.Comparator.comparingInt(t -> t.text().length())).orElseThrow();
    List<Turn> turns = new java.util.ArrayList<>(story.turns());
    int at = 1 + rng.nextInt(turns.size() - 1);
    Turn turn = turns.get(at);
    turns.set(at, new Turn(turn.n(), turn.speaker(), bite.text(), turn.attribution(), List.of()));
    return new Transcript(TranscriptIds.of(story.title(), turns), story.title(), story.program(), story.date(),
        story.url(), story.source(), story.topics(), turns);
  }

  /**
   * A well-mixed seed for one transcript. Plain {@code seed + index} would not do: SplittableRandom seeds that
   * differ by its gamma give the same sequence shifted by one draw.
   */
  static long mix(long seed, long index) {
    long z = seed * 0x9E3779B97F4A7C15L + index + 1;
    z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
    z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
    return z ^ (z >>> 33);
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
