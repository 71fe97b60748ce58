package org.transcriptsearch.ingest;

/**
 * A record of a dataset file that cannot become a transcript; its message is the reason, for a person to read.
 * The reader that meets it adds the file and the record's place, and goes on with the next record.
 */
final class InvalidRecord extends Exception {
  private static final long serialVersionUID = 1L;

  InvalidRecord(String reason) {
    super(reason);
  }
}
