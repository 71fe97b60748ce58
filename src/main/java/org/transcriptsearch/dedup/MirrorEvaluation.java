package org.transcriptsearch.dedup;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
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
import org.transcriptsearch.model.Json;
import org.transcriptsearch.model.Source;
import org.transcriptsearch.reader.BadInputException;

/**
 * How well the index grouped the copies of each story, against a file that says which copy is of which story (the
 * generator's {@code mirrors.json}). Counted over pairs of copies: precision is
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
      String[] keys = entry.getKey().split("\n", 2);
      String transcript = transcriptOfCopy.get(keys[0]);
      if (transcript == null) {
        // A parsed page knows no address, and its id changes where the reader dropped boilerplate: its copy is then
        // known by its title and site (the copies of one story are on different sites).
        transcript = transcriptOfCopy.get(keys[1]);
      }
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
    JsonNode copies;
    try {
      copies = Json.mapper().readTree(truth.toFile()).path("copies");
    } catch (JsonProcessingException e) {
      throw new BadInputException(truth.toString(), null, "not JSON: " + e.getOriginalMessage(), e);
    }
    if (!copies.isArray()) {
      throw new BadInputException(truth.toString(), null, "no \"copies\" array: not the mirrors.json of generate");
    }
    Map<String, Long> out = new HashMap<>();
    for (int i = 0; i < copies.size(); i++) {
      JsonNode copy = copies.get(i);
      if (!copy.path("story").canConvertToLong() || !copy.path("id").isTextual()) {
        throw new BadInputException(truth.toString(), "copies[" + i + "]", "needs a story number and an id");
      }
      out.put(
          key(copy.get("id").asText(), text(copy, "site"), text(copy, "url"))
              + '\n' + titleKey(text(copy, "title"), text(copy, "site")),
          copy.get("story").asLong());
    }
    return out;
  }

  private static String text(JsonNode copy, String field) {
    JsonNode value = copy.path(field);
    return value.isTextual() ? value.asText() : null;
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
        out.putIfAbsent(titleKey(first.get(Schema.TITLE), source.site()), first.get(Schema.EPISODE_ID));
      }
    }
    return out;
  }

  private static String titleKey(String title, String site) {
    return "title\t" + title + "\t" + site;
  }

  private static String key(String id, String site, String url) {
    return id + "\t" + (site == null ? "" : site) + "\t" + (url == null ? "" : url);
  }
}
