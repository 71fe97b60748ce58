package org.transcriptsearch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.transcriptsearch.cli.CommandRun.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transcriptsearch.TestIndexes;
import org.transcriptsearch.index.TranscriptIndex;
import org.transcriptsearch.model.Json;
import org.transcriptsearch.model.Transcript;
import org.transcriptsearch.search.SearchRequest;
import org.transcriptsearch.search.SearchService;

/** The command line as a user runs it: outputs, errors and exit statuses. */
class CommandLineTest {
  private static final Path MUNICH = TestIndexes.SAMPLE_CORPUS.resolve("000_cd62846c5167d6ef.txt");
  private static final Path PARIS = TestIndexes.SAMPLE_CORPUS.resolve("003_eb3c53ebfe28291d.txt");

  @TempDir Path dir;


  @Test
  void parsePrintsOneCanonicalJsonLinePerPage() throws Exception {
    CommandRun r = run("parse", MUNICH.toString(), PARIS.toString());
    assertThat(r.status()).isZero();
    List<String> lines = r.out().lines().toList();
    assertThat(lines).hasSize(2);
    Transcript paris = Json.mapper().readValue(lines.get(1), Transcript.class);
    assertThat(paris.title()).isEqualTo("Kerry And Russian Diplomat Talk Crimea In Paris");
    assertThat(paris.turns()).hasSize(13);
    assertThat(paris.topics()).contains("Crimea", "Ukraine", "Russia");
    // Canonical field order.
    assertThat(lines.get(1)).startsWith("{\"id\":\"31d3c47a04e0fcb9\",\"title\":\"Kerry And Russian Diplomat Talk Crimea In Paris\",\"program\":\"All Things Considered\",\"date\":null,\"url\":null,\"source\":\"WKNO FM\",\"topics\":[");
    assertThat(lines.get(1)).contains("\"turns\":[{\"n\":1,\"speaker\":{\"name\":\"Melissa Block\",\"label\":\"MELISSA BLOCK\",\"role\":\"host\",\"title\":null,\"affiliation\":null},\"text\":\"This is ALL THINGS CONSIDERED from NPR News. I'm Melissa Block.\",\"attribution\":\"labelled\",\"cues\":[]}");
  }

  @Test
  void aPageWithNoTranscriptFailsByNameAfterTheOthersArePrinted() throws Exception {
    Path article = dir.resolve("article.txt");
    Files.writeString(article, "A Written Article\n\nIt has paragraphs but nobody speaks.\n", StandardCharsets.UTF_8);
    CommandRun r = run("parse", article.toString(), PARIS.toString());
    assertThat(r.status()).isEqualTo(1);
    assertThat(r.out().lines()).hasSize(1);
    assertThat(r.err()).contains("no transcript found in " + article);
  }

  @Test
  void indexSummarisesAndSkipsBadInputByName() throws Exception {
    Path index = dir.resolve("index");
    CommandRun r = run("index", "--index", index.toString(), TestIndexes.SAMPLE_CORPUS.toString(),
        "src/test/resources/fixtures/bad.jsonl", dir.resolve("missing.txt").toString());
    assertThat(r.status()).isEqualTo(1);
    assertThat(r.out()).contains("Indexed 3 transcripts (28 utterances) from 3 files into " + index);
    assertThat(r.out()).contains("Skipped 6:");
    assertThat(r.out()).contains(dir.resolve("missing.txt") + ": no such file or folder");
    assertThat(r.out()).contains("src/test/resources/fixtures/bad.jsonl: line 2: ");
    CommandRun again = run("index", "--index", index.toString(), TestIndexes.SAMPLE_CORPUS.toString());
    assertThat(again.status()).isZero();
    try (TranscriptIndex reopened = TranscriptIndex.openReadOnly(index, TestIndexes.PIPELINE.schema())) {
      assertThat(new SearchService(reopened).health().utterances()).isEqualTo(28);
    }
  }

  @Test
  void indexSummaryListsWarningsAndEndsWithTheTimeTakenAndTheRate() throws Exception {
    Path index = dir.resolve("index");
    Path file = Files.writeString(dir.resolve("news_dialogue.json"),
        "[{\"id\": \"CNN-1\", \"date\": \"Summer 2013\", \"utt\": [\"Hello.\", \"Hi.\"], \"speaker\": [\"A\"]}]");
    CommandRun r = run("index", "--index", index.toString(), file.toString());
    assertThat(r.status()).isZero();
    List<String> lines = r.out().lines().toList();
    assertThat(lines.subList(0, lines.size() - 1))
        .containsExactly(
            "Indexed 1 transcript (2 utterances) from 1 file into " + index,
            "Read with 2 warnings:",
            "  " + file + ": record 1 (id CNN-1): field date: 'Summer 2013' is not a date; the date is left empty",
            "  " + file + ": record 1 (id CNN-1): field utt has 2 entries but field speaker has 1 entry; utterance 2"
                + " kept with an unidentified speaker");
    assertThat(lines.get(lines.size() - 1))
        .matches("Took \\d+\\.\\d s: [\\d,.]+ transcripts/s, [\\d,.]+ utterances/s");
  }

