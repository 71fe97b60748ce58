package org.transcriptsearch.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.transcriptsearch.model.Transcript;
import org.transcriptsearch.model.Turn;
import org.transcriptsearch.reader.page.HostDirectory;
import org.transcriptsearch.reader.page.NprPageParser;

/** Generated pages parse back to exactly the generated turns: the generator's ground truth is the parser's reading. */
class PageRoundTripTest {
  private static final int PAGES = 200;

  @Test
  void everyGeneratedPageParsesBackToItsTurns() throws Exception {
    NprPageParser parser = new NprPageParser(HostDirectory.shipped());
    CorpusGenerator generator = new CorpusGenerator(2024);
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < PAGES; i++) {
      Transcript expected = generator.next();
      String page = PageWriter.page(expected, new SplittableRandom(i));
      Transcript parsed = parser.parse(page, PageWriter.fileName(i, expected));
      String difference = difference(expected, parsed);
      if (difference != null) {
        failures.add(PageWriter.fileName(i, expected) + ": " + difference + "\n--- page ---\n" + page);
      }
    }
    assertThat(failures).as(failures.isEmpty() ? "" : failures.get(0)).isEmpty();
  }

  @Test
  void parsedPagesKeepTheTitleAndTheId() throws Exception {
    NprPageParser parser = new NprPageParser(HostDirectory.shipped());
    CorpusGenerator generator = new CorpusGenerator(99);
    for (int i = 0; i < 50; i++) {
      Transcript expected = generator.next();
      Transcript parsed = parser.parse(PageWriter.page(expected, new SplittableRandom(i)), "page" + i);
      assertThat(parsed.title()).isEqualTo(expected.title());
      assertThat(parsed.id()).isEqualTo(expected.id());
    }
  }

  /** What differs between the generated and the parsed turns, or null when nothing does. */
  private static String difference(Transcript expected, Transcript parsed) {
    List<Turn> want = expected.turns();
    List<Turn> got = parsed.turns();
    for (int i = 0; i < Math.min(want.size(), got.size()); i++) {
      Turn w = want.get(i);
      Turn g = got.get(i);
      String wantKey = key(w);
      String gotKey = key(g);
      if (!wantKey.equals(gotKey)) {
        return "turn " + (i + 1) + "\n  expected " + wantKey + "\n  parsed   " + gotKey;
      }
    }
    return want.size() == got.size() ? null : "expected " + want.size() + " turns, parsed " + got.size();
  }

  private static String key(Turn t) {
    return t.n() + "|" + t.speaker().name() + "|" + t.speaker().role().code() + "|" + t.speaker().label() + "|"
        + t.speaker().title() + "|" + t.speaker().affiliation() + "|" + t.attribution().code() + "|" + t.cues()
        + "|" + t.text();
  }
}
