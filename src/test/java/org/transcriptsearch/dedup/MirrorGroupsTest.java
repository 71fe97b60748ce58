package org.transcriptsearch.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transcriptsearch.TestIndexes;
import org.transcriptsearch.index.TranscriptIndex;
import org.transcriptsearch.ingest.Enricher;
import org.transcriptsearch.ingest.IngestSummary;
import org.transcriptsearch.model.Source;
import org.transcriptsearch.model.Transcript;
import org.transcriptsearch.search.Results.Episode;
import org.transcriptsearch.search.SearchService;

/** The copies of one story, in one ingest run or several, are one transcript with a source per copy. */
class MirrorGroupsTest {
  private static final String KERA_URL = "https://www.keranews.org/npr-news/2014-03-30/kerry-lavrov-paris";
  private static final String WKNO_URL = "https://www.wknofm.org/npr-news/2014-03-30/kerry-lavrov-paris";
  private static final Transcript KERA = Stories.original("KERA", KERA_URL);
  private static final Transcript WKNO = Stories.withTeaserAndBoilerplate("WKNO FM", WKNO_URL);
  private static final Instant MONDAY = Instant.parse("2026-11-30T09:00:00Z");
  private static final Instant TUESDAY = Instant.parse("2026-12-01T09:00:00Z");

  @TempDir Path temp;

  private IngestSummary ingest(TranscriptIndex index, Transcript... transcripts) throws IOException {
    Path file = Stories.jsonl(temp.resolve("in").resolve(System.nanoTime() + ".jsonl"), transcripts);
    return TestIndexes.ingest(index, file);
  }

  private static List<String> sources(Episode episode) {
    return episode.sources().stream().map(s -> s.id() + " " + s.site() + " " + s.url()).toList();
  }

  private static MirrorGroups.Put put(MirrorGroups groups, Transcript t) throws IOException {
    Enricher.Enriched enriched = TestIndexes.PIPELINE.enricher().enrich(t);
    return groups.put(enriched.transcript(), enriched.turnTopics());
  }

  private static long transcripts(TranscriptIndex index) throws IOException {
    return new SearchService(index).health().transcripts();
  }

  @Test
  void twoCopiesFromTwoSitesInOneRunAreOneTranscriptWithTwoSources() throws Exception {
    assertThat(KERA.id()).isNotEqualTo(WKNO.id());
    try (TranscriptIndex index = TranscriptIndex.openWritable(temp.resolve("index"), TestIndexes.PIPELINE.schema())) {
      IngestSummary summary = ingest(index, KERA, WKNO);
      assertThat(summary.transcripts()).isEqualTo(1);
      assertThat(summary.mirrors()).isEqualTo(1);
      assertThat(transcripts(index)).isEqualTo(1);
      String id = onlyId(index);
      Episode episode = new SearchService(index).episode(id);
      assertThat(sources(episode))
          .containsExactlyInAnyOrder(KERA.id() + " KERA " + KERA_URL, WKNO.id() + " WKNO FM " + WKNO_URL);
      assertThat(episode.sources()).allSatisfy(s -> assertThat(s.firstSeen()).isNotNull());
      // The teaser copy has more words, so its text is kept, under the id the story was first written with.
      assertThat(episode.url()).isEqualTo(WKNO_URL);
      assertThat(episode.turns().get(0).text()).startsWith("Kerry and Lavrov talk for four hours");
    }
  }

  private static String onlyId(TranscriptIndex index) throws IOException {
    return index.withSearcher(
        view -> {
          var docs = view.searcher().search(new org.apache.lucene.search.MatchAllDocsQuery(), 1).scoreDocs;
          return view.searcher().storedFields().document(docs[0].doc).get(org.transcriptsearch.index.Schema.EPISODE_ID);
        });
  }

  @Test
  void twoStationPagesOfOneStoryAreOneTranscript() throws Exception {
    // The same page on KERA's site, its ending truncated, and on WKNO FM's: the README's worked example.
    Path pages = Path.of("src", "test", "resources", "fixtures", "mirrors");
    Transcript kera = TestIndexes.PIPELINE.pages().read(pages.resolve("kera-kerry-lavrov.txt"));
    Transcript wkno = TestIndexes.PIPELINE.pages().read(pages.resolve("wkno-kerry-lavrov.txt"));
    assertThat(kera.id()).isEqualTo("bd81c829c415ed1b");
    assertThat(wkno.id()).isEqualTo("31d3c47a04e0fcb9");
    try (TranscriptIndex index = TranscriptIndex.openWritable(temp.resolve("index"), TestIndexes.PIPELINE.schema())) {
      IngestSummary summary = TestIndexes.ingest(index, pages);
      assertThat(summary.transcripts()).isEqualTo(1);
      assertThat(summary.utterances()).isEqualTo(13);
      assertThat(summary.mirrors()).isEqualTo(1);
      Episode episode = new SearchService(index).episode(onlyId(index));
      assertThat(episode.id()).isIn(kera.id(), wkno.id()); // the copy written first gives the id
      assertThat(episode.source()).isEqualTo("WKNO FM"); // the complete copy gives the text
      assertThat(episode.turns()).hasSize(13);
      assertThat(episode.sources()).extracting(Source::id, Source::site)
          .containsExactlyInAnyOrder(
              org.assertj.core.groups.Tuple.tuple("31d3c47a04e0fcb9", "WKNO FM"),
              org.assertj.core.groups.Tuple.tuple("bd81c829c415ed1b", "KERA"));
    }
  }

