package org.transcriptsearch.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.transcriptsearch.index.Schema;
import org.transcriptsearch.topics.TopicTaxonomy;

/**
 * Seeded random text over the characters of the syntax: every text either reads (and renders for Lucene) or is a
 * {@link QuerySyntaxException} with a message. Anything else would be a bug, and a bug is never passed off as the
 * typist's mistake (the search side turns only {@code QuerySyntaxException} into a 400).
 */
class TypedQueryFuzzTest {
  private static final String[] PIECES = {
    "crimea", "Lavrov", "9/11", "e-mail", " ", " ", " ", "\"", "“", "”", "‘", "’", "'", "(", ")", "[", "]", "{", "}",
    ":", "speaker:", "date:", "from:", "role:", "program:", "topic:", "title:", "color:", "*", "?", "~", "~1", "^",
    "^2", "+", "-", "!", "AND", "or", "not", "TO", "2014", "2014-03", ">", "<=", "\\", "/", ".", ",", "&&", "||",
    "reporter", "ATC", "wałęsa", "🙂", "\u200b", "\u0000"
  };

  @Test
  void everyTextReadsOrSaysWhyNot() {
    SplittableRandom random = new SplittableRandom(11);
    LuceneQueries lucene = new LuceneQueries(new Schema());
    QueryReader reader = new QueryReader(Variants.of(TopicTaxonomy.bundled()));
    KnownSpeakers lavrov =
        words -> words.equals(java.util.List.of("lavrov"))
            ? java.util.List.of(new KnownSpeakers.Speaker("sergey lavrov", "Sergey Lavrov", false))
            : java.util.List.of();
    int read = 0;
    int refused = 0;
    for (int n = 0; n < 5_000; n++) {
      StringBuilder text = new StringBuilder();
      int parts = 1 + random.nextInt(8);
      for (int p = 0; p < parts; p++) {
        text.append(PIECES[random.nextInt(PIECES.length)]);
      }
      try {
        QueryNode node = TypedQuery.parse(text.toString(), 2);
        assertThat(lucene.search(node)).as(text.toString()).isNotNull();
        Reading reading = reader.read(node, new QueryReader.Options(false, false, false), lavrov);
        assertThat(lucene.search(reading.query())).as(text.toString()).isNotNull();
        if (reading.partial() != null) {
          assertThat(lucene.search(reading.partial())).as(text.toString()).isNotNull();
        }
        assertThat(Describe.of(node)).isNotNull();
        read++;
      } catch (QuerySyntaxException e) {
        assertThat(e.getMessage()).as(text.toString()).isNotBlank();
        refused++;
      }
    }
    assertThat(read).isGreaterThan(1_000);
    assertThat(refused).isGreaterThan(100);
  }
}
