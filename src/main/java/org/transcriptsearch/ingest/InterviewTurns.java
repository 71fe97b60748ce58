package org.transcriptsearch.ingest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.transcriptsearch.model.Attribution;
import org.transcriptsearch.model.Role;
import org.transcriptsearch.model.Speaker;
import org.transcriptsearch.model.Transcript;
import org.transcriptsearch.model.Turn;
import org.transcriptsearch.reader.page.Cues;
import org.transcriptsearch.speakers.SpeakerLabels;

/** One Interview episode's utterance rows made into a transcript. */
final class InterviewTurns {
  /** The source of every Interview transcript. */
  static final String SOURCE = "npr-interview";

  /**
   * One row of utterances.csv.
   *
   * @param line where it starts in the file
   * @param order its place in the episode
   * @param speaker the speaker string as printed
   * @param text what was said
   * @param host the row's host flag, or null when the file has none
   * @param hostId the row's host id (-1 for a guest), or null when the file has none
   */
  record Row(long line, int order, String speaker, String text, Boolean host, Integer hostId) {
    /** A row of a file that names its speakers and has no host ids. */
    Row(long line, int order, String speaker, String text, Boolean host) {
      this(line, order, speaker, text, host, null);
    }

    /** Whether the row is a host's, by its flag or its host id. */
    boolean isHost() {
      return Boolean.TRUE.equals(host) || (host == null && hostId != null && hostId >= 0);
    }
  }

  /** The name given to a host whose id the host map lacks, or when there is no host map. */
  static final String UNNAMED_HOST = "Unidentified Host";

  /** The name given to the guest of a two-speaker episode: utterances-2sp.csv names no guest. */
  static final String UNNAMED_GUEST = "Unidentified Guest";

  private InterviewTurns() {}

  /** The transcript id of Interview episode {@code episodeId}: stable, and apart from every other source's. */
  static String transcriptId(String episodeId) {
    return "interview-" + episodeId;
  }

  /**
   * The transcript of one episode: rows in order of their order column (ties in file order), empty utterances left
   * out, turns numbered from 1.
   *
   * @throws InvalidRecord when no row has any text
   */
  static Transcript transcript(String episodeId, InterviewEpisodes.Episode episode, List<Row> rows)
      throws InvalidRecord {
    return transcript(episodeId, episode, rows, InterviewHosts.none());
  }

  /**
   * As {@link #transcript(String, InterviewEpisodes.Episode, List)}, naming the hosts of rows without a speaker
   * string ({@code utterances-2sp.csv}) from {@code hosts}.
   */
  static Transcript transcript(String episodeId, InterviewEpisodes.Episode episode, List<Row> rows,
      InterviewHosts hosts) throws InvalidRecord {
    return transcript(episodeId, episode, rows, hosts, new SpeakerLabels());
  }

  /** As {@link #transcript(String, InterviewEpisodes.Episode, List, InterviewHosts)}, through {@code labels}. */
  static Transcript transcript(String episodeId, InterviewEpisodes.Episode episode, List<Row> rows,
      InterviewHosts hosts, SpeakerLabels labels) throws InvalidRecord {
    List<Row> ordered = new ArrayList<>(rows);
    ordered.sort(Comparator.comparingInt(Row::order));
    List<Turn> turns = new ArrayList<>(ordered.size());
    for (Row row : ordered) {
      if (!row.text().isBlank()) {
        int n = turns.size() + 1;
        turns.add(row.speaker() == null ? byHostId(n, row, hosts) : turn(n, row, labels));
      }
    }
    if (turns.isEmpty()) {
      throw new InvalidRecord("episode " + episodeId + " has no turns: every utterance is empty");
    }
    return new Transcript(
        transcriptId(episodeId),
        episode.title(),
        PrintedTurns.program(episode.program()),
        episode.date(),
        null,
        SOURCE,
        List.of(),
        turns);
  }

  /** A row of utterances-2sp.csv: a host named by the host map, or the episode's one guest, unnamed. */
  private static Turn byHostId(int n, Row row, InterviewHosts hosts) {
    Cues.Split split = Cues.split(row.text());
    Speaker speaker =
        row.isHost()
            ? new Speaker(
                row.hostId() == null ? UNNAMED_HOST : hosts.name(row.hostId()).orElse(UNNAMED_HOST),
                null, Role.HOST, null, null)
            : new Speaker(UNNAMED_GUEST, null, Role.GUEST, null, null);
    return new Turn(n, speaker, split.text(), Attribution.INFERRED, split.cues());
  }

  /** A host flag overrides only the default guest role: a label that says "CORRESPONDENT" knows better. */
  private static Turn turn(int n, Row row, SpeakerLabels labels) {
    Turn turn = PrintedTurns.turn(n, row.speaker(), row.text(), labels);
    Speaker s = turn.speaker();
    if (Boolean.TRUE.equals(row.host()) && s.role() == Role.GUEST) {
      Speaker host = new Speaker(s.name(), s.label(), Role.HOST, s.title(), s.affiliation());
      return new Turn(n, host, turn.text(), turn.attribution(), turn.cues());
    }
    return turn;
  }
}
