package org.transcriptsearch.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.transcriptsearch.index.Schema;
import org.transcriptsearch.index.TranscriptIndex;
import org.transcriptsearch.ingest.Pipeline;
import org.transcriptsearch.search.Results.FacetValue;
import org.transcriptsearch.search.SearchRequest;
import org.transcriptsearch.search.SearchService;

/**
 * The fixed query mix: single words, phrases, speaker-filtered, topic-filtered, date ranges and deep pages through
 * the cursor; every query has facets and highlighting on (the product always counts facets and highlights).
 * Filter values are the corpus's busiest speakers and topics, read from the index once; the mix is written as a
 * tab-separated file so every system runs exactly the same queries.
 */
final class QueryMix {
  static final List<String> WORDS =
      List.of("president", "taxes", "students", "business", "protests", "music", "police", "economy", "war",
          "election");
  static final List<String> PHRASES =
      List.of("\"the president\"", "\"the people\"", "\"white house\"", "\"i think\"", "\"good morning\"",
          "\"this week\"");

  /** One query of the mix; empty strings for what it does not use. */
  record Op(String kind, String q, String speaker, String speakerKey, String topic, String from, String to,
      int deepPages) {
    String line() {
      return String.join("\t", kind, q, speaker, speakerKey, topic, from, to, Integer.toString(deepPages));
    }

    static Op parse(String line) {
      String[] f = line.split("\t", -1);
      return new Op(f[0], f[1], f[2], f[3], f[4], f[5], f[6], Integer.parseInt(f[7]));
    }
  }

  private QueryMix() {}

  public static void main(String[] args) throws IOException {
    Path indexDir = Path.of(args[0]);
    Path out = Path.of(args[1]);
    Schema schema = Pipeline.standard().schema();
    List<Op> ops = new ArrayList<>();
    try (TranscriptIndex index = TranscriptIndex.openReadOnly(indexDir, schema)) {
      SearchService search = new SearchService(index);
      var all = search.search(SearchRequest.of(""));
      List<String> speakers = all.facets().get(Schema.FACET_SPEAKER).stream().map(FacetValue::value).toList();
      List<String> topics = all.facets().get(Schema.FACET_TOPIC).stream().map(FacetValue::value).toList();
      for (String w : WORDS) {
        ops.add(new Op("word", w, "", "", "", "", "", 0));
      }
      for (String p : PHRASES) {
        ops.add(new Op("phrase", p, "", "", "", "", "", 0));
      }
      String[] speakerWords = {"people", "think", "know", "time", "president", "going"};
      for (int i = 0; i < Math.min(6, speakers.size()); i++) {
        // Busy speakers and less busy ones: ranks 1, 3, 5, ...
        String name = speakers.get(Math.min(speakers.size() - 1, i * 3));
        ops.add(new Op("speaker", speakerWords[i], name, schema.aliases().canonicalKey(name), "", "", "", 0));
      }
      String[] topicWords = {"people", "government", "said", "year", "country", "week"};
      for (int i = 0; i < Math.min(6, topics.size()); i++) {
        ops.add(new Op("topic", topicWords[i], "", "", topics.get(Math.min(topics.size() - 1, i * 2)), "", "", 0));
      }
      String[][] ranges = {{"2005-01-01", "2005-12-31"}, {"2010-06-01", "2011-05-31"}, {"2015-01-01", "2019-12-31"},
          {"2001-01-01", "2003-12-31"}};
      String[] rangeWords = {"war", "economy", "people", "\"i think\""};
      for (int i = 0; i < ranges.length; i++) {
        ops.add(new Op("dates", rangeWords[i], "", "", "", ranges[i][0], ranges[i][1], 0));
      }
      ops.add(new Op("deep", "people", "", "", "", "", "", 50));
      ops.add(new Op("deep", "president", "", "", "", "", "", 30));
    }
    Files.write(out, ops.stream().map(Op::line).toList(), StandardCharsets.UTF_8);
    System.out.printf("mix: %d queries in %s%n", ops.size(), out);
  }

  static List<Op> read(Path file) throws IOException {
    return Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).map(Op::parse).toList();
  }
}
