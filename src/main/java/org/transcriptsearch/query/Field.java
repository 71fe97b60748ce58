package org.transcriptsearch.query;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The fields a query may name, with the names people use for them; the same words as the search parameters
 * ({@code speaker:}, {@code program:}, {@code from:}...). The search side maps each to its schema field.
 */
public enum Field {
  /** What was said: the default field. */
  TEXT("text", "said", "says"),
  /** Who said it. */
  SPEAKER("speaker", "by", "speakers"),
  PROGRAM("program", "show", "programme"),
  TOPIC("topic", "topics", "subject"),
  ROLE("role", "roles"),
  TITLE("title", "headline", "story"),
  /** The air date: a day, a month, a year or a range of them. */
  DATE("date", "aired", "year", "month", "day"),
  /** Aired on or after: the {@code from} parameter as a field. */
  FROM("from", "since"),
  /** Aired on or before: the {@code to} parameter as a field. */
  TO("to", "until");

  private final List<String> names;

  Field(String... names) {
    this.names = List.of(names);
  }

  /** The name the documentation uses. */
  public String label() {
    return names.get(0);
  }

  /** The field named {@code typed} (any of its names, any case), if any. */
  public static Optional<Field> named(String typed) {
    String name = typed.toLowerCase(Locale.ROOT);
    for (Field field : values()) {
      if (field.names.contains(name)) {
        return Optional.of(field);
      }
    }
    return Optional.empty();
  }

  /** Whether this field holds an air date. */
  public boolean isDate() {
    return this == DATE || this == FROM || this == TO;
  }

  /** The fields by their documented names, for error messages. */
  static String list() {
    StringBuilder out = new StringBuilder();
    for (Field field : values()) {
      out.append(out.isEmpty() ? "" : ", ").append(field.label());
    }
    return out.toString();
  }
}
