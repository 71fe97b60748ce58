package org.transcriptsearch.ingest;

import java.util.Locale;
import org.transcriptsearch.reader.BadInputException;

/**
 * Where the fields of an Interview utterances file are, found by name once per file. See {@link InterviewReader}.
 *
 * @param speaker the speaker column, or -1 in {@code utterances-2sp.csv}, which names hosts by {@code hostId}
 * @param hostId the host id column ({@code host_id}: -1 for guests), or -1
 */
record UtteranceColumns(CsvColumns columns, int episode, int order, int speaker, int text, int host, int hostId) {
  /**
   * The columns of {@code columns}' header.
   *
   * @throws BadInputException naming a required column the header lacks: a speaker column is required unless the
   *     file names its hosts by id
   */
  static UtteranceColumns of(CsvColumns columns) throws BadInputException {
    int hostId = columns.optional("host_id", "hostid");
    return new UtteranceColumns(
        columns,
        columns.required("episode", "episode_id"),
        columns.required("episode_order", "turn_order", "order"),
        hostId < 0 ? columns.required("speaker") : columns.optional("speaker"),
        columns.required("utterance", "text"),
        columns.optional("is_host", "host"),
        hostId);
  }

  /** Whether the file names its speakers (utterances.csv) rather than its hosts by id (utterances-2sp.csv). */
  boolean namesSpeakers() {
    return speaker >= 0;
  }

  /** The episode id of {@code row}. */
  String episode(CsvRows.Row row) throws InvalidRecord {
    columns.checkWidth(row);
    String id = CsvColumns.value(row.fields(), episode);
    if (id.isEmpty()) {
      throw new InvalidRecord("no episode id");
    }
    return id;
  }

  /** The fields of {@code row}, checked. */
  InterviewTurns.Row row(CsvRows.Row row) throws InvalidRecord {
    String[] f = row.fields();
    return new InterviewTurns.Row(
        row.line(), order(f), CsvColumns.value(f, speaker), CsvColumns.value(f, text), host(f), hostId(f));
  }

  private int order(String[] fields) throws InvalidRecord {
    return whole(fields, order);
  }

  private Integer hostId(String[] fields) throws InvalidRecord {
    String value = CsvColumns.value(fields, hostId);
    return value == null || value.isEmpty() ? null : whole(fields, hostId);
  }

  private int whole(String[] fields, int column) throws InvalidRecord {
    String value = CsvColumns.value(fields, column);
    try {
      // Some copies print whole numbers as floats ("3.0").
      double number = Double.parseDouble(value);
      if (number != Math.rint(number) || Math.abs(number) > Integer.MAX_VALUE) {
        throw new NumberFormatException(value);
      }
      return (int) number;
    } catch (NumberFormatException e) {
      throw new InvalidRecord("field " + columns.name(column) + ": '" + value + "' is not a whole number");
    }
  }

  private Boolean host(String[] fields) throws InvalidRecord {
    String value = CsvColumns.value(fields, host);
    if (value == null || value.isEmpty()) {
      return null;
    }
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "true", "1", "yes", "1.0" -> Boolean.TRUE;
      case "false", "0", "no", "0.0" -> Boolean.FALSE;
      default -> throw new InvalidRecord("field " + columns.name(host) + ": '" + value + "' is not true or false");
    };
  }
}
