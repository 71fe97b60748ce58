package org.transcriptsearch.research;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transcriptsearch.TestIndexes;
import org.transcriptsearch.index.TranscriptIndex;
import org.transcriptsearch.model.Transcript;
import org.transcriptsearch.model.Turn;
import org.transcriptsearch.research.People.Person;
import org.transcriptsearch.research.QuoteResults.QuoteCheck;
import org.transcriptsearch.research.Timelines.Bucket;
import org.transcriptsearch.research.Timelines.Interval;
import org.transcriptsearch.research.Timelines.Timeline;
import org.transcriptsearch.search.SearchRequest;
import org.transcriptsearch.search.SearchService;

/** The research desk over a generated corpus of realistic shape (the generator's seed 42, 150 transcripts). */
class GeneratedCorpusResearchTest {
  @TempDir static Path dir;
  static TranscriptIndex index;
  static SearchService search;
  static List<Transcript> transcripts;

  @BeforeAll
  static void build() throws Exception {
    transcripts = Corpora.transcripts(150, 42);
    index = TestIndexes.build(dir.resolve("index"), Corpora.generate(dir.resolve("gen"), 150, 42));
    search = new SearchService(index);
  }

  @AfterAll
  static void close() throws Exception {
    index.close();
  }

  @Test
  void quotesFromTheCorpusAreFoundAtTheirTurn() throws Exception {
    Transcript t = transcripts.get(7);
    Turn turn = t.turns().stream().filter(x -> x.text().split(" ").length > 25).findFirst().orElseThrow();
    List<String> words = List.of(turn.text().split(" "));
    String quote = String.join(" ", words.subList(3, 18));
    QuoteCheck check = new QuoteChecker(search).check(quote, null, 3);
    assertThat(check.verdict().code()).isEqualTo("said");
    assertThat(check.matches().get(0).id()).isEqualTo(t.id() + "-" + turn.n());
    assertThat(check.matches().get(0).similarity()).isEqualTo(1.0);
    assertThat(check.matches().get(0).hit().citation()).startsWith(turn.speaker().name());

    String altered = String.join(" ", words.subList(3, 9)) + " government " + String.join(" ", words.subList(10, 18));
    QuoteCheck close = new QuoteChecker(search).check(altered, null, 3);
    assertThat(close.matches().get(0).id()).isEqualTo(t.id() + "-" + turn.n());
    assertThat(close.matches().get(0).diff()).extracting(QuoteResults.DiffOp::op).contains("changed");
  }

  @Test
  void timelineBucketsAddUpToTheSearchTotalAtEveryInterval() throws Exception {
    SearchRequest request = SearchRequest.builder().query("syria OR election").build();
    long total = search.search(request).total();
    for (Interval interval : Interval.values()) {
      Timeline t = new Timelines(search).of(request, interval);
      long sum = t.buckets().stream().mapToLong(Bucket::count).sum();
      assertThat(sum + t.undated()).as(interval.code()).isEqualTo(total).isEqualTo(t.total());
      for (int i = 1; i < t.buckets().size(); i++) {
        assertThat(t.buckets().get(i).start()).isEqualTo(interval.next(t.buckets().get(i - 1).start()));
      }
    }
  }

  @Test
  void aHostsRecordSpansTheirDatesAndCountsEveryTurn() throws Exception {
    String host = transcripts.get(0).turns().get(0).speaker().name();
    Person p = new People(search).of(host.toUpperCase());
    assertThat(p.name()).isEqualTo(host);
    long turns = search.search(SearchRequest.builder().speakers(List.of(host)).build()).total();
    assertThat(p.utterances()).isEqualTo(turns);
    assertThat(p.timeline().buckets().stream().mapToLong(Bucket::count).sum() + p.timeline().undated())
        .isEqualTo(turns);
    assertThat(p.recent()).isNotEmpty();
    assertThat(p.recent().get(0).episode().date()).isEqualTo(p.lastDate());
  }

  @Test
  void anExportListsEveryHitInTheSearchsOrder() throws Exception {
    SearchRequest request = SearchRequest.builder().query("syria").sort(SearchRequest.SortOrder.DATE).build();
    StringWriter out = new StringWriter();
    SearchExport.Size size = new SearchExport(search).export(request, SearchExport.Format.JSONL, 10_000, s -> out);
    String[] lines = out.toString().split("\n");
    assertThat(size.cut()).isFalse();
    assertThat((long) lines.length).isEqualTo(size.total()).isEqualTo(search.search(request).total());
    var page = search.search(SearchRequest.builder().query("syria").sort(SearchRequest.SortOrder.DATE).size(100)
        .build());
    for (int i = 0; i < page.hits().size(); i++) {
      assertThat(lines[i]).contains("\"id\":\"" + page.hits().get(i).id() + "\"");
    }
  }
}
