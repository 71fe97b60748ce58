package org.transcriptsearch.model;

import java.util.Objects;

/**
 * Who speaks a turn.
 *
 * @param name canonical display name, e.g. "Michele Kelemen"
 * @param label the label as printed on the page or in the source record, e.g. "MICHELE KELEMEN, BYLINE"; null
 *     when the turn carried no label
 * @param role the speaker's part in the broadcast
 * @param title a title printed with the name ("Secretary", "President", "Mr."), or null
 * @param affiliation an affiliation or description printed with the name ("Democrat, New York"), or null
 */
public record Speaker(String name, String label, Role role, String title, String affiliation) {
  public Speaker {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(role, "role");
    if (name.isBlank()) {
      throw new IllegalArgumentException("speaker name is blank");
    }
  }

  /** The same speaker with another canonical name. */
  public Speaker withName(String newName) {
    return new Speaker(newName, label, role, title, affiliation);
  }
}
