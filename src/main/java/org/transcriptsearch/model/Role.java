package org.transcriptsearch.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What part a speaker plays in a broadcast. */
public enum Role {
  HOST,
  /** A reporter or correspondent: printed as {@code BYLINE} on NPR pages. */
  CORRESPONDENT,
  /** A guest or newsmaker. */
  GUEST,
  CALLER,
  /** Printed as "UNIDENTIFIED MAN" and the like. */
  UNIDENTIFIED;

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
        "unknown role '" + code + "' (expected host, correspondent, guest, caller or unidentified)");
  }
}
