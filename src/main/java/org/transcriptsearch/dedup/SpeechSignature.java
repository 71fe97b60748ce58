package org.transcriptsearch.dedup;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.minhash.MinHashFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.shingle.ShingleFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.transcriptsearch.model.Transcript;
import org.transcriptsearch.model.Turn;

/**
 * A MinHash signature of a transcript's speech, by which copies of one story are recognised though their texts
 * differ: a teaser or a paragraph more, a label lost, a truncated ending, station boilerplate.
 *
 * <p>The speech of every turn, in order and with no speaker labels (so a lost label, which merges two turns, changes
 * nothing), is folded to lower-case ASCII words and cut into overlapping shingles of {@value #SHINGLE} words;
 * Lucene's {@link MinHashFilter} keeps the smallest hash of each of {@value #HASHES} buckets (one-permutation MinHash
 * with rotation, so every signature has all {@value #HASHES} values). The share of equal values estimates the
 * Jaccard similarity of two shingle sets; {@link #bandKeys() band keys} of {@value #ROWS} consecutive values find the
 * candidates (LSH) without comparing every pair.
 *
 * @param hashes the {@value #HASHES} minimum hashes, in bucket order
 * @param words how many words the speech has
 */
public record SpeechSignature(long[] hashes, int words) {
  /** Words per shingle: long enough that common phrases ("thank you very much") rarely make two stories alike. */
  static final int SHINGLE = 5;

  /** Values in a signature: an estimate of the similarity within about 0.045 at 0.5. */
  public static final int HASHES = 126;

  /** Values per LSH band: 42 bands of 3 make a pair of similarity 0.4 a candidate 94% of the time, 0.05 0.5%. */
  static final int ROWS = 3;

  /** Below this many shingles a signature says too little: such a transcript is matched by its exact id only. */
  static final int MIN_SHINGLES = 12;

  public SpeechSignature {
    if (hashes.length != HASHES) {
      throw new IllegalArgumentException("a signature has " + HASHES + " values, not " + hashes.length);
    }
  }

  /** The signature of {@code transcript}'s speech. */
  public static SpeechSignature of(Transcript transcript) {
    StringBuilder speech = new StringBuilder();
    for (Turn turn : transcript.turns()) {
      speech.append(turn.text()).append('\n');
    }
    return of(speech.toString());
  }

  /** The signature of {@code speech}. */
  public static SpeechSignature of(String speech) {
    long[] hashes = new long[HASHES];
    int[] words = new int[1];
    try (TokenStream tokens = chain(speech, words)) {
      CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
      tokens.reset();
      int i = 0;
      while (tokens.incrementToken() && i < HASHES) {
        hashes[i++] = high64(term);
      }
      tokens.end();
    } catch (IOException e) {
      throw new UncheckedIOException("reading a string cannot fail", e);
    }
    return new SpeechSignature(hashes, words[0]);
  }

  private static TokenStream chain(String speech, int[] words) {
    StandardTokenizer tokenizer = new StandardTokenizer();
    tokenizer.setReader(new StringReader(speech));
    TokenStream folded = new ASCIIFoldingFilter(new LowerCaseFilter(tokenizer));
    TokenStream counted =
        new TokenFilter(folded) {
          @Override
          public boolean incrementToken() throws IOException {
            if (input.incrementToken()) {
              words[0]++;
              return true;
            }
            return false;
          }
        };
    ShingleFilter shingles = new ShingleFilter(counted, SHINGLE, SHINGLE);
    shingles.setOutputUnigrams(false);
    shingles.setOutputUnigramsIfNoShingles(true);
    return new MinHashFilter(shingles, 1, HASHES, 1, true);
  }

  /** The top 64 bits of a MinHash token (8 chars of 16 bits, the most significant first). */
  private static long high64(CharTermAttribute term) {
    long value = 0;
    for (int c = 0; c < 4; c++) {
      value = (value << 16) | term.charAt(c);
    }
    return value;
  }

  /** How many shingles the speech has (about one per word). */
  public int shingles() {
    return Math.max(0, words - SHINGLE + 1);
  }

  /** Whether the speech is long enough for its signature to identify it. */
  public boolean usable() {
    return shingles() >= MIN_SHINGLES;
  }

  /**
   * The LSH band keys: one term per band of {@value #ROWS} values, with the band's number in it so equal values in
   * different bands never meet; empty when the signature is not {@link #usable()}.
   */
  public List<String> bandKeys() {
    if (!usable()) {
      return List.of();
    }
    List<String> keys = new ArrayList<>(HASHES / ROWS);
    HexFormat hex = HexFormat.of();
    for (int band = 0; band < HASHES / ROWS; band++) {
      long mixed = band;
      for (int row = 0; row < ROWS; row++) {
        mixed = mix(mixed * 31 + hashes[band * ROWS + row]);
      }
      keys.add(hex.toHexDigits((byte) band) + hex.toHexDigits(mixed));
    }
    return keys;
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
    z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
    return z ^ (z >>> 33);
  }

  /** The estimated Jaccard similarity of the two shingle sets: the share of equal values. */
  public double jaccard(SpeechSignature other) {
    int equal = 0;
    for (int i = 0; i < HASHES; i++) {
      if (hashes[i] == other.hashes[i]) {
        equal++;
      }
    }
    return equal / (double) HASHES;
  }

  /**
   * The estimated share of the smaller copy's shingles that the other copy also has: near 1 for a truncated copy
   * of a longer one, whatever their Jaccard similarity.
   */
  public double containment(SpeechSignature other) {
    double j = jaccard(other);
    double common = j / (1 + j) * (shingles() + other.shingles());
    int smaller = Math.min(shingles(), other.shingles());
    return smaller == 0 ? 0 : Math.min(1, common / smaller);
  }

  /** The signature as bytes, for storing: the values, then the word count. */
  public byte[] toBytes() {
    ByteBuffer buffer = ByteBuffer.allocate(HASHES * Long.BYTES + Integer.BYTES);
    for (long hash : hashes) {
      buffer.putLong(hash);
    }
    return buffer.putInt(words).array();
  }

  /** The signature {@link #toBytes()} wrote. */
  public static SpeechSignature fromBytes(byte[] bytes, int offset, int length) {
    ByteBuffer buffer = ByteBuffer.wrap(bytes, offset, length);
    long[] hashes = new long[HASHES];
    for (int i = 0; i < HASHES; i++) {
      hashes[i] = buffer.getLong();
    }
    return new SpeechSignature(hashes, buffer.getInt());
  }
}
