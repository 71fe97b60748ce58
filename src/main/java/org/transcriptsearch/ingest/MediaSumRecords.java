package org.transcriptsearch.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.transcriptsearch.model.Transcript;
import org.transcriptsearch.model.Turn;

/**
 * One MediaSum record, already read as a JSON tree, checked field by field and turned into a transcript.
 *
 * <p>Fields: {@code id} (required), {@code program}, {@code date} ("2008-06-10"), {@code url}, {@code title},
 * {@code utt} and {@code speaker} (required, parallel lists of strings). {@code summary} is not part of the model
 * and is ignored. A null or missing optional field is fine; anything of the wrong type is not.
 */
final class MediaSumRecords {
  /** The source of every MediaSum transcript. */
  static final String SOURCE = "mediasum";

  private MediaSumRecords() {}

  /**
   * The transcript of {@code record}: its MediaSum id, turns numbered from 1 in {@code utt} order, empty
   * utterances left out.
   *
   * @throws InvalidRecord naming the field at fault
   */
  static Transcript transcript(JsonNode record) throws InvalidRecord {
    String id = text(record, "id");
    if (id == null || id.isBlank()) {
      throw new InvalidRecord("no id");
    }
    List<Turn> turns = turns(strings(record, "utt"), strings(record, "speaker"));
    return new Transcript(
        id.strip(),
        text(record, "title"),
        PrintedTurns.program(text(record, "program")),
        date(record),
        text(record, "url"),
        SOURCE,
        List.of(),
        turns);
  }

  /** The id of {@code record} when it has a usable one, for naming the record in a report; else null. */
  static String idOf(JsonNode record) {
    JsonNode id = record.get("id");
    return id != null && id.isTextual() && !id.asText().isBlank() ? id.asText().strip() : null;
  }

  private static List<Turn> turns(List<String> utt, List<String> speakers) throws InvalidRecord {
    if (utt.size() != speakers.size()) {
      throw new InvalidRecord(
          "field utt has " + entries(utt.size()) + " but field speaker has " + entries(speakers.size()));
    }
    List<Turn> turns = new ArrayList<>(utt.size());
    for (int i = 0; i < utt.size(); i++) {
      if (!utt.get(i).isBlank()) {
        turns.add(PrintedTurns.turn(turns.size() + 1, speakers.get(i), utt.get(i)));
      }
    }
    if (turns.isEmpty()) {
      throw new InvalidRecord(utt.isEmpty() ? "no turns: field utt is empty" : "no turns: every utt entry is empty");
    }
    return turns;
  }

  /** A required list of strings; a null entry of {@code speaker} names nobody and reads as "". */
  private static List<String> strings(JsonNode record, String field) throws InvalidRecord {
    JsonNode list = record.get(field);
    if (list == null || list.isNull()) {
      throw new InvalidRecord("no field " + field);
    }
    if (!list.isArray()) {
      throw new InvalidRecord("field " + field + ": expected a list of strings, found " + kind(list));
    }
    List<String> values = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      JsonNode entry = list.get(i);
      if (!entry.isTextual() && !(entry.isNull() && field.equals("speaker"))) {
        throw new InvalidRecord("field " + field + "[" + i + "]: expected a string, found " + kind(entry));
      }
      values.add(entry.isNull() ? "" : entry.asText());
    }
    return values;
  }

  /** An optional string field: null when missing, null or blank. */
  private static String text(JsonNode record, String field) throws InvalidRecord {
    JsonNode value = record.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw new InvalidRecord("field " + field + ": expected a string, found " + kind(value));
    }
    return value.asText().isBlank() ? null : value.asText().strip();
  }

  /** A malformed date makes the record bad: a wrong date would put it under the wrong year in every search. */
  private static LocalDate date(JsonNode record) throws InvalidRecord {
    String date = text(record, "date");
    if (date == null) {
      return null;
    }
    try {
      return LocalDate.parse(date);
    } catch (DateTimeParseException e) {
      throw new InvalidRecord("field date: '" + date + "' is not a date (expected YYYY-MM-DD)");
    }
  }

  private static String entries(int n) {
    return n + (n == 1 ? " entry" : " entries");
  }

  private static String kind(JsonNode node) {
    return switch (node.getNodeType()) {
      case ARRAY -> "a list";
      case OBJECT, POJO -> "an object";
      case NUMBER -> "a number " + node.asText();
      case BOOLEAN -> "a boolean " + node.asText();
      case NULL -> "null";
      case STRING -> "a string";
      default -> node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    };
  }
}
