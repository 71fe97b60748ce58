package org.transcriptsearch.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.transcriptsearch.index.ReaderCache;
import org.transcriptsearch.index.Schema;
import org.transcriptsearch.index.TranscriptIndex;
import org.transcriptsearch.model.Role;
import org.transcriptsearch.query.KnownSpeakers;
import org.transcriptsearch.speakers.SpeakerAliases;
import org.transcriptsearch.speakers.SpeakerNames;

/**
 * The speakers of one index snapshot as a question may name them: by surname, or by the last two words of their
 * name. Unidentified speakers are never named. The name index is built once per reader. Thread-safe.
 */
final class IndexSpeakers {
  private final ReaderCache<Map<String, List<String>>> byEnding = new ReaderCache<>();
  private final FacetLabels labels;
  private final SpeakerDirectory directory;
  private final SpeakerAliases aliases;

  IndexSpeakers(FacetLabels labels, SpeakerDirectory directory, SpeakerAliases aliases) {
    this.labels = labels;
    this.directory = directory;
    this.aliases = aliases;
  }

  /** The speakers of {@code view}'s snapshot. */
  KnownSpeakers of(TranscriptIndex.View view) {
    return words -> {
      try {
        return named(view, words);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    };
  }

  private List<KnownSpeakers.Speaker> named(TranscriptIndex.View view, List<String> words) throws IOException {
    if (view.facets() == null || words.isEmpty()) {
      return List.of();
    }
    IndexSearcher searcher = view.searcher();
    Map<String, List<String>> index =
        byEnding.get(searcher.getIndexReader(), r -> SpeakerNames.byEnding(labels.of(view.facets(), Schema.FACET_SPEAKER)));
    String typed = String.join(" ", words);
    String canonical = aliases.canonicalKey(typed);
    List<String> keys = index.getOrDefault(canonical, index.getOrDefault(typed, List.of()));
    List<KnownSpeakers.Speaker> out = new ArrayList<>();
    for (String key : keys) {
      long all = count(searcher, key, null);
      long unidentified = count(searcher, key, Role.UNIDENTIFIED);
      if (all > 0 && unidentified * 2 <= all) {
        boolean host = count(searcher, key, Role.HOST) * 2 > all;
        out.add(new KnownSpeakers.Speaker(key, directory.displayName(searcher.getIndexReader(), key), host));
      }
    }
    return out;
  }

  private static long count(IndexSearcher searcher, String key, Role role) throws IOException {
    BooleanQuery.Builder q = new BooleanQuery.Builder();
    q.add(new TermQuery(new Term(Schema.SPEAKER_KEY, key)), Occur.FILTER);
    if (role != null) {
      q.add(new TermQuery(new Term(Schema.ROLE, role.code())), Occur.FILTER);
    }
    return searcher.count(q.build());
  }

}
