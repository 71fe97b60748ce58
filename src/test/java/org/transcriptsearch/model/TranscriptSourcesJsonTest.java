package org.transcriptsearch.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Canonical JSON lists a transcript's sources when it has some, and reads them back; they are optional. */
class TranscriptSourcesJsonTest {
  private static final Turn TURN =
      new Turn(1, new Speaker("Ari Shapiro", null, Role.HOST, null, null), "Hello.", Attribution.INFERRED, List.of());
  private static final Transcript READ =
      new Transcript("a1", "T", null, null, "https://kera.org/1", "KERA", List.of(), List.of(TURN));

  @Test
  void aTranscriptWithoutSourcesPrintsAsBefore() throws Exception {
    assertThat(Json.mapper().writeValueAsString(READ))
        .isEqualTo("{\"id\":\"a1\",\"title\":\"T\",\"program\":null,\"date\":null,\"url\":\"https://kera.org/1\","
            + "\"source\":\"KERA\",\"topics\":[],\"turns\":[{\"n\":1,\"speaker\":{\"name\":\"Ari Shapiro\","
            + "\"label\":null,\"role\":\"host\",\"title\":null,\"affiliation\":null},\"text\":\"Hello.\","
            + "\"attribution\":\"inferred\",\"cues\":[]}]}");
    assertThat(READ.sourcesOrSelf()).containsExactly(new Source("a1", "KERA", "https://kera.org/1", null));
  }

  @Test
  void sourcesRoundTrip() throws Exception {
    Source kuow = new Source("b2", "KUOW", "https://kuow.org/2", Instant.parse("2026-11-30T09:00:00Z"));
    Transcript listed = READ.withIdAndSources("a1", List.of(kuow));
    String json = Json.mapper().writeValueAsString(listed);
    assertThat(json).endsWith(",\"sources\":[{\"id\":\"b2\",\"site\":\"KUOW\",\"url\":\"https://kuow.org/2\","
        + "\"firstSeen\":\"2026-11-30T09:00:00Z\"}]}");
    assertThat(Json.mapper().readValue(json, Transcript.class)).isEqualTo(listed);
  }
}
