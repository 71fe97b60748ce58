package org.transcriptsearch.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transcriptsearch.TestIndexes;
import org.transcriptsearch.generate.CorpusGenerator;
import org.transcriptsearch.generate.JsonlWriter;
import org.transcriptsearch.index.TranscriptIndex;
import org.transcriptsearch.model.Role;
import org.transcriptsearch.model.Transcript;
import org.transcriptsearch.model.Turn;
import org.transcriptsearch.search.SearchRequest;
import org.transcriptsearch.search.SearchService;
import org.transcriptsearch.topics.Topic;
import org.transcriptsearch.topics.TopicTaxonomy;

/**
 * Ranking quality on judged queries: nDCG@10 over the bundled corpus (40 queries judged by hand, {@code
 * judgments/bundled.tsv}) and over a generated corpus (queries judged by rule from the generated transcripts
 * themselves: a place and the turns that name it or its people, graded by how often and how substantively; a
 * newsmaker and a place, and the newsmaker's own turns that name it). Prints the figures the README quotes; fails if they fall below what was measured.
 *
 * <p>Run: {@code mvn -B -ntp -q test -Dtest=RankingQualityTest}.
 */
class RankingQualityTest {
  static final int K = 10;
  static final int GENERATED = 200;
  static final long SEED = 17;
  static final List<String> PLACES =
      List.of("Syria", "Russia", "Ukraine", "Iran", "China", "Iraq", "Israel", "Afghanistan", "Mexico", "Germany");

  /** A turn shorter than this is a one-line courtesy ("Thank you, Audie."), counted when it reaches a top ten. */
  static final int COURTESY_WORDS = 6;

  @TempDir Path dir;
  private int shortHits;
  private int allHits;

  @Test
  void judgedQueriesRankWhatAJournalistWants() throws Exception {
    Map<String, Map<String, Integer>> bundled = readJudgments(Path.of("src/test/resources/judgments/bundled.tsv"));
    double bundledScore;
    try (TranscriptIndex index = TestIndexes.build(dir.resolve("bundled"), TestIndexes.SAMPLE_CORPUS)) {
      bundledScore = meanNdcg(new SearchService(index), bundled, "bundled");
    }
    Path corpus = dir.resolve("generated");
    Map<String, Map<String, Integer>> generated = generate(corpus);
    double generatedScore;
    try (TranscriptIndex index = TestIndexes.build(dir.resolve("generated-index"), corpus)) {
      generatedScore = meanNdcg(new SearchService(index), generated, "generated");
    }
    System.out.printf(
        Locale.ROOT, "nDCG@%d: bundled %.3f (%d queries), generated %.3f (%d queries); turns under %d words in the"
            + " top %d: %d of %d%n",
        K, bundledScore, bundled.size(), generatedScore, generated.size(), COURTESY_WORDS, K, shortHits, allHits);
    assertThat(bundled).hasSizeGreaterThanOrEqualTo(40);
    assertThat(bundledScore).isGreaterThan(0.85);
    assertThat(generatedScore).isGreaterThan(0.75);
  }

  private double meanNdcg(SearchService search, Map<String, Map<String, Integer>> judged, String set)
      throws IOException {
    double sum = 0;
    for (var e : judged.entrySet()) {
      List<String> ranked = new ArrayList<>();
      try {
        var response = search.search(SearchRequest.builder().query(e.getKey()).size(K).build());
        response.hits().forEach(h -> ranked.add(h.id()));
        allHits += response.hits().size();
        shortHits += (int) response.hits().stream().filter(h -> h.text().split("\\s+").length < COURTESY_WORDS).count();
      } catch (RuntimeException failed) {
        // a query the engine refuses scores 0
      }
      double ndcg = ndcg(ranked, e.getValue());
      if (Boolean.getBoolean("ranking.verbose")) {
        System.out.printf(Locale.ROOT, "%s %.3f %s%n", set, ndcg, e.getKey());
      }
      sum += ndcg;
    }
    return sum / judged.size();
  }

