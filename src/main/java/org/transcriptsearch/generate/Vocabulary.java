package org.transcriptsearch.generate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Common English words with a Zipf-like frequency: the word of rank r (from 1) is drawn with probability
 * proportional to 1 / (r + 2.7), the Zipf-Mandelbrot law that fits spoken English. Immutable and thread-safe.
 *
 * <p>Drawing is one table look-up: a table of 2<sup>16</sup> slots maps a uniform number to the word whose
 * cumulative probability covers it, so even the rarest word keeps a few slots.
 */
public final class Vocabulary {
  /** The bundled word list, most frequent first, next to this class. */
  static final String RESOURCE = "words.txt";

  private static final int TABLE_BITS = 16;
  private static final double MANDELBROT_SHIFT = 2.7;

  private final List<String> words;
  private final String[] array;
  private final int[] table;

  private Vocabulary(List<String> words) {
    if (words.isEmpty()) {
      throw new IllegalArgumentException("a vocabulary needs at least one word");
    }
    this.words = List.copyOf(words);
    this.array = this.words.toArray(String[]::new);
    this.table = buildTable(this.words.size());
  }

  /** The vocabulary shipped with transcript-search ({@code words.txt}). */
  public static Vocabulary bundled() {
    try (InputStream in = Vocabulary.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the bundled word list " + RESOURCE + " is missing from the class path");
      }
      return of(read(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the bundled word list " + RESOURCE, e);
    }
  }

  /** A vocabulary of {@code words}, most frequent first. */
  public static Vocabulary of(List<String> words) {
    return new Vocabulary(words);
  }

  /** How many distinct words there are. */
  public int size() {
    return words.size();
  }

  /** The word of rank {@code index + 1}. */
  public String word(int index) {
    return array[index];
  }

  /** The rank (from 0) of a word drawn with the Zipf-like frequency. */
  public int drawIndex(SplittableRandom rng) {
    return table[rng.nextInt(table.length)];
  }

  /**
   * The rank (from 0) of a word drawn with the Zipf-like frequency from 16 random bits, for callers that draw
   * several things from one random number.
   */
  int indexFromBits(int bits16) {
    return table[bits16 & (table.length - 1)];
  }

  /** A word drawn with the Zipf-like frequency. */
  public String draw(SplittableRandom rng) {
    return array[drawIndex(rng)];
  }

  private static int[] buildTable(int n) {
    double total = 0;
    for (int r = 1; r <= n; r++) {
      total += weight(r);
    }
    int slots = 1 << TABLE_BITS;
    int[] table = new int[slots];
    double cumulative = 0;
    int word = 0;
    for (int slot = 0; slot < slots; slot++) {
      double target = (slot + 0.5) / slots * total;
      while (word < n - 1 && cumulative + weight(word + 1) < target) {
        cumulative += weight(word + 1);
        word++;
      }
      table[slot] = word;
    }
    return table;
  }

  private static double weight(int rank) {
    return 1.0 / (rank + MANDELBROT_SHIFT);
  }

  private static List<String> read(BufferedReader reader) throws IOException {
    List<String> words = new ArrayList<>();
    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
      String word = line.strip();
      if (!word.isEmpty() && !word.startsWith("#")) {
        words.add(word);
      }
    }
    return words;
  }
}
