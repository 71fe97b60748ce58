package org.transcriptsearch.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.index.Term;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.transcriptsearch.TestIndexes;
import org.transcriptsearch.index.TranscriptIndex;
import org.transcriptsearch.search.SearchRequest;
import org.transcriptsearch.search.SearchService;

/**
 * The presearch never loses a match: over the fixture and sample transcripts, alerts of every query shape find
 * exactly what they find when every alert is run on every batch; and the terms chosen for common shapes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AlertMatcherTest {
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  /** Query shapes the search box takes, with and without filters. */
  private static final List<String[]> ALERTS = List.of(
      new String[] {"crimea"},
      new String[] {"Crimea sanctions"},
      new String[] {"crimea OR aleppo"},
      new String[] {"\"self-defense forces\""},
      new String[] {"crimea -lavrov"},
      new String[] {"NOT crimea"},
      new String[] {"speaker:lavrov crimea"},
      new String[] {"speaker:kelemen"},
      new String[] {"title:paris"},
      new String[] {"diplo*"},
      new String[] {"(kerry OR lavrov) AND crimea^2"},
      new String[] {"\"kerry lavrov\"~5"},
      new String[] {"aleppo~1"},
      new String[] {"program:\"Morning Edition\""},
      new String[] {"topic:Crimea"},
      new String[] {"role:host ukraine"},
      new String[] {"", "speaker", "lavrov"},
      new String[] {"crimea", "role", "guest"},
      new String[] {"", "program", "All Things Considered"},
      new String[] {"syria", "topic", "Syria"},
      new String[] {"russia", "from", "2014-03-06"},
      new String[] {"zzzunknownword"});

  @TempDir Path temp;
  private final List<AlertMatcher.Indexed> batch = new ArrayList<>();
  private SearchService parser;

  @BeforeAll
  void read() throws Exception {
    try (TranscriptIndex memory = TranscriptIndex.inMemory(TestIndexes.PIPELINE.schema())) {
      memory.addPutListener((t, topics) -> batch.add(new AlertMatcher.Indexed(t, topics)));
      TestIndexes.ingest(memory, TestIndexes.SAMPLE_CORPUS, TestIndexes.FIXTURE_CORPUS);
    }
    parser = new SearchService(TranscriptIndex.inMemory(TestIndexes.PIPELINE.schema()));
    assertThat(batch).hasSizeGreaterThan(5);
  }

  private List<Alert> alerts() {
    List<Alert> alerts = new ArrayList<>();
    for (int i = 0; i < ALERTS.size(); i++) {
      String[] a = ALERTS.get(i);
      String key = a.length > 1 ? a[1] : "";
      String value = a.length > 1 ? a[2] : null;
      alerts.add(new Alert("a" + i, "alert " + i, a[0],
          key.equals("speaker") ? List.of(value) : null,
          key.equals("program") ? List.of(value) : null,
          key.equals("topic") ? List.of(value) : null,
          key.equals("role") ? List.of(value) : null,
          key.equals("from") ? java.time.LocalDate.parse(value) : null,
          null, null, "token", NOW));
    }
    return alerts;
  }

  private Map<String, List<String>> match(boolean presearch) throws Exception {
    AlertMatcher matcher = new AlertMatcher(TestIndexes.PIPELINE.schema());
    for (Alert alert : alerts()) {
      matcher.add(compiled(alert, presearch));
    }
    AlertMatcher.Matches matches = matcher.match(batch, NOW);
    assertThat(matches.problems()).isEmpty();
    Map<String, List<String>> ids = new TreeMap<>();
    matches.entries().forEach((id, entries) -> ids.put(id, entries.stream().map(FeedEntry::utteranceId).toList()));
    return ids;
  }

  @Test
  void presearchFindsExactlyWhatRunningEveryAlertFinds() throws Exception {
    Map<String, List<String>> all = match(false);
    assertThat(all.keySet()).hasSizeGreaterThan(ALERTS.size() / 2); // the fixture exercises most shapes
    assertThat(match(true)).isEqualTo(all);
  }

  @Test
  void presearchSkipsAlertsWhoseTermsTheBatchLacks() throws Exception {
    AlertMatcher matcher = new AlertMatcher(TestIndexes.PIPELINE.schema());
    for (Alert alert : alerts()) {
      matcher.add(compiled(alert, true));
    }
    try (TranscriptIndex memory = TranscriptIndex.inMemory(TestIndexes.PIPELINE.schema())) {
      for (AlertMatcher.Indexed indexed : batch) {
        memory.put(indexed.transcript(), indexed.turnTopics());
      }
      memory.refresh();
      // "zzzunknownword" (a21) is never run; wildcards, fuzzy and filter-only alerts always are.
      assertThat(matcher.candidates(memory)).doesNotContain("a21").contains("a9", "a12", "a16", "a18", "a0");
    }
  }

  @Test
  void termsOfCommonShapes() {
    // A place matches its demonyms as the search reads it (Crimea, Crimean), so the presearch keeps both.
    assertThat(terms("crimea")).containsExactlyInAnyOrder("text:crimea", "text:crimean");
    assertThat(terms("crimea OR aleppo")).containsExactlyInAnyOrder("text:crimea", "text:crimean", "text:aleppo");
    assertThat(terms("crimea -lavrov")).containsExactlyInAnyOrder("text:crimea", "text:crimean");
    assertThat(terms("diplomats crimea")).containsExactlyInAnyOrder("text:diplomat", "text:crimea", "text:crimean");
    assertThat(terms("\"self-defense forces\"")).containsExactlyInAnyOrder("text:self", "text:defens", "text:forc");
    assertThat(AlertTerms.of(parser.query(SearchRequest.of("diplo*"))).any()).isTrue();
    assertThat(AlertTerms.of(parser.query(SearchRequest.of(""))).any()).isTrue();
    assertThat(AlertTerms.of(parser.query(SearchRequest.of("NOT crimea"))).any()).isTrue();
    assertThat(terms("diplo* crimea")).containsExactlyInAnyOrder("text:crimea", "text:crimean");
    assertThat(terms("\"bye bye\"")).containsExactly("text:bye");
  }

  private AlertMatcher.Compiled compiled(Alert alert, boolean presearch) {
    AlertTerms terms = presearch ? AlertTerms.of(parser.query(alert.search(1, null))) : AlertTerms.ANY;
    return new AlertMatcher.Compiled(alert, terms, null);
  }

  private List<String> terms(String query) {
    return AlertTerms.of(parser.query(SearchRequest.of(query))).terms().stream().map(Term::toString).toList();
  }

  @Test
  void aBrokenAlertIsReportedAndTheOthersStillMatch() throws Exception {
    AlertMatcher matcher = new AlertMatcher(TestIndexes.PIPELINE.schema());
    List<Alert> alerts = alerts();
    matcher.add(compiled(alerts.get(0), false));
    Alert badRole = new Alert("bad", "bad", "crimea", null, null, null, List.of("pope"), null, null, null, "t", NOW);
    matcher.add(compiled(badRole, false));
    AlertMatcher.Matches matches = matcher.match(batch, NOW);
    assertThat(matches.problems()).containsOnlyKeys("bad");
    assertThat(matches.problems().get("bad")).contains("pope");
    assertThat(matches.entries()).containsOnlyKeys("a0");
  }
}
