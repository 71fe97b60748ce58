package org.transcriptsearch.dedup;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.transcriptsearch.index.Schema;
import org.transcriptsearch.index.TranscriptIndex;
import org.transcriptsearch.model.Source;
import org.transcriptsearch.reader.BadInputException;

/**
 * How well the index grouped the copies of each story, against a file that says which copy is of which story (the
 * generator's {@code mirrors.tsv}: columns story, id, site, url, damage). Counted over pairs of copies: precision is
 * the share of pairs put in one transcript that are copies of one story, recall the share of pairs of copies of one
 * story that were put in one transcript.
 */
public final class MirrorEvaluation {
  private MirrorEvaluation() {}

  /**
   * The measure of one grouping.
   *
   * @param stories stories in the truth file
   * @param copies copies in it (stories included)
   * @param transcripts transcripts of the index holding them
   * @param precision pairs grouped right / pairs grouped
   * @param recall pairs grouped right / pairs of copies of one story
   * @param missing copies found in no transcript's sources
   * @param merged transcripts that hold copies of more than one story, each as the story numbers it holds
   * @param split stories whose copies are in more than one transcript
   */
  public record Report(
      int stories,
      int copies,
      int transcripts,
      double precision,
      double recall,
      int missing,
      List<List<Long>> merged,
      List<Long> split) {}

  /** Measures the grouping of {@code index} against {@code truth}. */
  public static Report of(TranscriptIndex index, Path truth) throws IOException, BadInputException {
    Map<String, Long> storyOfCopy = read(truth);
    Map<String, String> transcriptOfCopy = index.withSearcher(view -> transcripts(view.searcher()));
    Map<String, Map<Long, Integer>> cells = new HashMap<>();
    Map<Long, Integer> perStory = new HashMap<>();
    int missing = 0;
    for (var entry : storyOfCopy.entrySet()) {
      perStory.merge(entry.getValue(), 1, Integer::sum);
      String transcript = transcriptOfCopy.get(entry.getKey());
      if (transcript == null) {
        missing++;
      } else {
        cells.computeIfAbsent(transcript, t -> new HashMap<>()).merge(entry.getValue(), 1, Integer::sum);
      }
    }
    long right = 0;
    long grouped = 0;
    List<List<Long>> merged = new ArrayList<>();
    Map<Long, Integer> transcriptsPerStory = new HashMap<>();
    for (Map<Long, Integer> stories : cells.values()) {
      stories.keySet().forEach(story -> transcriptsPerStory.merge(story, 1, Integer::sum));
      int all = 0;
      for (int n : stories.values()) {
        right += pairs(n);
        all += n;
      }
      grouped += pairs(all);
      if (stories.size() > 1) {
        merged.add(List.copyOf(new TreeSet<>(stories.keySet())));
      }
    }
    long truePairs = perStory.values().stream().mapToLong(MirrorEvaluation::pairs).sum();
    return new Report(
        perStory.size(),
        storyOfCopy.size(),
        cells.size(),
        grouped == 0 ? 1 : right / (double) grouped,
        truePairs == 0 ? 1 : right / (double) truePairs,
        missing,
        merged,
        transcriptsPerStory.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).sorted().toList());
  }

  private static long pairs(long n) {
    return n * (n - 1) / 2;
  }

  /** Each copy's key to its story number. */
  private static Map<String, Long> read(Path truth) throws IOException, BadInputException {
    Map<String, Long> out = new HashMap<>();
    try (BufferedReader lines = Files.newBufferedReader(truth, StandardCharsets.UTF_8)) {
      String line = lines.readLine();
      int number = 1;
      while ((line = lines.readLine()) != null) {
        number++;
        String[] fields = line.split("\t", -1);
        if (fields.length < 4) {
          throw new BadInputException(truth.toString(), "line " + number, "expected story, id, site and url");
        }
        try {
          out.put(key(fields[1], fields[2], fields[3]), Long.parseLong(fields[0]));
        } catch (NumberFormatException e) {
          throw new BadInputException(truth.toString(), "line " + number, "story '" + fields[0] + "' is no number");
        }
      }
    }
    return out;
  }

  /** Each source's key to the transcript listing it. */
  private static Map<String, String> transcripts(IndexSearcher searcher) throws IOException {
    Map<String, String> out = new HashMap<>();
    var firstTurns = IntPoint.newExactQuery(Schema.TURN, 1);
    StoredFields fields = searcher.storedFields();
    for (ScoreDoc hit : searcher.search(firstTurns, Math.max(1, searcher.count(firstTurns))).scoreDocs) {
      Document first = fields.document(hit.doc);
      for (Source source : StoredTranscripts.sources(first)) {
        out.put(key(source.id(), source.site(), source.url()), first.get(Schema.EPISODE_ID));
      }
    }
    return out;
  }

  private static String key(String id, String site, String url) {
    return id + "\t" + (site == null ? "" : site) + "\t" + (url == null ? "" : url);
  }
}
