package org.transcriptsearch.ingest;

import java.util.List;

/**
 * What an ingest run did.
 *
 * @param files input files read
 * @param transcripts transcripts indexed (a transcript met twice in the run counts once)
 * @param utterances utterances indexed
 * @param duplicates transcripts met again in this run under an id already indexed in it (mirrors of one story)
 * @param skipped what could not be read, with where and why
 * @param ignored files deliberately not read, with why (a host map JSON beside an Interview corpus): they do not
 *     make the run incomplete
 * @param warnings records read only in part or with a value set aside (a date that is not a date, an utterance
 *     without its speaker), each with where, the field and what was done; they were indexed, so they do not make
 *     the run incomplete
 * @param mirrors copies read that went into a transcript as one more source (the same story from another site,
 *     identical or not) rather than as a transcript of their own; they are not counted in {@code transcripts}
 */
public record IngestSummary(
    int files,
    long transcripts,
    long utterances,
    long duplicates,
    List<Skipped> skipped,
    List<Skipped> ignored,
    List<Skipped> warnings,
    long mirrors) {
  /**
   * Something ingest passed over, or read with a warning: a file, or a record within one.
   *
   * @param where the file, and where known the line or record ("news_dialogue.json: record 5 (id NPR-13)")
   * @param reason what is wrong and, for a warning, what was done about it
   */
  public record Skipped(String where, String reason) {
    /** The entry for {@code problem}: its file and, when it has one, the place in it. */
    static Skipped of(org.transcriptsearch.reader.BadInputException problem) {
      String where = problem.location() == null ? problem.file() : problem.file() + ": " + problem.location();
      return new Skipped(where, problem.reason());
    }
  }

  public IngestSummary {
    skipped = List.copyOf(skipped);
    ignored = List.copyOf(ignored);
    warnings = List.copyOf(warnings);
  }

  /** A summary with no warnings. */
  public IngestSummary(
      int files, long transcripts, long utterances, long duplicates, List<Skipped> skipped, List<Skipped> ignored) {
    this(files, transcripts, utterances, duplicates, skipped, ignored, List.of());
  }

  /** A summary with no mirrors. */
  public IngestSummary(
      int files,
      long transcripts,
      long utterances,
      long duplicates,
      List<Skipped> skipped,
      List<Skipped> ignored,
      List<Skipped> warnings) {
    this(files, transcripts, utterances, duplicates, skipped, ignored, warnings, 0);
  }

  /** A summary with nothing ignored. */
  public IngestSummary(int files, long transcripts, long utterances, long duplicates, List<Skipped> skipped) {
    this(files, transcripts, utterances, duplicates, skipped, List.of());
  }

  /** Whether everything given was read. */
  public boolean complete() {
    return skipped.isEmpty();
  }
}
