package org.transcriptsearch.research;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.transcriptsearch.generate.CorpusGenerator;
import org.transcriptsearch.generate.JsonlWriter;
import org.transcriptsearch.model.Transcript;
import org.transcriptsearch.research.QuoteSets.Utt;
import org.transcriptsearch.search.Results.Hit;
import org.transcriptsearch.search.Results.SearchResponse;
import org.transcriptsearch.search.SearchRequest;
import org.transcriptsearch.search.SearchService;

/** The corpora the research tests run on: the bundled one (read back from its index) and generated ones. */
final class Corpora {
  private Corpora() {}

  /** The first {@code count} transcripts of the generator with {@code seed}. */
  static List<Transcript> transcripts(int count, long seed) {
    CorpusGenerator generator = new CorpusGenerator(seed);
    List<Transcript> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      out.add(generator.transcript(i));
    }
    return out;
  }

  /** Writes those transcripts as canonical JSON lines in {@code dir}; returns the file. */
  static Path generate(Path dir, int count, long seed) throws IOException {
    Files.createDirectories(dir);
    try (JsonlWriter writer = new JsonlWriter(dir)) {
      List<Transcript> ts = transcripts(count, seed);
      for (int i = 0; i < ts.size(); i++) {
        writer.write(i, ts.get(i));
      }
    }
    return dir.resolve(JsonlWriter.FILE_NAME);
  }

  static List<Utt> turns(List<Transcript> transcripts) {
    return QuoteSets.turns(transcripts);
  }

  /** Every turn of an index, in transcript and turn order. */
  static List<Utt> turns(SearchService search) throws IOException {
    List<Utt> out = new ArrayList<>();
    String cursor = null;
    do {
      SearchResponse page =
          search.search(SearchRequest.builder().size(SearchRequest.MAX_SIZE).cursor(cursor).build());
      for (Hit h : page.hits()) {
        out.add(new Utt(h.id(), h.episode().id(), h.turn(), h.speaker().name(), h.text()));
      }
      cursor = page.nextCursor();
    } while (cursor != null);
    out.sort(java.util.Comparator.comparing(Utt::episodeId).thenComparingInt(Utt::turn));
    return out;
  }
}
