package org.transcriptsearch.ingest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.transcriptsearch.model.Transcript;
import org.transcriptsearch.model.Turn;
import org.transcriptsearch.reader.BadInputException;
import org.transcriptsearch.speakers.SpeakerLabels;

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
  private final InterviewHosts hosts;
  private final SpeakerLabels labels = new SpeakerLabels();
  private final Set<Integer> unknownHosts = new HashSet<>();
  private String current;
  private boolean skipping;
  private long cueOnly;
  private String firstCueOnly;

  InterviewRuns(Path file, Map<String, InterviewEpisodes.Episode> episodes, TranscriptReader.Sink sink) {
    this(file, episodes, InterviewHosts.none(), sink);
  }

  /** Runs whose hosts, for rows without a speaker string, are named by {@code hosts}. */
  InterviewRuns(
      Path file, Map<String, InterviewEpisodes.Episode> episodes, InterviewHosts hosts, TranscriptReader.Sink sink) {
    this.file = file;
    this.episodes = episodes;
    this.hosts = hosts;
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
      checkHost(row);
    }
  }

  /** A host id the host map lacks is said once: its turns go to an unnamed host. */
  private void checkHost(InterviewTurns.Row row) {
    if (row.speaker() == null && row.isHost() && row.hostId() != null && hosts.name(row.hostId()).isEmpty()
        && unknownHosts.add(row.hostId()) && hosts.size() > 0) {
      sink.warning(new BadInputException(file.toString(), "line " + row.line() + " (episode " + current + ")",
          "field host_id: host " + row.hostId() + " is not in the host map; its turns are given to an"
              + " unidentified host"));
    }
  }

  /**
   * Ends the file: says how many utterances were only a cue ("(Foreign language spoken)"). They are kept as the
   * cues of their turns, with no text, so they are not searched as speech.
   */
  void end() {
    finish();
    if (cueOnly > 0) {
      sink.warning(new BadInputException(file.toString(), null,
          String.format("%,d utterance%s only a cue, such as %s; kept as cues of their turns, not as speech",
              cueOnly, cueOnly == 1 ? " is" : "s are", firstCueOnly)));
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
      Transcript transcript = InterviewTurns.transcript(current, episodes.get(current), rows, hosts, labels);
      countCueOnly(transcript);
      sink.transcript(transcript);
    } catch (InvalidRecord e) {
      bad(rows.get(0).line(), current, e.getMessage());
    }
  }

  private void countCueOnly(Transcript transcript) {
    for (Turn turn : transcript.turns()) {
      if (turn.text().isEmpty() && !turn.cues().isEmpty()) {
        cueOnly++;
        if (firstCueOnly == null) {
          firstCueOnly = turn.cues().get(turn.cues().size() - 1); // the text's cue, after the label's
        }
      }
    }
  }

  private void bad(long line, String episodeId, String reason) {
    sink.bad(new BadInputException(file.toString(), "line " + line + " (episode " + episodeId + ")", reason));
  }
}
