package org.transcriptsearch.search;

import java.io.IOException;
import java.util.List;
import org.transcriptsearch.research.People;
import org.transcriptsearch.research.QuoteChecker;
import org.transcriptsearch.research.QuoteResults;
import org.transcriptsearch.research.SearchExport;
import org.transcriptsearch.research.Timelines;
import org.transcriptsearch.index.TranscriptIndex;
import org.transcriptsearch.search.Results.Episode;
import org.transcriptsearch.search.Results.FacetValue;
import org.transcriptsearch.search.Results.Health;
import org.transcriptsearch.search.Results.HighlightedUtterance;
import org.transcriptsearch.search.Results.SearchResponse;
import org.transcriptsearch.search.Results.UtteranceInContext;

/**
 * The embedded Lucene index as a {@link SearchBackend}: every call goes to its {@link SearchService} and
 * {@link SpeakerSearch} as they are. Thread-safe.
 */
public final class EmbeddedBackend implements SearchBackend {
  private final SearchService search;
  private final SpeakerSearch speakers;

  /** The backend answering from {@code search} and {@code speakers} (both over one index). */
  public EmbeddedBackend(SearchService search, SpeakerSearch speakers) {
    this.search = search;
    this.speakers = speakers;
  }

  /** The backend over {@code index} with the default limits. */
  public static EmbeddedBackend of(TranscriptIndex index) {
    SearchService search = new SearchService(index);
    return new EmbeddedBackend(search, new SpeakerSearch(index, search));
  }

  @Override
  public SearchLimits limits() {
    return search.limits();
  }

  @Override
  public EmbeddedBackend within(Deadline deadline) {
    return new EmbeddedBackend(search.within(deadline), speakers == null ? null : speakers.within(deadline));
  }

  @Override
  public SearchResponse search(SearchRequest request) throws IOException {
    return search.search(request);
  }

  @Override
  public HighlightedUtterance highlight(String utteranceId, String query) throws IOException {
    return search.highlight(utteranceId, query);
  }

  @Override
  public UtteranceInContext utterance(String utteranceId, int context) throws IOException {
    return search.utterance(utteranceId, context);
  }

  @Override
  public Episode episode(String episodeId, String query) throws IOException {
    return search.episode(episodeId, query);
  }

  @Override
  public SpeakerSearch.SpeakersAbout speakersAbout(SearchRequest request, SpeakerSearch.AboutOptions options)
      throws IOException {
    return speakers.about(request, options);
  }

  @Override
  public List<FacetValue> speakerNames(String prefix, int limit) throws IOException {
    return speakers.complete(prefix, limit);
  }

  @Override
  public List<SpeakerSearch.SpeakerEntry> speakers(String prefix, int limit) throws IOException {
    return speakers.list(prefix, limit);
  }

  @Override
  public SearchExport.Size export(
      SearchRequest request, SearchExport.Format format, int limit, SearchExport.Start start) throws IOException {
    return new SearchExport(search).export(request, format, limit, start);
  }

  @Override
  public Timelines.Timeline timeline(SearchRequest request, Timelines.Interval interval) throws IOException {
    return new Timelines(search).of(request, interval);
  }

  @Override
  public People.Person person(String typed) throws IOException {
    return new People(search).of(typed);
  }

  @Override
  public QuoteResults.QuoteCheck checkQuote(String text, SearchRequest filters, int size) throws IOException {
    return new QuoteChecker(search).check(text, filters, size);
  }

  @Override
  public Health health() throws IOException {
    return search.health();
  }

  @Override
  public SearchService embedded() {
    return search;
  }
}
