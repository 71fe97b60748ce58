package org.transcriptsearch.generate;

import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import org.transcriptsearch.topics.TopicTagger;

/**
 * Builds speech: sentences of Zipf-distributed common words, capitalised and punctuated, with the story's topics
 * and newsmakers woven in at its mention rate. Thread-safe; each call draws from the caller's random source.
 *
 * <p>Sentences never open with a word that would read as a topic once capitalised ("Turkey"), nor with words that
 * page footers begin with ("Support", "Donate"), and never with a name: parsers of real pages rightly treat such
 * paragraphs as boilerplate. Speech never says "I'm", which is reserved for hosts introducing themselves.
 */
final class Speech {
  /** Words that open page furniture and footers ("Support local journalism", "By Reporter", "Tags"). */
  private static final Set<String> NOT_INITIAL =
      Set.of("give", "support", "please", "donate", "see", "more", "related", "sign", "tags", "comments",
          "recommended", "you", "to", "by", "listen", "share", "email", "heard", "updated", "published", "next",
          "watch", "read", "photo", "transcript", "copyright", "schedule", "search", "menu", "close", "playing",
          "and", "or", "okay", "yes", "yeah", "no", "um", "uh", "oh", "hey", "hi", "hello", "wow", "thanks", "thank",
          "sorry", "ma'am", "sir");

  private static final String[] CONNECTORS = {"in", "about", "from", "over", "and", "with"};

  private final Vocabulary vocabulary;
  private final boolean[] safeInitial;
  /** The rank of "community", and the words that must not follow it (see {@link #continuesFooterPhrase}). */
  private final int community;
  private final boolean[] notAfterCommunity;
  /** Each word with the space, or comma and space, before it: one append per word. */
  private final String[] spaced;
  private final String[] commaSpaced;

  /**
   * Speech from {@code vocabulary}; {@code tagger} tells which capitalised words would mention a topic.
   */
  Speech(Vocabulary vocabulary, TopicTagger tagger) {
    this.vocabulary = vocabulary;
    this.safeInitial = new boolean[vocabulary.size()];
    for (int i = 0; i < vocabulary.size(); i++) {
      String w = vocabulary.word(i);
      safeInitial[i] = !NOT_INITIAL.contains(w.toLowerCase(Locale.ROOT)) && tagger.mentioned(capitalised(w)).isEmpty();
    }
    int found = -1;
    this.notAfterCommunity = new boolean[vocabulary.size()];
    for (int i = 0; i < vocabulary.size(); i++) {
      String w = vocabulary.word(i);
      found = w.equals("community") ? i : found;
      notAfterCommunity[i] = w.startsWith("policy") || w.startsWith("rules") || w.startsWith("guidelines");
    }
    this.community = found;
    this.spaced = new String[vocabulary.size()];
    this.commaSpaced = new String[vocabulary.size()];
    for (int i = 0; i < vocabulary.size(); i++) {
      spaced[i] = " " + vocabulary.word(i);
      commaSpaced[i] = ", " + vocabulary.word(i);
    }
  }

  /** The vocabulary the speech draws from. */
  Vocabulary vocabulary() {
    return vocabulary;
  }

  /**
   * Appends sentences of about {@code words} words in all to {@code out}, separated by single spaces.
   *
   * @param questions the chance that a sentence is a question
   * @return how many words were appended
   */
  int sentences(StringBuilder out, SplittableRandom rng, int words, Mentions mentions, double questions) {
    int written = 0;
    while (written < words) {
      int remaining = words - written;
      int length = Math.min(remaining, Draws.logNormal(rng, 11, 0.5, 3));
      if (remaining - length < 3) {
        length = remaining;
      }
      if (written > 0) {
        out.append(' ');
      }
      written += sentence(out, rng, length, mentions, questions);
    }
    return written;
  }

  /** Appends one sentence of about {@code length} words; returns the words appended. */
  int sentence(StringBuilder out, SplittableRandom rng, int length, Mentions mentions, double questions) {
    int mentionAt = length >= 6 && mentions.rate() > 0 && Draws.chance(rng, mentions.rate())
        ? 3 + rng.nextInt(length - 4) : -1;
    int written = 0;
    int previous = initialIndex(rng);
    out.append(capitalised(vocabulary.word(previous)));
    written++;
    for (int i = 1; i < length; i++) {
      // One random number per word: 16 bits pick the word, the next bits decide on a comma before it.
      long bits = rng.nextLong();
      boolean comma = i > 1 && i < length - 1 && ((bits >>> 16) & 15) == 0;
      if (i == mentionAt) {
        out.append(comma ? ", " : " ");
        written += appendMention(out, rng, mentions.draw(rng));
        previous = -1;
      } else {
        int word = vocabulary.indexFromBits((int) bits);
        while (continuesFooterPhrase(previous, word)) {
          word = vocabulary.drawIndex(rng);
        }
        out.append(comma ? commaSpaced[word] : spaced[word]);
        previous = word;
        written++;
      }
    }
    out.append(Draws.chance(rng, questions) ? '?' : '.');
    return written;
  }

  /** A story title: four to seven title-cased words, led by a topic or newsmaker when the story has one. */
  String title(SplittableRandom rng, Mentions mentions) {
    StringBuilder title = new StringBuilder();
    int words = 4 + rng.nextInt(4);
    if (!mentions.isEmpty()) {
      title.append(mentions.draw(rng));
      words--;
    }
    for (int i = 0; i < words; i++) {
      if (!title.isEmpty()) {
        title.append(' ');
      }
      title.append(capitalised(initialWord(rng)));
    }
    return title.toString();
  }

  /**
   * True when {@code word} after {@code previous} would make "community policy", "community rules" or
   * "community guidelines", which end a page wherever they occur: parsers take them for a comment policy footer.
   */
  private boolean continuesFooterPhrase(int previous, int word) {
    return previous == community && notAfterCommunity[word];
  }

  private int appendMention(StringBuilder out, SplittableRandom rng, String phrase) {
    int words = 1;
    if (rng.nextInt(3) > 0) {
      out.append(Draws.pick(rng, CONNECTORS)).append(' ');
      words++;
    }
    out.append(phrase);
    for (int i = 0; i < phrase.length(); i++) {
      if (phrase.charAt(i) == ' ') {
        words++;
      }
    }
    return words;
  }

  private String initialWord(SplittableRandom rng) {
    return vocabulary.word(initialIndex(rng));
  }

  private int initialIndex(SplittableRandom rng) {
    while (true) {
      int i = vocabulary.drawIndex(rng);
      if (safeInitial[i]) {
        return i;
      }
    }
  }

  static String capitalised(String word) {
    if (word.isEmpty() || Character.isUpperCase(word.charAt(0))) {
      return word;
    }
    return Character.toUpperCase(word.charAt(0)) + word.substring(1);
  }
}
