package org.transcriptsearch.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.transcriptsearch.TestIndexes;
import org.transcriptsearch.index.TranscriptIndex;
import org.transcriptsearch.search.Results.Highlight;
import org.transcriptsearch.search.Results.Hit;

/** Snippets start and end on word boundaries, are about the size asked for, and say where they were cut. */
class SnippetsTest {
  @TempDir static Path dir;
  static TranscriptIndex index;
  static SearchService search;

  @BeforeAll
  static void build() throws Exception {
    index = TestIndexes.build(dir, TestIndexes.SAMPLE_CORPUS);
    search = new SearchService(index);
  }

  @AfterAll
  static void close() throws Exception {
    index.close();
  }

  /** No word runs across {@code at}: it is an end of the text or has a non-letter on one side. */
  private static boolean isWordBoundary(String text, int at) {
    return at == 0
        || at == text.length()
        || !Character.isLetterOrDigit(text.charAt(at - 1))
        || !Character.isLetterOrDigit(text.charAt(at));
  }

  @ParameterizedTest
  @ValueSource(strings = {"crimea", "russia OR syria", "", "role:correspondent"})
  void snippetsAreCutOnWordBoundariesWithEllipses(String q) throws Exception {
    for (int fragment : List.of(40, 100, 240)) {
      List<Hit> hits =
          search.search(SearchRequest.builder().query(q).size(30).fragmentSize(fragment).passages(3).build()).hits();
      assertThat(hits).isNotEmpty();
      for (Hit hit : hits) {
        String text = hit.text();
        for (Highlight h : hit.highlights()) {
          String where = hit.id() + " " + fragment + " [" + h.start() + "," + h.end() + ")";
          assertThat(isWordBoundary(text, h.start())).as(where).isTrue();
          assertThat(isWordBoundary(text, h.end())).as(where).isTrue();
          assertThat(h.html().startsWith("\u2026")).as(where).isEqualTo(h.start() > 0);
          assertThat(h.html().endsWith("\u2026")).as(where).isEqualTo(h.end() < text.length());
          if (text.length() > Highlighting.WHOLE_LIMIT) {
            assertThat(h.end() - h.start()).as(where).isLessThanOrEqualTo(fragment * 3 / 2 + 20);
          }
        }
      }
    }
  }
}
