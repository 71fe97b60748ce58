package org.transcriptsearch.topics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.transcriptsearch.model.Transcript;
import org.transcriptsearch.model.Turn;

/**
 * Finds the topics of texts, transcripts and utterances. Thread-safe; build one per taxonomy and share it.
 *
 * <p>Matching is on whole words and case-sensitive, so "Turkey" is a topic and "turkey dinner" is not; possessives
 * and hyphen compounds match ("Syria's", "Russian-backed", "al-Assad"); diacritics are folded; at each word the
 * longest alias wins ("North Korea" yields North Korea only). One mention may yield several topics through the
 * taxonomy's ALSO lists ("Syrian civil war" yields Syrian Civil War and Syria). See {@link TopicTaxonomy}.
 *
 * <p>A transcript's <em>main topics</em> are every topic its title mentions, in title order, followed by at most
 * {@value #MAX_BODY_TOPICS} topics from its turns, most mentioned first, each of which is mentioned at least
 * {@value #MIN_MENTIONS} times or in at least {@value #MIN_TURNS} different turns, and at least a quarter as often
 * as the most mentioned topic (which keeps passing remarks out of the main topics of long transcripts).
 */
public final class TopicTagger {
  /** The most topics taken from the body of a transcript, beyond those of its title. */
  public static final int MAX_BODY_TOPICS = 5;

  /** Mentions in total that make a body topic a candidate main topic. */
  public static final int MIN_MENTIONS = 3;

  /** Turns mentioning a topic that make it a candidate main topic, however few its mentions. */
  public static final int MIN_TURNS = 2;

  private final AliasTrie aliases;

  /** A tagger for the topics of {@code taxonomy}. */
  public TopicTagger(TopicTaxonomy taxonomy) {
    this.aliases = new AliasTrie(Objects.requireNonNull(taxonomy, "taxonomy"));
  }

  /** The topics mentioned in {@code text}, each once, in order of first mention; empty for null. */
  public List<String> mentioned(String text) {
    return List.copyOf(counts(text).keySet());
  }

  /** How many times {@code text} mentions each topic, in order of first mention; empty for null. */
  public Map<String, Integer> counts(String text) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    if (text != null) {
      aliases.scan(text, topic -> counts.merge(topic, 1, Integer::sum));
    }
    return counts;
  }

  /** The main topics of {@code transcript}, computed from its title and turns as described above. */
  public List<String> mainTopics(Transcript transcript) {
    return mainTopics(transcript.title(), transcript.turns().stream().map(t -> counts(t.text())).toList());
  }

  /** The main topics of a transcript with this title and these per-turn {@linkplain #counts counts}. */
  private List<String> mainTopics(String title, List<Map<String, Integer>> turnCounts) {
    Set<String> main = new LinkedHashSet<>(mentioned(title));
    Map<String, Integer> mentions = new LinkedHashMap<>();
    Map<String, Integer> turns = new HashMap<>();
    for (Map<String, Integer> counts : turnCounts) {
      counts.forEach((topic, count) -> {
        mentions.merge(topic, count, Integer::sum);
        turns.merge(topic, 1, Integer::sum);
      });
    }
    int most = mentions.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    mentions.entrySet().stream()
        .filter(e -> !main.contains(e.getKey()))
        .filter(e -> e.getValue() >= MIN_MENTIONS || turns.get(e.getKey()) >= MIN_TURNS)
        .filter(e -> e.getValue() * 4 >= most)
        .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()))
        .limit(MAX_BODY_TOPICS)
        .forEach(e -> main.add(e.getKey()));
    return List.copyOf(main);
  }

  /**
   * A transcript's topics in one pass over its text: the transcript with its main topics set (kept when it already
   * has some) and each turn's {@linkplain #utteranceTopics(Transcript, Turn) utterance topics}.
   */
  public record Tagged(Transcript transcript, List<List<String>> turnTopics) {}

  /** Tags {@code transcript}, reading each turn once. */
  public Tagged tag(Transcript transcript) {
    List<Map<String, Integer>> turnCounts = transcript.turns().stream().map(t -> counts(t.text())).toList();
    List<String> main =
        transcript.topics().isEmpty() ? mainTopics(transcript.title(), turnCounts) : transcript.topics();
    List<List<String>> turnTopics = new ArrayList<>(turnCounts.size());
    for (Map<String, Integer> counts : turnCounts) {
      turnTopics.add(union(List.copyOf(counts.keySet()), main));
    }
    return new Tagged(transcript.topics().isEmpty() ? transcript.withTopics(main) : transcript, turnTopics);
  }

  /** {@code transcript} with its topics set to its {@linkplain #mainTopics main topics}. */
  public Transcript withTopics(Transcript transcript) {
    return transcript.withTopics(mainTopics(transcript));
  }

  /**
   * The topics of one utterance: those {@code turn} mentions, in order, then the transcript's main topics it does
   * not mention. The main topics are the transcript's {@code topics} when set (as {@link #withTopics} sets them),
   * otherwise they are computed; so for many turns of one transcript, pass it through {@link #withTopics} first or
   * use {@link #utteranceTopics(Transcript)}.
   */
  public List<String> utteranceTopics(Transcript transcript, Turn turn) {
    List<String> main = transcript.topics().isEmpty() ? mainTopics(transcript) : transcript.topics();
    return union(mentioned(turn.text()), main);
  }

  /** The {@linkplain #utteranceTopics(Transcript, Turn) utterance topics} of every turn, in turn order. */
  public List<List<String>> utteranceTopics(Transcript transcript) {
    List<String> main = transcript.topics().isEmpty() ? mainTopics(transcript) : transcript.topics();
    List<List<String>> topics = new ArrayList<>(transcript.turns().size());
    for (Turn turn : transcript.turns()) {
      topics.add(union(mentioned(turn.text()), main));
    }
    return topics;
  }

  private static List<String> union(List<String> first, List<String> second) {
    Set<String> all = new LinkedHashSet<>(first);
    all.addAll(second);
    return List.copyOf(all);
  }
}
