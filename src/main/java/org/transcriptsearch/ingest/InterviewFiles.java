package org.transcriptsearch.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Which files make an Interview corpus: {@code episodes.csv} and an utterances file side by side, and the host map
 * when the utterances file needs it.
 *
 * <p>The utterances file is {@code utterances.csv} when there is one; its two-speaker subset
 * {@code utterances-2sp.csv} beside it is not read, since it would replace whole episodes with their two-speaker
 * part under the same ids. Alone, {@code utterances-2sp.csv} is the corpus, read with its host map
 * ({@code host_id.json} or {@code host-map.json}), since it names no speaker. Every file left out is listed with
 * why.
 */
final class InterviewFiles {
  /** Why a file or folder is not an Interview corpus. */
  static final String NOT_A_PAIR =
      "an Interview corpus is read from episodes.csv and utterances.csv together: name both files, or their folder";

  /** Why the other files beside a corpus are not read. */
  static final String BESIDE_A_PAIR =
      "not read: the Interview corpus in this folder is read from its episodes and utterances files";

  /** Why a two-speaker subset beside the full utterances file is not read. */
  static final String SUBSET_BESIDE_FULL =
      "not read: the two-speaker subset of utterances.csv, which is read instead (it has every turn and names"
          + " every speaker)";

  /** Why a host map beside the full utterances file is not read. */
  static final String MAP_NOT_NEEDED =
      "not read: utterances.csv names every speaker; a host map is only needed for utterances-2sp.csv alone";

  /** Why a host map without a corpus is not read. */
  static final String MAP_ALONE = "not read: a host map of the Interview corpus, without its episodes and utterances";

  /**
   * The files of one group.
   *
   * @param pair episodes, utterances and, when read, the host map, when the group holds a corpus
   * @param ignored the group's other files, each with why it is not read
   */
  record Grouped(Optional<List<Path>> pair, List<IngestSummary.Skipped> ignored) {}

  private InterviewFiles() {}

  /** The corpus in folder {@code dir} (not its subfolders), if it holds one. */
  static Optional<List<Path>> pairIn(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return group(files.filter(Files::isRegularFile).sorted().toList(), false).pair();
    }
  }

  /** Whether {@code file} belongs to an Interview corpus by its name: a host map. CSV files are found by extension. */
  static boolean isHostMap(Path file) {
    return InterviewHosts.isHostMap(file);
  }

  /**
   * Finds the corpus among {@code files} by name: an {@code episodes*.csv} and {@code utterances.csv} (or the only
   * {@code utterances*.csv}, with a host map when there is one). Two files named by the user that these names do
   * not tell apart are taken in the order given, episodes first.
   */
  static Grouped group(List<Path> files, boolean named) {
    List<Path> maps = files.stream().filter(InterviewFiles::isHostMap).toList();
    List<Path> csv = files.stream().filter(f -> !maps.contains(f)).toList();
    List<Path> episodes = matching(csv, "episode");
    List<Path> exact = csv.stream().filter(f -> name(f).equals("utterances.csv")).toList();
    List<Path> utterances = exact.isEmpty() ? matching(csv, "utterance") : exact;
    if (episodes.size() == 1 && utterances.size() == 1) {
      return grouped(files, episodes.get(0), utterances.get(0), exact.isEmpty() ? maps : List.of(), maps);
    }
    if (named && csv.size() == 2) {
      return grouped(files, csv.get(0), csv.get(1), maps, maps);
    }
    List<IngestSummary.Skipped> ignored = new ArrayList<>();
    for (Path map : maps) {
      ignored.add(new IngestSummary.Skipped(map.toString(), MAP_ALONE));
    }
    return new Grouped(Optional.empty(), ignored);
  }

  /** The corpus of {@code episodes} and {@code utterances}, with the first of {@code usable} host maps. */
  private static Grouped grouped(
      List<Path> files, Path episodes, Path utterances, List<Path> usable, List<Path> maps) {
    List<Path> pair = new ArrayList<>(List.of(episodes, utterances));
    if (!usable.isEmpty()) {
      pair.add(usable.get(0));
    }
    List<IngestSummary.Skipped> ignored = new ArrayList<>();
    for (Path f : files) {
      if (!pair.contains(f)) {
        ignored.add(new IngestSummary.Skipped(f.toString(), reason(f, maps, usable)));
      }
    }
    return new Grouped(Optional.of(List.copyOf(pair)), ignored);
  }

  private static String reason(Path file, List<Path> maps, List<Path> usable) {
    if (maps.contains(file)) {
      return usable.isEmpty() ? MAP_NOT_NEEDED : "not read: the host map " + usable.get(0).getFileName() + " is read";
    }
    return name(file).startsWith("utterance") && name(file).endsWith(".csv") ? SUBSET_BESIDE_FULL : BESIDE_A_PAIR;
  }

  private static List<Path> matching(List<Path> files, String prefix) {
    return files.stream().filter(f -> name(f).startsWith(prefix) && name(f).endsWith(".csv")).toList();
  }

  private static String name(Path file) {
    return file.getFileName().toString().toLowerCase(Locale.ROOT);
  }
}
