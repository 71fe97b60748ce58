package org.transcriptsearch.generate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.transcriptsearch.model.Attribution;
import org.transcriptsearch.model.Role;
import org.transcriptsearch.model.Turn;

/**
 * Writes the turns of one planned story: who speaks when, what they say, how each turn is labelled and which cues
 * go with it, exactly as a parser would read them back from the printed page. Used for one story only.
 */
final class Conversation {
  /** Average words per turn before each speaker's length factor, tuned so turns average about 40 words. */
  static final double MEAN_WORDS = 38;
  /** Spread of turn lengths on a log scale: a long tail of monologues. */
  static final double WORDS_SIGMA = 0.8;
  /** Paragraphs longer than this are split: continuation paragraphs of the same speaker. */
  private static final int PARAGRAPH_WORDS = 80;
  /** The fewest words of an opening turn, beyond the show's opening line. */
  private static final int OPENING_WORDS = 35;

  private final Speech speech;
  private final Story story;
  private final SplittableRandom rng;
  private final Set<Person> named = new HashSet<>();
  private final List<Turn> turns = new ArrayList<>();

  Conversation(Speech speech, Story story, SplittableRandom rng) {
    this.speech = speech;
    this.story = story;
    this.rng = rng;
  }

  /**
   * The turns of a story of {@code count} turns (fewer only if the story has nobody to answer).
   *
   * @param stray a phrase mentioned once in passing somewhere in the story, or null
   */
  List<Turn> write(int count, String stray) {
    List<Person> order = speakingOrder(count);
    int strayAt = stray == null ? -1 : rng.nextInt(order.size());
    for (int i = 0; i < order.size(); i++) {
      Person next = i + 1 < order.size() ? order.get(i + 1) : null;
      turns.add(turn(i, order.get(i), next, i == strayAt ? stray : null));
    }
    return List.copyOf(turns);
  }

  /** Who speaks each turn: the opening, the co-host, then the lead host in exchange with everyone else. */
  private List<Person> speakingOrder(int count) {
    List<Person> order = new ArrayList<>();
    order.add(story.opener());
    if (story.coHost() != null) {
      order.add(story.coHost());
    }
    Person lead = story.lead();
    List<Person> others = story.others();
    while (order.size() < count) {
      Person previous = order.get(order.size() - 1);
      boolean host = previous.role() == Role.HOST;
      // The third turn goes back to the lead, so an unlabelled opener is named by a label early.
      boolean backToLead = order.size() == 2 && !host;
      if (host || (!backToLead && others.size() > 1 && rng.nextDouble() < 0.25)) {
        order.add(other(previous));
      } else {
        order.add(lead);
      }
    }
    return order;
  }

  private Person other(Person previous) {
    List<Person> others = story.others();
    double total = 0;
    for (Person p : others) {
      total += p == previous ? 0 : weight(p);
    }
    double x = rng.nextDouble() * total;
    for (Person p : others) {
      x -= p == previous ? 0 : weight(p);
      if (x < 0) {
        return p;
      }
    }
    return others.get(0) == previous ? others.get(others.size() - 1) : others.get(0);
  }

  private static double weight(Person p) {
    return switch (p.role()) {
      case CORRESPONDENT, GUEST -> p.title() != null && p.mention() != null && !p.mention().equals(p.name()) ? 1.5 : 3;
      case CALLER -> 1.5;
      default -> 0.6;
    };
  }

  private Turn turn(int index, Person who, Person next, String stray) {
    boolean opening = index == 0;
    boolean coHostAnswer = index == 1 && who == story.coHost();
    String label = label(who, opening, coHostAnswer);
    Attribution attribution = label != null ? Attribution.LABELLED
        : coHostAnswer ? Attribution.SELF_INTRODUCED : Attribution.INFERRED;
    List<String> cues = new ArrayList<>();
    if (!opening && !coHostAnswer) {
      ownLineCue(who).ifPresent(cues::add);
    }
    if (label != null) {
      afterLabelCue(who).ifPresent(cues::add);
    }
    String text = text(who, next, opening, coHostAnswer, stray);
    if (!coHostAnswer && who.role() != Role.HOST && Draws.chance(rng, 0.04)) {
      cues.add("(ph)");
    }
    return new Turn(index + 1, who.speaker(label), text, attribution, cues);
  }

  /** The printed label, or null for the unlabelled opening and a co-host's "And I'm X." */
  private String label(Person who, boolean opening, boolean coHostAnswer) {
    boolean unlabelled = (opening && !story.openingLabelled()) || (coHostAnswer && !story.coHostLabelled());
    if (unlabelled) {
      if (story.openingLine() != null || coHostAnswer) {
        named.add(who);
      }
      return null;
    }
    return named.add(who) ? who.firstLabel() : who.laterLabel();
  }

