package org.transcriptsearch.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.lucene.document.Document;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.ScoreDoc;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transcriptsearch.TestIndexes;
import org.transcriptsearch.generate.CorpusGenerator;
import org.transcriptsearch.generate.MirrorCopies;
import org.transcriptsearch.index.Schema;
import org.transcriptsearch.index.TranscriptIndex;
import org.transcriptsearch.ingest.Enricher;
import org.transcriptsearch.ingest.IngestSummary;
import org.transcriptsearch.model.Json;
import org.transcriptsearch.model.Transcript;

/**
 * The groups do not depend on when the index is committed: the lookups read the last commit plus the groups held
 * in memory since, so a copy finds its story wherever the commits fall between them. Generated mirrors (seed 7,
 * 120 stories, 40% mirrored) in a shuffled order, so the copies of a story lie far apart across commits.
 */
class MirrorGroupsCommitIntervalTest {
  private static final Clock MONDAY = Clock.fixed(Instant.parse("2026-11-30T09:00:00Z"), ZoneOffset.UTC);
  private static final List<Transcript> COPIES = new ArrayList<>();

  @TempDir static Path temp;

  @BeforeAll
  static void generate() {
    CorpusGenerator generator = new CorpusGenerator(7);
    for (int story = 0; story < 120; story++) {
      generator.published(story, 0.4).forEach(copy -> COPIES.add(copy.transcript()));
    }
    Collections.shuffle(COPIES, new Random(7));
  }

  /** Each transcript of the index: its id, the url of the copy whose text it holds, its turns, and its sources. */
  private static Map<String, String> groups(TranscriptIndex index) throws IOException {
    return index.withSearcher(
        view -> {
          Map<String, String> out = new TreeMap<>();
          var searcher = view.searcher();
          for (ScoreDoc hit : searcher.search(new MatchAllDocsQuery(), Integer.MAX_VALUE).scoreDocs) {
            Document doc = searcher.storedFields().document(hit.doc);
            if (doc.get(Schema.SOURCES) != null) {
              int turns = searcher.count(
                  new org.apache.lucene.search.TermQuery(
                      new org.apache.lucene.index.Term(Schema.EPISODE_ID, doc.get(Schema.EPISODE_ID))));
              out.put(doc.get(Schema.EPISODE_ID),
                  doc.get(Schema.URL) + " " + turns + " " + StoredTranscripts.sources(doc));
            }
          }
          return out;
        });
  }

  /** The groups as sets of copies (by source id), whichever copy's id each was written under. */
  private static Set<Set<String>> copySets(TranscriptIndex index) throws IOException {
    Set<Set<String>> out = new java.util.HashSet<>();
    index.withSearcher(
        view -> {
          var searcher = view.searcher();
          for (ScoreDoc hit : searcher.search(new MatchAllDocsQuery(), Integer.MAX_VALUE).scoreDocs) {
            Document doc = searcher.storedFields().document(hit.doc);
            if (doc.get(Schema.SOURCES) != null) {
              Set<String> ids = new TreeSet<>();
              StoredTranscripts.sources(doc).forEach(s -> ids.add(s.id()));
              out.add(ids);
            }
          }
          return null;
        });
    return out;
  }

  private record Run(Map<String, String> groups, Set<Set<String>> copies, long transcripts, long mirrors) {}

  /** Puts every copy in order on one thread, committing after every {@code every} copies and at the end. */
  private static Run putCommittingEvery(int every) throws IOException {
    try (TranscriptIndex index = TranscriptIndex.openWritable(temp.resolve("every-" + every), TestIndexes.PIPELINE.schema())) {
      MirrorGroups groups = new MirrorGroups(index, MONDAY);
      int n = 0;
      for (Transcript copy : COPIES) {
        Enricher.Enriched enriched = TestIndexes.PIPELINE.enricher().enrich(copy);
        groups.put(enriched.transcript(), enriched.turnTopics());
        if (++n % every == 0) {
          groups.commit();
        }
      }
      groups.commit();
      index.refresh();
      return new Run(groups(index), copySets(index), groups.transcripts(), groups.mirrors());
    }
  }

  @Test
  void theGroupsAreTheSameWhateverTheCommitInterval() throws Exception {
    Run once = putCommittingEvery(Integer.MAX_VALUE);
    assertThat(once.mirrors()).isPositive();
    assertThat(once.transcripts() + once.mirrors()).isEqualTo(COPIES.size());
    assertThat(once.groups()).hasSize((int) once.transcripts());
    // Every 1: each copy's story is found in the committed index, none in memory; every 100: mostly in memory.
    for (int every : new int[] {1, 3, 17, 100}) {
      Run run = putCommittingEvery(every);
      assertThat(run.groups()).as("committing every %d copies", every).isEqualTo(once.groups());
      assertThat(run.transcripts()).isEqualTo(once.transcripts());
      assertThat(run.mirrors()).isEqualTo(once.mirrors());
    }
  }

  @Test
  void anIngestRunWithParallelWorkersMakesTheSameGroups() throws Exception {
    Run once = putCommittingEvery(Integer.MAX_VALUE);
    Path file = temp.resolve("copies.jsonl");
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (Transcript copy : COPIES) {
        out.write(Json.mapper().writeValueAsString(copy));
        out.write('\n');
      }
    }
    try (TranscriptIndex index = TranscriptIndex.openWritable(temp.resolve("ingest"), TestIndexes.PIPELINE.schema())) {
      IngestSummary summary = TestIndexes.ingest(index, file);
      index.refresh();
      assertThat(copySets(index)).isEqualTo(once.copies());
      assertThat(summary.transcripts()).isEqualTo(once.transcripts());
      assertThat(summary.mirrors()).isEqualTo(once.mirrors());
    }
  }
}
