package org.transcriptsearch.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transcriptsearch.TestIndexes;
import org.transcriptsearch.index.TranscriptIndex;
import org.transcriptsearch.search.Results.Episode;
import org.transcriptsearch.search.Results.Health;
import org.transcriptsearch.search.Results.Hit;
import org.transcriptsearch.search.SearchRequest;
import org.transcriptsearch.search.SearchService;

/** Each dataset fixture through the real ingest path into a real index on disk, searched, and re-ingested. */
class DatasetIndexTest {
  @TempDir Path dir;

  private static List<String> ids(SearchService search, SearchRequest request) throws Exception {
    return search.search(request).hits().stream().map(Hit::id).toList();
  }

  /** Ingests {@code input} again and checks that nothing changed: writes are updates by id. */
  private static void reingestChangesNothing(TranscriptIndex index, SearchService search, Path input)
      throws Exception {
    Health before = search.health();
    IngestSummary again = TestIndexes.ingest(index, input);
    Health after = search.health();
    assertThat(after.transcripts()).isEqualTo(before.transcripts());
    assertThat(after.utterances()).isEqualTo(before.utterances());
    assertThat(again.transcripts()).isEqualTo(before.transcripts());
  }

  @Test
  void mediaSumArray() throws Exception {
    Path input = Collected.FIXTURES.resolve("mediasum/news_dialogue.json");
    try (TranscriptIndex index = TestIndexes.build(dir, input)) {
      SearchService search = new SearchService(index);
      assertThat(search.health().transcripts()).isEqualTo(8);
      assertThat(search.health().utterances()).isEqualTo(3 + 3 + 3 + 2 + 2 + 1 + 1 + 1);
      assertThat(ids(search, SearchRequest.builder().query("roots").build())).containsExactly("NPR-11-2");
      // Filters only: the newest transcript first.
      assertThat(ids(search, SearchRequest.builder().query("").speakers(List.of("costello")).build()))
          .containsExactly("CNN-80413-1", "CNN-5-1");
      assertThat(ids(search, SearchRequest.builder().query("program").roles(List.of("host")).build()))
          .containsExactly("CNN-99-1");
      Episode npr = search.episode("NPR-11");
      assertThat(npr.program()).isEqualTo("Day to Day");
      assertThat(npr.date()).isEqualTo(LocalDate.of(2008, 6, 10));
      assertThat(npr.source()).isEqualTo("mediasum");
      assertThat(npr.turns()).extracting(t -> t.speaker().name() + " (" + t.speaker().role() + ")")
          .containsExactly("Madeleine Brand (host)", "Susan Dudley (guest)", "Unidentified Male (unidentified)");
      assertThat(npr.turns().get(0).cues()).containsExactly("(SOUNDBITE OF MUSIC)");
      reingestChangesNothing(index, search, input);
    }
  }

  @Test
  void mediaSumLines() throws Exception {
    Path input = Collected.FIXTURES.resolve("mediasum/news_dialogue.jsonl");
    try (TranscriptIndex index = TestIndexes.build(dir, input)) {
      SearchService search = new SearchService(index);
      assertThat(search.health().transcripts()).isEqualTo(3);
      assertThat(search.health().utterances()).isEqualTo(5);
      assertThat(ids(search, SearchRequest.builder().query("speaker:lavrov").build())).containsExactly("NPR-21-2");
      reingestChangesNothing(index, search, input);
    }
  }

  @Test
  void truncatedMediaSumKeepsWhatCameBeforeTheError() throws Exception {
    Path input = Collected.FIXTURES.resolve("mediasum/truncated.json");
    try (TranscriptIndex index = TestIndexes.build(dir, input)) {
      SearchService search = new SearchService(index);
      assertThat(search.health().transcripts()).isEqualTo(2);
      assertThat(ids(search, SearchRequest.builder().query("oil").build())).containsExactlyInAnyOrder("NPR-31-1", "NPR-32-1");
      reingestChangesNothing(index, search, input);
    }
  }

  @Test
  void interviewFolder() throws Exception {
    Path input = Collected.FIXTURES.resolve("interview");
    try (TranscriptIndex index = TestIndexes.build(dir, input)) {
      SearchService search = new SearchService(index);
      assertThat(search.health().transcripts()).isEqualTo(3);
      assertThat(search.health().utterances()).isEqualTo(7);
      assertThat(ids(search, SearchRequest.builder().query("ceasefire").build()))
          .containsExactly("interview-57265-3");
      assertThat(ids(search, SearchRequest.builder().query("").programs(List.of("All Things Considered")).build()))
          .containsExactly("interview-57265-1", "interview-57265-2", "interview-57265-3");
      Episode kin = search.episode("interview-57264");
      assertThat(kin.turns()).extracting(t -> t.text()).containsExactly(
          "Good morning. Plants, it seems, know their relatives.",
          "They grow fewer roots next to their siblings.",
          "Really?");
      reingestChangesNothing(index, search, input);
    }
  }

  @Test
  void interviewCopyWithOtherColumnNames() throws Exception {
    Path input = Collected.FIXTURES.resolve("interview-alt");
    try (TranscriptIndex index = TestIndexes.build(dir, input)) {
      SearchService search = new SearchService(index);
      assertThat(search.health().transcripts()).isEqualTo(1);
      assertThat(ids(search, SearchRequest.builder().query("").roles(List.of("host")).build()))
          .containsExactly("interview-100-1", "interview-100-2");
      reingestChangesNothing(index, search, input);
    }
  }
}
