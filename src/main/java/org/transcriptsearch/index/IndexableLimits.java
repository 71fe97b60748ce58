package org.transcriptsearch.index;

import java.util.ArrayList;
import java.util.List;
import org.transcriptsearch.model.LabelText;
import org.transcriptsearch.model.Speaker;
import org.transcriptsearch.model.Transcript;
import org.transcriptsearch.model.Turn;

/**
 * The shapes and lengths an enriched transcript must have before it reaches the index: ids, programs, topics and
 * speaker names become single terms and facet values, which Lucene refuses when empty or longer than its term limit
 * (32,766 bytes) and which no person could use long before that. Checking first lets a whole batch be refused with
 * the record and field named, before anything of it is written.
 */
public final class IndexableLimits {
  /** The longest transcript id, in characters (utterance ids add the turn number). */
  public static final int MAX_ID = 200;

  /** The longest program, topic or speaker name (each one term and one facet value), in characters. */
  public static final int MAX_LABEL = 200;

  /** No limit: fields that are only stored, or split into words, have none that a record could reach. */
  private static final int UNLIMITED = Integer.MAX_VALUE;

  private IndexableLimits() {}

  /**
   * Every problem of {@code transcript} that would keep it out of the index, each as "field: reason" (the field as
   * in canonical JSON: {@code program}, {@code turns[3].speaker.name}); empty when it can be written.
   */
  public static List<String> problems(Transcript transcript) {
    List<String> problems = new ArrayList<>();
    id(problems, transcript.id());
    label(problems, "title", transcript.title(), UNLIMITED);
    label(problems, "program", transcript.program(), MAX_LABEL);
    label(problems, "url", transcript.url(), UNLIMITED);
    label(problems, "source", transcript.source(), UNLIMITED);
    for (int i = 0; i < transcript.topics().size(); i++) {
      label(problems, "topics[" + i + "]", transcript.topics().get(i), MAX_LABEL);
    }
    for (int i = 0; i < transcript.turns().size(); i++) {
      turn(problems, "turns[" + i + "]", transcript.turns().get(i));
    }
    return problems;
  }

  private static void id(List<String> problems, String id) {
    if (id.length() > MAX_ID) {
      problems.add("id: " + id.length() + " characters, the limit is " + MAX_ID);
    } else if (!LabelText.clean(id).equals(id)) {
      problems.add("id: has spaces at its ends, control or invisible characters");
    }
  }

  private static void turn(List<String> problems, String at, Turn turn) {
    Speaker speaker = turn.speaker();
    if (speaker == null) {
      problems.add(at + ".speaker: missing");
      return;
    }
    label(problems, at + ".speaker.name", speaker.name(), MAX_LABEL);
    if (speaker.name() == null || !LabelText.hasLetterOrDigit(speaker.name())) {
      problems.add(at + ".speaker.name: '" + speaker.name() + "' has no letter or digit: it names nobody");
    }
    label(problems, at + ".speaker.label", speaker.label(), UNLIMITED);
    label(problems, at + ".speaker.title", speaker.title(), UNLIMITED);
    label(problems, at + ".speaker.affiliation", speaker.affiliation(), UNLIMITED);
    if (turn.text() == null) {
      problems.add(at + ".text: missing");
    }
  }

  /** A label may be absent (null); when present it is not blank and not over {@code max}. */
  private static void label(List<String> problems, String field, String value, int max) {
    if (value == null) {
      return;
    }
    if (value.isBlank()) {
      problems.add(field + ": empty; leave it out instead");
    } else if (value.length() > max) {
      problems.add(field + ": " + value.length() + " characters, the limit is " + max);
    }
  }
}
