package org.transcriptsearch.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transcriptsearch.cli.GenerateCommand;
import org.transcriptsearch.generate.MirrorCopies.Copy;
import org.transcriptsearch.generate.MirrorCopies.Damage;
import org.transcriptsearch.model.Transcript;
import org.transcriptsearch.model.TranscriptIds;
import org.transcriptsearch.model.Turn;
import picocli.CommandLine;

/** Generated mirrors: each kind of damage does what it says, and the output and its truth file are reproducible. */
class MirrorCopiesTest {
  private static final CorpusGenerator GENERATOR = new CorpusGenerator(42);

  private static String words(List<Turn> turns) {
    StringBuilder all = new StringBuilder();
    turns.forEach(t -> all.append(t.text()).append(' '));
    return String.join(" ", all.toString().split("\\s+")).strip();
  }

  /** The first copy, among the first stories, whose only damage is {@code damage}, with its story. */
  private static Copy[] onlyDamage(Damage damage) {
    for (int i = 0; i < 2_000; i++) {
      List<Copy> published = GENERATOR.published(i, 1.0);
      for (Copy copy : published.subList(1, published.size())) {
        if (copy.damage().equals(EnumSet.of(damage)) && published.get(0).transcript().turns().size() > 3) {
          return new Copy[] {published.get(0), copy};
        }
      }
    }
    throw new AssertionError("no copy with only " + damage);
  }

  @Test
  void eachKindOfDamageDoesWhatItSays() {
    Copy[] truncated = onlyDamage(Damage.TRUNCATED);
    List<Turn> story = truncated[0].transcript().turns();
    List<Turn> cut = truncated[1].transcript().turns();
    assertThat(cut.size()).isLessThan(story.size()).isGreaterThanOrEqualTo(2);
    assertThat(cut).isEqualTo(story.subList(0, cut.size()));

    Copy[] lost = onlyDamage(Damage.LOST_LABEL);
    assertThat(lost[1].transcript().turns()).hasSize(lost[0].transcript().turns().size() - 1);
    assertThat(words(lost[1].transcript().turns())).isEqualTo(words(lost[0].transcript().turns()));

    Copy[] teaser = onlyDamage(Damage.TEASER);
    String first = teaser[1].transcript().turns().get(0).text();
    assertThat(first).endsWith("\n\n" + teaser[0].transcript().turns().get(0).text());
    assertThat(words(teaser[0].transcript().turns())).contains(first.substring(0, first.indexOf("\n\n")));

    Copy[] boilerplate = onlyDamage(Damage.BOILERPLATE);
    List<Turn> turns = boilerplate[1].transcript().turns();
    assertThat(turns.get(turns.size() - 1).text()).contains(boilerplate[1].transcript().source());

    Copy[] added = onlyDamage(Damage.PARAGRAPH_ADDED);
    assertThat(added[1].transcript().turns()).hasSameSizeAs(added[0].transcript().turns());
    assertThat(words(added[1].transcript().turns()).split(" ").length - words(added[0].transcript().turns()).split(" ").length)
        .isBetween(25, 55);
  }

  @Test
  void everyCopyIsOnAnotherSiteWithItsOwnAddressAndExactId() {
    for (int i = 0; i < 300; i++) {
      List<Copy> published = GENERATOR.published(i, 0.3);
      Transcript story = published.get(0).transcript();
      assertThat(published.get(0).damage()).isEmpty();
      for (Copy copy : published.subList(1, published.size())) {
        Transcript t = copy.transcript();
        assertThat(t.source()).isNotEqualTo(story.source());
        assertThat(t.url()).isNotEqualTo(story.url()).startsWith("https://");
        assertThat(t.title()).isEqualTo(story.title());
        assertThat(t.id()).isEqualTo(TranscriptIds.of(t.title(), t.turns()));
        if (copy.damage().isEmpty()) {
          assertThat(t.turns()).isEqualTo(story.turns());
        }
      }
    }
  }

  @Test
  void withoutMirrorsTheCorpusIsWhatItWas() {
    for (int i = 0; i < 50; i++) {
      assertThat(GENERATOR.published(i, 0)).extracting(Copy::transcript).containsExactly(GENERATOR.transcript(i));
    }
  }

  @Test
  void theSameSeedWritesTheSameMirrorsAndTruth(@TempDir Path a, @TempDir Path b) throws IOException {
    assertThat(generate(a)).isZero();
    assertThat(generate(b)).isZero();
    for (String name : List.of(JsonlWriter.FILE_NAME, MirrorTruth.FILE_NAME)) {
      assertThat(Files.readAllBytes(a.resolve(name))).as(name).isEqualTo(Files.readAllBytes(b.resolve(name)));
    }
    var copies = org.transcriptsearch.model.Json.mapper().readTree(a.resolve(MirrorTruth.FILE_NAME).toFile()).get("copies");
    List<String> lines = Files.readAllLines(a.resolve(JsonlWriter.FILE_NAME), StandardCharsets.UTF_8);
    assertThat(copies).hasSize(lines.size());
    Set<String> kinds = Set.of("original", "identical", "teaser", "lost_label", "paragraph_added", "truncated",
        "boilerplate");
    int originals = 0;
    for (int i = 0; i < copies.size(); i++) {
      var copy = copies.get(i);
      Transcript t = org.transcriptsearch.model.Json.mapper().readValue(lines.get(i), Transcript.class);
      assertThat(copy.get("id").asText()).isEqualTo(t.id());
      assertThat(copy.get("url").isNull() ? null : copy.get("url").asText()).isEqualTo(t.url());
      copy.get("damage").forEach(d -> assertThat(kinds).contains(d.asText()));
      originals += copy.get("damage").get(0).asText().equals("original") ? 1 : 0;
    }
    assertThat(originals).isEqualTo(60);
  }

  private static int generate(Path dir) {
    CommandLine cli = new CommandLine(new GenerateCommand());
    cli.setOut(new PrintWriter(new StringWriter()));
    return cli.execute("--transcripts", "60", "--out", dir.toString(), "--mirrors", "0.3");
  }
}
