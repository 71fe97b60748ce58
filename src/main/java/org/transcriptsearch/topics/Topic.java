package org.transcriptsearch.topics;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One topic of the taxonomy: a country, region, territory, conflict, group or issue.
 *
 * @param name the canonical name, as it appears in the index and in {@code topic:} queries ("Syria"); the name is
 *     also matched in text, unless it is listed in {@code blocked}
 * @param kind a lower-case word saying what sort of topic it is: {@code country}, {@code region}, {@code conflict}...
 * @param aliases further phrases that mention the topic, as written in text ("Syrian", "Aleppo", "Assad")
 * @param blocked phrases that must not yield any topic although a shorter alias occurs inside them ("Jim Jordan")
 * @param also topics that every mention of this one also mentions ("Syrian Civil War" also mentions "Syria")
 */
public record Topic(String name, String kind, List<String> aliases, List<String> blocked, List<String> also) {
  private static final Pattern KIND = Pattern.compile("[a-z][a-z-]*");

  public Topic {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    if (name.isBlank()) {
      throw new IllegalArgumentException("topic name is blank");
    }
    if (!KIND.matcher(kind).matches()) {
      throw new IllegalArgumentException("topic kind '" + kind + "' is not a lower-case word");
    }
    aliases = aliases == null ? List.of() : List.copyOf(aliases);
    blocked = blocked == null ? List.of() : List.copyOf(blocked);
    also = also == null ? List.of() : List.copyOf(also);
  }
}
