package org.transcriptsearch.query;

import java.util.Set;
import org.transcriptsearch.text.Folding;

/**
 * Words a question is made of that say nothing about what was said: English stop words ("the", "of") and the words
 * of a question ("what has Lavrov said about Crimea"). They are left out of a query's required words, so they never
 * make a query fail; a query of nothing else keeps them, and inside quotes they always count.
 */
final class StopWords {
  private static final Set<String> WORDS =
      Set.of(
          // Lucene's English stop words, less "no", "not" and "and"/"or" (operators here)
          "a", "an", "are", "as", "at", "be", "but", "by", "for", "if", "in", "into", "is", "it", "of", "on",
          "such", "that", "the", "their", "then", "there", "these", "they", "this", "to", "was", "will", "with",
          // the words of a question
          "what", "who", "whom", "whose", "which", "when", "where", "why", "how", "has", "have", "had", "did",
          "does", "do", "said", "say", "says", "saying", "talk", "talked", "talking", "tell", "told",
          "think", "thinks", "thought", "speak", "spoke", "about", "regarding", "concerning", "me", "i", "you",
          "he", "she", "we", "his", "her", "its", "our", "been", "were", "ever", "anything", "everything",
          "any", "mentioned", "mention", "comments", "comment", "remarks", "views", "thoughts", "opinion",
          "position", "stance");

  private StopWords() {}

  static boolean contains(String word) {
    return WORDS.contains(Folding.fold(word));
  }
}
