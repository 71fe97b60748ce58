package org.transcriptsearch.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.transcriptsearch.http.ServedIndex.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.JavalinTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The query layer over the real HTTP app: parameters as people write them, and what the response says. */
class QueryApiTest {
  @RegisterExtension static final ServedIndex served = new ServedIndex(Path.of("src", "test", "resources", "fixtures", "questions.jsonl"));



  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Test
  void yearsAndMonthsAreDatesAndSynonymsAreAccepted() {
    JavalinTest.test(served.api().create(), (server, client) -> {
      assertThat(json(client, "/api/search?from=2014&to=2014", 200).get("total").asInt()).isEqualTo(7);
      assertThat(json(client, "/api/search?from=2015-01&to=2015-01", 200).get("total").asInt()).isEqualTo(4);
      assertThat(json(client, "/api/search?q=" + enc("date:[2014-01-01 TO 2014-12-31]"), 200).get("total").asInt())
          .isEqualTo(7);
      assertThat(json(client, "/api/search?role=reporter", 200).get("total").asInt())
          .isEqualTo(json(client, "/api/search?q=" + enc("role:reporter"), 200).get("total").asInt())
          .isEqualTo(4);
      assertThat(json(client, "/api/search?program=ATC", 200).get("total").asInt()).isEqualTo(7);
      assertThat(json(client, "/api/search?from=yesterday", 400).get("detail").asText())
          .contains("from must be a day (2016-02-12), a month (2016-02) or a year (2016)");
      assertThat(json(client, "/api/search?exact=maybe", 400).get("detail").asText()).contains("exact must be true or false");
    });
  }

  @Test
  void theResponseSaysHowTheQueryWasRead() {
    JavalinTest.test(served.api().create(), (server, client) -> {
      JsonNode r = json(client, "/api/search?q=" + enc("what has Lavrov said about Crimea"), 200);
      assertThat(r.get("interpreted").get("speaker").asText()).isEqualTo("Sergey Lavrov");
      assertThat(r.get("interpreted").get("words").get(0).asText()).isEqualTo("Crimea");
      assertThat(r.get("hits").get(0).get("speaker").get("name").asText()).isEqualTo("Sergey Lavrov");
      JsonNode literal = json(client, "/api/search?literal=true&q=" + enc("what has Lavrov said about Crimea"), 200);
      assertThat(literal.get("interpreted").isNull()).isTrue();
      assertThat(literal.get("total").asInt()).isEqualTo(2);
      JsonNode kyiv = json(client, "/api/search?q=kyiv", 200);
      assertThat(kyiv.get("query").get("expansions").get(0).get("variants").get(0).asText()).isEqualTo("Kiev");
      assertThat(json(client, "/api/search?q=kyiv&exact=true", 200).get("total").asInt()).isEqualTo(1);
    });
  }

  @Test
  void anEmptyAnswerOffersWhatWouldFindSomething() {
    JavalinTest.test(served.api().create(), (server, client) -> {
      JsonNode r = json(client, "/api/search?q=" + enc("speaker:michelle"), 200);
      assertThat(r.get("total").asInt()).isZero();
      assertThat(r.get("didYouMean").get(0).get("message").asText()).startsWith("did you mean Michele Kelemen");
      JsonNode without = json(client, "/api/search?q=firewood&speaker=kelemen", 200);
      assertThat(without.get("help").get(0).get("params").get("speaker").asText()).isEmpty();
      assertThat(without.get("help").get(0).get("hits").asInt()).isEqualTo(1);
    });
  }

  @Test
  void whoSaidTheMostTakesEveryFilter() {
    JavalinTest.test(served.api().create(), (server, client) -> {
      JsonNode all = json(client, "/api/speakers?about=" + enc("city OR gdansk OR nobody") + "&quotes=0", 200);
      assertThat(all.get("speakers")).hasSize(4);
      JsonNode people =
          json(client, "/api/speakers?about=" + enc("city OR gdansk OR nobody") + "&hosts=false&unidentified=false", 200);
      assertThat(people.get("speakers")).hasSize(1);
      assertThat(people.get("speakers").get(0).get("name").asText()).isEqualTo("Lech Wałęsa");
      JsonNode guests = json(client, "/api/speakers?about=crimea&role=guest", 200);
      assertThat(guests.get("speakers")).hasSize(1);
      assertThat(guests.get("speakers").get(0).get("name").asText()).isEqualTo("Sergey Lavrov");
    });
  }
}
