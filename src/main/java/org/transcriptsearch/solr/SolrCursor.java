package org.transcriptsearch.solr;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.transcriptsearch.search.BadRequestException;
import org.transcriptsearch.search.SearchRequest;

/**
 * The opaque {@code nextCursor} of a SolrCloud search: Solr's own {@code cursorMark} (the sort values of the last
 * hit, the unique key breaking ties), the sort order it belongs to, and how many hits the pages before it held, so
 * that the last page carries no cursor.
 *
 * @param order the sort order of the search it continues
 * @param seen how many hits the pages up to this cursor listed
 * @param mark Solr's cursor mark
 */
record SolrCursor(SearchRequest.SortOrder order, long seen, String mark) {
  private static final String MISMATCH = "malformed cursor, or one from a search with another sort order";

  /** The longest cursor accepted, in characters. */
  static final int MAX_LENGTH = 2_000;

  /** The first page. */
  static SolrCursor first(SearchRequest.SortOrder order) {
    return new SolrCursor(order, 0, "*");
  }

  /** As the client sends it back. */
  String encoded() {
    String plain = "s|" + order.name().charAt(0) + "|" + seen + "|" + mark;
    return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The cursor {@code cursor} of a search in {@code order}.
   *
   * @throws BadRequestException when it is not one of this backend's cursors, or from a search of another order
   */
  static SolrCursor decode(String cursor, SearchRequest.SortOrder order) {
    return decode(cursor).in(order);
  }

  /**
   * The cursor {@code cursor}, of whichever order it was made in: read without asking Solr anything, so that a
   * malformed cursor is refused as the caller's mistake even when Solr could not answer.
   *
   * @throws BadRequestException when it is not one of this backend's cursors
   */
  static SolrCursor decode(String cursor) {
    if (cursor.length() > MAX_LENGTH) {
      throw new BadRequestException("malformed cursor: " + cursor.length() + " characters");
    }
    try {
      String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", 4);
      if (parts.length != 4 || !parts[0].equals("s") || parts[1].length() != 1 || parts[3].isEmpty()) {
        throw new BadRequestException(MISMATCH); // the embedded index says the same of a cursor it cannot read
      }
      return new SolrCursor(order(parts[1].charAt(0)), Long.parseLong(parts[2]), parts[3]);
    } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
      throw new BadRequestException("malformed cursor", e);
    }
  }

  /**
   * This cursor as one of a search in {@code order}.
   *
   * @throws BadRequestException when it was made by a search of another order
   */
  SolrCursor in(SearchRequest.SortOrder order) {
    if (this.order != order) {
      throw new BadRequestException(MISMATCH);
    }
    return this;
  }

  private static SearchRequest.SortOrder order(char initial) {
    for (SearchRequest.SortOrder order : SearchRequest.SortOrder.values()) {
      if (order.name().charAt(0) == initial) {
        return order;
      }
    }
    throw new BadRequestException(MISMATCH);
  }
}
