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
 * @param mirrors copies read that went into a transcript of another id as one more source (the same story from
 *     another site, identical or not); they are not counted in {@code transcripts}
 */
public record IngestSummary(
    int files,
    long transcripts,
    long utterances,
    long duplicates,
    List<Skipped> skipped,
    List<Skipped> ignored,
    long mirrors) {
  /** Something ingest passed over: a file, or a record within one. */
  public record Skipped(String where, String reason) {}

  public IngestSummary {
    skipped = List.copyOf(skipped);
    ignored = List.copyOf(ignored);
  }

  /** A summary with no mirrors. */
  public IngestSummary(
      int files, long transcripts, long utterances, long duplicates, List<Skipped> skipped, List<Skipped> ignored) {
    this(files, transcripts, utterances, duplicates, skipped, ignored, 0);
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
