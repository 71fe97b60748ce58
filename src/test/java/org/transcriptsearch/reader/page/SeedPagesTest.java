package org.transcriptsearch.reader.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.transcriptsearch.reader.page.Pages.speakers;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.transcriptsearch.model.Transcript;
import org.transcriptsearch.model.Turn;

/** Golden results for the two seed pages of the bundled corpus. */
class SeedPagesTest {
  private static final Path CORPUS = Path.of("index-data", "transcripts");
  private final PageReader reader = new PageReader(Pages.PARSER);

  @Test
  void seed000HostOnlyLabelledBySurname() throws Exception {
    Transcript t = reader.read(CORPUS.resolve("000_cd62846c5167d6ef.txt"));

    assertThat(t.title()).isEqualTo("Secretary Of State John Kerry Meets Russian Counterpart In Munich");
    // The page never names the program; Kelly McEvers hosted only All Things Considered in the host list.
    assertThat(t.program()).isEqualTo("All Things Considered");
    assertThat(t.date()).isNull();
    assertThat(t.url()).isNull();
    assertThat(t.source()).isEqualTo("Michigan State University Board of Trustees");
    assertThat(t.topics()).isEmpty();
    assertThat(speakers(t))
        .containsExactly(
            "Kelly McEvers|host|inferred",
            "Federica Mogherini|guest|labelled",
            "Kelly McEvers|host|labelled",
            "Salem al-Muslet|guest|labelled",
            "Kelly McEvers|host|labelled",
            "Michele Kelemen|correspondent|labelled",
            "Kelly McEvers|host|labelled",
            "Michele Kelemen|correspondent|labelled",
            "Kelly McEvers|host|labelled",
            "Michele Kelemen|correspondent|labelled",
            "Kelly McEvers|host|labelled",
            "Michele Kelemen|correspondent|labelled",
            "Kelly McEvers|host|labelled",
            "Michele Kelemen|correspondent|labelled");
    List<Turn> turns = t.turns();
    assertThat(turns.get(0).text()).startsWith("There's a life-or-death urgency").endsWith("She says a lot is at stake.");
    assertThat(turns.get(0).speaker().label()).isNull();
    assertThat(turns.get(1).text()).startsWith("This is not just for the sake").endsWith("We're talking about people.");
    assertThat(turns.get(2).speaker().label()).isEqualTo("MCEVERS");
    assertThat(turns.get(3).speaker().label()).isEqualTo("SALEM AL-MUSLET");
    assertThat(turns.get(5).speaker().label()).isEqualTo("MICHELE KELEMEN, BYLINE");
    assertThat(turns.get(5).text()).startsWith("Well, these talks").endsWith("some 15 towns in Syria.");
    assertThat(turns.get(7).speaker().label()).isEqualTo("KELEMEN");
    assertThat(turns.get(12).text()).endsWith("Thank you very much.");
    assertThat(turns.get(13).text()).isEqualTo("Thank you, Kelly.");
    assertThat(turns).allSatisfy(turn -> assertThat(turn.cues()).isEmpty());
    assertThat(turns.stream().map(Turn::n)).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14);
    String all = Pages.allText(t);
    assertThat(all)
        .doesNotContain("©", "Michigan State University", "Public Media from", "Play Live Radio", "Next Up", "0:00")
        .doesNotContain("Available On Air", "has been with NPR for two decades", "Donate", "Transcript provided");
  }

  @Test
  void seed003CoHostSelfIntroducedAndContinuations() throws Exception {
    Transcript t = reader.read(CORPUS.resolve("003_eb3c53ebfe28291d.txt"));

    assertThat(t.title()).isEqualTo("Kerry And Russian Diplomat Talk Crimea In Paris");
    assertThat(t.program()).isEqualTo("All Things Considered");
    assertThat(t.source()).isEqualTo("WKNO FM");
    assertThat(t.date()).isNull();
    assertThat(speakers(t))
        .containsExactly(
            "Melissa Block|host|labelled",
            "Audie Cornish|host|self-introduced",
            "Michele Kelemen|correspondent|labelled",
            "Audie Cornish|host|labelled",
            "Michele Kelemen|correspondent|labelled",
            "Audie Cornish|host|labelled",
            "Michele Kelemen|correspondent|labelled",
            "Audie Cornish|host|labelled",
            "Michele Kelemen|correspondent|labelled",
            "Audie Cornish|host|labelled",
            "Michele Kelemen|correspondent|labelled",
            "Audie Cornish|host|labelled",
            "Michele Kelemen|correspondent|labelled");
    List<Turn> turns = t.turns();
    assertThat(turns.get(0).text()).isEqualTo("This is ALL THINGS CONSIDERED from NPR News. I'm Melissa Block.");
    assertThat(turns.get(0).speaker().label()).isEqualTo("MELISSA BLOCK");
    assertThat(turns.get(1).speaker().label()).isNull();
    assertThat(turns.get(1).text().split("\n\n"))
        .hasSize(3)
        .satisfies(p -> assertThat(p[0]).isEqualTo("And I'm Audie Cornish."))
        .satisfies(p -> assertThat(p[1]).startsWith("Yesterday, he was in Ukraine."))
        .satisfies(p -> assertThat(p[2]).startsWith("Our own Michele Kelemen").endsWith("Tell us about it."));
    assertThat(turns.get(2).text().split("\n\n"))
        .hasSize(3)
        .satisfies(p -> assertThat(p[0]).startsWith("That's right, Audie."))
        .satisfies(p -> assertThat(p[1]).startsWith("Kerry later went into his meeting"))
        .satisfies(p -> assertThat(p[2]).endsWith("he said, who's that?"));
    assertThat(turns.get(3).text()).isEqualTo("So what...");
    assertThat(turns.get(8).text().split("\n\n")).hasSize(2);
    assertThat(turns.get(12).text()).isEqualTo("Thank you, Audie.");
    assertThat(Pages.allText(t)).doesNotContain("WKNO", "Play Live Radio", "has been with NPR", "Transcript provided");
  }

  @Test
  void seedIdsAreStable() throws Exception {
    Transcript t = reader.read(CORPUS.resolve("003_eb3c53ebfe28291d.txt"));

    assertThat(t.id()).isEqualTo("31d3c47a04e0fcb9");
    assertThat(reader.read(CORPUS.resolve("000_cd62846c5167d6ef.txt")).id()).isEqualTo("4f0379af3b64a524");
  }
}
