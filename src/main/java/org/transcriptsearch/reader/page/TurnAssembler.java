package org.transcriptsearch.reader.page;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.transcriptsearch.reader.page.LabelMatcher.Label;
import org.transcriptsearch.reader.page.PageLines.Paragraph;
import org.transcriptsearch.reader.page.RawTurn.Start;

/**
 * Groups speech paragraphs into turns: a label starts a turn, "And I'm X." starts X's turn, unlabelled speech
 * before the first label is the opening, and other unlabelled paragraphs continue the turn before them (as a
 * turn of their own after a gap of removed elements, since something was lost there).
 *
 * <p>Own-line cues are attached to the turn that holds the next speech paragraph (the clip or reply they
 * introduce; when the next paragraph continues the current turn, that turn). Cues after the last speech go to
 * the last turn. A cue line never becomes a turn.
 */
final class TurnAssembler {
  private final List<RawTurn> turns = new ArrayList<>();
  private final List<String> pendingCues = new ArrayList<>();
  private RawTurn current;

  private TurnAssembler() {}

  /** The turns of {@code speech}, in order; labels left with neither speech nor cues are dropped. */
  static List<RawTurn> assemble(List<Paragraph> speech) {
    TurnAssembler assembler = new TurnAssembler();
    for (Paragraph p : speech) {
      assembler.add(p);
    }
    return assembler.finish();
  }

  private void add(Paragraph p) {
    Optional<Label> label = LabelMatcher.find(p.text());
    if (label.isPresent()) {
      startTurn(new RawTurn(Start.LABEL, label.get().printed()));
      addText(label.get().rest());
      return;
    }
    Cues.Split split = Cues.split(p.text());
    if (split.text().isEmpty()) {
      pendingCues.addAll(split.cues());
      return;
    }
    Optional<String> coHost = SelfIntroductions.opening(split.text());
    if (coHost.isEmpty() && current != null) {
      coHost = SelfIntroductions.greeting(split.text(), p.gapBefore()).filter(name -> !isCurrentSpeaker(name));
    }
    if (coHost.isPresent()) {
      startTurn(new RawTurn(Start.SELF_INTRODUCTION, coHost.get()));
    } else if (current == null) {
      startTurn(new RawTurn(Start.OPENING, null));
    } else if (p.gapBefore() && !current.paragraphs.isEmpty()) {
      startTurn(new RawTurn(Start.AFTER_GAP, null));
    }
    addText(p.text());
  }

  /** Whether {@code name} is who speaks the current turn, by its label or its own self-introduction. */
  private boolean isCurrentSpeaker(String name) {
    String[] words = name.split(" ");
    String surname = HostDirectory.fold(words[words.length - 1]);
    String who = current.who != null ? current.who : SelfIntroductions.anywhere(current.text()).orElse("");
    return HostDirectory.fold(who).contains(surname);
  }

  private void startTurn(RawTurn turn) {
    dropIfEmpty();
    turns.add(turn);
    current = turn;
  }

  /** Adds a paragraph, splitting off a co-host's "And I'm X." run into it after its first sentence. */
  private void addText(String text) {
    Optional<SelfIntroductions.Found> inside = SelfIntroductions.inside(text);
    if (inside.isPresent() && inside.get().start() > 0) {
      addParagraph(text.substring(0, inside.get().start()));
      startTurn(new RawTurn(Start.SELF_INTRODUCTION, inside.get().name()));
      addParagraph(text.substring(inside.get().start()));
      return;
    }
    addParagraph(text);
  }

  private void addParagraph(String text) {
    Cues.Split split = Cues.split(text);
    current.cues.addAll(pendingCues);
    pendingCues.clear();
    current.cues.addAll(split.cues());
    if (!split.text().isEmpty()) {
      current.paragraphs.add(split.text());
    }
  }

  /**
   * Drops a label that kept neither speech nor cues (its clip was removed). A label with only cues stays a turn
   * with no text: "PUTIN: (Speaking Russian)." is Putin's turn, untranscribed.
   */
  private void dropIfEmpty() {
    if (current != null && current.paragraphs.isEmpty() && current.cues.isEmpty()) {
      turns.remove(current);
      current = turns.isEmpty() ? null : turns.get(turns.size() - 1);
    }
  }

  private List<RawTurn> finish() {
    dropIfEmpty();
    if (current != null) {
      current.cues.addAll(pendingCues);
    }
    return turns;
  }
}
