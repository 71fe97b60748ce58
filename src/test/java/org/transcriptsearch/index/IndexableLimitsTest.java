package org.transcriptsearch.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transcriptsearch.TestIndexes;
import org.transcriptsearch.model.Attribution;
import org.transcriptsearch.model.Role;
import org.transcriptsearch.model.Speaker;
import org.transcriptsearch.model.Transcript;
import org.transcriptsearch.model.Turn;

/**
 * A transcript Lucene would refuse half-way (an empty facet value, a term over its limit) is refused by the index
 * before anything of it is written, with the field named; long stored-only labels are not limited.
 */
class IndexableLimitsTest {
  @TempDir Path dir;

  private static Transcript transcript(String id, String program, String name, String label) {
    Speaker speaker = new Speaker(name, label, Role.GUEST, null, null);
    return new Transcript(id, "Title", program, null, null, "test", List.of(),
        List.of(new Turn(1, speaker, "Some speech.", Attribution.LABELLED, List.of())));
  }

  @Test
  void unindexableFieldsAreNamedAndNothingIsWritten() throws Exception {
    try (TranscriptIndex index = TestIndexes.build(dir)) {
      assertThatThrownBy(() -> index.put(transcript("a", "Morning Edition", "!!!", null), List.of(List.of())))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("turns[0].speaker.name: '!!!' has no letter or digit: it names nobody");
      assertThatThrownBy(() -> index.put(transcript("b", "p".repeat(40_000), "Ana Ruiz", null), List.of(List.of())))
          .hasMessage("program: 40000 characters, the limit is 200");
      assertThatThrownBy(() -> index.putAll(
              List.of(transcript("c", "Morning Edition", "Ana Ruiz", null), transcript("x".repeat(300), null, "Ana", null)),
              List.of(List.of(List.of()), List.of(List.of()))))
          .hasMessageStartingWith("id: 300 characters, the limit is 200");
      index.refresh();
      assertThat(index.contains("a") || index.contains("b") || index.contains("c")).isFalse();

      index.put(transcript("d", "Morning Edition", "Ana Ruiz", "A".repeat(5_000)), List.of(List.of()));
      index.refresh();
      assertThat(index.contains("d")).isTrue();
    }
  }
}
