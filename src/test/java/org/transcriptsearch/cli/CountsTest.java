package org.transcriptsearch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Counts in the summaries read as people write them: "1 utterance", never "1 utterances". */
class CountsTest {
  @Test
  void oneIsSingularAndEveryOtherCountPlural() {
    assertThat(Counts.of(1, "utterance")).isEqualTo("1 utterance");
    assertThat(Counts.of(0, "utterance")).isEqualTo("0 utterances");
    assertThat(Counts.of(2, "file")).isEqualTo("2 files");
    assertThat(Counts.of(12_500, "utterance")).isEqualTo("12,500 utterances");
  }
}
