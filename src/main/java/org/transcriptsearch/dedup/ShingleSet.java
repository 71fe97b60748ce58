package org.transcriptsearch.dedup;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.shingle.ShingleFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.transcriptsearch.model.Transcript;
import org.transcriptsearch.model.Turn;

/**
 * The exact set of a transcript's speech shingles (as 64-bit hashes, sorted), the same shingles its {@link
 * SpeechSignature} estimates from: used to confirm, with no estimation error, that a candidate found by its
 * signature is a copy of the same story before the two are joined.
 */
final class ShingleSet {
  private final long[] hashes;

  private ShingleSet(long[] hashes) {
    this.hashes = hashes;
  }

  /** The shingles of {@code transcript}'s speech, all turns in order, no labels. */
  static ShingleSet of(Transcript transcript) {
    StringBuilder speech = new StringBuilder();
    for (Turn turn : transcript.turns()) {
      speech.append(turn.text()).append('\n');
    }
    long[] out = new long[64];
    int n = 0;
    StandardTokenizer tokenizer = new StandardTokenizer();
    tokenizer.setReader(new StringReader(speech.toString()));
    ShingleFilter shingles =
        new ShingleFilter(new ASCIIFoldingFilter(new LowerCaseFilter(tokenizer)), SpeechSignature.SHINGLE,
            SpeechSignature.SHINGLE);
    shingles.setOutputUnigrams(false);
    try (TokenStream tokens = shingles) {
      CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
      tokens.reset();
      while (tokens.incrementToken()) {
        if (n == out.length) {
          out = Arrays.copyOf(out, n * 2);
        }
        out[n++] = hash(term);
      }
      tokens.end();
    } catch (IOException e) {
      throw new UncheckedIOException("reading a string cannot fail", e);
    }
    long[] sorted = Arrays.copyOf(out, n);
    Arrays.sort(sorted);
    return new ShingleSet(Arrays.stream(sorted).distinct().toArray());
  }

  private static long hash(CharTermAttribute term) {
    long h = 0xcbf29ce484222325L; // FNV-1a over the chars
    for (int i = 0; i < term.length(); i++) {
      h = (h ^ term.charAt(i)) * 0x100000001b3L;
    }
    return h;
  }

  /** How many shingles both sets have. */
  int common(ShingleSet other) {
    int i = 0;
    int j = 0;
    int common = 0;
    while (i < hashes.length && j < other.hashes.length) {
      if (hashes[i] == other.hashes[j]) {
        common++;
        i++;
        j++;
      } else if (hashes[i] < other.hashes[j]) {
        i++;
      } else {
        j++;
      }
    }
    return common;
  }

  /** Whether the two are copies of one story by the same measure {@link Similarity} estimates. */
  boolean sameStory(ShingleSet other) {
    int common = common(other);
    int union = hashes.length + other.hashes.length - common;
    int smaller = Math.min(hashes.length, other.hashes.length);
    return union > 0
        && smaller > 0
        && (common / (double) union >= Similarity.SAME_STORY || common / (double) smaller >= Similarity.CONTAINED);
  }
}
