package org.transcriptsearch.topics;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.transcriptsearch.reader.BadInputException;

/**
 * The topics that transcripts are tagged with: countries, regions, territories, conflicts, groups and issues, each
 * with the phrases that mention it. Immutable and thread-safe.
 *
 * <p>The bundled taxonomy ({@link #bundled()}) is read from {@code topics.tsv} next to this class. Users extend it
 * with their own files in the same format ({@link #withExtra(Path)}): UTF-8 text, one topic per line,
 *
 * <pre>NAME&lt;TAB&gt;KIND&lt;TAB&gt;ALIAS|ALIAS|...[&lt;TAB&gt;ALSO|ALSO|...]</pre>
 *
 * <ul>
 *   <li>blank lines and lines starting with {@code #} are ignored;
 *   <li>NAME is the topic as indexed and queried; it is matched in text like an alias;
 *   <li>KIND is a lower-case word: {@code country}, {@code territory}, {@code region}, {@code conflict},
 *       {@code group}, {@code issue}, or any other a user needs;
 *   <li>ALIASES are the phrases that mention the topic, case-sensitive as written; {@code !phrase} blocks a phrase
 *       so that it yields no topic even though a shorter alias lies inside it ({@code !Jim Jordan}), and
 *       {@code !NAME} stops the name itself from matching;
 *   <li>ALSO (optional) lists topics that every mention of this one also mentions: a conflict lists its countries,
 *       a territory the states it belongs to or is disputed between. ALSO is followed transitively.
 * </ul>
 *
 * <p>A line whose NAME is already known extends that topic with more aliases, blocks and ALSO topics; its KIND must
 * agree. Within one file a NAME may be defined only once, and a phrase may name only one topic.
 */
public final class TopicTaxonomy {
  /** The bundled topic file, a resource next to this class. */
  static final String RESOURCE = "topics.tsv";

  private final List<Topic> topics;
  private final Map<String, Topic> byName;

  private TopicTaxonomy(List<Topic> topics) {
    this.topics = List.copyOf(topics);
    Map<String, Topic> map = new LinkedHashMap<>();
    this.topics.forEach(topic -> map.put(topic.name(), topic));
    this.byName = Map.copyOf(map);
  }

  /**
   * The taxonomy shipped with transcript-search.
   *
   * @throws IllegalStateException if the bundled file is missing or broken, which is a packaging bug
   */
  public static TopicTaxonomy bundled() {
    try (InputStream in = TopicTaxonomy.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the bundled topic file " + RESOURCE + " is missing from the class path");
      }
      return load(new InputStreamReader(in, StandardCharsets.UTF_8), RESOURCE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the bundled topic file " + RESOURCE, e);
    } catch (BadInputException e) {
      throw new IllegalStateException("the bundled topic file is broken: " + e.getMessage(), e);
    }
  }

  /**
   * A taxonomy of just the topics in {@code reader}. The caller closes the reader.
   *
   * @param source the file name used in error messages
   * @throws BadInputException naming {@code source} and the line of the first malformed or contradictory line
   */
  public static TopicTaxonomy load(Reader reader, String source) throws IOException, BadInputException {
    return new TopicTaxonomy(List.of()).withExtra(reader, source);
  }

  /**
   * This taxonomy extended by the topics of a UTF-8 file in the same format: new topics are added, lines naming
   * known topics add aliases to them.
   *
   * @throws BadInputException naming the file and line of the first bad line, or the file when it is not UTF-8
   */
  public TopicTaxonomy withExtra(Path file) throws IOException, BadInputException {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return withExtra(reader, file.toString());
    } catch (CharacterCodingException e) {
      throw new BadInputException(file.toString(), null, "not UTF-8 text", e);
    }
  }

  /**
   * This taxonomy extended by the topics in {@code reader}, as {@link #withExtra(Path)}. The caller closes the
   * reader.
   *
   * @param source the file name used in error messages
   */
  public TopicTaxonomy withExtra(Reader reader, String source) throws IOException, BadInputException {
    TopicMerger merger = new TopicMerger(topics);
    merger.add(TopicFile.read(reader, source), source);
    return new TopicTaxonomy(merger.topics());
  }

  /** Every topic, in the order the files define them. */
  public List<Topic> topics() {
    return topics;
  }

  /** The topic with exactly this name, if any. */
  public Optional<Topic> topic(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /** The topics of one kind ("country", "conflict"...), in file order. */
  public List<Topic> ofKind(String kind) {
    return topics.stream().filter(topic -> topic.kind().equals(kind)).toList();
  }

  /** The number of topics. */
  public int size() {
    return topics.size();
  }
}
