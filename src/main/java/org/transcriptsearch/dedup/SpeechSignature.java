package org.transcriptsearch.dedup;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
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
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.util.ArrayUtil;
import org.apache.lucene.util.StringHelper;
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

  /**
   * The signature of {@code speech}: the words of Lucene's analysis chain (standard tokenizer, lower case, ASCII
   * folding), shingled and hashed as Lucene's {@link ShingleFilter} and {@link MinHashFilter} do, without their token
   * stream. Those two were 16% of an ingest's CPU (src/bench/FINDINGS.md): a String, its UTF-16 bytes by charset
   * name, two hash objects and a tree-set insertion per shingle. Here each shingle's UTF-16LE bytes go into one
   * buffer, hashed with the same MurmurHash3 (x64, 128 bits; Lucene's {@link StringHelper}) and kept as a bucket's
   * minimum in two arrays. The values are those of the filters to the bit ({@code SpeechSignatureTest} compares
   * them); a speech whose words have gaps in their positions (which the shingles would fill with "_") is given to
   * the filters themselves.
   */
  public static SpeechSignature of(String speech) {
    Words words = Words.of(speech);
    if (words.gaps) {
      return throughFilters(speech);
    }
    return new SpeechSignature(words.count == 0 ? new long[HASHES] : minHashes(words), words.count);
  }

  /**
   * The signature of {@code speech} as Lucene's filters make it: the reference {@link #of(String)} agrees with (for
   * tests and the benchmark; ingest uses {@link #of(String)}).
   */
  public static SpeechSignature throughFilters(String speech) {
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

  /** The folded words of a speech, their characters end to end. */
  private static final class Words {
    char[] chars = new char[256];
    int[] ends = new int[64];
    int count;
    boolean gaps;

    static Words of(String speech) {
      Words words = new Words();
      try (TokenStream tokens = folded(speech)) {
        CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
        PositionIncrementAttribute position = tokens.addAttribute(PositionIncrementAttribute.class);
        tokens.reset();
        while (tokens.incrementToken()) {
          words.gaps |= position.getPositionIncrement() != 1;
          words.add(term.buffer(), term.length());
        }
        tokens.end();
      } catch (IOException e) {
        throw new UncheckedIOException("reading a string cannot fail", e);
      }
      return words;
    }

    private void add(char[] buffer, int length) {
      int start = start(count);
      chars = ArrayUtil.grow(chars, start + length);
      System.arraycopy(buffer, 0, chars, start, length);
      ends = ArrayUtil.grow(ends, count + 1);
      ends[count++] = start + length;
    }

    int start(int word) {
      return word == 0 ? 0 : ends[word - 1];
    }
  }

  /** Bucket width over the top 32 bits of a hash, as MinHashFilter divides them into {@value #HASHES} buckets. */
  private static final long BUCKET_SIZE = (1L << 32) / HASHES + ((1L << 32) % HASHES == 0 ? 0 : 1);

  /** MinHashFilter's hash of its first (and here only) hash function's number, combined into every shingle's hash. */
  private static final long[] FIRST_FUNCTION =
      StringHelper.murmurhash3_x64_128(new byte[Integer.BYTES], 0, Integer.BYTES, 0);

  /**
   * The bucket minima of the shingles' hashes, empty buckets taking the next bucket's (MinHashFilter with one hash,
   * {@value #HASHES} buckets, one value each, rotation on); the high 64 bits of each.
   */
  private static long[] minHashes(Words words) {
    long[] high = new long[HASHES];
    long[] low = new long[HASHES];
    boolean[] filled = new boolean[HASHES];
    // Fewer words than a shingle: each word is a shingle of its own (ShingleFilter's unigrams if no shingles).
    int span = words.count < SHINGLE ? 1 : SHINGLE;
    int longest = 0; // characters in the longest shingle, a space between its words
    for (int first = 0; first + span <= words.count; first++) {
      longest = Math.max(longest, words.ends[first + span - 1] - words.start(first) + span - 1);
    }
    byte[] bytes = new byte[2 * longest];
    for (int first = 0; first + span <= words.count; first++) {
      int length = utf16le(words, first, span, bytes);
      if (length < 0) { // a lone surrogate: encoded as String.getBytes does, with its replacement character
        byte[] encoded = shingle(words, first, span).getBytes(StandardCharsets.UTF_16LE);
        bytes = ArrayUtil.grow(bytes, encoded.length);
        System.arraycopy(encoded, 0, bytes, 0, encoded.length);
        length = encoded.length;
      }
      long[] hash = StringHelper.murmurhash3_x64_128(bytes, 0, length, 0);
      long h1 = hash[0] * 37 + FIRST_FUNCTION[0];
      long h2 = hash[1] * 37 + FIRST_FUNCTION[1];
      int bucket = (int) ((h2 >>> 32) / BUCKET_SIZE);
      if (!filled[bucket] || lessUnsigned(h2, h1, high[bucket], low[bucket])) {
        high[bucket] = h2;
        low[bucket] = h1;
        filled[bucket] = true;
      }
    }
    for (int bucket = 0; bucket < HASHES; bucket++) {
      for (int offset = 1; !filled[bucket] && offset < HASHES; offset++) {
        int next = (bucket + offset) % HASHES;
        if (filled[next]) {
          high[bucket] = high[next];
          low[bucket] = low[next];
          filled[bucket] = true;
        }
      }
    }
    return high;
  }

  /**
   * Writes the shingle of {@code span} words from {@code first} (one space between words) into {@code out} as
   * UTF-16LE; the length written, or -1 if a character is a surrogate not in a pair.
   */
  private static int utf16le(Words words, int first, int span, byte[] out) {
    int n = 0;
    for (int w = first; w < first + span; w++) {
      if (w > first) {
        out[n++] = ' ';
        out[n++] = 0;
      }
      int from = words.start(w);
      int to = words.ends[w];
      for (int i = from; i < to; i++) {
        char c = words.chars[i];
        if (Character.isSurrogate(c)
            && !(Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(words.chars[i + 1]))
            && !(Character.isLowSurrogate(c) && i > from && Character.isHighSurrogate(words.chars[i - 1]))) {
          return -1;
        }
        out[n++] = (byte) c;
        out[n++] = (byte) (c >>> 8);
      }
    }
    return n;
  }

  private static String shingle(Words words, int first, int span) {
    StringBuilder text = new StringBuilder();
    for (int w = first; w < first + span; w++) {
      if (w > first) {
        text.append(' ');
      }
      text.append(words.chars, words.start(w), words.ends[w] - words.start(w));
    }
    return text.toString();
  }

  /** Whether (high, low) is below (otherHigh, otherLow), unsigned, high first: MinHashFilter's order of hashes. */
  private static boolean lessUnsigned(long high, long low, long otherHigh, long otherLow) {
    int byHigh = Long.compareUnsigned(high, otherHigh);
    return byHigh < 0 || (byHigh == 0 && Long.compareUnsigned(low, otherLow) < 0);
  }

  private static TokenStream folded(String speech) {
    StandardTokenizer tokenizer = new StandardTokenizer();
    tokenizer.setReader(new StringReader(speech));
    return new ASCIIFoldingFilter(new LowerCaseFilter(tokenizer));
  }

  private static TokenStream chain(String speech, int[] words) {
    TokenStream folded = folded(speech);
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
