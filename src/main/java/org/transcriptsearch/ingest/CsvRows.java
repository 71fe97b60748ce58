package org.transcriptsearch.ingest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import org.transcriptsearch.reader.BadInputException;

/**
 * A CSV file read one row at a time, after its header row; each row knows the line it starts on. The header is
 * read as a row so that columns can be found by any of their names (see {@link CsvColumns}).
 */
final class CsvRows implements Closeable {
  /** One row: its fields as printed, and the line of the file it starts on. */
  record Row(long line, String[] fields) {}

  private static final CsvMapper MAPPER =
      CsvMapper.builder()
          .enable(CsvParser.Feature.WRAP_AS_ARRAY)
          .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
          .build();

  private final Path file;
  private final MappingIterator<String[]> rows;
  private final CsvColumns columns;

  private CsvRows(Path file, MappingIterator<String[]> rows) throws IOException, BadInputException {
    this.file = file;
    this.rows = rows;
    Row header = next();
    if (header == null) {
      throw new BadInputException(file.toString(), null, "empty file: no header row");
    }
    this.columns = new CsvColumns(file, header.fields());
  }

  /**
   * Opens {@code file} (UTF-8) and reads its header; {@code sink} is told of the bytes read, for progress.
   *
   * @throws BadInputException when the file has no header row
   */
  static CsvRows open(Path file, TranscriptReader.Sink sink) throws IOException, BadInputException {
    MappingIterator<String[]> rows = MAPPER.readerFor(String[].class).readValues(Inputs.open(file, sink));
    try {
      return new CsvRows(file, rows);
    } catch (IOException | BadInputException | RuntimeException e) {
      rows.close();
      throw e;
    }
  }

  /** The header's columns. */
  CsvColumns columns() {
    return columns;
  }

  /**
   * The next row, or null at the end of the file.
   *
   * @throws BadInputException at a quoting error, naming its line: nothing after it can be trusted to be a row
   */
  Row next() throws IOException, BadInputException {
    try {
      if (!rows.hasNextValue()) {
        return null;
      }
      // The row's first token is placed at the end of the line before it.
      long line = rows.getParser().currentTokenLocation().getLineNr() + 1;
      return new Row(line, rows.nextValue());
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where = at == null ? null : "line " + at.getLineNr();
      throw new BadInputException(
          file.toString(), where, "not valid CSV, the rest of the file is not read: " + e.getOriginalMessage(), e);
    }
  }

  @Override
  public void close() throws IOException {
    rows.close();
  }
}
