package org.transcriptsearch.search;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.util.BytesRef;

/**
 * The opaque {@code nextCursor} of deep pagination: the sort values of the last hit of a page (score or date, then
 * utterance id), so the next page starts right after it whatever was indexed in between. Never an offset.
 */
final class Cursor {
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private Cursor() {}

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
      String[] parts = new String(DECODER.decode(cursor), StandardCharsets.UTF_8).split("\\|", 3);
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
