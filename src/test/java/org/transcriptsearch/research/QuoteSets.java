package org.transcriptsearch.research;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.transcriptsearch.model.Transcript;
import org.transcriptsearch.model.TranscriptIds;
import org.transcriptsearch.model.Turn;

/**
 * Quotes to measure the quote check with: true quotes cut from real turns, the same quotes altered as quotes are in
 * print (a word changed, words dropped or added, clauses swapped, a paraphrased middle, quote marks and case, a
 * quote over two turns of one speaker), and invented quotes nobody said. The same seed gives the same set.
 */
final class QuoteSets {
  /** A quote to check, what kind it is, and the utterance it comes from (null for an invented one). */
  record Probe(String kind, String text, String source) {
    boolean said() {
      return source != null;
    }
  }

  /** A turn quotes are cut from: its utterance id, transcript, number, speaker and text. */
  record Utt(String id, String episodeId, int turn, String speaker, String text) {}

  /** The turns of {@code transcripts}, in order. */
  static List<Utt> turns(List<Transcript> transcripts) {
    List<Utt> out = new ArrayList<>();
    for (Transcript t : transcripts) {
      for (Turn turn : t.turns()) {
        out.add(new Utt(TranscriptIds.utterance(t.id(), turn.n()), t.id(), turn.n(), turn.speaker().name(), turn.text()));
      }
    }
    return out;
  }

  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'’-]*");
  private static final String[] SWAPS = {"should", "never", "always", "people", "government", "perhaps", "must"};
  private static final String[] FILLERS = {"you know,", "really", "of course", "frankly"};
  private static final String[] PARAPHRASES = {"in a way nobody expected", "more or less", "as we all know"};

  /** Invented quotes on the bundled corpus's subjects, in its words, that nobody in it said. */
  static final List<String> INVENTED_NEWS =
      List.of(
          "Russia will never give Crimea back to Ukraine, whatever the West decides.",
          "Kerry told reporters in Paris that the talks had failed completely.",
          "The foreign minister said sanctions against Moscow would be lifted by summer.",
          "We have no troops in Crimea and we never had any plans to send them.",
          "The Syrian opposition agreed to a ceasefire in Aleppo starting tomorrow.",
          "Munich was the last chance for diplomacy before the war spread to Europe.",
          "Lavrov and Kerry shook hands and promised to meet again next week in Geneva.",
          "Families in Aleppo are returning home now that the shelling has stopped.",
          "The United States is ready to recognize the referendum in Crimea.",
          "Our government will send humanitarian aid to the refugees in Turkey.",
          "Mogherini said Europe would not accept a divided Syria under any conditions.",
          "Western diplomats admit the satellite pictures show no Russian troops at all.",
          "The president will address the nation tonight about the crisis in Ukraine.",
          "I think the election results will be announced late on Sunday evening.",
          "Nobody in Brussels expected the vote on the budget to fail so badly.");

  private QuoteSets() {}

  /** {@code count} true quotes, each also altered in every way, from {@code turns}. */
  static List<Probe> said(List<Utt> turns, int count, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    List<Probe> probes = new ArrayList<>();
    List<Utt> long_ = turns.stream().filter(u -> words(u.text()).size() >= 12).toList();
    for (int k = 0; k < count && !long_.isEmpty(); k++) {
      Utt pick = long_.get(rng.nextInt(long_.size()));
      List<String> span = span(words(pick.text()), rng);
      String id = pick.id();
      probes.add(new Probe("exact", String.join(" ", span), id));
      probes.add(new Probe("quote marks, case, punctuation", "“" + bare(span).toLowerCase() + "”", id));
      probes.add(new Probe("a word changed", String.join(" ", changed(span, rng)), id));
      probes.add(new Probe("words dropped", String.join(" ", dropped(span, rng)), id));
      probes.add(new Probe("words added", String.join(" ", added(span, rng)), id));
      probes.add(new Probe("clauses swapped", swapped(span, rng), id));
      probes.add(new Probe("middle paraphrased", String.join(" ", paraphrased(span, rng)), id));
    }
    probes.addAll(split(turns, Math.max(1, count / 2), rng));
    return probes;
  }

