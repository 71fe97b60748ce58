package org.transcriptsearch.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How the speaker of a turn is known. */
public enum Attribution {
  /** The page prints a speaker label for the turn. */
  LABELLED,
  /** The turn has no label of its own and continues the speaker before it (e.g. after a gap). */
  CONTINUATION,
  /** The turn opens with the speaker naming themself: "And I'm Audie Cornish." */
  SELF_INTRODUCED,
  /** The speaker was worked out from context, such as the unlabelled opening of the host. */
  INFERRED;

  /** The name used in JSON: {@code labelled}, {@code continuation}, {@code self-introduced}, {@code inferred}. */
  @JsonValue
  public String code() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * The attribution named by {@code code}.
   *
   * @throws IllegalArgumentException when none has that name
   */
  @JsonCreator
  public static Attribution of(String code) {
    for (Attribution a : values()) {
      if (a.code().equalsIgnoreCase(code.strip())) {
        return a;
      }
    }
    throw new IllegalArgumentException("unknown attribution '" + code + "'");
  }
}
