package org.transcriptsearch.generate;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.transcriptsearch.model.Attribution;
import org.transcriptsearch.model.Transcript;
import org.transcriptsearch.model.TranscriptIds;
import org.transcriptsearch.model.Turn;

/**
 * Copies of a generated story as other sites print it, with the damage real mirrors show: a teaser kept as the
 * host's speech, a speaker label lost (the turn runs into the one before), a paragraph more, a truncated ending,
 * station boilerplate left in the last turn; each copy on another station's site and address. Thread-safe.
 */
public final class MirrorCopies {
  /** What a copy lost or gained against the story as broadcast. */
  public enum Damage {
    /** A one-paragraph summary before the first spoken line, read as the host's speech. */
    TEASER,
    /** A speaker's label lost: their turn runs into the turn before. */
    LOST_LABEL,
    /** A paragraph the other copies do not have. */
    PARAGRAPH_ADDED,
    /** The last turns cut off. */
    TRUNCATED,
    /** The station's copyright or support line left at the end of the speech. */
    BOILERPLATE
  }

  /** A copy and how it differs from the story; no damage is an identical copy on another site. */
  public record Copy(Transcript transcript, Set<Damage> damage) {}

  /** The most copies of one story besides the original. */
  static final int MAX_COPIES = 3;

  private static final Damage[] DAMAGES = Damage.values();

  private final Speech speech;

  MirrorCopies(Speech speech) {
    this.speech = speech;
  }

  /** One to {@value #MAX_COPIES} copies of {@code story}, each on a station site other than the story's. */
  List<Copy> of(Transcript story, SplittableRandom rng) {
    int count = 1 + rng.nextInt(MAX_COPIES);
    List<Copy> copies = new ArrayList<>(count);
    List<String> used = new ArrayList<>();
    used.add(story.source());
    for (int i = 0; i < count; i++) {
      Stations.Station station = Stations.draw(rng);
      while (used.contains(station.name())) {
        station = Stations.draw(rng);
      }
      used.add(station.name());
      copies.add(copy(story, station, rng));
    }
    return copies;
  }

  private Copy copy(Transcript story, Stations.Station station, SplittableRandom rng) {
    // A fifth of mirrors are identical; the others have one or two kinds of damage.
    Set<Damage> damage = EnumSet.noneOf(Damage.class);
    if (!Draws.chance(rng, 0.2)) {
      int kinds = 1 + rng.nextInt(2);
      while (damage.size() < kinds) {
        damage.add(DAMAGES[rng.nextInt(DAMAGES.length)]);
      }
    }
    List<Turn> turns = new ArrayList<>(story.turns());
    for (Damage d : damage) {
      turns = damaged(d, turns, station, rng);
    }
    turns = renumbered(turns);
    String url = "https://" + station.domain() + "/npr-news/" + story.date() + "/" + rng.nextInt(1_000_000);
    Transcript copy =
        new Transcript(TranscriptIds.of(story.title(), turns), story.title(), story.program(), story.date(), url,
            station.name(), story.topics(), turns);
    return new Copy(copy, damage);
  }

  private List<Turn> damaged(Damage damage, List<Turn> turns, Stations.Station station, SplittableRandom rng) {
    return switch (damage) {
      case TEASER -> withText(turns, 0, teaser(turns, rng) + "\n\n" + turns.get(0).text());
      case LOST_LABEL -> lostLabel(turns, rng);
      case PARAGRAPH_ADDED -> paragraphAdded(turns, rng);
      case TRUNCATED -> turns.subList(0, Math.max(2, turns.size() - Math.max(1, turns.size() * (1 + rng.nextInt(3)) / 10)));
      case BOILERPLATE -> withText(turns, turns.size() - 1, turns.get(turns.size() - 1).text() + "\n\n"
          + boilerplate(station, rng));
    };
  }

  /** A summary built, as real teasers are, from sentences of the story itself. */
  private static String teaser(List<Turn> turns, SplittableRandom rng) {
    Turn from = turns.get(rng.nextInt(turns.size()));
    String text = from.text();
    int end = text.indexOf(". ");
    return end > 0 ? text.substring(0, end + 1) : text;
  }

  private static List<Turn> lostLabel(List<Turn> turns, SplittableRandom rng) {
    if (turns.size() < 3) {
      return turns;
    }
    int lost = 1 + rng.nextInt(turns.size() - 1);
    List<Turn> out = new ArrayList<>(turns);
    Turn before = out.get(lost - 1);
    out.set(lost - 1, new Turn(before.n(), before.speaker(), before.text() + "\n\n" + out.get(lost).text(),
        before.attribution(), concat(before.cues(), out.get(lost).cues())));
    out.remove(lost);
    return out;
  }

  private List<Turn> paragraphAdded(List<Turn> turns, SplittableRandom rng) {
    int at = rng.nextInt(turns.size());
    StringBuilder paragraph = new StringBuilder();
    speech.sentences(paragraph, rng, 25 + rng.nextInt(30), Mentions.NONE, 0.05);
    return withText(turns, at, turns.get(at).text() + "\n\n" + paragraph);
  }

  private static String boilerplate(Stations.Station station, SplittableRandom rng) {
    return Draws.pick(rng,
        "Copyright 2016 " + station.name() + ". To see more, visit " + station.domain() + ".",
        "Support for " + station.name() + " comes from listeners like you. Become a member at " + station.domain()
            + " today.",
        "This story was produced for broadcast and edited for " + station.name() + " by its newsroom staff.");
  }

  private static List<Turn> withText(List<Turn> turns, int i, String text) {
    List<Turn> out = new ArrayList<>(turns);
    Turn turn = out.get(i);
    out.set(i, new Turn(turn.n(), turn.speaker(), text, turn.attribution(), turn.cues()));
    return out;
  }

  private static List<Turn> renumbered(List<Turn> turns) {
    List<Turn> out = new ArrayList<>(turns.size());
    for (int i = 0; i < turns.size(); i++) {
      Turn t = turns.get(i);
      Attribution attribution = t.attribution();
      out.add(new Turn(i + 1, t.speaker(), t.text(), attribution, t.cues()));
    }
    return out;
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }
}