  @Test
  void aMirrorIndexedTodayJoinsTheTranscriptIndexedBefore() throws Exception {
    Transcript truncated = Stories.truncated("KUOW", "https://www.kuow.org/npr-news/2014-03-30/1");
    try (TranscriptIndex index = TranscriptIndex.openWritable(temp.resolve("index"), TestIndexes.PIPELINE.schema())) {
      MirrorGroups monday = new MirrorGroups(index, Clock.fixed(MONDAY, ZoneOffset.UTC));
      assertThat(put(monday, KERA)).isEqualTo(new MirrorGroups.Put(KERA.id(), MirrorGroups.Outcome.NEW));
      index.commit();
      index.refresh();

      MirrorGroups tuesday = new MirrorGroups(index, Clock.fixed(TUESDAY, ZoneOffset.UTC));
      assertThat(put(tuesday, truncated)).isEqualTo(new MirrorGroups.Put(KERA.id(), MirrorGroups.Outcome.SOURCE));
      index.commit();
      index.refresh();

      Episode episode = new SearchService(index).episode(KERA.id());
      assertThat(episode.sources())
          .containsExactly(
              new Source(KERA.id(), "KERA", KERA_URL, MONDAY),
              new Source(truncated.id(), "KUOW", "https://www.kuow.org/npr-news/2014-03-30/1", TUESDAY));
      assertThat(episode.turns()).hasSize(4); // the complete copy's text stays
      assertThat(episode.url()).isEqualTo(KERA_URL);
      assertThat(transcripts(index)).isEqualTo(1);
      assertThat(tuesday.transcripts()).isEqualTo(1);
      assertThat(tuesday.mirrors()).isEqualTo(0); // one copy read, one transcript touched
    }
  }

  @Test
  void aMoreCompleteCopyLaterGivesItsTextButTheIdStays() throws Exception {
    Transcript truncated = Stories.truncated("KUOW", "https://www.kuow.org/npr-news/2014-03-30/1");
    try (TranscriptIndex index = TranscriptIndex.openWritable(temp.resolve("index"), TestIndexes.PIPELINE.schema())) {
      ingest(index, truncated);
      IngestSummary later = ingest(index, KERA);
      assertThat(later.transcripts()).isEqualTo(1);
      assertThat(transcripts(index)).isEqualTo(1);
      Episode episode = new SearchService(index).episode(truncated.id());
      assertThat(episode.turns()).hasSize(4);
      assertThat(episode.url()).isEqualTo(KERA_URL);
      assertThat(episode.source()).isEqualTo("KERA");
      assertThat(sources(episode))
          .containsExactlyInAnyOrder(
              truncated.id() + " KUOW https://www.kuow.org/npr-news/2014-03-30/1", KERA.id() + " KERA " + KERA_URL);
    }
  }

  @Test
  void aCopyThatLostItsLabelsNeverReplacesTheLabelledOne() throws Exception {
    Transcript lost = Stories.lostLabels("WBUR", "https://www.wbur.org/npr/1");
    try (TranscriptIndex index = TranscriptIndex.openWritable(temp.resolve("index"), TestIndexes.PIPELINE.schema())) {
      ingest(index, KERA);
      ingest(index, lost);
      Episode episode = new SearchService(index).episode(KERA.id());
      assertThat(episode.turns()).extracting(t -> t.speaker().name())
          .containsExactly("Melissa Block", "Michele Kelemen", "Melissa Block", "Michele Kelemen");
      assertThat(episode.sources()).extracting(Source::site).containsExactlyInAnyOrder("KERA", "WBUR");
    }
    try (TranscriptIndex index = TranscriptIndex.openWritable(temp.resolve("other"), TestIndexes.PIPELINE.schema())) {
      ingest(index, lost);
      ingest(index, KERA);
      Episode episode = new SearchService(index).episode(lost.id());
      assertThat(episode.turns()).hasSize(4);
      assertThat(episode.sources()).extracting(Source::site).containsExactlyInAnyOrder("WBUR", "KERA");
    }
  }

