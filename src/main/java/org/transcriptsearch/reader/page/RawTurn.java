package org.transcriptsearch.reader.page;

import java.util.ArrayList;
import java.util.List;

/**
 * A turn as the page lays it out, before its speaker is resolved: how it starts, its paragraphs and cues.
 * Mutable while {@link TurnAssembler} fills it; confined to one parse.
 */
final class RawTurn {
  /** How the turn starts on the page. */
  enum Start {
    /** A printed label. */
    LABEL,
    /** Unlabelled speech before the first label: the host opening the show. */
    OPENING,
    /** "And I'm X." */
    SELF_INTRODUCTION,
    /** Unlabelled speech after a gap of removed elements: the previous speaker, presumably. */
    AFTER_GAP
  }

  final Start start;
  /** The printed label (LABEL), the spoken name (SELF_INTRODUCTION), else null. */
  final String who;
  final List<String> paragraphs = new ArrayList<>();
  final List<String> cues = new ArrayList<>();

  RawTurn(Start start, String who) {
    this.start = start;
    this.who = who;
  }

  /** The speech, paragraphs separated by a blank line. */
  String text() {
    return String.join("\n\n", paragraphs);
  }
}
