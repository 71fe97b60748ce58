package org.transcriptsearch.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transcriptsearch.TestIndexes;
import org.transcriptsearch.ingest.IngestSummary;
import org.transcriptsearch.search.Results.Hit;
import org.transcriptsearch.search.SearchRequest;
import org.transcriptsearch.search.SearchService;

/** The bundled sample corpus through the whole data path: pages -> parser -> index on disk -> search. */
class SampleCorpusIndexTest {
  private static final String MUNICH = "4f0379af3b64a524";
  private static final String PARIS = "31d3c47a04e0fcb9";

  @TempDir Path dir;

  @Test
  void indexesBothSeedPagesAsUtterances() throws Exception {
    try (TranscriptIndex index = TranscriptIndex.openWritable(dir, TestIndexes.PIPELINE.schema())) {
      IngestSummary summary = TestIndexes.ingest(index, TestIndexes.SAMPLE_CORPUS);
      assertThat(summary.files()).isEqualTo(2);
      assertThat(summary.transcripts()).isEqualTo(2);
      assertThat(summary.utterances()).isEqualTo(27);
      assertThat(summary.skipped()).isEmpty();
      var health = new SearchService(index).health();
      assertThat(health.utterances()).isEqualTo(27);
      assertThat(health.transcripts()).isEqualTo(2);
    }
  }

  @Test
  void crimeaRanksTheParisTurnsThatSayIt() throws Exception {
    try (TranscriptIndex index = TestIndexes.build(dir, TestIndexes.SAMPLE_CORPUS)) {
      SearchService search = new SearchService(index);
      assertThat(ids(search.search(SearchRequest.of("crimea")).hits()))
          .containsExactly(PARIS + "-10", PARIS + "-9", PARIS + "-2");
      SearchRequest saidByKelemen =
          SearchRequest.builder().query("crimea").speakers(List.of("kelemen")).build();
      assertThat(ids(search.search(saidByKelemen).hits())).containsExactly(PARIS + "-9");
      assertThat(ids(search.search(SearchRequest.of("speaker:kelemen crimea")).hits()))
          .containsExactly(PARIS + "-9");
    }
  }

  @Test
  void aLongTurnShownWholeHasEveryMatchMarked() throws Exception {
    try (TranscriptIndex index = TestIndexes.build(dir, TestIndexes.SAMPLE_CORPUS)) {
      SearchService search = new SearchService(index);
      // The opening turn is longer than a passage and says Munich twice, far apart.
      var whole = search.highlight(MUNICH + "-1", "munich");
      assertThat(whole.text()).hasSizeGreaterThan(400);
      assertThat(whole.matches()).extracting(m -> whole.text().substring(m.start(), m.end()))
          .containsExactly("Munich", "Munich");
      assertThat(whole.html()).contains("counterpart in <mark>Munich</mark>, Germany").contains("talks in <mark>Munich</mark>.");
      var episode = search.episode(MUNICH, "munich");
      assertThat(episode.highlights())
          .extracting(h -> h.turn() + "=" + h.matches().size())
          .containsExactly("1=2", "3=1", "5=1", "13=1");
      assertThat(episode.highlights().get(0).html()).isEqualTo(whole.html());
    }
  }

  @Test
  void saidByAndMentionedAreDifferentQuestions() throws Exception {
    try (TranscriptIndex index = TestIndexes.build(dir, TestIndexes.SAMPLE_CORPUS)) {
      SearchService search = new SearchService(index);
      // Nobody named Lavrov speaks in the sample; three turns mention him.
      assertThat(search.search(SearchRequest.of("speaker:lavrov")).total()).isZero();
      assertThat(ids(search.search(SearchRequest.of("lavrov")).hits()))
          .containsExactlyInAnyOrder(PARIS + "-3", PARIS + "-5", PARIS + "-7", PARIS + "-9", MUNICH + "-13");
    }
  }

  @Test
  void reindexingLeavesTheCountsUnchanged() throws Exception {
    try (TranscriptIndex index = TestIndexes.build(dir, TestIndexes.SAMPLE_CORPUS)) {
      TestIndexes.ingest(index, TestIndexes.SAMPLE_CORPUS);
      TestIndexes.ingest(index, TestIndexes.SAMPLE_CORPUS.resolve("003_eb3c53ebfe28291d.txt"));
      SearchService search = new SearchService(index);
      assertThat(search.health().utterances()).isEqualTo(27);
      assertThat(search.health().transcripts()).isEqualTo(2);
      assertThat(search.search(SearchRequest.of("crimea")).total()).isEqualTo(3);
    }
  }

  @Test
  void theIndexReopensFromDiskWithEverythingCommitted() throws Exception {
    TestIndexes.build(dir, TestIndexes.SAMPLE_CORPUS).close();
    try (TranscriptIndex reopened = TranscriptIndex.openReadOnly(dir, TestIndexes.PIPELINE.schema())) {
      assertThat(new SearchService(reopened).health().utterances()).isEqualTo(27);
    }
  }

  private static List<String> ids(List<Hit> hits) {
    return hits.stream().map(Hit::id).toList();
  }
}