  @Test
  void reIngestingTheCopiesChangesNothing() throws Exception {
    try (TranscriptIndex index = TranscriptIndex.openWritable(temp.resolve("index"), TestIndexes.PIPELINE.schema())) {
      IngestSummary first = ingest(index, KERA, WKNO);
      String id = onlyId(index); // either copy's: two workers may write them at the same moment
      Episode before = new SearchService(index).episode(id);
      IngestSummary again = ingest(index, KERA, WKNO);
      Episode after = new SearchService(index).episode(id);
      assertThat(again.transcripts()).isEqualTo(first.transcripts()).isEqualTo(1);
      assertThat(again.utterances()).isEqualTo(first.utterances());
      assertThat(again.mirrors()).isEqualTo(first.mirrors()).isEqualTo(1);
      assertThat(after.sources()).isEqualTo(before.sources()); // first seen stays the first time
      assertThat(transcripts(index)).isEqualTo(1);
      assertThat(new SearchService(index).health().utterances()).isEqualTo(4);
    }
  }

  @Test
  void aPageReadAgainAfterACorrectionReplacesItsCopyEvenWhenShorter() throws Exception {
    Transcript corrected = Stories.truncated("KERA", KERA_URL);
    try (TranscriptIndex index = TranscriptIndex.openWritable(temp.resolve("index"), TestIndexes.PIPELINE.schema())) {
      ingest(index, KERA);
      IngestSummary again = ingest(index, corrected);
      assertThat(again.transcripts()).isEqualTo(1);
      assertThat(again.utterances()).isEqualTo(2);
      Episode episode = new SearchService(index).episode(KERA.id());
      assertThat(episode.turns()).hasSize(2); // the last read of a copy wins
      assertThat(sources(episode)).containsExactly(corrected.id() + " KERA " + KERA_URL);
    }
  }

  @Test
  void anIdenticalCopyOnAnotherSiteIsOneMoreSource() throws Exception {
    Transcript kuow = Stories.original("KUOW", "https://www.kuow.org/npr-news/2014-03-30/1");
    assertThat(kuow.id()).isEqualTo(KERA.id());
    try (TranscriptIndex index = TranscriptIndex.openWritable(temp.resolve("index"), TestIndexes.PIPELINE.schema())) {
      IngestSummary summary = ingest(index, KERA, kuow, KERA);
      assertThat(summary.transcripts()).isEqualTo(1);
      assertThat(summary.mirrors()).isEqualTo(1); // the same story on another site
      assertThat(summary.duplicates()).isEqualTo(1); // the same copy twice
      assertThat(new SearchService(index).episode(onlyId(index)).sources())
          .extracting(Source::site)
          .containsExactlyInAnyOrder("KERA", "KUOW");
    }
  }

  @Test
  void sourcesListedInCanonicalJsonAreKeptOnImport() throws Exception {
    Source kuow = new Source("0123456789abcdef", "KUOW", "https://www.kuow.org/1", MONDAY);
    Transcript listed = KERA.withIdAndSources(KERA.id(), List.of(kuow, new Source(KERA.id(), "KERA", KERA_URL, null)));
    try (TranscriptIndex index = TranscriptIndex.openWritable(temp.resolve("index"), TestIndexes.PIPELINE.schema())) {
      IngestSummary summary = ingest(index, listed);
      assertThat(summary.mirrors()).isEqualTo(1);
      List<Source> sources = new SearchService(index).episode(KERA.id()).sources();
      assertThat(sources.get(0)).isEqualTo(kuow);
      assertThat(sources.get(1).site()).isEqualTo("KERA");
      assertThat(sources.get(1).firstSeen()).isNotNull();
    }
  }

  @Test
  void distinctStoriesOnTheSameSubjectStayApart() throws Exception {
    Transcript other = Stories.sameSubject("KERA", "https://www.keranews.org/npr-news/2014-03-14/london");
    assertThat(SpeechSignature.of(KERA).jaccard(SpeechSignature.of(other))).isLessThan(0.1);
    try (TranscriptIndex index = TranscriptIndex.openWritable(temp.resolve("index"), TestIndexes.PIPELINE.schema())) {
      IngestSummary summary = ingest(index, KERA, other);
      assertThat(summary.transcripts()).isEqualTo(2);
      assertThat(summary.mirrors()).isZero();
      assertThat(transcripts(index)).isEqualTo(2);
    }
  }
}
