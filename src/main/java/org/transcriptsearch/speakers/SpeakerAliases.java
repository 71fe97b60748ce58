package org.transcriptsearch.speakers;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.transcriptsearch.reader.BadInputException;

/**
 * Spellings of one person's name (transliterations such as Sergei / Sergey Lavrov), from the shipped
 * {@code speaker-aliases.tsv} and optionally a user's file of the same format. Immutable and thread-safe.
 */
public final class SpeakerAliases {
  private static final String SHIPPED = "speaker-aliases.tsv";

  /** Key of a variant -> key of the preferred spelling. */
  private final Map<String, String> preferred;

  /** Key of the preferred spelling -> every spelling of the name, the preferred first. */
  private final Map<String, List<String>> spellings;

  private SpeakerAliases(Map<String, String> preferred, Map<String, List<String>> spellings) {
    this.preferred = Map.copyOf(preferred);
    this.spellings = Map.copyOf(spellings);
  }

  /** The shipped aliases. */
  public static SpeakerAliases shipped() {
    try (InputStream in = SpeakerAliases.class.getResourceAsStream(SHIPPED)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + SHIPPED);
      }
      return new Builder().read(new InputStreamReader(in, StandardCharsets.UTF_8), SHIPPED).build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (BadInputException e) {
      throw new IllegalStateException("the shipped speaker aliases are broken: " + e.getMessage(), e);
    }
  }

  /**
   * The shipped aliases and those of {@code file}.
   *
   * @throws BadInputException naming the file and line of a malformed line
   */
  public static SpeakerAliases shippedAnd(Path file) throws IOException, BadInputException {
    Builder builder = new Builder();
    try (InputStream in = SpeakerAliases.class.getResourceAsStream(SHIPPED)) {
      builder.read(new InputStreamReader(in, StandardCharsets.UTF_8), SHIPPED);
    }
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      builder.read(reader, file.toString());
    }
    return builder.build();
  }

  /**
   * The key that identifies {@code name}'s person across the index: its {@linkplain SpeakerNames#key key}, or the
   * key of the preferred spelling when it is a listed variant.
   */
  public String canonicalKey(String name) {
    String key = SpeakerNames.key(name);
    return preferred.getOrDefault(key, key);
  }

  /** Every listed spelling of the person with this canonical key; empty when none is listed. */
  public List<String> spellings(String canonicalKey) {
    return spellings.getOrDefault(canonicalKey, List.of());
  }

  private static final class Builder {
    private final Map<String, String> preferred = new HashMap<>();
    private final Map<String, Set<String>> spellings = new HashMap<>();

    Builder read(Reader in, String source) throws IOException, BadInputException {
      BufferedReader lines = new BufferedReader(in);
      String line;
      int number = 0;
      while ((line = lines.readLine()) != null) {
        number++;
        if (!line.isBlank() && !line.startsWith("#")) {
          add(line, source, number);
        }
      }
      return this;
    }

    private void add(String line, String source, int number) throws BadInputException {
      String[] columns = line.split("\t");
      if (columns.length != 2 || columns[0].isBlank() || columns[1].isBlank()) {
        throw new BadInputException(
            source, "line " + number, "expected 'Preferred Name<TAB>Variant|Variant', got '" + line + "'");
      }
      String main = SpeakerNames.key(columns[0]);
      Set<String> names = spellings.computeIfAbsent(main, k -> new LinkedHashSet<>());
      names.add(columns[0].strip());
      for (String variant : columns[1].split("\\|")) {
        if (!variant.isBlank()) {
          preferred.put(SpeakerNames.key(variant), main);
          names.add(variant.strip());
        }
      }
    }

    SpeakerAliases build() {
      Map<String, List<String>> lists = new HashMap<>();
      spellings.forEach((k, v) -> lists.put(k, new ArrayList<>(v)));
      return new SpeakerAliases(preferred, lists);
    }
  }
}
