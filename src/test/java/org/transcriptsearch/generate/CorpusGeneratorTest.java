package org.transcriptsearch.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.transcriptsearch.model.Attribution;
import org.transcriptsearch.model.Role;
import org.transcriptsearch.model.Transcript;
import org.transcriptsearch.model.TranscriptIds;
import org.transcriptsearch.model.Turn;
import org.transcriptsearch.topics.TopicTagger;
import org.transcriptsearch.topics.TopicTaxonomy;

class CorpusGeneratorTest {
  private static final int SAMPLE = 2_000;
  private static List<Transcript> corpus;
  private static final TopicTagger TAGGER = new TopicTagger(TopicTaxonomy.bundled());

  @BeforeAll
  static void generate() {
    corpus = take(new CorpusGenerator(42), SAMPLE);
  }

  static List<Transcript> take(CorpusGenerator generator, int n) {
    List<Transcript> list = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      list.add(generator.next());
    }
    return list;
  }

  @Test
  void sameSeedGivesSameTranscripts() {
    assertThat(take(new CorpusGenerator(7), 50)).isEqualTo(take(new CorpusGenerator(7), 50));
  }

  @Test
  void anyTranscriptCanBeDrawnDirectlyAndInParallel() {
    CorpusGenerator generator = new CorpusGenerator(42);
    List<Transcript> parallel =
        java.util.stream.IntStream.range(0, 100).parallel().mapToObj(generator::transcript).toList();
    assertThat(parallel).isEqualTo(corpus.subList(0, 100));
    assertThat(generator.transcript(1_999)).isEqualTo(corpus.get(1_999));
  }

  @Test
  void otherSeedGivesOtherTranscripts() {
    List<String> a = take(new CorpusGenerator(7), 50).stream().map(Transcript::id).toList();
    List<String> b = take(new CorpusGenerator(8), 50).stream().map(Transcript::id).toList();
    assertThat(a).doesNotContainAnyElementsOf(b);
  }

  @Test
  void idsAreThoseOfTitleAndSpeechAndUnique() {
    Set<String> ids = new HashSet<>();
    for (Transcript t : corpus) {
      assertThat(t.id()).isEqualTo(TranscriptIds.of(t.title(), t.turns()));
      ids.add(t.id());
    }
    assertThat(ids).hasSize(SAMPLE);
  }

  @Test
  void turnsPerTranscriptAverageAboutThirtyWithALongTail() {
    double mean = corpus.stream().mapToInt(t -> t.turns().size()).average().orElseThrow();
    int max = corpus.stream().mapToInt(t -> t.turns().size()).max().orElseThrow();
    long short_ = corpus.stream().filter(t -> t.turns().size() <= 10).count();
    System.out.printf(Locale.ROOT, "turns per transcript: mean %.1f, max %d, <=10: %d%n", mean, max, short_);
    assertThat(mean).isBetween(25.0, 35.0);
    assertThat(max).isGreaterThan(100);
    assertThat(short_).isGreaterThan(SAMPLE / 20);
  }

  @Test
  void wordsPerTurnAverageAboutFortyWithALongTail() {
    long turns = 0;
    long words = 0;
    int longest = 0;
    for (Transcript t : corpus) {
      for (Turn turn : t.turns()) {
        int w = words(turn.text());
        turns++;
        words += w;
        longest = Math.max(longest, w);
      }
    }
    double mean = (double) words / turns;
    System.out.printf(Locale.ROOT, "words per turn: mean %.1f, longest %d%n", mean, longest);
    assertThat(mean).isBetween(33.0, 47.0);
    assertThat(longest).isGreaterThan(400);
  }

  @Test
  void datesSpanTheYears1999To2024() {
    Set<Integer> years = new HashSet<>();
    for (Transcript t : corpus) {
      assertThat(t.date()).isBetween(LocalDate.of(1999, 1, 1), LocalDate.of(2024, 12, 31));
      years.add(t.date().getYear());
    }
    assertThat(years).hasSize(26);
  }

  @Test
  void everyRoleAndAttributionOccurs() {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    Set<Attribution> attributions = EnumSet.noneOf(Attribution.class);
    corpus.forEach(t -> t.turns().forEach(turn -> {
      roles.add(turn.speaker().role());
      attributions.add(turn.attribution());
    }));
    // The generator writes NPR-style stories, which have no network analysts or announcers.
    assertThat(roles)
        .containsExactlyInAnyOrder(Role.HOST, Role.CORRESPONDENT, Role.GUEST, Role.CALLER, Role.UNIDENTIFIED);
    assertThat(attributions).contains(Attribution.LABELLED, Attribution.INFERRED, Attribution.SELF_INTRODUCED);
  }

  /**
   * Realistic shares: half the stories are domestic; Syria leads some foreign stories from 2011 and is mentioned in
   * passing in others, so it should appear in a few percent of transcripts, never in most.
   */
  @Test
  void topicsAndNewsmakersAreMentionedAtRealisticRates() {
    double syria = share(t -> TAGGER.mentioned(allText(t)).contains("Syria"));
    double crimea = share(t -> TAGGER.mentioned(allText(t)).contains("Crimea"));
    double kerry = share(t -> allText(t).toLowerCase(Locale.ROOT).contains("kerry"));
    double anyTopic = share(t -> !TAGGER.mentioned(allText(t)).isEmpty());
    System.out.printf(Locale.ROOT, "share mentioning Syria %.3f, Crimea %.3f, Kerry %.3f, any topic %.3f%n",
        syria, crimea, kerry, anyTopic);
    assertThat(syria).isBetween(0.01, 0.15);
    assertThat(crimea).isBetween(0.002, 0.05);
    assertThat(kerry).isBetween(0.002, 0.08);
    assertThat(anyTopic).isBetween(0.4, 0.85);
  }

  @Test
  void aStoryMentionsItsMainTopicRepeatedly() {
    long foreign = corpus.stream().filter(t -> !t.topics().isEmpty()).count();
    long tagged = corpus.stream()
        .filter(t -> !t.topics().isEmpty())
        .filter(t -> TAGGER.mainTopics(t).contains(t.topics().get(0)))
        .count();
    assertThat(foreign).isBetween(SAMPLE * 35L / 100, SAMPLE * 65L / 100);
    assertThat((double) tagged / foreign).isGreaterThan(0.9);
  }

  @Test
  void hostsBelongToTheirProgramsInTheirYears() {
    Programs programs = new Programs();
    for (Transcript t : corpus) {
      Programs.Program program =
          programs.all().stream().filter(p -> p.name().equals(t.program())).findFirst().orElseThrow();
      Set<String> hosts = new HashSet<>();
      program.hostsIn(t.date().getYear()).forEach(h -> hosts.add(h.name()));
      hosts.add(Programs.FRESH_AIR_GUEST_HOST);
      t.turns().stream()
          .filter(turn -> turn.speaker().role() == Role.HOST)
          .forEach(turn -> assertThat(hosts).as(t.program() + " " + t.date()).contains(turn.speaker().name()));
    }
  }

  @Test
  void speakersAreAttributableAsAParserWould() {
    for (Transcript t : corpus) {
      Set<String> introduced = new HashSet<>();
      Turn previous = null;
      for (Turn turn : t.turns()) {
        if (previous != null) {
          assertThat(turn.speaker().name()).as("same speaker twice in a row in " + t.id())
              .isNotEqualTo(previous.speaker().name());
        }
        String label = turn.speaker().label();
        switch (turn.attribution()) {
          case LABELLED -> assertThat(label).isNotBlank();
          case INFERRED -> assertThat(turn.n()).isEqualTo(1);
          case SELF_INTRODUCED -> assertThat(turn.text()).startsWith("And I'm " + turn.speaker().name());
          default -> throw new AssertionError("unexpected attribution " + turn.attribution());
        }
        if (label != null && turn.speaker().role() == Role.HOST) {
          assertThat(label.contains(",") || label.equals(surnameLabel(turn))).isTrue();
        }
        introduced.add(turn.speaker().name());
        previous = turn;
      }
    }
  }

  @Test
  void speechIsSentencesWithoutSelfIntroductionsOrCuesInside() {
    Pattern sentence = Pattern.compile("[A-Z][^.?!]*[.?!]");
    for (Transcript t : corpus.subList(0, 200)) {
      for (Turn turn : t.turns()) {
        assertThat(turn.text()).doesNotContain("(").doesNotContain("  ").doesNotStartWith(" ");
        assertThat(turn.text()).matches("(?s)[A-Z].*[.?!]");
        if (turn.n() > 2) {
          assertThat(turn.text()).doesNotContain("I'm");
        }
        String firstSentence = turn.text().split("(?<=[.?!]) ")[0];
        assertThat(sentence.matcher(firstSentence).lookingAt()).isTrue();
      }
    }
  }

  private static String surnameLabel(Turn turn) {
    String name = turn.speaker().name();
    return name.substring(name.lastIndexOf(' ') + 1).toUpperCase(Locale.ROOT);
  }

  private static double share(java.util.function.Predicate<Transcript> p) {
    return (double) corpus.stream().filter(p).count() / corpus.size();
  }

  private static String allText(Transcript t) {
    StringBuilder sb = new StringBuilder(t.title()).append('\n');
    t.turns().forEach(turn -> sb.append(turn.text()).append('\n'));
    return sb.toString();
  }

  static int words(String text) {
    int words = 0;
    boolean inWord = false;
    for (int i = 0; i < text.length(); i++) {
      boolean letter = !Character.isWhitespace(text.charAt(i));
      if (letter && !inWord) {
        words++;
      }
      inWord = letter;
    }
    return words;
  }
}
