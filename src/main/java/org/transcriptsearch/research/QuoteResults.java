package org.transcriptsearch.research;

import java.util.List;
import org.transcriptsearch.search.Results.Hit;

/** The answer of a quote check: the JSON shape of {@code GET /api/quotes} and {@code check-quote --json}. */
public final class QuoteResults {
  private QuoteResults() {}

  /** How close a quote came to what was said. */
  public enum Verdict {
    /** Said in these words (inflections, punctuation and quote marks aside). */
    SAID("said"),
    /** Said, but not in these words: a word changed, dropped or added, a clause moved, a middle paraphrased. */
    CLOSE("close"),
    /** Nothing in the index comes close. */
    NOT_FOUND("not found");

    private final String code;

    Verdict(String code) {
      this.code = code;
    }

    /** The verdict as the API writes it. */
    @com.fasterxml.jackson.annotation.JsonValue
    public String code() {
      return code;
    }
  }

  /**
   * One run of the word-level diff.
   *
   * @param op {@code same}; {@code changed} (the quote's words stand for other words said); {@code added} (in the
   *     quote, not said); {@code missing} (said, left out of the quote)
   * @param quote the quote's words of this run as pasted; null for {@code missing}
   * @param said the words said, as transcribed; null for {@code added}
   * @param moved true when the words are those of a clause said in another place of the stretch
   */
  public record DiffOp(String op, String quote, String said, boolean moved) {}

  /**
   * An utterance (or two consecutive turns of one speaker) that matches the quote.
   *
   * @param id the utterance where the match starts
   * @param ids every utterance the match spans, in order (two when the quote runs over into the speaker's next turn)
   * @param similarity 1 for the quote's exact words, down to 0
   * @param diff the quote against what was said
   * @param hit the search hit of {@code id}, with its citation and permalink
   * @param alsoSaidIn other matches (further down this list) with the very same words, in later or undated
   *     transcripts; this match is the earliest of them
   */
  public record QuoteMatch(
      String id, List<String> ids, double similarity, List<DiffOp> diff, Hit hit, List<String> alsoSaidIn) {}

  /** The similarity a best match needs for each verdict. */
  public record Thresholds(double said, double close) {}

  /**
   * A checked quote: the verdict of the best match, and the matches best first (only those at least {@code close}).
   */
  public record QuoteCheck(String text, Verdict verdict, List<QuoteMatch> matches, Thresholds thresholds) {}
}
