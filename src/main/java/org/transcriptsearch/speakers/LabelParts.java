package org.transcriptsearch.speakers;

import java.util.ArrayList;
import java.util.List;

/**
 * A speaker string cut into its pieces: the bracketed groups ("(D)", "(voice-over)", "(Biology, McMaster
 * University)"), and the text outside them split at commas that are not inside quotation marks.
 *
 * @param groups the content of each top-level bracket, round or square, in order
 * @param segments the text outside brackets, split at commas, each stripped; the first is the name part
 * @param damaged whether a bracket is left open or closed without opening ("On camera)"): a fragment, not a label
 */
record LabelParts(List<String> groups, List<String> segments, boolean damaged) {
  LabelParts {
    groups = List.copyOf(groups);
    segments = List.copyOf(segments);
  }

  /** The pieces of {@code text}. */
  static LabelParts of(String text) {
    List<String> groups = new ArrayList<>();
    StringBuilder outside = new StringBuilder();
    StringBuilder group = new StringBuilder();
    int depth = 0;
    boolean damaged = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '(' || c == '[') {
        if (depth++ > 0) {
          group.append(c);
        }
      } else if (c == ')' || c == ']') {
        if (depth == 0) {
          damaged = true;
        } else if (--depth == 0) {
          groups.add(group.toString().strip());
          group.setLength(0);
          // After a name, a bracket ends the name part: "JOHN MCCAIN (R-AZ) PRESIDENTIAL CANDIDATE".
          outside.append(outside.toString().isBlank() ? ' ' : ',');
        } else {
          group.append(c);
        }
      } else {
        (depth > 0 ? group : outside).append(c);
      }
    }
    return new LabelParts(groups, split(outside.toString()), damaged || depth > 0);
  }

  /** Splits at commas outside quotation marks; segments keep their quotation marks. */
  private static List<String> split(String text) {
    List<String> segments = new ArrayList<>();
    StringBuilder segment = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\u201c' || c == '\u201d') {
        quoted = c == '\u201c' || (c == '"' && !quoted);
      }
      if (c == ',' && !quoted) {
        segments.add(segment.toString().strip());
        segment.setLength(0);
      } else {
        segment.append(c);
      }
    }
    segments.add(segment.toString().strip());
    return segments;
  }
}
