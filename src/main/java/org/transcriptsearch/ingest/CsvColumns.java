package org.transcriptsearch.ingest;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.transcriptsearch.reader.BadInputException;

/**
 * The columns of a CSV header, found by name: case-insensitive, surrounding spaces and a byte-order mark ignored,
 * and under any of the names different copies of a dataset give them.
 */
final class CsvColumns {
  private final Path file;
  private final List<String> header;
  private final Map<String, Integer> byName = new HashMap<>();

  CsvColumns(Path file, String[] header) {
    this.file = file;
    this.header = Arrays.stream(header).map(CsvColumns::clean).toList();
    for (int i = 0; i < this.header.size(); i++) {
      byName.putIfAbsent(this.header.get(i).toLowerCase(Locale.ROOT), i);
    }
  }

  /** How many columns the header has: every row must have as many. */
  int size() {
    return header.size();
  }

  /**
   * The index of the first of {@code names} the header has.
   *
   * @throws BadInputException naming the column and the header found, when it has none of them
   */
  int required(String... names) throws BadInputException {
    int index = optional(names);
    if (index < 0) {
      String also = names.length > 1 ? " (or " + String.join(", ", Arrays.asList(names).subList(1, names.length)) + ")" : "";
      throw new BadInputException(
          file.toString(), "header", "no column '" + names[0] + "'" + also + "; the header is " + header);
    }
    return index;
  }

  /**
   * Checks that {@code row} has a field for every column.
   *
   * @throws InvalidRecord when it has more or fewer: it lost or gained a separator, so no field can be trusted
   */
  void checkWidth(CsvRows.Row row) throws InvalidRecord {
    if (row.fields().length != header.size()) {
      throw new InvalidRecord(row.fields().length + " fields, but the header has " + header.size());
    }
  }

  /** The name of column {@code index} as the header prints it. */
  String name(int index) {
    return header.get(index);
  }

  /** The index of the first of {@code names} the header has, or -1. */
  int optional(String... names) {
    for (String name : names) {
      Integer index = byName.get(name);
      if (index != null) {
        return index;
      }
    }
    return -1;
  }

  /** The value of column {@code index} in {@code fields}, stripped; null for a column the header lacks (-1). */
  static String value(String[] fields, int index) {
    return index < 0 ? null : fields[index].strip();
  }

  private static String clean(String name) {
    return name.replace("\uFEFF", "").strip();
  }
}
