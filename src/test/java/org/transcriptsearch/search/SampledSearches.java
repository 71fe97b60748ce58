package org.transcriptsearch.search;

import org.transcriptsearch.index.TranscriptIndex;

/** For tests of other packages: a search service that counts facets exactly over fewer hits than the default. */
public final class SampledSearches {
  private SampledSearches() {}

  /** A service of {@code index} whose facets are sampled from {@code 2 * hits} hits on (the default: 20,000). */
  public static SearchService of(TranscriptIndex index, int hits) {
    return new SearchService(index).withFacetSample(hits);
  }
}
