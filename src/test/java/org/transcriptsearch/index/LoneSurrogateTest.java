package org.transcriptsearch.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transcriptsearch.TestIndexes;
import org.transcriptsearch.model.Attribution;
import org.transcriptsearch.model.Role;
import org.transcriptsearch.model.Speaker;
import org.transcriptsearch.model.Transcript;
import org.transcriptsearch.model.Turn;
import org.transcriptsearch.research.QuoteChecker;
import org.transcriptsearch.search.SearchRequest;
import org.transcriptsearch.search.SearchService;
import org.transcriptsearch.text.Utf16;

/**
 * Lucene's standard tokenizer gives no token at all for a text that ends with half of a surrogate pair (a turn cut
 * in the middle of an emoji, a JSON "\ud83d" escape): such text is made well-formed before anything analyses it.
 */
class LoneSurrogateTest {
  private static final Speaker HOST = new Speaker("Melissa Block", "MELISSA BLOCK", Role.HOST, null, null);

  @TempDir Path dir;

  @Test
  void loneHalvesOfPairsBecomeTheReplacementCharacterAndPairsStay() {
    assertThat(Utf16.wellFormed("steppe \uD83D")).isEqualTo("steppe \uFFFD");
    assertThat(Utf16.wellFormed("\uDE00 camels \uD83D\uDE00 x\uDBFF\uDBFFy")).isEqualTo("\uFFFD camels \uD83D\uDE00 x\uFFFD\uFFFDy");
    assertThat(Utf16.wellFormed("\uDE00\uD83D")).isEqualTo("\uFFFD\uFFFD");
    String plain = "Crimea, Zürich and 東京 \uD83D\uDE00";
    assertThat(Utf16.wellFormed(plain)).isSameAs(plain);
    assertThat(Utf16.wellFormed(null)).isNull();
  }

  @Test
  void aTurnCutInTheMiddleOfAnEmojiIsFoundByItsWordsAndQuotes() throws Exception {
    List<Turn> turns =
        List.of(
            new Turn(1, HOST, "Pipelines crossing the windswept steppe of Kazakhstan \uD83D", Attribution.LABELLED, List.of()),
            new Turn(2, HOST, "Caravans \uDE00 of camels", Attribution.LABELLED, List.of()));
    Transcript cut = new Transcript("cut-emoji", "Steppe \uD83D", "Morning Edition", null, null, null, List.of(), turns);
    assertThat(cut.turns().get(0).text()).isEqualTo("Pipelines crossing the windswept steppe of Kazakhstan \uFFFD");
    assertThat(cut.turns().get(1).text()).isEqualTo("Caravans \uFFFD of camels");
    assertThat(cut.title()).isEqualTo("Steppe \uFFFD");
    try (TranscriptIndex index = TranscriptIndex.openWritable(dir, TestIndexes.PIPELINE.schema())) {
      index.put(cut, List.of(List.of(), List.of()));
      index.refresh();
      SearchService search = new SearchService(index);
      assertThat(search.search(SearchRequest.of("pipelines steppe")).hits()).extracting(hit -> hit.id())
          .containsExactly("cut-emoji-1");
      assertThat(search.search(SearchRequest.of("camels")).hits()).extracting(hit -> hit.id())
          .containsExactly("cut-emoji-2");
      // A query or a quote cut the same way still has its words (a phrase is analysed whole, as a quote is).
      assertThat(search.search(SearchRequest.of("\"steppe of kazakhstan \uD83D\"")).hits()).extracting(hit -> hit.id())
          .containsExactly("cut-emoji-1");
      var check = new QuoteChecker(search).check("crossing the windswept steppe of Kazakhstan \uD83D", null, 3);
      assertThat(check.verdict().code()).isEqualTo("said");
      assertThat(check.matches().get(0).id()).isEqualTo("cut-emoji-1");
    }
  }
}
