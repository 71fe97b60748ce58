package org.transcriptsearch.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.transcriptsearch.http.ServedIndex.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.JavalinTest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Over the real app: an episode lists the sites of its copies; a search folds a soundbite's copies into one hit. */
class MirrorsApiTest {
  private static final Path MIRRORS = Path.of("src", "test", "resources", "fixtures", "mirrors");
  private static final Path SOUNDBITES = Path.of("src", "test", "resources", "fixtures", "soundbites.jsonl");

  @RegisterExtension static final ServedIndex served = new ServedIndex(MIRRORS, SOUNDBITES);


  private static List<String> texts(JsonNode array, String field) {
    List<String> out = new ArrayList<>();
    array.forEach(node -> out.add(node.get(field).asText()));
    return out;
  }

  @Test
  void anEpisodeListsEveryCopyOfItsStory() {
    JavalinTest.test(served.api().create(), (server, client) -> {
      JsonNode hits = json(client, "/api/search?q=kelemen+paris&size=1", 200).get("hits");
      String id = hits.get(0).get("episode").get("id").asText();
      JsonNode episode = json(client, "/api/episodes/" + id, 200);
      assertThat(texts(episode.get("sources"), "site")).containsExactlyInAnyOrder("WKNO FM", "KERA");
      assertThat(texts(episode.get("sources"), "id")).containsExactlyInAnyOrder("31d3c47a04e0fcb9", "bd81c829c415ed1b");
      assertThat(episode.get("sources").get(0).get("firstSeen").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
      assertThat(episode.get("source").asText()).isEqualTo("WKNO FM");
      assertThat(episode.get("turns")).hasSize(13);
    });
  }

  @Test
  void aSearchFoldsTheCopiesOfASoundbiteAndSaysSo() {
    JavalinTest.test(served.api().create(), (server, client) -> {
      JsonNode r = json(client, "/api/search?q=speaker%3Akerry+annexation", 200);
      assertThat(r.get("total").asLong()).isEqualTo(3);
      assertThat(r.get("collapsed").asInt()).isEqualTo(2);
      assertThat(r.get("hits")).hasSize(1);
      JsonNode also = r.get("hits").get(0).get("alsoIn");
      assertThat(also.get("stories").asInt()).isEqualTo(2);
      assertThat(also.get("atLeast").asBoolean()).isFalse();
      assertThat(also.get("collapsed")).hasSize(2);
      JsonNode plain = json(client, "/api/search?q=decree", 200);
      assertThat(plain.get("hits").get(0).has("alsoIn")).isFalse();
    });
  }
}
