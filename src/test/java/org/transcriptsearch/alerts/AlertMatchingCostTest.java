package org.transcriptsearch.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.transcriptsearch.TestIndexes;
import org.transcriptsearch.generate.CorpusGenerator;
import org.transcriptsearch.generate.Vocabulary;
import org.transcriptsearch.index.TranscriptIndex;
import org.transcriptsearch.ingest.Enricher;
import org.transcriptsearch.model.Transcript;
import org.transcriptsearch.search.SearchRequest;
import org.transcriptsearch.search.SearchService;
import org.transcriptsearch.topics.Topic;
import org.transcriptsearch.topics.TopicTaxonomy;

/**
 * Measures what matching costs per new transcript with 1,000 and 10,000 alerts (figures in the README), one
 * transcript at a time (a POST of one) and in batches of {@link AlertService#BATCH} (a bulk {@code index
 * --server}), and, for comparison, running every alert without the presearch. Prints figures; asserts only that
 * the presearch found what running every alert found. Run with
 * {@code mvn -B -ntp -Pslow test -Dtest=AlertMatchingCostTest}.
 */
@Tag("slow")
class AlertMatchingCostTest {
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
  private static final int TRANSCRIPTS = 200;
  private static final int WARM_UP = 40;

  @Test
  void costPerTranscriptWithOneAndTenThousandAlerts() throws Exception {
    List<AlertMatcher.Indexed> news = transcripts(TRANSCRIPTS + WARM_UP);
    double turns = news.stream().mapToInt(t -> t.transcript().turns().size()).average().orElse(0);
    System.out.printf("%d generated transcripts of %.1f turns on average%n", TRANSCRIPTS, turns);
    measure("no alert", 0, new AlertMatcher(TestIndexes.PIPELINE.schema()), news);
    for (int alerts : new int[] {1_000, 10_000}) {
      AlertMatcher matcher = matcher(alerts, true);
      measure("presearch", alerts, matcher, news);
      if (alerts == 1_000) {
        AlertMatcher everyAlert = matcher(alerts, false);
        measure("every alert run", alerts, everyAlert, news);
        List<AlertMatcher.Indexed> some = news.subList(0, 20);
        assertThat(matcher.match(some, NOW).entries().keySet())
            .isEqualTo(everyAlert.match(some, NOW).entries().keySet());
      }
    }
  }

  private static void measure(String how, int alerts, AlertMatcher matcher, List<AlertMatcher.Indexed> news)
      throws Exception {
    for (AlertMatcher.Indexed one : news.subList(0, WARM_UP)) {
      matcher.match(List.of(one), NOW);
    }
    List<AlertMatcher.Indexed> measured = news.subList(WARM_UP, news.size());
    int runs = how.startsWith("every") ? 40 : measured.size();
    double[] millis = new double[runs];
    long matches = 0;
    for (int i = 0; i < runs; i++) {
      long t0 = System.nanoTime();
      matches += matcher.match(List.of(measured.get(i)), NOW).entries().size();
      millis[i] = (System.nanoTime() - t0) / 1e6;
    }
    Arrays.sort(millis);
    long t0 = System.nanoTime();
    matcher.match(measured, NOW);
    double batched = (System.nanoTime() - t0) / 1e6 / measured.size();
    System.out.printf(
        "%,6d alerts, %-15s: one at a time %.1f ms per transcript (median %.1f, p95 %.1f), %.1f alerts matched per"
            + " transcript; in a batch of %d: %.2f ms per transcript%n",
        alerts, how, Arrays.stream(millis).average().orElse(0), millis[runs / 2], millis[(int) (runs * 0.95)],
        (double) matches / runs, measured.size(), batched);
  }

  private static List<AlertMatcher.Indexed> transcripts(int count) {
    CorpusGenerator generator = new CorpusGenerator(7);
    Enricher enricher = TestIndexes.PIPELINE.enricher();
    List<AlertMatcher.Indexed> news = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Transcript read = generator.next();
      Enricher.Enriched enriched = enricher.enrich(read);
      news.add(new AlertMatcher.Indexed(enriched.transcript(), enriched.turnTopics()));
    }
    return news;
  }

  /**
   * {@code count} alerts as a newsroom writes them, on the people, places and subjects of the topic taxonomy (which
   * the generator mentions at realistic rates) and on names the corpus never holds (the long tail of a beat): 40%
   * a topic's name, 20% a topic and a common word, 10% a topic's name as a phrase, 20% a name not in the corpus, 5%
   * a topic said by a named speaker, 5% a prefix wildcard (which every transcript must run).
   */
  private static AlertMatcher matcher(int count, boolean presearch) throws Exception {
    Vocabulary words = Vocabulary.bundled();
    List<String> topics = TopicTaxonomy.bundled().topics().stream().map(Topic::name).toList();
    SplittableRandom rng = new SplittableRandom(count);
    SearchService parser = new SearchService(TranscriptIndex.inMemory(TestIndexes.PIPELINE.schema()));
    AlertMatcher matcher = new AlertMatcher(TestIndexes.PIPELINE.schema());
    for (int i = 0; i < count; i++) {
      int kind = rng.nextInt(100);
      String topic = topics.get(rng.nextInt(topics.size()));
      String q = kind < 40 ? topic
          : kind < 60 ? topic + " " + word(words, rng)
          : kind < 70 ? "\"" + topic + "\""
          : kind < 90 ? "zq" + Integer.toString(rng.nextInt(1_000_000), 36)
          : kind < 95 ? topic
          : prefix(topic) + "*";
      List<String> speaker = kind >= 90 && kind < 95 ? List.of("Jane Doe") : null;
      Alert alert = new Alert("a" + i, "alert " + i, q, speaker, null, null, null, null, null, null, "t", NOW);
      AlertTerms terms = presearch ? AlertTerms.of(parser.query(alert.search(1, null))) : AlertTerms.ANY;
      matcher.add(new AlertMatcher.Compiled(alert, terms, null));
    }
    return matcher;
  }

  private static String prefix(String topic) {
    String first = topic.split("[^\\p{L}]+")[0];
    return first.length() < 3 ? "stat" : first.substring(0, Math.min(4, first.length())).toLowerCase();
  }

  private static String word(Vocabulary words, SplittableRandom rng) {
    String word;
    do {
      word = words.word(rng.nextInt(words.size()));
    } while (word.length() < 4);
    return word;
  }
}
