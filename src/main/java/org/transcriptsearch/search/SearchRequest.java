package org.transcriptsearch.search;

import java.time.LocalDate;
import java.util.List;
import org.transcriptsearch.index.Schema;
import org.transcriptsearch.model.LabelText;
import org.transcriptsearch.text.Utf16;

/**
 * A search: a query in Lucene's classic syntax plus plain filters (OR within one filter, AND across them).
 *
 * @param query the query; blank for "everything that passes the filters"
 * @param speakers speaker names or parts of them ("kelemen", "Michele Kelemen")
 * @param programs program names, case-insensitive
 * @param topics topic names, case-insensitive
 * @param roles role codes (host, correspondent, guest, caller, unidentified, analyst, announcer)
 * @param from earliest air date, inclusive, or null
 * @param to latest air date, inclusive, or null
 * @param sort relevance or date (newest first)
 * @param size hits per page, 1 to {@link #MAX_SIZE}
 * @param cursor the {@code nextCursor} of the previous page, or null for the first
 * @param passages how many passages to show of a long utterance, 1 to {@link #MAX_PASSAGES}
 * @param fragmentSize the passage length to aim for, in characters, {@link #MIN_FRAGMENT} to {@link #MAX_FRAGMENT}
 * @param exact words only as typed: no spelling variants or demonyms (quotes do the same for the words inside them)
 * @param literal the query as typed: no speaker read into a question ("Lavrov Crimea" is two words of speech)
 * @param facets the facet dimensions to count (of {@code Schema.FACET_DIMENSIONS}); null for all of them, empty for
 *     none (a client that shows no facets saves counting them)
 */