  static double ndcg(List<String> ranked, Map<String, Integer> grades) {
    double dcg = 0;
    for (int i = 0; i < Math.min(K, ranked.size()); i++) {
      dcg += gain(grades.getOrDefault(ranked.get(i), 0)) / log2(i + 2);
    }
    List<Integer> ideal = grades.values().stream().sorted((a, b) -> b - a).toList();
    double idcg = 0;
    for (int i = 0; i < Math.min(K, ideal.size()); i++) {
      idcg += gain(ideal.get(i)) / log2(i + 2);
    }
    return idcg == 0 ? 0 : dcg / idcg;
  }

  private static double gain(int grade) {
    return Math.pow(2, grade) - 1;
  }

  private static double log2(int x) {
    return Math.log(x) / Math.log(2);
  }

  private static Map<String, Map<String, Integer>> readJudgments(Path file) throws IOException {
    Map<String, Map<String, Integer>> judged = new LinkedHashMap<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] columns = line.split("\t");
      Map<String, Integer> grades = new LinkedHashMap<>();
      for (String judged1 : columns[1].trim().split("\\s+")) {
        String[] idGrade = judged1.split("=");
        String id = idGrade[0].replace("A-", "31d3c47a04e0fcb9-").replace("B-", "4f0379af3b64a524-");
        grades.put(id, Integer.parseInt(idGrade[1]));
      }
      judged.put(columns[0], grades);
    }
    return judged;
  }

  /** Writes the generated corpus into {@code dir} and judges its queries by rule. */
  private static Map<String, Map<String, Integer>> generate(Path dir) throws IOException {
    Files.createDirectories(dir);
    CorpusGenerator generator = new CorpusGenerator(SEED);
    List<Transcript> transcripts = new ArrayList<>();
    try (JsonlWriter out = new JsonlWriter(dir)) {
      for (int i = 0; i < GENERATED; i++) {
        Transcript t = generator.transcript(i);
        transcripts.add(t);
        out.write(i, t);
      }
    }
    TopicTaxonomy taxonomy = TopicTaxonomy.bundled();
    Map<String, Map<String, Integer>> judged = new LinkedHashMap<>();
    for (String place : PLACES) {
      Pattern named = placeAndPeople(taxonomy.topic(place).orElseThrow());
      Map<String, Integer> grades = new LinkedHashMap<>();
      List<String[]> newsmakers = new ArrayList<>();
      for (Transcript t : transcripts) {
        for (Turn turn : t.turns()) {
          long mentions = named.matcher(turn.text()).results().count();
          if (mentions > 0) {
            int words = turn.text().split("\\s+").length;
            grades.put(t.id() + "-" + turn.n(), words < 12 ? 1 : mentions > 1 ? 3 : 2);
            if (turn.speaker().role() == Role.GUEST && turn.speaker().name().split(" ").length >= 2) {
              newsmakers.add(new String[] {turn.speaker().name(), t.id() + "-" + turn.n()});
            }
          }
        }
      }
      if (!grades.isEmpty()) {
        judged.put(place.toLowerCase(Locale.ROOT), grades);
      }
      if (!newsmakers.isEmpty()) {
        String name = newsmakers.get(0)[0];
        Map<String, Integer> own = new LinkedHashMap<>();
        for (Transcript t : transcripts) {
          for (Turn turn : t.turns()) {
            boolean place1 = named.matcher(turn.text()).find();
            if (place1 && turn.speaker().name().equals(name)) {
              own.put(t.id() + "-" + turn.n(), 3);
            } else if (place1 && turn.text().contains(name)) {
              own.put(t.id() + "-" + turn.n(), 1);
            }
          }
        }
        // The generator gives many people one surname, so the question names the person in full.
        judged.put("what has " + name + " said about " + place, own);
      }
    }
    return judged;
  }

  /** The place's name and its demonyms (aliases written like the name), as whole words. */
  private static Pattern placeAndPeople(Topic topic) {
    List<String> forms = new ArrayList<>(List.of(Pattern.quote(topic.name())));
    String stem = topic.name().substring(0, Math.min(4, topic.name().length()));
    topic.aliases().stream()
        .filter(a -> a.startsWith(stem) && a.chars().allMatch(Character::isLetter))
        .forEach(a -> forms.add(Pattern.quote(a)));
    return Pattern.compile("(?<![\\p{L}])(?:" + String.join("|", forms) + ")(?![\\p{L}])");
  }
}
