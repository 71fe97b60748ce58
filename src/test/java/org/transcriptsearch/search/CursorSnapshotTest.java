package org.transcriptsearch.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transcriptsearch.TestIndexes;
import org.transcriptsearch.index.TranscriptIndex;
import org.transcriptsearch.model.Attribution;
import org.transcriptsearch.model.Role;
import org.transcriptsearch.model.Speaker;
import org.transcriptsearch.model.Transcript;
import org.transcriptsearch.model.Turn;
import org.transcriptsearch.search.Results.Hit;

/**
 * A relevance cursor continues on the snapshot its first page was ranked on: writes between pages move every BM25
 * score, and without the snapshot the next page repeats or skips hits. Once the snapshot is no longer kept, the
 * cursor says it has expired.
 */
class CursorSnapshotTest {
  @TempDir Path dir;

  private static Transcript transcript(String id, String text) {
    Speaker guest = new Speaker("Ana Ruiz", null, Role.GUEST, null, null);
    return new Transcript(id, "Added", "Morning Edition", LocalDate.of(2020, 1, 1), null, "test", List.of(),
        List.of(new Turn(1, guest, text, Attribution.LABELLED, List.of())));
  }

  private static void add(TranscriptIndex index, String id, String text) throws Exception {
    index.put(transcript(id, text), List.of(List.of()));
    index.refresh();
  }

  private static List<String> ids(List<Hit> hits) {
    return hits.stream().map(Hit::id).toList();
  }

  @Test
  void theNextPageIsRankedOnTheFirstPagesSnapshotWhateverWasWrittenBetween() throws Exception {
    try (TranscriptIndex index = TestIndexes.build(dir, TestIndexes.FIXTURE_CORPUS)) {
      SearchService search = new SearchService(index);
      List<String> whole = ids(search.search(SearchRequest.builder().query("crimea OR russia").size(6).build()).hits());
      var first = search.search(SearchRequest.builder().query("crimea OR russia").size(3).build());
      assertThat(ids(first.hits())).isEqualTo(whole.subList(0, 3));
      // Many new documents about one of the words: its idf falls, and every score moves.
      for (int i = 0; i < 30; i++) {
        add(index, "added-" + i, "crimea crimea crimea again and again " + i);
      }
      var second =
          search.search(SearchRequest.builder().query("crimea OR russia").size(3).cursor(first.nextCursor()).build());
      assertThat(ids(second.hits())).isEqualTo(whole.subList(3, 6));
      assertThat(second.total()).isEqualTo(first.total());
    }
  }

  @Test
  void aCursorWhoseSnapshotIsNoLongerKeptSaysItHasExpired() throws Exception {
    try (TranscriptIndex index = TestIndexes.build(dir, TestIndexes.FIXTURE_CORPUS)) {
      SearchService search = new SearchService(index);
      List<String> cursors = new ArrayList<>();
      for (int i = 0; i <= TranscriptIndex.MAX_SNAPSHOTS; i++) {
        cursors.add(search.search(SearchRequest.builder().query("crimea").size(1).build()).nextCursor());
        add(index, "change-" + i, "a change " + i);
      }
      SearchRequest oldest = SearchRequest.builder().query("crimea").size(1).cursor(cursors.get(0)).build();
      assertThatThrownBy(() -> search.search(oldest))
          .isInstanceOf(BadRequestException.class)
          .hasMessageContaining("this cursor has expired")
          .hasMessageContaining("run the search again from its first page");
      SearchRequest newest =
          SearchRequest.builder().query("crimea").size(1).cursor(cursors.get(cursors.size() - 1)).build();
      assertThat(search.search(newest).hits()).hasSize(1);
    }
  }

  @Test
  void aCursorOfAnAbsurdLengthIsRefusedAsMalformed() throws Exception {
    try (TranscriptIndex index = TestIndexes.build(dir, TestIndexes.FIXTURE_CORPUS)) {
      SearchService search = new SearchService(index);
      assertThatThrownBy(() -> search.search(SearchRequest.builder().query("crimea").cursor("A".repeat(5_000)).build()))
          .isInstanceOf(BadRequestException.class)
          .hasMessageContaining("malformed cursor");
    }
  }
}
