package org.transcriptsearch.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.transcriptsearch.model.AirDates;
import org.transcriptsearch.reader.BadInputException;

/**
 * The Interview corpus's {@code episodes.csv}: one row per episode, held in memory by id (about 100,000 small
 * rows) while {@code utterances.csv} streams past.
 *
 * <p>Columns, by name in any case: the episode id ({@code id}, {@code episode} or {@code episode_id}; required),
 * {@code program}, {@code title} and the air date ({@code episode_date} or {@code date}, in any form
 * {@link AirDates} reads: "2019-02-19", "2019-2-19", a time after the date). A bad row (wrong number of fields, no
 * id, an id met before) is reported with its line and skipped, so its utterances are reported as having no
 * episode; a date that is not a date is a warning, and the episode is read without it.
 */
final class InterviewEpisodes {
  /** What episodes.csv says of one episode. */
  record Episode(String title, String program, LocalDate date) {}

  private InterviewEpisodes() {}

  /**
   * The episodes of {@code file} by id; bad rows go to {@code sink}.
   *
   * @throws BadInputException when the file cannot be used at all: no header, no id column, a quoting error
   */
  static Map<String, Episode> load(Path file, TranscriptReader.Sink sink) throws IOException, BadInputException {
    Map<String, Episode> episodes = new HashMap<>();
    try (CsvRows rows = CsvRows.open(file, sink)) {
      CsvColumns columns = rows.columns();
      int id = columns.required("id", "episode", "episode_id");
      int title = columns.optional("title");
      int program = columns.optional("program");
      int date = columns.optional("episode_date", "date");
      Dates dates = new Dates(file, date, date < 0 ? null : columns.name(date), sink);
      for (CsvRows.Row row = rows.next(); row != null; row = rows.next()) {
        try {
          String key = checkedId(row, columns, id, episodes);
          episodes.put(key, new Episode(value(row, title), value(row, program), dates.of(row, key)));
        } catch (InvalidRecord e) {
          sink.bad(new BadInputException(file.toString(), "line " + row.line(), e.getMessage(), e));
        }
      }
    }
    return episodes;
  }

  private static String checkedId(CsvRows.Row row, CsvColumns columns, int id, Map<String, Episode> seen)
      throws InvalidRecord {
    columns.checkWidth(row);
    String key = CsvColumns.value(row.fields(), id);
    if (key.isEmpty()) {
      throw new InvalidRecord("no episode id");
    }
    if (seen.containsKey(key)) {
      throw new InvalidRecord("episode " + key + " is listed again; the first row is kept");
    }
    return key;
  }

  private static String value(CsvRows.Row row, int column) {
    String value = CsvColumns.value(row.fields(), column);
    return value == null || value.isEmpty() ? null : value;
  }

  /** Reads the date column; a date that is not one is left empty, with a warning, and the episode is still read. */
  private record Dates(Path file, int column, String name, TranscriptReader.Sink sink) {
    LocalDate of(CsvRows.Row row, String episode) {
      String text = value(row, column);
      LocalDate date = AirDates.parse(text).orElse(null);
      if (text != null && date == null) {
        String where = "line " + row.line() + " (episode " + episode + ")";
        String reason = "field " + name + ": '" + text + "' is not a date; the date is left empty";
        sink.warning(new BadInputException(file.toString(), where, reason));
      }
      return date;
    }
  }
}