  /** Quotes over the end of one turn and the start of the same speaker's next turn, past an interjection. */
  static List<Probe> split(List<Utt> turns, int count, SplittableRandom rng) {
    List<Probe> probes = new ArrayList<>();
    for (int i = 0; i + 2 < turns.size() && probes.size() < count; i++) {
      Utt a = turns.get(i);
      Utt b = turns.get(i + 2);
      List<String> first = words(a.text());
      List<String> second = words(b.text());
      if (a.episodeId().equals(b.episodeId()) && b.turn() == a.turn() + 2 && a.speaker().equals(b.speaker())
          && first.size() >= 8 && second.size() >= 8 && rng.nextInt(2) == 0) {
        String text = String.join(" ", first.subList(first.size() - 7, first.size())) + " "
            + String.join(" ", second.subList(0, 7));
        probes.add(new Probe("over two turns", text, a.id()));
      }
    }
    return probes;
  }

  /** {@code count} invented quotes: spans of turns of {@code others}, which are not in the index. */
  static List<Probe> invented(List<Utt> others, int count, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    List<Probe> probes = new ArrayList<>();
    List<String> texts = others.stream().map(Utt::text).toList();
    while (probes.size() < count) {
      List<String> words = words(texts.get(rng.nextInt(texts.size())));
      if (words.size() >= 12) {
        probes.add(new Probe("invented", String.join(" ", span(words, rng)), null));
      }
    }
    return probes;
  }

  static List<Probe> inventedNews() {
    return INVENTED_NEWS.stream().map(text -> new Probe("invented", text, null)).toList();
  }

  /** The words of a text with the punctuation attached to them ("future."), as a quote is copied. */
  static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    for (String w : text.split("\\s+")) {
      if (!w.isBlank()) {
        words.add(w);
      }
    }
    return words;
  }

  private static List<String> span(List<String> words, SplittableRandom rng) {
    int length = Math.min(words.size(), 10 + rng.nextInt(11));
    int start = rng.nextInt(words.size() - length + 1);
    return new ArrayList<>(words.subList(start, start + length));
  }

  private static String bare(List<String> span) {
    List<String> out = new ArrayList<>();
    for (String w : span) {
      Matcher m = WORD.matcher(w);
      while (m.find()) {
        out.add(m.group());
      }
    }
    return String.join(" ", out);
  }

  private static List<String> changed(List<String> span, SplittableRandom rng) {
    List<String> out = new ArrayList<>(span);
    int at = 1 + rng.nextInt(out.size() - 2);
    String swap = SWAPS[rng.nextInt(SWAPS.length)];
    out.set(at, out.get(at).equalsIgnoreCase(swap) ? "often" : swap);
    return out;
  }

  private static List<String> dropped(List<String> span, SplittableRandom rng) {
    List<String> out = new ArrayList<>(span);
    int at = 1 + rng.nextInt(out.size() - 3);
    out.remove(at);
    out.remove(at);
    return out;
  }

  private static List<String> added(List<String> span, SplittableRandom rng) {
    List<String> out = new ArrayList<>(span);
    out.add(1 + rng.nextInt(out.size() - 1), FILLERS[rng.nextInt(FILLERS.length)]);
    return out;
  }

  private static String swapped(List<String> span, SplittableRandom rng) {
    int cut = span.size() / 3 + rng.nextInt(Math.max(1, span.size() / 3));
    return String.join(" ", span.subList(cut, span.size())) + ", " + String.join(" ", span.subList(0, cut));
  }

  private static List<String> paraphrased(List<String> span, SplittableRandom rng) {
    int third = span.size() / 3;
    int length = Math.max(2, third / 2 + 1);
    List<String> out = new ArrayList<>(span.subList(0, third));
    out.add(PARAPHRASES[rng.nextInt(PARAPHRASES.length)]);
    out.addAll(span.subList(third + length, span.size()));
    return out;
  }
}
