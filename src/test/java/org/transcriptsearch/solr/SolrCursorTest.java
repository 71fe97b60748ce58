package org.transcriptsearch.solr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.transcriptsearch.search.BadRequestException;
import org.transcriptsearch.search.SearchRequest.SortOrder;

/** The SolrCloud backend's cursor: Solr's mark carried whole, and anything else refused as the caller's mistake. */
class SolrCursorTest {
  @Test
  void aCursorComesBackAsItWasMade() {
    SolrCursor cursor = new SolrCursor(SortOrder.RELEVANCE, 20, "AoJ8QD9dNSk+c|x=");
    assertThat(SolrCursor.decode(cursor.encoded(), SortOrder.RELEVANCE)).isEqualTo(cursor);
    assertThat(SolrCursor.first(SortOrder.DATE)).isEqualTo(new SolrCursor(SortOrder.DATE, 0, "*"));
  }

  @Test
  void aCursorOfAnotherOrderOrShapeIsRefused() {
    String relevance = new SolrCursor(SortOrder.RELEVANCE, 10, "mark").encoded();
    assertThatThrownBy(() -> SolrCursor.decode(relevance, SortOrder.DATE))
        .isInstanceOf(BadRequestException.class).hasMessageContaining("another sort order");
    for (String bad : new String[] {"garbage!", "", plain("s|R|x|mark"), plain("s|R|5|"), plain("e|R|5|m"),
        "x".repeat(SolrCursor.MAX_LENGTH + 1)}) {
      assertThatThrownBy(() -> SolrCursor.decode(bad, SortOrder.RELEVANCE)).as(bad)
          .isInstanceOf(BadRequestException.class).hasMessageContaining("malformed cursor");
    }
  }

  private static String plain(String text) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}
