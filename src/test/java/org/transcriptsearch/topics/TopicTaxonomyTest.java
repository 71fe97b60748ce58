package org.transcriptsearch.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transcriptsearch.reader.BadInputException;

class TopicTaxonomyTest {
  @TempDir Path dir;

  private Path write(String name, String... lines) throws IOException {
    Path file = dir.resolve(name);
    Files.write(file, List.of(lines), StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void bundledTaxonomyCoversEverySovereignCountryOnce() {
    TopicTaxonomy taxonomy = TopicTaxonomy.bundled();
    List<String> countries = taxonomy.ofKind("country").stream().map(Topic::name).toList();
    assertThat(countries).hasSizeGreaterThanOrEqualTo(190)
        .contains("Syria", "Ukraine", "Russia", "Taiwan", "Kosovo", "Palestine", "Tuvalu", "Eswatini");
    assertThat(taxonomy.topics()).extracting(Topic::name).doesNotHaveDuplicates();
    assertThat(taxonomy.topic("Crimea")).get().extracting(Topic::kind).isEqualTo("territory");
    assertThat(taxonomy.topic("Hong Kong")).get().extracting(Topic::also).isEqualTo(List.of("China"));
    assertThat(taxonomy.ofKind("conflict")).extracting(Topic::name)
        .contains("Iraq War", "War in Afghanistan", "Syrian Civil War", "War in Ukraine", "Israel-Hamas War",
            "Arab Spring", "Libyan Civil War", "Yemeni Civil War", "Darfur", "Nagorno-Karabakh");
    assertThat(taxonomy.topic("ISIS")).get().extracting(Topic::aliases).asInstanceOf(
        org.assertj.core.api.InstanceOfAssertFactories.LIST).contains("Islamic State", "ISIL", "Daesh");
  }

  @Test
  void bundledAlsoListsNameKnownTopics() {
    TopicTaxonomy taxonomy = TopicTaxonomy.bundled();
    Set<String> names = new HashSet<>();
    taxonomy.topics().forEach(topic -> names.add(topic.name()));
    taxonomy.topics().forEach(topic -> assertThat(names).as(topic.name()).containsAll(topic.also()));
  }

  @Test
  void extraFileAddsAliasesToKnownTopicsAndNewTopics() throws Exception {
    Path extra = write("extra.tsv",
        "# local additions",
        "Syria\tcountry\tZabadani|Madaya",
        "",
        "Freedonia\tcountry\tFreedonian|Freedonians\tEurope");
    TopicTagger tagger = new TopicTagger(TopicTaxonomy.bundled().withExtra(extra));
    assertThat(tagger.mentioned("Zabadani and Madaya")).containsExactly("Syria");
    assertThat(tagger.mentioned("Aleppo")).containsExactly("Syria");
    assertThat(tagger.mentioned("the Freedonians")).containsExactly("Freedonia", "Europe");
    assertThat(new TopicTagger(TopicTaxonomy.bundled()).mentioned("Zabadani")).isEmpty();
  }

  @Test
  void extraFileCanBlockAPhrase() throws Exception {
    Path extra = write("extra.tsv", "Chad\tcountry\t!Chad Smith");
    TopicTagger tagger = new TopicTagger(TopicTaxonomy.bundled().withExtra(extra));
    assertThat(tagger.mentioned("Chad Smith sang")).isEmpty();
    assertThat(tagger.mentioned("Chad")).containsExactly("Chad");
  }

  @Test
  void badLineReportsFileAndLine() throws Exception {
    Path extra = write("extra.tsv", "# comment", "Syria\tcountry\tZabadani", "Freedonia country Freedonian");
    assertThatThrownBy(() -> TopicTaxonomy.bundled().withExtra(extra))
        .isInstanceOfSatisfying(BadInputException.class, e -> {
          assertThat(e.file()).isEqualTo(extra.toString());
          assertThat(e.location()).isEqualTo("line 3");
        })
        .hasMessageContaining("extra.tsv: line 3: expected NAME<TAB>KIND<TAB>ALIASES");
  }

  @Test
  void contradictoryLinesAreRejectedWithTheirLine() {
    assertBad("A\tcountry\tAa\nA\tcountry\tAb", "line 2: topic 'A' is already defined on line 1");
    assertBad("Syria\tregion\tZabadani", "line 1: topic 'Syria' is a country, not a region");
    assertBad("Turkey\tcountry\tAleppo", "line 1: 'Aleppo' already names topic 'Syria'");
    assertBad("Freedonia\tcountry\tFreedonian\tAtlantis", "line 1: ALSO names unknown topic 'Atlantis'");
    assertBad("Freedonia\tCountry\tFreedonian", "line 1: kind 'Country' is not a lower-case word");
    assertBad("Freedonia\tcountry\tFree, Donia", "line 1: alias 'Free, Donia' has no words, or punctuation");
  }

  private static void assertBad(String text, String message) {
    assertThatThrownBy(() -> TopicTaxonomy.bundled().withExtra(new StringReader(text), "mine.tsv"))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("mine.tsv: " + message);
  }

  @Test
  void fileThatIsNotUtf8IsRejectedByName() throws Exception {
    Path extra = dir.resolve("latin1.tsv");
    Files.write(extra, new byte[] {'S', 'y', 'r', 'i', 'a', '\t', 'c', 'o', 'u', 'n', 't', 'r', 'y', '\t',
        (byte) 0xE9, '\n'});
    assertThatThrownBy(() -> TopicTaxonomy.bundled().withExtra(extra))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("latin1.tsv")
        .hasMessageContaining("not UTF-8");
  }

  @Test
  void loadReadsAStandaloneTaxonomy() throws Exception {
    TopicTaxonomy taxonomy = TopicTaxonomy.load(
        new StringReader("Atlantis\tcountry\tAtlantean\nAtlantic War\tconflict\t\tAtlantis\n"), "mine.tsv");
    assertThat(taxonomy.size()).isEqualTo(2);
    assertThat(new TopicTagger(taxonomy).mentioned("an Atlantean in the Atlantic War"))
        .containsExactly("Atlantis", "Atlantic War");
  }
}
