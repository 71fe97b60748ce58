package org.transcriptsearch.search;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.transcriptsearch.model.Role;
import org.transcriptsearch.search.Results.FacetValue;

/**
 * One speaker's count of the hits of a search: how many of their turns match, the best score, the roles and the
 * programs, as every backend's who-said-the-most tallies it (the embedded index in one pass over its matches, SolrCloud
 * over every hit read best first); each backend keeps its own quotes beside it. An anonymous speaker ("Unidentified
 * Man") is one person per transcript, never merged across transcripts. Not thread-safe: one per request.
 */
public final class SpeakerCount {
  /** Who said the most first: the most matching turns, then the best score, then by key and transcript. */
  public static final Comparator<SpeakerCount> MOST =
      Comparator.comparingLong(SpeakerCount::count).reversed()
          .thenComparing(Comparator.comparingDouble(SpeakerCount::best).reversed())
          .thenComparing(SpeakerCount::key)
          .thenComparing(c -> c.episode == null ? "" : c.episode);

  private final String key;
  private final String episode;
  private long count;
  private float best = Float.NEGATIVE_INFINITY;
  private final Map<String, Long> roles = new HashMap<>();
  private final Map<String, Long> programs = new HashMap<>();

  /** The count of speaker {@code key}; {@code episode} the transcript of an anonymous speaker, else null. */
  public SpeakerCount(String key, String episode) {
    this.key = key;
    this.episode = episode;
  }

  /** The transcript {@code episode} when a turn of {@code role} is by an anonymous speaker, else null. */
  public static String anonymousIn(String role, String episode) {
    return Role.UNIDENTIFIED.code().equals(role) ? (episode == null ? "" : episode) : null;
  }

  /** Whom the hits of speaker {@code key} are counted for: the speaker, or the speaker in one transcript. */
  public static String group(String key, String episode) {
    return episode == null ? key : key + '\u0000' + episode;
  }

  /** Counts one matching turn, spoken in {@code role} (or null) on {@code program} (or null), scored {@code score}. */
  public void add(String role, String program, float score) {
    count++;
    best = Math.max(best, score);
    if (role != null) {
      roles.merge(role, 1L, Long::sum);
    }
    if (program != null) {
      programs.merge(program, 1L, Long::sum);
    }
  }

  /** Adds the turns {@code other} counted (the same speaker, counted over other hits). */
  public void addAll(SpeakerCount other) {
    count += other.count;
    best = Math.max(best, other.best);
    other.roles.forEach((k, v) -> roles.merge(k, v, Long::sum));
    other.programs.forEach((k, v) -> programs.merge(k, v, Long::sum));
  }

  /** The speaker's key. */
  public String key() {
    return key;
  }

  /** The transcript of an anonymous speaker; null for a named one. */
  public String episode() {
    return episode;
  }

  /** How many of their turns match. */
  public long count() {
    return count;
  }

  /** The best score of their matching turns. */
  public float best() {
    return best;
  }

  /** The role most of their matching turns have, ties by code; null when none has one. */
  public String role() {
    return roles.entrySet().stream()
        .max(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
        .map(Map.Entry::getKey)
        .orElse(null);
  }

  /** The programs of their matching turns, the most turns first, ties by name. */
  public List<FacetValue> programs() {
    return programs.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .map(e -> new FacetValue(e.getKey(), e.getValue()))
        .toList();
  }

  /** The speaker as who-said-the-most lists them, shown as {@code name} with {@code quotes}. */
  public SpeakerSearch.SpeakerAbout about(String name, List<Results.Hit> quotes) {
    return new SpeakerSearch.SpeakerAbout(name, role(), count, best, programs(), List.copyOf(quotes), episode);
  }
}
