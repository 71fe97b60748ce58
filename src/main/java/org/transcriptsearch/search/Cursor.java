package org.transcriptsearch.search;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.util.BytesRef;

/**
 * The opaque {@code nextCursor} of deep pagination: the sort values of the last hit of a page (score or date, then
 * utterance id), so the next page starts right after it whatever was indexed in between. Never an offset. A
 * relevance cursor also names the index snapshot its page was computed on: scores move when the index changes, so
 * the next page is computed on the same snapshot, or refused once that snapshot is no longer kept.
 */
final class Cursor {
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  /** The longest cursor accepted, in characters: far more than any this service makes. */
  static final int MAX_LENGTH = 2_000;

  /** The first letter of a relevance cursor that names its snapshot. */
  private static final char PINNED = 'r';

  private Cursor() {}

  /**
   * The cursor that continues after {@code last}, a hit of a search sorted by {@code order}, computed on the index
   * snapshot {@code snapshot} (used by relevance cursors only).
   */
  static String after(ScoreDoc last, SearchRequest.SortOrder order, long snapshot) {
    if (order != SearchRequest.SortOrder.RELEVANCE) {
      return after(last, order);
    }
    FieldDoc doc = (FieldDoc) last;
    String plain = PINNED + "|" + Integer.toHexString(Float.floatToIntBits((Float) doc.fields[0])) + "|"
        + Long.toHexString(snapshot) + "|" + ((BytesRef) doc.fields[1]).utf8ToString();
    return ENCODER.encodeToString(plain.getBytes(StandardCharsets.UTF_8));
  }

  /** The snapshot a cursor was computed on, or null when it names none (a date cursor, or an older cursor). */
  static Long snapshot(String cursor) {
    String plain = plain(cursor);
    if (plain.isEmpty() || plain.charAt(0) != PINNED) {
      return null;
    }
    String[] parts = plain.split("\\|", 4);
    try {
      return parts.length == 4 ? Long.parseUnsignedLong(parts[2], 16) : null;
    } catch (NumberFormatException e) {
      throw new BadRequestException("malformed cursor", e);
    }
  }

  private static String plain(String cursor) {
    if (cursor.length() > MAX_LENGTH) {
      throw new BadRequestException("malformed cursor: " + cursor.length() + " characters");
    }
    try {
      return new String(DECODER.decode(cursor), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new BadRequestException("malformed cursor", e);
    }
  }

  /** The cursor that continues after {@code last}, a hit of a search sorted by {@code order}. */
  static String after(ScoreDoc last, SearchRequest.SortOrder order) {
    FieldDoc doc = (FieldDoc) last;
    String first =
        switch (order) {
          case RELEVANCE -> Integer.toHexString(Float.floatToIntBits((Float) doc.fields[0]));
          case DATE -> Long.toString((Long) doc.fields[0]);
        };
    String id = ((BytesRef) doc.fields[1]).utf8ToString();
    String plain = order.name().charAt(0) + "|" + first + "|" + id;
    return ENCODER.encodeToString(plain.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The position a cursor stands for, for a search sorted by {@code order}.
   *
   * @throws BadRequestException when the cursor is malformed or belongs to another sort order
   */
  static FieldDoc decode(String cursor, SearchRequest.SortOrder order) {
    try {
      String plain = plain(cursor);
      if (!plain.isEmpty() && plain.charAt(0) == PINNED) { // r|score|snapshot|id: the snapshot is read apart
        String[] pinned = plain.split("\\|", 4);
        plain = pinned.length == 4 ? "R|" + pinned[1] + "|" + pinned[3] : "";
      }
      String[] parts = plain.split("\\|", 3);
      if (parts.length != 3 || parts[0].charAt(0) != order.name().charAt(0)) {
        throw new BadRequestException("malformed cursor, or one from a search with another sort order");
      }
      Object first =
          switch (order) {
            case RELEVANCE -> Float.intBitsToFloat(Integer.parseUnsignedInt(parts[1], 16));
            case DATE -> Long.parseLong(parts[1]);
          };
      float score = first instanceof Float f ? f : Float.NaN;
      return new FieldDoc(0, score, new Object[] {first, new BytesRef(parts[2])});
    } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
      throw new BadRequestException("malformed cursor", e);
    }
  }
}
