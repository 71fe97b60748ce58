package org.transcriptsearch.topics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.transcriptsearch.reader.BadInputException;

/**
 * Merges topic lines into a set of topics, checking what one line cannot check alone; internal to the topics
 * package. Not thread-safe: each load uses its own merger.
 */
final class TopicMerger {
  private final Map<String, Draft> drafts = new LinkedHashMap<>();
  /** Which topic each alias (by its phrase key) belongs to, so that no alias silently means two things. */
  private final Map<String, String> aliasOwners = new HashMap<>();

  private static final class Draft {
    final String name;
    final String kind;
    final Set<String> aliases = new LinkedHashSet<>();
    final Set<String> blocked = new LinkedHashSet<>();
    final Set<String> also = new LinkedHashSet<>();

    Draft(String name, String kind) {
      this.name = name;
      this.kind = kind;
    }

    Topic toTopic() {
      return new Topic(name, kind, List.copyOf(aliases), List.copyOf(blocked), List.copyOf(also));
    }
  }

  /** A merger starting from topics already checked. */
  TopicMerger(List<Topic> base) {
    for (Topic topic : base) {
      Draft draft = new Draft(topic.name(), topic.kind());
      draft.aliases.addAll(topic.aliases());
      draft.blocked.addAll(topic.blocked());
      draft.also.addAll(topic.also());
      drafts.put(topic.name(), draft);
      aliasOwners.put(Tokens.phraseKey(topic.name()), topic.name());
      topic.aliases().forEach(alias -> aliasOwners.put(Tokens.phraseKey(alias), topic.name()));
    }
  }

  /**
   * Adds the lines of one file: a new name makes a new topic, a name already known extends that topic.
   *
   * @throws BadInputException naming {@code source} and the line, for a topic defined twice in the file, a kind
   *     that contradicts the known one, an alias that already belongs to another topic, or an unknown "also" topic
   */
  void add(List<TopicFile.Line> lines, String source) throws BadInputException {
    Map<String, Integer> definedHere = new HashMap<>();
    for (TopicFile.Line line : lines) {
      Integer earlier = definedHere.putIfAbsent(line.name(), line.line());
      if (earlier != null) {
        throw TopicFile.bad(source, line.line(), "topic '" + line.name() + "' is already defined on line " + earlier);
      }
      Draft draft = draftFor(line, source);
      claim(line.name(), draft.name, source, line.line());
      for (String alias : line.aliases()) {
        claim(alias, draft.name, source, line.line());
        draft.aliases.add(alias);
      }
      draft.blocked.addAll(line.blocked());
      draft.also.addAll(line.also());
    }
    for (TopicFile.Line line : lines) {
      checkAlso(line, source);
    }
  }

  /** The merged topics, in the order they were first defined. */
  List<Topic> topics() {
    List<Topic> topics = new ArrayList<>(drafts.size());
    drafts.values().forEach(draft -> topics.add(draft.toTopic()));
    return topics;
  }

  private Draft draftFor(TopicFile.Line line, String source) throws BadInputException {
    Draft draft = drafts.get(line.name());
    if (draft == null) {
      draft = new Draft(line.name(), line.kind());
      drafts.put(line.name(), draft);
    } else if (!draft.kind.equals(line.kind())) {
      throw TopicFile.bad(source, line.line(),
          "topic '" + line.name() + "' is a " + draft.kind + ", not a " + line.kind());
    }
    return draft;
  }

  private void claim(String phrase, String topic, String source, int line) throws BadInputException {
    String owner = aliasOwners.putIfAbsent(Tokens.phraseKey(phrase), topic);
    if (owner != null && !owner.equals(topic)) {
      throw TopicFile.bad(source, line, "'" + phrase + "' already names topic '" + owner
          + "'; list '" + owner + "' under ALSO instead to make one mention yield both");
    }
  }

  private void checkAlso(TopicFile.Line line, String source) throws BadInputException {
    for (String also : line.also()) {
      if (also.equals(line.name())) {
        throw TopicFile.bad(source, line.line(), "topic '" + also + "' lists itself under ALSO");
      }
      if (!drafts.containsKey(also)) {
        throw TopicFile.bad(source, line.line(), "ALSO names unknown topic '" + also + "'");
      }
    }
  }
}
