package org.transcriptsearch.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.transcriptsearch.http.ServedIndex.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.JavalinTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.transcriptsearch.TestIndexes;

/** {@code facets=} over the real HTTP app: only the dimensions asked for are counted, none for {@code none}. */
class FacetDimensionsApiTest {
  @RegisterExtension static final ServedIndex served = new ServedIndex(TestIndexes.FIXTURE_CORPUS);



  private static List<String> keys(JsonNode node) {
    List<String> out = new ArrayList<>();
    node.fieldNames().forEachRemaining(out::add);
    return out;
  }

  @Test
  void onlyTheDimensionsAskedForAreCountedWithTheSameCountsAsAll() {
    JavalinTest.test(served.api().create(), (server, client) -> {
      JsonNode all = json(client, "/api/search?q=crimea&speaker=lavrov", 200);
      assertThat(keys(all.get("facets"))).containsExactly("speaker", "program", "topic", "role");
      JsonNode some = json(client, "/api/search?q=crimea&speaker=lavrov&facets=topic,speaker", 200);
      assertThat(keys(some.get("facets"))).containsExactly("speaker", "topic");
      assertThat(some.get("facets").get("speaker")).isEqualTo(all.get("facets").get("speaker"));
      assertThat(some.get("facets").get("topic")).isEqualTo(all.get("facets").get("topic"));
      JsonNode repeated = json(client, "/api/search?q=crimea&speaker=lavrov&facets=topic&facets=speaker", 200);
      assertThat(repeated.get("facets")).isEqualTo(some.get("facets"));
      assertThat(some.get("hits")).isEqualTo(all.get("hits"));
      assertThat(some.get("total")).isEqualTo(all.get("total"));
    });
  }

  @Test
  void noneCountsNoFacetsAndKeepsTheExactTotal() {
    JavalinTest.test(served.api().create(), (server, client) -> {
      JsonNode all = json(client, "/api/search?q=crimea", 200);
      JsonNode none = json(client, "/api/search?q=crimea&facets=none", 200);
      assertThat(keys(none.get("facets"))).isEmpty();
      assertThat(none.get("total").asLong()).isEqualTo(all.get("total").asLong()).isPositive();
      assertThat(none.get("totalRelation").asText()).isEqualTo("eq");
      assertThat(none.get("hits")).isEqualTo(all.get("hits"));
      assertThat(none.get("nextCursor")).isEqualTo(all.get("nextCursor"));
    });
  }

  @Test
  void anUnknownDimensionIsRefusedByName() {
    JavalinTest.test(served.api().create(), (server, client) -> {
      JsonNode refused = json(client, "/api/search?q=crimea&facets=speaker,date", 400);
      assertThat(refused.get("detail").asText())
          .isEqualTo("facets must be among speaker, program, topic, role (or none), was 'date'");
    });
  }
}