public record SearchRequest(
    String query,
    List<String> speakers,
    List<String> programs,
    List<String> topics,
    List<String> roles,
    LocalDate from,
    LocalDate to,
    SortOrder sort,
    int size,
    String cursor,
    int passages,
    int fragmentSize,
    boolean exact,
    boolean literal,
    List<String> facets) {
  public static final int DEFAULT_SIZE = 10;
  public static final int MAX_SIZE = 100;
  public static final int DEFAULT_PASSAGES = 2;
  public static final int MAX_PASSAGES = 10;
  public static final int DEFAULT_FRAGMENT = 240;
  public static final int MIN_FRAGMENT = 40;
  public static final int MAX_FRAGMENT = 2000;
  /** The longest filter value (a speaker, program, topic or role), in characters. */
  public static final int MAX_FILTER_LENGTH = 200;
  /** The most values of one filter. */
  public static final int MAX_FILTER_VALUES = 50;

  /** The order of hits. */
  public enum SortOrder {
    RELEVANCE,
    DATE
  }

  public SearchRequest {
    query = query == null ? "" : Utf16.wellFormed(query).strip();
    speakers = clean(speakers, "speaker");
    programs = clean(programs, "program");
    topics = clean(topics, "topic");
    roles = clean(roles, "role");
    sort = sort == null ? SortOrder.RELEVANCE : sort;
    check(size >= 1 && size <= MAX_SIZE, "size must be between 1 and " + MAX_SIZE + ", was " + size);
    check(passages >= 1 && passages <= MAX_PASSAGES, "passages must be between 1 and " + MAX_PASSAGES);
    check(
        fragmentSize >= MIN_FRAGMENT && fragmentSize <= MAX_FRAGMENT,
        "fragmentSize must be between " + MIN_FRAGMENT + " and " + MAX_FRAGMENT);
    check(from == null || to == null || !from.isAfter(to), "from (" + from + ") is after to (" + to + ")");
    facets = facets == null ? Schema.FACET_DIMENSIONS : List.copyOf(facets);
    for (String dim : facets) {
      check(Schema.FACET_DIMENSIONS.contains(dim),
          "facets must be among " + String.join(", ", Schema.FACET_DIMENSIONS) + " (or none), was '" + dim + "'");
    }
  }

  /** A request counting every facet dimension. */
  public SearchRequest(
      String query,
      List<String> speakers,
      List<String> programs,
      List<String> topics,
      List<String> roles,
      LocalDate from,
      LocalDate to,
      SortOrder sort,
      int size,
      String cursor,
      int passages,
      int fragmentSize,
      boolean exact,
      boolean literal) {
    this(query, speakers, programs, topics, roles, from, to, sort, size, cursor, passages, fragmentSize, exact, literal,
        null);
  }

  /** A request with the default reading (variants, speakers read into questions). */
  public SearchRequest(
      String query,
      List<String> speakers,
      List<String> programs,
      List<String> topics,
      List<String> roles,
      LocalDate from,
      LocalDate to,
      SortOrder sort,
      int size,
      String cursor,
      int passages,
      int fragmentSize) {
    this(query, speakers, programs, topics, roles, from, to, sort, size, cursor, passages, fragmentSize, false, false);
  }

  /** This request with another cursor. */
  public SearchRequest withCursor(String value) {
    return new SearchRequest(
        query, speakers, programs, topics, roles, from, to, sort, size, value, passages, fragmentSize,
        exact, literal, facets);
  }

  /** This request with another query. */
  public SearchRequest withQuery(String value) {
    return new SearchRequest(
        value, speakers, programs, topics, roles, from, to, sort, size, cursor, passages, fragmentSize,
        exact, literal, facets);
  }

  /** This request read literally: no speaker read into the question. */
  public SearchRequest withLiteral() {
    return new SearchRequest(
        query, speakers, programs, topics, roles, from, to, sort, size, cursor, passages, fragmentSize,
        exact, true, facets);
  }

  /** This request with other speaker filters. */
  public SearchRequest withSpeakers(List<String> value) {
    return new SearchRequest(
        query, value, programs, topics, roles, from, to, sort, size, cursor, passages, fragmentSize,
        exact, literal, facets);
  }

  /** A first-page relevance search for {@code query} with default settings and no filters. */
  public static SearchRequest of(String query) {
    return builder().query(query).build();
  }

  /** A builder with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The filter values of {@code name}, cleaned as labels are (invisible formatting removed), blanks dropped.
   *
   * @throws BadRequestException for a value too long to be a label or without a letter or digit (it could name
   *     nothing), or too many values
   */
  private static List<String> clean(List<String> values, String name) {
    if (values == null) {
      return List.of();
    }
    check(values.size() <= MAX_FILTER_VALUES, "at most " + MAX_FILTER_VALUES + " " + name + " values, were " + values.size());
    // A blank value is no filter; one of only invisible characters is refused below, not silently dropped.
    List<String> cleaned = values.stream().filter(v -> !v.isBlank()).map(LabelText::clean).toList();
    for (String value : cleaned) {
      check(value.length() <= MAX_FILTER_LENGTH,
          name + " must be at most " + MAX_FILTER_LENGTH + " characters, was " + value.length());
      check(LabelText.hasLetterOrDigit(value), name + " '" + value + "' has no letter or digit: it names nothing");
    }
    return cleaned;
  }

  private static void check(boolean ok, String message) {
    if (!ok) {
      throw new BadRequestException(message);
    }
  }

  /** Builds requests; unset values take the defaults. */
  public static final class Builder {
    private String query = "";
    private List<String> speakers = List.of();
    private List<String> programs = List.of();
    private List<String> topics = List.of();
    private List<String> roles = List.of();
    private LocalDate from;
    private LocalDate to;
    private SortOrder sort = SortOrder.RELEVANCE;
    private int size = DEFAULT_SIZE;
    private String cursor;
    private int passages = DEFAULT_PASSAGES;
    private int fragmentSize = DEFAULT_FRAGMENT;
    private boolean exact;
    private boolean literal;
    private List<String> facets;

    public Builder query(String value) {
      query = value;
      return this;
    }

    public Builder speakers(List<String> value) {
      speakers = value;
      return this;
    }

    public Builder programs(List<String> value) {
      programs = value;
      return this;
    }

    public Builder topics(List<String> value) {
      topics = value;
      return this;
    }

    public Builder roles(List<String> value) {
      roles = value;
      return this;
    }

    public Builder from(LocalDate value) {
      from = value;
      return this;
    }

    public Builder to(LocalDate value) {
      to = value;
      return this;
    }

    public Builder sort(SortOrder value) {
      sort = value;
      return this;
    }

    public Builder size(int value) {
      size = value;
      return this;
    }

    public Builder cursor(String value) {
      cursor = value;
      return this;
    }

    public Builder passages(int value) {
      passages = value;
      return this;
    }

    public Builder fragmentSize(int value) {
      fragmentSize = value;
      return this;
    }

    public Builder exact(boolean value) {
      exact = value;
      return this;
    }

    public Builder literal(boolean value) {
      literal = value;
      return this;
    }

    /** The facet dimensions to count; null (the default) for all, empty for none. */
    public Builder facets(List<String> value) {
      facets = value;
      return this;
    }

    /** The request. @throws BadRequestException when a value is out of range */
    public SearchRequest build() {
      return new SearchRequest(
          query, speakers, programs, topics, roles, from, to, sort, size, cursor, passages, fragmentSize, exact,
          literal, facets);
    }
  }
}
