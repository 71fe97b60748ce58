package org.transcriptsearch.model;

import org.transcriptsearch.text.Utf16;

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
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("the speaker name is missing");
    }
    if (role == null) {
      throw new IllegalArgumentException("the speaker role is missing");
    }
    name = Utf16.wellFormed(name);
  }

}
