package org.transcriptsearch.search;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.transcriptsearch.dedup.StoredTranscripts;
import org.transcriptsearch.index.Schema;
import org.transcriptsearch.model.Source;
import org.transcriptsearch.search.Results.EpisodeRef;
import org.transcriptsearch.search.Results.Highlight;
import org.transcriptsearch.search.Results.Hit;
import org.transcriptsearch.search.Results.Utterance;
import org.transcriptsearch.speakers.SpeakerAliases;

/**
 * The answers a search makes from stored utterances, for a backend other than the embedded index: the stored fields
 * of an utterance (as a Lucene {@link Document} of {@link Schema}'s fields) read into hits, utterances and episodes,
 * highlighted by the same highlighter, with the same display names, filter values and soundbite folding, so that
 * every backend answers alike. Stateless.
 */
public final class StoredAnswers {
  /** How many values each facet dimension lists. */
  public static final int FACET_SIZE = SearchService.FACET_SIZE;

  private StoredAnswers() {}

  /** The stories that aired one soundbite: up to {@link #COPIES_READ} ids, and whether there are more. */
  public record Copies(java.util.SortedSet<String> episodes, boolean atLeast) {}

  /** Copies of one soundbite read to count its stories. */
  public static final int COPIES_READ = Soundbites.READ;

  /** Finds the stories that aired a soundbite, by its key. */
  public interface CopyFinder {
    /** The copies of the soundbite of {@code key}. */
    Copies find(String key) throws IOException;
  }

  /** A page of hits with the copies of one soundbite folded into its first hit. */
  public record Folded(List<Hit> hits, int collapsed) {}

  /** The text of a stored utterance. */
  public static String text(Document doc) {
    return StoredUtterances.text(doc);
  }

  /** The turn number of a stored utterance. */
  public static int turn(Document doc) {
    return StoredUtterances.turn(doc);
  }

  /** The episode a stored utterance belongs to. */
  public static EpisodeRef episode(Document doc) {
    return StoredUtterances.episode(doc);
  }

  /** The episode's topics, from any of its stored utterances. */
  public static List<String> episodeTopics(Document doc) {
    return StoredUtterances.episodeTopics(doc);
  }

  /** A stored utterance, its speaker under {@code name}. */
  public static Utterance utterance(Document doc, String name) {
    return StoredUtterances.utterance(doc, name);
  }

  /** A hit as a search lists it: its citation and permalink, {@code score} (0 for none), its highlights. */
  public static Hit hit(Document doc, String name, float score, List<Highlight> highlights) {
    return new Hit(
        doc.get(Schema.ID),
        StoredUtterances.episode(doc),
        StoredUtterances.turn(doc),
        StoredUtterances.speakerRef(doc, name),
        StoredUtterances.topics(doc),
        Float.isNaN(score) ? 0f : score,
        StoredUtterances.text(doc),
        highlights,
        StoredUtterances.citation(doc, name),
        StoredUtterances.permalink(doc));
  }

  /** The copies of the story an episode stands for; one stored before sources were kept is its own one copy. */
  public static List<Source> sources(Document first, EpisodeRef ref) {
    List<Source> stored = StoredTranscripts.sources(first);
    return stored.isEmpty() ? List.of(new Source(ref.id(), first.get(Schema.SOURCE), ref.url(), null)) : stored;
  }

  /**
   * The highlights of each of {@code docIds} (documents of {@code searcher} with the text field indexed with offsets,
   * whose texts are {@code texts}), as a search page shows them.
   */
  public static List<List<Highlight>> passages(
      IndexSearcher searcher, Analyzer analyzer, Query query, int[] docIds, List<String> texts, int passages,
      int fragmentSize) throws IOException {
    return Highlighting.of(searcher, analyzer, query, docIds, texts, passages, fragmentSize);
  }

  /** For each of {@code docIds}, all of its text with every match of {@code query} marked. */
  public static List<Highlight> whole(
      IndexSearcher searcher, Analyzer analyzer, Query query, int[] docIds, List<String> texts) throws IOException {
    return Highlighting.whole(searcher, analyzer, query, docIds, texts);
  }

  /** The display name of a speaker among the forms of their name, each with its utterance count. */
  public static String displayName(Map<String, Integer> forms, String key) {
    return SpeakerDirectory.mostCommon(forms, key);
  }

  /** The speaker keys among {@code keys} that {@code typed} names, as a speaker filter reads it. */
  public static List<String> speakerKeys(List<String> keys, String typed, SpeakerAliases aliases) {
    return FacetLabels.speakerKeys(keys, typed, aliases);
  }

  /** The labels among {@code labels} that {@code typed} names exactly (case and accents aside). */
  public static List<String> exact(List<String> labels, String typed) {
    return FacetLabels.exact(labels, typed);
  }

  /** How many utterances a search finds in a store. */
  public interface Counter {
    /** The hits of {@code request}, as a search counts them. */
    long count(SearchRequest request) throws IOException;
  }

  /**
   * What would give results when a search found nothing (or only a partial match): fewer filters, no quotes, no
   * dates, a speaker's name as a word of speech, else what the filters alone hold; each counted by {@code counter}.
   */
  public static List<Results.Alternative> help(Counter counter, SearchRequest request, boolean nothing)
      throws IOException {
    return ZeroResults.help(counter::count, request, nothing);
  }

  /**
   * Spellings of the query's words and names that {@code spellings} holds, each with its hit count by
   * {@code counter}, as the embedded index offers them for a search that found nothing (or only a partial match).
   */
  public static List<Results.Alternative> didYouMean(
      Spellings spellings, Counter counter, SearchRequest request, org.transcriptsearch.query.Reading reading)
      throws IOException {
    return ZeroResults.didYouMean(spellings, counter::count, request, reading);
  }

  /** {@code hits} (of {@code docs}, in rank order) with where else each aired, copies after the first folded. */
  public static Folded fold(List<Document> docs, List<Hit> hits, CopyFinder finder) throws IOException {
    Soundbites.Page page =
        Soundbites.fold(docs, hits, key -> {
          Copies found = finder.find(key);
          return new Soundbites.Copies(found.episodes(), found.atLeast());
        });
    return new Folded(page.hits(), page.collapsed());
  }
}
