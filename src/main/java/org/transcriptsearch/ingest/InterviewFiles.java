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
 * Which files make an Interview corpus: {@code episodes.csv} and {@code utterances.csv} side by side. A copy may
 * also hold {@code utterances-2sp.csv} (a two-speaker subset of utterances.csv) and a host map JSON; they are not
 * read, since the subset would replace whole episodes with their two-speaker part under the same ids.
 */
final class InterviewFiles {
  /** Why a file or folder is not an Interview corpus. */
  static final String NOT_A_PAIR =
      "an Interview corpus is read from episodes.csv and utterances.csv together: name both files, or their folder";

  /** Why the other files beside a corpus are not read. */
  static final String BESIDE_A_PAIR =
      "not read: the Interview corpus in this folder is read from its episodes and utterances files";

  /**
   * The files of one group.
   *
   * @param pair episodes then utterances, when the group holds a corpus
   * @param others the group's other files
   */
  record Grouped(Optional<List<Path>> pair, List<Path> others) {}

  private InterviewFiles() {}

  /** The corpus in folder {@code dir} (not its subfolders), if it holds one. */
  static Optional<List<Path>> pairIn(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return group(files.filter(Files::isRegularFile).sorted().toList(), false).pair();
    }
  }

  /**
   * Finds the corpus among {@code files} by name: an {@code episodes*.csv} and {@code utterances.csv} (or the only
   * {@code utterances*.csv}). Two files named by the user that these names do not tell apart are taken in the
   * order given, episodes first.
   */
  static Grouped group(List<Path> files, boolean named) {
    List<Path> episodes = matching(files, "episode");
    List<Path> exact = files.stream().filter(f -> name(f).equals("utterances.csv")).toList();
    List<Path> utterances = exact.isEmpty() ? matching(files, "utterance") : exact;
    if (episodes.size() == 1 && utterances.size() == 1) {
      List<Path> pair = List.of(episodes.get(0), utterances.get(0));
      List<Path> others = new ArrayList<>(files);
      others.removeAll(pair);
      return new Grouped(Optional.of(pair), others);
    }
    if (named && files.size() == 2) {
      return new Grouped(Optional.of(List.copyOf(files)), List.of());
    }
    return new Grouped(Optional.empty(), files);
  }

  private static List<Path> matching(List<Path> files, String prefix) {
    return files.stream().filter(f -> name(f).startsWith(prefix) && name(f).endsWith(".csv")).toList();
  }

  private static String name(Path file) {
    return file.getFileName().toString().toLowerCase(Locale.ROOT);
  }
}
