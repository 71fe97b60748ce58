package org.transcriptsearch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.transcriptsearch.cli.CommandRun.run;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transcriptsearch.TestIndexes;
import org.transcriptsearch.index.TranscriptIndex;

/** check-quote, timeline, person and search --format csv|jsonl as a user runs them. */
class ResearchCommandsTest {
  static final Path RESEARCH = Path.of("src", "test", "resources", "fixtures", "research.jsonl");

  @TempDir static Path dir;
  static String indexDir;

  @BeforeAll
  static void build() throws Exception {
    try (TranscriptIndex index =
        TestIndexes.build(dir.resolve("index"), TestIndexes.FIXTURE_CORPUS, TestIndexes.SAMPLE_CORPUS, RESEARCH)) {
      index.commit();
    }
    indexDir = dir.resolve("index").toString();
  }

  @Test
  void checkQuotePrintsTheVerdictCitationAndDiff() {
    CommandRun r = run("check-quote", "--index", indexDir, "the", "people", "of", "crimea", "must", "decide", "their",
        "future");
    assertThat(r.status()).isZero();
    assertThat(r.out().lines().limit(5)).containsExactly(
        "close",
        "",
        "1. 0.775  Sergey Lavrov, Foreign Minister, on All Things Considered, March 5, 2014",
        "   fx-crimea-2014-2  /?episode=fx-crimea-2014&turn=2",
        "   The people of Crimea [-have the right to-]{+must+} decide their future");
    CommandRun none = run("check-quote", "--index", indexDir, "Nobody in Brussels expected the vote to fail so badly");
    assertThat(none.out()).isEqualTo("not found\n");
    CommandRun json = run("check-quote", "--index", indexDir, "--json", "There is no military solution to this conflict");
    assertThat(json.out()).startsWith("{\"text\":\"There is no military solution to this conflict\",\"verdict\":\"said\"");
  }

  @Test
  void timelineDrawsBarsAndCountsTheUndated() {
    CommandRun r = run("timeline", "--index", indexDir, "crimea");
    assertThat(r.status()).isZero();
    assertThat(r.out().lines()).containsExactly(
        "2014-01-01      3 ########################################",
        "2015-01-01      1 ##############",
        "2016-01-01      1 ##############",
        "undated 3, total 8");
    assertThat(run("timeline", "--index", indexDir, "--interval", "day", "crimea").err())
        .contains("interval must be year, month or week");
    // The same date forms as search: a year, a month or a day; a period that cannot be read names the option.
    assertThat(run("timeline", "--index", indexDir, "--from", "2015", "--to", "2015-12", "crimea").out().lines())
        .containsExactly("2015-01-01      1 ########################################", "undated 0, total 1");
    assertThat(run("timeline", "--index", indexDir, "--from", "last spring", "crimea").err()).contains("--from:");
  }

  @Test
  void everyResearchCommandTakesSolrWithACollectionAndNotBesideTheIndex() {
    for (List<String> command : List.of(List.of("check-quote", "crimea"), List.of("timeline", "crimea"),
        List.of("person", "lavrov"), List.of("search", "--format", "csv", "crimea"))) {
      String name = command.get(0);
      String[] words = command.subList(1, command.size()).toArray(String[]::new);
      CommandRun unreachable = run(join(name, List.of("--solr", "http://127.0.0.1:1/solr", "--collection", "x"), words));
      assertThat(unreachable.status()).as(name).isEqualTo(1);
      assertThat(unreachable.err()).as(name).contains("no answer from Solr at http://127.0.0.1:1/solr");
      CommandRun alone = run(join(name, List.of("--solr", "http://127.0.0.1:1/solr"), words));
      assertThat(alone.err()).as(name).contains("--solr and --collection go together");
      CommandRun both = run(join(name, List.of("--index", indexDir, "--solr", "http://127.0.0.1:1/solr",
          "--collection", "x"), words));
      assertThat(both.err()).as(name).contains("with --solr and --collection leave it out");
    }
  }

  private static String[] join(String command, List<String> options, String... words) {
    List<String> all = new java.util.ArrayList<>(List.of(command));
    all.addAll(options);
    all.addAll(List.of(words));
    return all.toArray(String[]::new);
  }

  @Test
  void personPrintsTheRecordOrSaysNoSuchSpeaker() {
    CommandRun r = run("person", "--index", indexDir, "sergei", "LAVROV");
    assertThat(r.status()).isZero();
    assertThat(r.out().lines().limit(4)).containsExactly(
        "Sergey Lavrov (2 turns, 2014-03-05 to 2014-03-05)",
        "  written: Sergey Lavrov 2",
        "  roles: guest 2",
        "  titles: Foreign Minister 2");
    CommandRun missing = run("person", "--index", indexDir, "Nobody Atall");
    assertThat(missing.status()).isEqualTo(1);
    assertThat(missing.err()).contains("no speaker named 'Nobody Atall'");
  }

  @Test
  void searchExportsEveryHitAsCsvOrJsonLines() throws Exception {
    CommandRun csv = run("search", "--index", indexDir, "--format", "csv", "--sort", "date", "crimea");
    assertThat(csv.status()).isZero();
    assertThat(csv.out()).startsWith("\uFEFFid,date,program,title,speaker,role,text,url,citation,permalink\r\n");
    List<Map<String, String>> rows;
    try (MappingIterator<Map<String, String>> it = new CsvMapper().readerForMapOf(String.class)
        .with(CsvSchema.emptySchema().withHeader()).readValues(csv.out().substring(1))) {
      rows = it.readAll();
    }
    assertThat(rows).hasSize(8);
    assertThat(rows.get(0).get("id")).isEqualTo("fx-kerry-2016-2");
    assertThat(rows.get(0).get("citation")).isEqualTo("Michele Kelemen, correspondent, on Morning Edition, September 10, 2016");
    CommandRun jsonl = run("search", "--index", indexDir, "--format", "jsonl", "crimea");
    assertThat(jsonl.out().lines()).hasSize(8);
    assertThat(run("search", "--index", indexDir, "--format", "xml", "crimea").err()).contains("format must be");
  }
}
