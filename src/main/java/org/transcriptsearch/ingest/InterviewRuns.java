package org.transcriptsearch.ingest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.transcriptsearch.reader.BadInputException;

/**
 * Gathers the contiguous rows of each episode of a streamed utterances.csv and gives out its transcript when the
 * next episode begins. Holds one episode's rows, plus the ids of the episodes already given out (to notice one
 * that comes back) and of those reported.
 */
final class InterviewRuns {
  private final Path file;
  private final Map<String, InterviewEpisodes.Episode> episodes;
  private final TranscriptReader.Sink sink;
  private final Set<String> done = new HashSet<>();
  private final Set<String> orphans = new HashSet<>();
  private final List<InterviewTurns.Row> rows = new ArrayList<>();
  private String current;
  private boolean skipping;

  InterviewRuns(Path file, Map<String, InterviewEpisodes.Episode> episodes, TranscriptReader.Sink sink) {
    this.file = file;
    this.episodes = episodes;
    this.sink = sink;
  }

  /** Adds a row of episode {@code episodeId}; the first row of another episode ends the current one. */
  void add(String episodeId, InterviewTurns.Row row) {
    if (!episodeId.equals(current)) {
      finish();
      start(episodeId, row.line());
    }
    if (!skipping) {
      rows.add(row);
    }
  }

  /** Gives out the episode under way. */
  void finish() {
    if (current != null && !skipping) {
      emit();
    }
    rows.clear();
    current = null;
  }

  private void start(String episodeId, long line) {
    current = episodeId;
    skipping = true;
    if (!episodes.containsKey(episodeId)) {
      if (orphans.add(episodeId)) {
        bad(line, episodeId, "episode " + episodeId + " is not in episodes.csv; its utterances are skipped");
      }
    } else if (!done.add(episodeId)) {
      bad(line, episodeId,
          "episode " + episodeId + " comes back after other episodes; its rows must be together, so these are"
              + " skipped and its first run is kept");
    } else {
      skipping = false;
    }
  }

  private void emit() {
    try {
      sink.transcript(InterviewTurns.transcript(current, episodes.get(current), rows));
    } catch (InvalidRecord e) {
      bad(rows.get(0).line(), current, e.getMessage());
    }
  }

  private void bad(long line, String episodeId, String reason) {
    sink.bad(new BadInputException(file.toString(), "line " + line + " (episode " + episodeId + ")", reason));
  }
}
