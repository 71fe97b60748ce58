package org.transcriptsearch.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.transcriptsearch.reader.BadInputException;

/**
 * The NPR Interview corpus (Majumder et al., 2020): {@code episodes.csv} joined to {@code utterances.csv} by
 * episode id, one transcript per episode, id {@code interview-<episode id>}, source {@code npr-interview}.
 *
 * <p>utterances.csv columns, by name in any case: the episode id ({@code episode} or {@code episode_id}; a bare
 * {@code id} is not taken, since in utterance files it numbers the row), the turn's order ({@code episode_order},
 * {@code turn_order} or {@code order}), {@code speaker}, the text ({@code utterance} or {@code text}), and
 * optionally a host flag ({@code is_host} or {@code host}: true/false, 1/0, yes/no). A missing column fails the
 * file, naming the column and the header found.
 *
 * <p>{@code utterances-2sp.csv}, the two-speaker subset, has no speaker column: its {@code host_id} (-1 for the
 * guest) and {@code is_host} say who speaks. Host names come from a host map beside it ({@code host_id.json} or
 * {@code host-map.json}, see {@link InterviewHosts}); the guest, whom the file does not name, is "Unidentified
 * Guest". Utterances that are only a cue ("(Foreign language spoken)") are kept as cues of their turns, with no
 * text, and counted in a warning.
 *
 * <p>utterances.csv is streamed: the corpus keeps each episode's rows together (though not always in turn order),
 * so the rows of one episode are gathered, sorted by their order and given out when the episode id changes.
 * Only episodes.csv is held in memory. Reported and skipped, with their line: a row with the wrong number of
 * fields, a non-numeric order or a bad host flag; an episode whose rows come back after other episodes (once per
 * return; its first run is kept); an episode that episodes.csv lacks (once per episode id).
 */
public final class InterviewReader implements TranscriptReader {
  /**
   * Reads the corpus in the folder {@code path}: its {@code episodes.csv} and {@code utterances.csv}. The corpus
   * is two files, so a single file is reported rather than half read.
   */
  @Override
  public void read(Path path, Sink sink) throws IOException {
    Optional<List<Path>> pair = Files.isDirectory(path) ? InterviewFiles.pairIn(path) : Optional.empty();
    if (pair.isEmpty()) {
      sink.bad(new BadInputException(path.toString(), null, InterviewFiles.NOT_A_PAIR));
      return;
    }
    read(pair.get(), sink);
  }

  /**
   * Reads an Interview corpus given as its files.
   *
   * @param files {@code episodes.csv}, then {@code utterances.csv} (or {@code utterances-2sp.csv}), then
   *     optionally the host map
   */
  @Override
  public void read(List<Path> files, Sink sink) throws IOException {
    if (files.size() != 2 && files.size() != 3) {
      sink.bad(new BadInputException(String.valueOf(files), null, InterviewFiles.NOT_A_PAIR));
      return;
    }
    try {
      InterviewHosts hosts = files.size() == 3 ? hosts(files.get(2), sink) : InterviewHosts.none();
      Map<String, InterviewEpisodes.Episode> episodes = InterviewEpisodes.load(files.get(0), sink);
      readUtterances(files.get(1), episodes, hosts, files.size() == 3, sink);
    } catch (BadInputException e) {
      sink.bad(e);
    }
  }

  /** The host map; one that cannot be read is reported, and the hosts go unnamed. */
  private static InterviewHosts hosts(Path file, Sink sink) throws IOException {
    try {
      return InterviewHosts.read(file);
    } catch (BadInputException e) {
      sink.bad(e);
      return InterviewHosts.none();
    }
  }

  private static void readUtterances(
      Path file, Map<String, InterviewEpisodes.Episode> episodes, InterviewHosts hosts, boolean mapGiven, Sink sink)
      throws IOException, BadInputException {
    try (CsvRows rows = CsvRows.open(file, sink)) {
      UtteranceColumns columns = UtteranceColumns.of(rows.columns());
      if (!columns.namesSpeakers() && !mapGiven) {
        sink.warning(new BadInputException(file.toString(), "header",
            "no speaker column and no host map (host_id.json or host-map.json) beside it; hosts are read as"
                + " \"" + InterviewTurns.UNNAMED_HOST + "\" and guests as \"" + InterviewTurns.UNNAMED_GUEST + "\""));
      }
      InterviewRuns runs = new InterviewRuns(file, episodes, hosts, sink);
      for (CsvRows.Row row = rows.next(); row != null; row = rows.next()) {
        try {
          runs.add(columns.episode(row), columns.row(row));
        } catch (InvalidRecord e) {
          sink.bad(new BadInputException(file.toString(), "line " + row.line(), e.getMessage(), e));
        }
      }
      runs.end();
    }
  }
}
