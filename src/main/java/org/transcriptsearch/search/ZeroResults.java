package org.transcriptsearch.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.transcriptsearch.index.Schema;
import org.transcriptsearch.index.TranscriptIndex;
import org.transcriptsearch.query.Field;
import org.transcriptsearch.query.QueryNode;
import org.transcriptsearch.query.Reading;
import org.transcriptsearch.search.Results.Alternative;
import org.transcriptsearch.search.Results.Interpreted;
import org.transcriptsearch.speakers.SpeakerNames;
import org.transcriptsearch.text.Folding;

/**
 * What a search that found nothing (or only partial matches) should say instead: the same words without the
 * speaker filter, without quotes, without the other filters; "did you mean" for words and names the index does not
 * hold, from Lucene's spell checker over the index's own spoken words and speaker names. Every alternative comes
 * with its hit count from the same snapshot. Thread-safe.
 */
final class ZeroResults {
  private static final Pattern SPEAKER_FIELD = Pattern.compile("(?i)\\b(?:speaker|speakers|by):");
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}]+");
  private static final Pattern DATE_FIELD =
      Pattern.compile("(?i)(?<![\\p{L}])(?:date|aired|year|month|day|from|since|to|until):(?:\\[[^\\]}]*[\\]}]|\\{[^\\]}]*[\\]}]|\\S+)");

  private final SearchService search;

  ZeroResults(SearchService search) {
    this.search = search;
  }

  /** The speaker a question was read to name, with the literal reading and its count; null when none. */
  Interpreted interpreted(
      TranscriptIndex.View view, IndexSearcher searcher, SearchRequest request, Reading reading) throws IOException {
    if (reading.interpreted() == null) {
      return null;
    }
    long literal = count(view, searcher, request.withLiteral());
    Alternative alternative =
        new Alternative(
            "read literally, as words anyone said: " + literal + " " + utterances(literal),
            null, Map.of("literal", "true"), literal);
    return new Interpreted(reading.interpreted().speaker(), reading.interpreted().words(), alternative);
  }

  /**
   * What would give results: fewer filters, no quotes, no dates, the speaker's name as a word of speech; when
   * {@code nothing} was found and none of those helps, what the filters alone hold.
   */
  List<Alternative> help(
      TranscriptIndex.View view, IndexSearcher searcher, SearchRequest request, Reading reading, boolean nothing)
      throws IOException {
    return help(r -> count(view, searcher, r), request, nothing);
  }

  /** How many utterances a search finds, in whichever store it runs. */
  interface Counter {
    /** The hits of {@code request}, as a search counts them. */
    long count(SearchRequest request) throws IOException;
  }

  /** As {@link #help(TranscriptIndex.View, IndexSearcher, SearchRequest, Reading, boolean)}, counting with {@code counter}. */
  static List<Alternative> help(Counter counter, SearchRequest request, boolean nothing) throws IOException {
    List<Alternative> out = new ArrayList<>();
    if (!request.speakers().isEmpty()) {
      long n = counter.count(request.withSpeakers(List.of()));
      add(out, "without the speaker filter: " + n + " " + utterances(n), null, Map.of("speaker", ""), n);
    }
    String query = request.query();
    if (SPEAKER_FIELD.matcher(query).find()) {
      String mentioned = SPEAKER_FIELD.matcher(query).replaceAll("");
      long n = counter.count(request.withQuery(mentioned));
      add(out, "as words of speech (mentioned, not said by): " + n + " " + utterances(n) + " for " + mentioned,
          mentioned, Map.of(), n);
    }
    if (query.indexOf('"') >= 0 || query.indexOf('\u201C') >= 0) {
      String unquoted = query.replaceAll("[\"\u201C\u201D\u201E\u00AB\u00BB]", " ").strip();
      long n = safeCount(counter, request.withQuery(unquoted));
      add(out, "without quotes: " + n + " " + utterances(n) + " for " + unquoted, unquoted, Map.of(), n);
    }
    if (DATE_FIELD.matcher(query).find()) {
      String undated = DATE_FIELD.matcher(query).replaceAll("").strip().replaceAll("\\s+", " ");
      long n = safeCount(counter, request.withQuery(undated));
      String what = undated.isEmpty() ? "" : " for " + undated;
      add(out, "without the dates in the query: " + n + " " + utterances(n) + what, undated, Map.of(), n);
    }
    Map<String, String> dropped = new LinkedHashMap<>();
    if (!request.programs().isEmpty()) dropped.put("program", "");
    if (!request.topics().isEmpty()) dropped.put("topic", "");
    if (!request.roles().isEmpty()) dropped.put("role", "");
    if (request.from() != null) dropped.put("from", "");
    if (request.to() != null) dropped.put("to", "");
    if (!dropped.isEmpty()) {
      SearchRequest wider =
          new SearchRequest(request.query(), request.speakers(), List.of(), List.of(), List.of(), null, null,
              request.sort(), request.size(), null, request.passages(), request.fragmentSize(), request.exact(),
              request.literal());
      long n = counter.count(wider);
      add(out, "without the " + String.join(", ", dropped.keySet()) + " filter" + (dropped.size() > 1 ? "s" : "")
          + ": " + n + " " + utterances(n), null, dropped, n);
    }
    if (out.isEmpty() && nothing && !query.isBlank()) {
      // Nothing narrower helps: say what the filters alone hold, so an empty answer always points somewhere.
      boolean filtered = !request.speakers().isEmpty() || !dropped.isEmpty();
      long n = counter.count(request.withQuery(""));
      add(out, (filtered ? "the filters alone, without the query: " : "no utterance matches the query; every utterance: ")
          + n + " " + utterances(n), "", Map.of(), n);
    }
    return out;
  }

  /** Spellings of the query's words and names that the index holds, each with the hits it would give. */
  List<Alternative> didYouMean(
      TranscriptIndex.View view, IndexSearcher searcher, SearchRequest request, Reading reading) throws IOException {
    IndexReader reader = searcher.getIndexReader();
    Spellings index = new Spellings() {
      @Override
      public IndexReader near(String field, String folded) {
        return reader;
      }

      @Override
      public String speakerNamed(String typed) throws IOException {
        return search.speakerNamed(view, typed);
      }

      @Override
      public boolean speakerMissing(String typed) throws IOException {
        return search.speakerKeysMissing(view, typed);
      }
    };
    return didYouMean(index, r -> count(view, searcher, r), request, reading);
  }

  /**
   * Spellings of the query's words and names that {@code spellings} holds, each with the hits {@code counter} counts
   * for it: the same suggestions from any store whose spellings give the same terms and document frequencies.
   */
  static List<Alternative> didYouMean(Spellings spellings, Counter counter, SearchRequest request, Reading reading)
      throws IOException {
    List<Alternative> out = new ArrayList<>();
    Set<String> textWords = new LinkedHashSet<>();
    Set<String> speakerWords = new LinkedHashSet<>();
    words(reading.literal(), textWords, speakerWords);
    DirectSpellChecker checker = new DirectSpellChecker();
    String corrected = request.query();
    boolean changed = false;
    for (String word : textWords) {
      String better = better(checker, spellings, Schema.TEXT_SURFACE, word);
      if (better != null) {
        corrected = replaceWord(corrected, word, better);
        changed = true;
      }
    }
    List<String> people = new ArrayList<>();
    for (String word : speakerWords) {
      String better = better(checker, spellings, Schema.SPEAKER, word);
      if (better != null) {
        corrected = replaceWord(corrected, word, better);
        changed = true;
        String name = spellings.speakerNamed(better);
        if (name != null) {
          people.add(name);
        }
      }
    }
    if (changed) {
      long n = safeCount(counter, request.withQuery(corrected));
      String named = people.isEmpty() ? "" : String.join(", ", people) + " (" + corrected + ")";
      add(out, "did you mean " + (named.isEmpty() ? corrected : named) + "? " + n + " " + utterances(n), corrected,
          Map.of(), n);
    }
    List<String> speakers = new ArrayList<>();
    for (String typed : request.speakers()) {
      if (spellings.speakerMissing(typed)) {
        String name = suggestSpeaker(checker, spellings, typed);
        speakers.add(name == null ? typed : name);
      } else {
        speakers.add(typed);
      }
    }
    if (!speakers.equals(request.speakers())) {
      long n = counter.count(request.withSpeakers(speakers));
      add(out, "did you mean " + String.join(", ", speakers) + "? " + n + " " + utterances(n), null,
          Map.of("speaker", String.join(",", speakers)), n);
    }
    return out;
  }

  /** The display name of the speaker whose name is closest to {@code typed}, or null. */
  private static String suggestSpeaker(DirectSpellChecker checker, Spellings spellings, String typed)
      throws IOException {
    List<String> words = new ArrayList<>();
    for (String w : SpeakerNames.words(typed)) {
      String better = better(checker, spellings, Schema.SPEAKER, w);
      words.add(better == null ? w : better);
    }
    return spellings.speakerNamed(String.join(" ", words));
  }

  private static String better(DirectSpellChecker checker, Spellings spellings, String field, String word)
      throws IOException {
    String folded = Folding.fold(word);
    if (folded.length() < checker.getMinQueryLength()) {
      return null;
    }
    IndexReader reader = spellings.near(field, folded);
    if (reader.docFreq(new Term(field, folded)) > 0) {
      return null;
    }
    SuggestWord[] found =
        checker.suggestSimilar(new Term(field, folded), 1, reader, SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
    return found.length == 0 ? null : found[0].string;
  }

  private static void words(QueryNode node, Set<String> text, Set<String> speaker) {
    switch (node) {
      case QueryNode.Term t when t.field() == Field.TEXT -> addWords(t.text(), text);
      case QueryNode.Term t when t.field() == Field.SPEAKER -> addWords(t.text(), speaker);
      case QueryNode.Phrase p when p.field() == Field.TEXT -> addWords(p.text(), text);
      case QueryNode.Phrase p when p.field() == Field.SPEAKER -> addWords(p.text(), speaker);
      case QueryNode.Bool b ->
          b.clauses().stream()
              .filter(c -> c.occur() != QueryNode.Occur.MUST_NOT)
              .forEach(c -> words(c.node(), text, speaker));
      case QueryNode.AnyOf a -> {
        if (!a.alternatives().isEmpty()) {
          words(a.alternatives().get(0), text, speaker);
        }
      }
      case QueryNode.Boosted b -> words(b.node(), text, speaker);
      default -> {}
    }
  }

  private static void addWords(String text, Set<String> into) {
    Matcher m = WORD.matcher(text);
    while (m.find()) {
      into.add(m.group());
    }
  }

  /** {@code query} with the whole word {@code word} (any case) replaced by {@code by}. */
  static String replaceWord(String query, String word, String by) {
    return Pattern.compile("(?i)(?<![\\p{L}\\p{M}])" + Pattern.quote(word) + "(?![\\p{L}\\p{M}])")
        .matcher(query)
        .replaceAll(Matcher.quoteReplacement(by));
  }

  private long count(TranscriptIndex.View view, IndexSearcher searcher, SearchRequest request) throws IOException {
    return searcher.count(search.query(view, request));
  }

  /** A count of an alternative built from the typed text, which may not read: then it has no hits. */
  private static long safeCount(Counter counter, SearchRequest request) throws IOException {
    try {
      return counter.count(request);
    } catch (BadRequestException e) {
      return 0;
    }
  }

  private static void add(List<Alternative> out, String message, String q, Map<String, String> params, long hits) {
    if (hits > 0) {
      out.add(new Alternative(message, q, params, hits));
    }
  }

  private static String utterances(long n) {
    return n == 1 ? "utterance" : "utterances";
  }
}
