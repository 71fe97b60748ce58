package org.transcriptsearch.topics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tags the raw text of a bundled sample page, independently of any parser. */
class SeedTranscriptTest {
  private static final Path SEED = Path.of("index-data/transcripts/003_eb3c53ebfe28291d.txt");

  @Test
  void seedStoryMentionsCrimeaUkraineRussiaSyriaAndFrance() throws Exception {
    String text = Files.readString(SEED, StandardCharsets.UTF_8);
    TopicTagger tagger = new TopicTagger(TopicTaxonomy.bundled());
    assertThat(tagger.mentioned(text)).contains("Crimea", "Ukraine", "Russia", "Syria", "France")
        .doesNotContain("Georgia", "Korean Peninsula");
    Map<String, Integer> counts = tagger.counts(text);
    // Ukraine: 11 + Ukrainian(s) 4 + Kiev 1 + Deshtitsa 2, plus 5 through Crimea; France: Paris 8 + French 1.
    assertThat(counts.get("Ukraine")).isEqualTo(23);
    assertThat(counts.get("France")).isEqualTo(9);
  }
}
