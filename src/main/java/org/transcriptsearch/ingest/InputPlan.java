package org.transcriptsearch.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.transcriptsearch.reader.BadInputException;
import org.transcriptsearch.reader.page.PageReader;

/**
 * What an ingest run will read: the paths given, folders walked in name order, each file's format decided, and
 * the files of an Interview corpus put together as one input. Interview corpora are read after the other inputs.
 *
 * @param inputs what to read, in order
 * @param problems paths that cannot be read (missing, unreadable, an Interview file without its partner)
 * @param ignored files deliberately not read, with why: a JSON file no reader claims (such as the Interview
 *     corpus's host map), the files beside an Interview corpus (such as its two-speaker subset)
 */
record InputPlan(List<Input> inputs, List<BadInputException> problems, List<IngestSummary.Skipped> ignored) {
  /** Why a page's sidecar {@code NAME.url} or a folder's {@code urls.tsv} is not read as input of its own. */
  static final String ADDRESSES = "not read: it gives the addresses of the pages beside it";
  /** Why a JSON file that no reader claims is not read. */
  static final String UNCLAIMED = "not read: a JSON file of neither MediaSum records nor canonical transcripts";

  /** One thing to read: a file, or the files of an Interview corpus read together (episodes, utterances). */
  record Input(Format format, List<Path> files) {
    /** The file to show while reading it: for an Interview corpus, its utterances file. */
    Path shown() {
      return files.get(format == Format.INTERVIEW && files.size() > 1 ? 1 : files.size() - 1);
    }
  }

  /** Plans reading {@code paths}, each file in {@code format} or, for {@link Format#AUTO}, its detected one. */
  static InputPlan of(List<Path> paths, Format format) throws IOException {
    Planner planner = new Planner(format);
    for (Path path : paths) {
      planner.add(path);
    }
    return planner.plan();
  }

  /** How many files the inputs hold. */
  int fileCount() {
    return inputs.stream().mapToInt(i -> i.files().size()).sum();
  }

  private static final class Planner {
    private final Format format;
    private final List<Input> inputs = new ArrayList<>();
    private final List<BadInputException> problems = new ArrayList<>();
    private final List<IngestSummary.Skipped> ignored = new ArrayList<>();
    // Interview files by folder found in; files named on the command line are one group (the empty key).
    private final Map<Optional<Path>, List<Path>> interview = new LinkedHashMap<>();

    Planner(Format format) {
      this.format = format;
    }

    void add(Path path) throws IOException {
      boolean folder = Files.isDirectory(path);
      for (Path file : files(path)) {
        Optional<Format> concrete = formatOf(file);
        if (concrete.isPresent() && concrete.get() == Format.INTERVIEW) {
          Optional<Path> group = folder ? Optional.of(file.getParent()) : Optional.empty();
          interview.computeIfAbsent(group, k -> new ArrayList<>()).add(file);
        } else if (concrete.isPresent()) {
          inputs.add(new Input(concrete.get(), List.of(file)));
        }
      }
    }

    InputPlan plan() {
      interview.forEach((group, files) -> pair(files, group.isEmpty()));
      return new InputPlan(List.copyOf(inputs), List.copyOf(problems), List.copyOf(ignored));
    }

    private List<Path> files(Path path) throws IOException {
      if (Files.isDirectory(path)) {
        try (Stream<Path> walk = Files.walk(path)) {
          return walk.filter(Files::isRegularFile)
              .filter(p -> !p.getFileName().toString().startsWith("."))
              .sorted()
              .toList();
        }
      }
      if (!Files.exists(path)) {
        problems.add(new BadInputException(path.toString(), null, "no such file or folder"));
        return List.of();
      }
      return List.of(path);
    }

    /** The file's format; empty, with why, when it cannot be read or no reader claims it. */
    private Optional<Format> formatOf(Path file) {
      if (PageReader.isAddressFile(file)) {
        ignored.add(new IngestSummary.Skipped(file.toString(), ADDRESSES));
        return Optional.empty();
      }
      if (format != Format.AUTO) {
        return Optional.of(format);
      }
      if (InterviewFiles.isHostMap(file)) {
        return Optional.of(Format.INTERVIEW); // read with the corpus beside it, or listed as not needed
      }
      try {
        Optional<Format> detected = Format.detect(file);
        if (detected.isEmpty()) {
          ignored.add(new IngestSummary.Skipped(file.toString(), UNCLAIMED));
        }
        return detected;
      } catch (IOException e) {
        problems.add(new BadInputException(file.toString(), null, "cannot read: " + e, e));
        return Optional.empty();
      }
    }

    private void pair(List<Path> files, boolean named) {
      InterviewFiles.Grouped grouped = InterviewFiles.group(files, named);
      ignored.addAll(grouped.ignored());
      if (grouped.pair().isEmpty()) {
        files.stream()
            .filter(f -> !InterviewFiles.isHostMap(f))
            .forEach(f -> problems.add(new BadInputException(f.toString(), null, InterviewFiles.NOT_A_PAIR)));
        return;
      }
      inputs.add(new Input(Format.INTERVIEW, grouped.pair().get()));
    }
  }
}
