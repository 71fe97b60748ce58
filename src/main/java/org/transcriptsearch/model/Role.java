package org.transcriptsearch.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * What part a speaker plays in a broadcast. Network and station staff (hosts, anchors, correspondents, reporters,
 * analysts, contributors, commentators, announcers) are never guests.
 */
public enum Role {
  /** A host, co-host or anchor of the program. */
  HOST,
  /** A reporter or correspondent: printed as {@code BYLINE} on NPR pages. */
  CORRESPONDENT,
  /** A guest or newsmaker. */
  GUEST,
  CALLER,
  /** Printed as "UNIDENTIFIED MAN" and the like, or a label that names no person. */
  UNIDENTIFIED,
  /** The network's analysts, contributors and commentators: staff who give views rather than report news. */
  ANALYST,
  /** The voice of the network or program rather than of a person in the story: an announcer, a narrator. */
  ANNOUNCER;

  /** The lower-case name used in JSON, in the index and in query strings. */
  @JsonValue
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The role named by {@code code}, case-insensitively.
   *
   * @throws IllegalArgumentException when no role has that name
   */
  @JsonCreator
  public static Role of(String code) {
    for (Role role : values()) {
      if (role.code().equalsIgnoreCase(code.strip())) {
        return role;
      }
    }
    throw new IllegalArgumentException(
        "unknown role '" + code + "' (expected host, correspondent, guest, caller, unidentified, analyst or"
            + " announcer)");
  }
}
