package org.transcriptsearch.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transcriptsearch.model.Attribution;
import org.transcriptsearch.model.Transcript;
import org.transcriptsearch.model.Turn;

class PageWriterTest {
  private static final int PAGES = 600;
  private static List<Transcript> transcripts;
  private static List<String> pages;

  @BeforeAll
  static void write(@TempDir Path dir) throws IOException {
    transcripts = CorpusGeneratorTest.take(new CorpusGenerator(31), PAGES);
    writeAll(dir, 31);
    pages = transcripts.stream().map(t -> read(dir.resolve(PageWriter.fileName(transcripts.indexOf(t), t)))).toList();
  }

  @Test
  void oneFilePerTranscriptNamedByIndexAndId(@TempDir Path dir) throws IOException {
    List<Transcript> few = transcripts.subList(0, 12);
    try (PageWriter writer = new PageWriter(dir, 1)) {
      for (int i = 0; i < few.size(); i++) {
        writer.write(i, few.get(i));
      }
      assertThat(writer.files()).isEqualTo(12);
    }
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
          .hasSize(12)
          .allMatch(name -> name.matches("\\d{6}_[0-9a-f]{16}\\.txt"))
          .first().isEqualTo("000000_" + few.get(0).id() + ".txt");
    }
  }

  @Test
  void sameSeedWritesIdenticalPages(@TempDir Path a, @TempDir Path b) throws IOException {
    List<Transcript> few = transcripts.subList(0, 20);
    write(a, few, 5);
    write(b, few, 5);
    for (int i = 0; i < few.size(); i++) {
      String name = PageWriter.fileName(i, few.get(i));
      assertThat(Files.readAllBytes(a.resolve(name))).isEqualTo(Files.readAllBytes(b.resolve(name)));
    }
  }

  @Test
  void pagesShowEveryHeaderAndFooterVariation() {
    assertThat(countPages("© 2024 ")).isBetween(PAGES / 2L, PAGES * 8L / 10);
    assertThat(countPages("Play Live Radio\nNext Up:\n0:00 0:00\nAvailable On Air Stations")).isPositive();
    assertThat(countPages("0:00\n0:00\n0:00\n")).isPositive();
    assertThat(countPages("\nOriginally published on ")).isPositive();
    assertThat(countPages("We Get Support From:\nBecome a Supporter\n")).isPositive();
    assertThat(countPages("\n• Playlist\n• Download\n• Embed\n<iframe")).isBetween(PAGES / 10L, PAGES * 3L / 10);
    assertThat(countPages("For personal, noncommercial use only")).isPositive();
    assertThat(countPages("NPR transcripts are created on a rush deadline")).isPositive();
    assertThat(countPages("\nTags\n")).isPositive();
    assertThat(countPages(" is a correspondent on NPR's ")).isPositive();
    assertThat(countPages("Donate today to keep stories like this one coming.")).isPositive();
    assertThat(countPages(" Transcript provided by NPR, Copyright NPR.")).isBetween(PAGES * 45L / 100, PAGES * 7L / 10);
    assertThat(pages).noneMatch(p -> p.contains("\nTranscript provided by NPR"));
  }

  @Test
  void pagesShowEveryLabelAndCueVariation() {
    assertThat(countPages(", HOST: ")).isPositive();
    assertThat(countPages(", HOST:\n")).isPositive();
    assertThat(countPages(", host:")).isPositive();
    assertThat(countPages(", BYLINE: ")).isPositive();
    assertThat(pages).anyMatch(p -> p.matches("(?s).*\n(Mr\\.|Ms\\.|Dr\\.|Professor) [A-Z .'-]+ \\([^)]+\\): .*"));
    assertThat(pages).anyMatch(p -> p.matches("(?s).*\n(PRESIDENT|SECRETARY|FOREIGN MINISTER|SENATOR) [A-Z .'-]+: .*"));
    assertThat(countPages("UNIDENTIFIED ")).isPositive();
    assertThat(countPages("Unidentified ")).isPositive();
    assertThat(countPages(" (Caller): ")).isPositive();
    assertThat(countPages("\n(SOUNDBITE OF ")).isPositive();
    assertThat(countPages("\n(Soundbite of ")).isPositive();
    assertThat(countPages(": (Through interpreter) ")).isPositive();
    assertThat(countPages(" (ph)")).isPositive();
    assertThat(countPages("\nAnd I'm ")).isPositive();
    assertThat(countPages(". And I'm ")).isPositive();
  }

  /** About half of real pages open with the host's unlabelled paragraph; some only print "SURNAME:" for the host. */
  @Test
  void aboutHalfOfPagesOpenUnlabelled() {
    long unlabelled = transcripts.stream().filter(t -> t.turns().get(0).attribution() == Attribution.INFERRED).count();
    assertThat(unlabelled).isBetween(PAGES * 35L / 100, PAGES * 65L / 100);
    long surnameOnly = transcripts.stream().filter(PageWriterTest::hostKnownOnlyBySurname).count();
    assertThat(surnameOnly).isPositive();
  }

  @Test
  void everyTurnIsPrintedWithItsLabelAndSpeech() {
    for (int i = 0; i < PAGES; i++) {
      String page = pages.get(i);
      for (Turn turn : transcripts.get(i).turns()) {
        if (turn.speaker().label() != null) {
          assertThat(page).contains(turn.speaker().label() + ":");
        }
        for (String paragraph : turn.text().split("\n\n")) {
          // "(ph)" may follow the first sentence's last word, so compare only the words before its end.
          String start = paragraph.substring(0, Math.min(25, firstSentenceEnd(paragraph)));
          assertThat(page).contains(start);
        }
        turn.cues().forEach(cue -> assertThat(page).contains(cue));
      }
    }
  }

  private static boolean hostKnownOnlyBySurname(Transcript t) {
    Turn first = t.turns().get(0);
    return first.attribution() == Attribution.INFERRED
        && t.turns().stream().filter(turn -> turn.speaker().name().equals(first.speaker().name()))
            .allMatch(turn -> turn.speaker().label() == null || !turn.speaker().label().contains(" "));
  }

  private static int firstSentenceEnd(String paragraph) {
    for (int i = 0; i < paragraph.length(); i++) {
      if (".?!".indexOf(paragraph.charAt(i)) >= 0) {
        return i;
      }
    }
    return paragraph.length();
  }

  private static long countPages(String fragment) {
    return pages.stream().filter(p -> p.contains(fragment)).count();
  }

  private static void writeAll(Path dir, long seed) throws IOException {
    write(dir, transcripts, seed);
  }

  private static void write(Path dir, List<Transcript> list, long seed) throws IOException {
    try (PageWriter writer = new PageWriter(dir, seed)) {
      for (int i = 0; i < list.size(); i++) {
        writer.write(i, list.get(i));
      }
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
