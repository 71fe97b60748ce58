package org.transcriptsearch.topics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Every alias of a taxonomy compiled into a tree keyed by word, so that tagging a text costs one hash lookup per
 * word rather than one pattern per alias; internal to the topics package. Immutable after construction, hence
 * thread-safe.
 */
final class AliasTrie {
  private static final String[] NO_TOPICS = new String[0];

  /** One word of a phrase; {@code topics} is set where a phrase ends (empty for a blocked phrase). */
  private static final class Node {
    final Map<String, Node> next = new HashMap<>(4);
    String[] topics;
  }

  private final Map<String, Node> roots = new HashMap<>();

  AliasTrie(TopicTaxonomy taxonomy) {
    for (Topic topic : taxonomy.topics()) {
      String[] yields = withAlso(topic, taxonomy);
      insert(topic.name(), yields);
      topic.aliases().forEach(alias -> insert(alias, yields));
    }
    // Blocks go in last so that they win over the same phrase as an alias, whichever file defined it.
    for (Topic topic : taxonomy.topics()) {
      topic.blocked().forEach(phrase -> node(phrase).topics = NO_TOPICS);
    }
  }

  /**
   * Calls {@code sink} with each topic mentioned in {@code text}, once per mention, in text order. At each word the
   * longest phrase starting there wins, and matching resumes after it: "North Korea" yields North Korea, not Korea.
   */
  void scan(String text, Consumer<String> sink) {
    Tokens tokens = Tokens.of(text);
    int i = 0;
    while (i < tokens.size()) {
      int end = longestMatch(tokens, i, sink);
      i = end < 0 ? i + 1 : end + 1;
    }
  }

  /** Emits the topics of the longest phrase starting at word {@code start}; returns its last word, or -1. */
  private int longestMatch(Tokens tokens, int start, Consumer<String> sink) {
    Node node = roots.get(tokens.word(start));
    Node best = null;
    int bestEnd = -1;
    int i = start;
    while (node != null) {
      if (node.topics != null) {
        best = node;
        bestEnd = i;
      }
      i++;
      if (i >= tokens.size() || tokens.join(i) == Tokens.BREAK || node.next.isEmpty()) {
        break;
      }
      node = node.next.get(tokens.key(i));
    }
    if (best != null) {
      for (String topic : best.topics) {
        sink.accept(topic);
      }
    }
    return bestEnd;
  }

  private void insert(String phrase, String[] yields) {
    Node node = node(phrase);
    if (node.topics == null) {
      node.topics = yields;
    }
  }

  private Node node(String phrase) {
    Tokens tokens = Tokens.of(phrase);
    Node node = roots.computeIfAbsent(tokens.word(0), word -> new Node());
    for (int i = 1; i < tokens.size(); i++) {
      node = node.next.computeIfAbsent(tokens.key(i), key -> new Node());
    }
    return node;
  }

  /** The topic followed by its ALSO topics, transitively, without repeats. */
  private static String[] withAlso(Topic topic, TopicTaxonomy taxonomy) {
    Set<String> seen = new LinkedHashSet<>();
    List<String> pending = new ArrayList<>(List.of(topic.name()));
    while (!pending.isEmpty()) {
      String name = pending.removeFirst();
      if (seen.add(name)) {
        taxonomy.topic(name).ifPresent(t -> pending.addAll(t.also()));
      }
    }
    return seen.toArray(NO_TOPICS);
  }
}
