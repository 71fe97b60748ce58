package org.transcriptsearch.query;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.transcriptsearch.text.Folding;
import org.transcriptsearch.topics.Topic;
import org.transcriptsearch.topics.TopicTaxonomy;

/**
 * The ways of writing one word that a search for any of them should find: a place and its demonyms and plurals
 * (Syria, Syrian, Syrians), from the topic taxonomy; spellings of one name (Kyiv, Kiev) and hyphenations (email,
 * e-mail), from {@code variants.tsv}. Related terms are never variants: of a topic's aliases only those written
 * like its name are (Syrian for Syria, not Damascus or Assad). Immutable and thread-safe.
 */
public final class Variants {
  private static final String RESOURCE = "variants.tsv";

  /** Kinds of topic whose name has demonyms. */
  private static final Set<String> PLACES = Set.of("country", "territory", "region");

  /** A demonym shares this many first letters with its place (Syria, Syrian; Iraq, Iraqi), or all of a shorter name. */
  private static final int SHARED_PREFIX = 4;

  /** Folded word -> every way of writing it, the word's own group in the order first listed. */
  private final Map<String, List<String>> groups;

  private Variants(Map<String, List<String>> groups) {
    this.groups = Map.copyOf(groups);
  }

  /** The variants of the bundled taxonomy and spellings. */
  public static Variants of(TopicTaxonomy taxonomy) {
    Map<String, Set<String>> groups = new HashMap<>();
    for (Topic topic : taxonomy.topics()) {
      if (PLACES.contains(topic.kind()) && isWord(topic.name())) {
        List<String> forms = new ArrayList<>(List.of(topic.name()));
        topic.aliases().stream().filter(a -> isWord(a) && isDemonym(topic.name(), a)).forEach(forms::add);
        if (forms.size() > 1) {
          join(groups, forms);
        }
      }
    }
    readSpellings().forEach(line -> join(groups, line));
    Map<String, List<String>> frozen = new HashMap<>();
    groups.forEach((word, forms) -> frozen.put(word, List.copyOf(forms)));
    return new Variants(frozen);
  }

  /** The other ways of writing {@code word} (not itself), in the order listed; empty when it has none. */
  public List<String> of(String word) {
    String key = Folding.fold(word);
    List<String> forms = groups.get(key);
    List<String> others = new ArrayList<>();
    if (forms == null) {
      if (word.indexOf('-') > 0 && !word.startsWith("-") && !word.endsWith("-")) {
        others.add(word.replace("-", "")); // "e-mail" is also written "email"
      }
      return others;
    }
    for (String form : forms) {
      if (!Folding.fold(form).equals(key)) {
        others.add(form);
      }
    }
    return others;
  }

  private static boolean isWord(String s) {
    return !s.isEmpty() && s.chars().allMatch(c -> Character.isLetter(c) || c == '-');
  }

  private static boolean isDemonym(String place, String alias) {
    String p = Folding.fold(place);
    String a = Folding.fold(alias);
    int shared = Math.min(SHARED_PREFIX, p.length());
    return a.length() > shared && a.regionMatches(0, p, 0, shared) && !a.equals(p);
  }

  /** Puts every form into one group with every form already grouped with any of them. */
  private static void join(Map<String, Set<String>> groups, List<String> forms) {
    Set<String> merged = new LinkedHashSet<>();
    for (String form : forms) {
      Set<String> existing = groups.get(Folding.fold(form));
      if (existing != null) {
        merged.addAll(existing);
      }
    }
    merged.addAll(forms);
    merged.forEach(form -> groups.put(Folding.fold(form), merged));
  }

  private static List<List<String>> readSpellings() {
    List<List<String>> lines = new ArrayList<>();
    try (InputStream in = Variants.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the bundled " + RESOURCE + " is missing from the class path");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (!line.isBlank() && !line.startsWith("#")) {
          lines.add(List.of(line.strip().split("\\|")));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the bundled " + RESOURCE, e);
    }
    return lines;
  }
}
