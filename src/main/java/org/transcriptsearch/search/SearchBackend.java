package org.transcriptsearch.search;

import java.io.IOException;
import java.util.List;
import org.transcriptsearch.research.People;
import org.transcriptsearch.research.QuoteResults;
import org.transcriptsearch.research.SearchExport;
import org.transcriptsearch.research.Timelines;
import org.transcriptsearch.search.Results.Episode;
import org.transcriptsearch.search.Results.FacetValue;
import org.transcriptsearch.search.Results.Health;
import org.transcriptsearch.search.Results.HighlightedUtterance;
import org.transcriptsearch.search.Results.SearchResponse;
import org.transcriptsearch.search.Results.UtteranceInContext;

/**
 * Where the API and the command line get their answers: the embedded Lucene index ({@link EmbeddedBackend}) or a
 * SolrCloud collection ({@code solr.SolrSearchBackend}). Every backend answers with the same values for the same
 * corpus; what one cannot answer it refuses with {@link UnsupportedException}, saying why. Implementations are
 * thread-safe.
 */
public interface SearchBackend {
  /** A question this backend cannot answer; its message says which and why. */
  final class UnsupportedException extends RuntimeException {
    /** Refuses with {@code message}, which names the backend and what to use instead. */
    public UnsupportedException(String message) {
      super(message);
    }
  }

  /**
   * A list answered by a backend, with how many shards it came from.
   *
   * @param values the list, as the plain call returns it
   * @param shards present only when some shards of a SolrCloud collection did not answer: the list and its counts
   *     are those of the shards that did (see {@link Results.SearchResponse#shards()}); null otherwise
   */
  record Listed<T>(List<T> values, Results.Shards shards) {
    public Listed {
      values = List.copyOf(values);
    }
  }

  /** The limits this backend was made with (time limit, page sizes, query length). */
  SearchLimits limits();

  /** This backend answering every call within {@code deadline}: all calls of one request share one time limit. */
  SearchBackend within(Deadline deadline);

  /**
   * A ranked, filtered, faceted, highlighted page of utterances (see {@link SearchService#search}).
   *
   * @throws BadRequestException for bad query syntax, an unknown field or role, or a malformed cursor
   */
  SearchResponse search(SearchRequest request) throws IOException;

  /**
   * One utterance in full with every match of {@code query} marked.
   *
   * @throws NotFoundException for an unknown id
   */
  HighlightedUtterance highlight(String utteranceId, String query) throws IOException;

  /**
   * One utterance with up to {@code context} turns before and after it.
   *
   * @throws NotFoundException for an unknown id
   * @throws BadRequestException when {@code context} is outside 0..{@value SearchService#MAX_CONTEXT}
   */
  UtteranceInContext utterance(String utteranceId, int context) throws IOException;

  /**
   * A whole transcript, with the matches of {@code query} marked (none when it is null or blank).
   *
   * @throws NotFoundException for an unknown id
   */
  Episode episode(String episodeId, String query) throws IOException;

  /**
   * Who said the most about {@code request}'s query, each speaker with their best quotes.
   *
   * @throws BadRequestException for a blank query or out-of-range limits
   */
  SpeakerSearch.SpeakersAbout speakersAbout(SearchRequest request, SpeakerSearch.AboutOptions options)
      throws IOException;

  /** Speaker names with a word starting with {@code prefix}, the most frequent first, with utterance counts. */
  List<FacetValue> speakerNames(String prefix, int limit) throws IOException;

  /**
   * {@link #speakerNames}, saying when fewer shards than the collection has answered them (a backend of one store
   * answers them whole).
   */
  default Listed<FacetValue> nameSuggestions(String prefix, int limit) throws IOException {
    return new Listed<>(speakerNames(prefix, limit), null);
  }

  /**
   * The speakers whose name has a word starting with {@code prefix} (all when blank), the most frequent first, with
   * the forms of their name, roles and programs.
   *
   * @throws BadRequestException when {@code limit} is below 1
   */
  List<SpeakerSearch.SpeakerEntry> speakers(String prefix, int limit) throws IOException;

  /** {@link #speakers}, saying when fewer shards than the collection has answered them. */
  default Listed<SpeakerSearch.SpeakerEntry> speakerList(String prefix, int limit) throws IOException {
    return new Listed<>(speakers(prefix, limit), null);
  }

  /**
   * Writes every hit of {@code request} (its query, filters, dates and sort; size and cursor ignored), at most
   * {@code limit}, as {@link SearchExport} describes.
   *
   * @throws BadRequestException for a bad query, filter or limit, before anything is written
   */
  SearchExport.Size export(SearchRequest request, SearchExport.Format format, int limit, SearchExport.Start start)
      throws IOException;

  /**
   * The hits of {@code request} (its query, filters and dates) counted per {@code interval} of air date, as
   * {@link Timelines} describes.
   *
   * @throws BadRequestException for bad query syntax or filters
   */
  Timelines.Timeline timeline(SearchRequest request, Timelines.Interval interval) throws IOException;

  /**
   * The record of the person {@code typed} names, as {@link People#of} describes.
   *
   * @throws NotFoundException when no speaker has that name
   */
  People.Person person(String typed) throws IOException;

  /**
   * The closest utterances to the quote {@code text} among those that pass {@code filters}' filters and dates (its
   * query is ignored), at most {@code size}, with a verdict, as {@code research.QuoteChecker} describes.
   *
   * @throws BadRequestException when the text is blank, has no words, is too long, or size is out of range
   */
  default QuoteResults.QuoteCheck checkQuote(String text, SearchRequest filters, int size) throws IOException {
    throw new UnsupportedException("this backend does not check quotes");
  }

  /** How many utterances and transcripts the backend holds. */
  Health health() throws IOException;

  /** The embedded search service, for the views only the embedded index answers; null on other backends. */
  default SearchService embedded() {
    return null;
  }
}
