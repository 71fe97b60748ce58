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

/**
 * The words of a text as the index's speech analyzer sees them: punctuation, quote marks, case, accents,
 * possessives and inflections gone ("Crimea's" and "crimea" are one word), each word remembering where it stands in
 * the text, so an alignment compares what was said while a diff still shows the words as written.
 */
record Words(String text, List<Word> words) {
  /** One word: its analysed term, its offsets in the text, and which part of a joined text it came from. */
  record Word(String term, int start, int end, int part) {}

  Words {
    words = List.copyOf(words);
  }

  /** The words of {@code text} under the speech analyzer of {@code analyzer}. */
  static Words of(Analyzer analyzer, String text) {
    return of(analyzer, text, 0);
  }

  private static Words of(Analyzer analyzer, String text, int part) {
    List<Word> words = new ArrayList<>();
    try (TokenStream tokens = analyzer.tokenStream(Schema.TEXT, text)) {
      CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = tokens.addAttribute(OffsetAttribute.class);
      tokens.reset();
      while (tokens.incrementToken()) {
        words.add(new Word(term.toString(), offset.startOffset(), offset.endOffset(), part));
      }
      tokens.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // analysing a string does no I/O
    }
    return new Words(text, words);
  }

  /** The words of {@code texts} one after the other, each word knowing which text it is from. */
  static List<Word> joined(Analyzer analyzer, List<String> texts) {
    List<Word> all = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      all.addAll(of(analyzer, texts.get(i), i).words());
    }
    return all;
  }

  /** The analysed terms, in order. */
  List<String> terms() {
    return words.stream().map(Word::term).toList();
  }

  int size() {
    return words.size();
  }
}