  private String text(Person who, Person next, boolean opening, boolean coHostAnswer, String stray) {
    StringBuilder out = new StringBuilder(512);
    if (opening && story.openingLine() != null) {
      out.append(story.openingLine()).append(' ');
    }
    if (coHostAnswer) {
      out.append("And I'm ").append(who.name()).append('.');
      if (Draws.chance(rng, 0.3)) {
        return out.toString();
      }
      out.append(' ');
    }
    greeting(who, out);
    int words = Draws.logNormal(rng, MEAN_WORDS * who.lengthFactor(), WORDS_SIGMA, 1);
    if (opening) {
      // An opening introduces the story; a one-line opening would also pass for a page's title or teaser.
      words = Math.max(words, OPENING_WORDS);
    }
    // An opening is statements: a short line ending in "?" right after a date line would pass for the title.
    body(out, words, opening ? 0 : who.role() == Role.HOST ? 0.35 : 0.08);
    if (stray != null) {
      out.append(' ');
      speech.sentence(out, rng, 8 + rng.nextInt(8), new Mentions(List.of(List.of(stray)), List.of(), 1), 0.05);
    }
    if (who.role() == Role.HOST && next != null && !named.contains(next)) {
      introduce(next, out);
    }
    return out.toString();
  }

  /** Sentences of about {@code words} words, split into paragraphs of at most about 80 words. */
  private void body(StringBuilder out, int words, double questions) {
    int left = words;
    while (left > 0) {
      int paragraph = left <= PARAGRAPH_WORDS + 20 ? left : 40 + rng.nextInt(PARAGRAPH_WORDS - 40);
      left -= speech.sentences(out, rng, paragraph, story.mentions(), questions);
      if (left > 0) {
        out.append("\n\n");
      }
    }
  }

  /** A correspondent or guest answering a host for the first time sometimes greets them by name. */
  private void greeting(Person who, StringBuilder out) {
    if ((who.role() == Role.CORRESPONDENT || who.role() == Role.GUEST) && !turns.isEmpty()
        && turns.size() < 4 && Draws.chance(rng, 0.3)) {
      String host = story.lead().addressName();
      out.append(Draws.pick(rng, "Good morning, ", "Hi, ", "Thanks for having me, ", "That's right, "))
          .append(host).append(". ");
    }
  }

  /** The host's cue to the next speaker; never at a paragraph start, where a name would read as a bio. */
  private void introduce(Person next, StringBuilder out) {
    String sentence = switch (next.role()) {
      case CORRESPONDENT -> Draws.pick(rng, next.mention() + " joins us now.", "Our own " + next.name() + " joins us.");
      case GUEST -> next.mention().equals(next.name())
          ? Draws.pick(rng, "Joining us now is " + next.name() + ".", "We're joined now by " + next.name() + ".")
          : "Here's " + next.mention() + ".";
      case CALLER -> "Let's go now to " + next.name() + ".";
      default -> null;
    };
    if (sentence != null) {
      out.append(' ').append(sentence);
    }
  }

  private Optional<String> ownLineCue(Person who) {
    boolean clip = who.role() == Role.UNIDENTIFIED || (who.role() == Role.GUEST && who.title() != null);
    if (!Draws.chance(rng, clip ? 0.15 : 0.02)) {
      return Optional.empty();
    }
    if (story.style().oldStyle()) {
      return Optional.of(Draws.pick(rng, "(Soundbite of laughter)", "(Soundbite of music)",
          "(Soundbite of applause)"));
    }
    if (story.program().equals("Fresh Air") && who.role() == Role.HOST) {
      return Optional.of("(SOUNDBITE OF SONG, \"" + speech.vocabulary().draw(rng).toUpperCase(Locale.ROOT)
          + " " + speech.vocabulary().draw(rng).toUpperCase(Locale.ROOT) + "\")");
    }
    return Optional.of(Draws.pick(rng, "(SOUNDBITE OF ARCHIVED RECORDING)", "(SOUNDBITE OF MUSIC)",
        "(LAUGHTER)", "(CHEERING)", "(SOUNDBITE OF ARCHIVED NPR BROADCAST)", "(APPLAUSE)"));
  }

  private Optional<String> afterLabelCue(Person who) {
    if (who.interpreted() && Draws.chance(rng, 0.7)) {
      return Optional.of(story.style().oldStyle() ? "(Through translator)" : "(Through interpreter)");
    }
    if ((who.role() == Role.HOST || who.role() == Role.GUEST) && Draws.chance(rng, 0.02)) {
      return Optional.of("(Laughter)");
    }
    return Optional.empty();
  }
}
