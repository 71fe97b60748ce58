package org.transcriptsearch.research;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.transcriptsearch.index.Schema;
import org.transcriptsearch.text.Utf16;

/**
 * The words of a text as the index's speech analyzer sees them: punctuation, quote marks, case, accents,
 * possessives and inflections gone ("Crimea's" and "crimea" are one word), a number written out the same as in
 * digits ("twelve" is "12"), each word remembering where it stands in the text, so an alignment compares what was
 * said while a diff still shows the words as written.
 */
record Words(String text, List<Word> words) {
  /**
   * One word: the term it is compared by, its offsets in the text, which part of a joined text it came from, and
   * the term the index holds for it (the same but for numbers written out).
   */
  record Word(String term, int start, int end, int part, String indexed) {}

  /** Numbers as transcripts spell them out and quotes in print write them in digits. */
  private static final java.util.Map<String, String> NUMBERS = numbers();

  Words {
    words = List.copyOf(words);
  }

  private static java.util.Map<String, String> numbers() {
    String[] small = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
      "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"};
    java.util.Map<String, String> numbers = new java.util.HashMap<>();
    for (int i = 0; i < small.length; i++) {
      numbers.put(small[i], Integer.toString(i));
    }
    String[] tens = {"thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};
    for (int i = 0; i < tens.length; i++) {
      numbers.put(tens[i], Integer.toString(30 + 10 * i));
    }
    numbers.put("hundred", "100");
    numbers.put("thousand", "1000");
    return java.util.Map.copyOf(numbers);
  }

  /** The words of {@code text} under the speech analyzer of {@code analyzer}. */
  static Words of(Analyzer analyzer, String text) {
    return of(analyzer, text, 0);
  }

  private static Words of(Analyzer analyzer, String text, int part) {
    List<Word> words = new ArrayList<>();
    // Well-formed first (the same length, so the offsets hold for text): see Utf16.wellFormed.
    try (TokenStream tokens = analyzer.tokenStream(Schema.TEXT, Utf16.wellFormed(text))) {
      CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = tokens.addAttribute(OffsetAttribute.class);
      tokens.reset();
      while (tokens.incrementToken()) {
        String surface = text.substring(offset.startOffset(), offset.endOffset()).toLowerCase(java.util.Locale.ROOT);
        String word = NUMBERS.getOrDefault(surface, term.toString());
        words.add(new Word(word, offset.startOffset(), offset.endOffset(), part, term.toString()));
      }
      tokens.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // analysing a string does no I/O
    }
    return new Words(text, words);
  }

  /** The terms words are compared by, in order. */
  List<String> terms() {
    return words.stream().map(Word::term).toList();
  }

  /** The terms the index holds for the words, in order: what a query for them looks up. */
  List<String> indexTerms() {
    return words.stream().map(Word::indexed).toList();
  }

  int size() {
    return words.size();
  }
}