  @Test
  void searchJsonIsWhatTheApiAnswers() throws Exception {
    Path index = dir.resolve("index");
    assertThat(run("index", "--index", index.toString(), TestIndexes.SAMPLE_CORPUS.toString()).status()).isZero();
    CommandRun r = run("search", "--index", index.toString(), "--json", "--speaker", "kelemen", "crimea");
    assertThat(r.status()).isZero();
    JsonNode cli = Json.mapper().readTree(r.out());
    try (TranscriptIndex reopened = TranscriptIndex.openReadOnly(index, TestIndexes.PIPELINE.schema())) {
      var api = new SearchService(reopened)
          .search(SearchRequest.builder().query("crimea").speakers(List.of("kelemen")).build());
      assertThat(r.out().strip()).isEqualTo(Json.mapper().writeValueAsString(api));
    }
    assertThat(cli.get("hits").get(0).get("id").asText()).isEqualTo("31d3c47a04e0fcb9-9");
  }

  @Test
  void searchTextShowsSpeakerProgramTitleAndMarkedMatches() throws Exception {
    Path index = dir.resolve("index");
    run("index", "--index", index.toString(), TestIndexes.SAMPLE_CORPUS.toString());
    CommandRun r = run("search", "--index", index.toString(), "--size", "1", "speaker:cornish", "crimea");
    assertThat(r.out())
        .isEqualTo(
            "2 hits\n"
                + "Also matching: crimea = Crimean, Crimeans (--exact for the words as typed)\n\n"
                + "1. Audie Cornish (host) - All Things Considered - \"Kerry And Russian Diplomat Talk Crimea In Paris\"\n"
                + "   Michele, do you get the sense that the U.S. is worried that what's happened in [Crimea] could act"
                + " as a model for Russian behavior in other contentious areas?\n"
                + "   [31d3c47a04e0fcb9-10]\n\n"
                + "More: --cursor " + r.out().substring(r.out().indexOf("--cursor ") + 9));
    CommandRun bad = run("search", "--index", index.toString(), "crimea AND (");
    assertThat(bad.status()).isEqualTo(2);
    assertThat(bad.err()).startsWith("error: bad query: Cannot parse");
    CommandRun missing = run("search", "--index", dir.resolve("none").toString(), "crimea");
    assertThat(missing.status()).isEqualTo(1);
    assertThat(missing.err()).contains("run the index command first");
  }

  @Test
  void countsOfOneAreSingular() {
    Path index = dir.resolve("one");
    CommandRun r = run("index", "--index", index.toString(), PARIS.toString());
    assertThat(r.status()).isZero();
    assertThat(r.out()).contains("Indexed 1 transcript (13 utterances) from 1 file into " + index);
  }

  @Test
  void theNextPageNumbersItsHitsFromWherePageOneEnded() {
    Path index = dir.resolve("pages");
    assertThat(run("index", "--index", index.toString(), TestIndexes.FIXTURE_CORPUS.toString()).status()).isZero();
    CommandRun first = run("search", "--index", index.toString(), "--size", "2", "crimea");
    assertThat(first.out()).contains("\n1. ", "\n2. ").doesNotContain("\n3. ");
    String cursor = first.out().lines().filter(l -> l.startsWith("More: --cursor ")).findFirst().orElseThrow()
        .substring("More: --cursor ".length());
    assertThat(cursor).startsWith("3:");
    CommandRun second = run("search", "--index", index.toString(), "--size", "2", "--cursor", cursor, "crimea");
    assertThat(second.status()).isZero();
    assertThat(second.out()).contains("\n3. ").doesNotContain("\n1. ");
  }

  @Test
  void theTopLevelHelpGivesEachCommandsFirstSentenceWhole() {
    CommandRun r = run("--help");
    String help = r.out().replaceAll("\\s+", " ");
    assertThat(help).contains("index Indexes transcript files and folders (folders are read recursively).");
    assertThat(help).contains("search Searches the index: Lucene's classic syntax, AND by default.");
    assertThat(help).doesNotContain("so search", "crimea' is what Lavrov said speakers");
  }
}
