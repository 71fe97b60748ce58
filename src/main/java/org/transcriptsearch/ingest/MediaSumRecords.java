package org.transcriptsearch.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.transcriptsearch.model.AirDates;
import org.transcriptsearch.model.Transcript;
import org.transcriptsearch.model.Turn;
import org.transcriptsearch.speakers.SpeakerLabels;

/**
 * One MediaSum record, already read as a JSON tree, checked field by field and turned into a transcript.
 *
 * <p>Fields: {@code id} (required), {@code program}, {@code date} (any form {@link AirDates} reads: the real file
 * writes "2013-5-13" as often as "2013-05-13"), {@code url}, {@code title}, {@code utt} and {@code speaker}
 * (required, parallel lists of strings). {@code summary} is not part of the model and is ignored.
 *
 * <p>A record is read as far as it can be, and each thing set aside is a warning naming the field and what was
 * done: an optional field of the wrong type or a date that is not a date is left empty; an {@code utt} entry
 * that is not text is left out; a {@code speaker} entry that is not text, or missing because {@code speaker} is
 * shorter than {@code utt}, makes an unidentified speaker; speakers beyond the last utterance are left out. Only
 * a record with no id, no {@code utt} list or no utterance at all is refused.
 */
final class MediaSumRecords {
  /** The source of every MediaSum transcript. */
  static final String SOURCE = "mediasum";

  private MediaSumRecords() {}

  /**
   * The transcript of {@code record}: its MediaSum id, turns numbered from 1 in {@code utt} order, empty
   * utterances left out.
   *
   * @param warnings receives what was set aside, each as "field F: what is wrong; what was done"
   * @throws InvalidRecord naming the field at fault, when no transcript can be made
   */
  static Transcript transcript(JsonNode record, List<String> warnings) throws InvalidRecord {
    return transcript(record, warnings, new SpeakerLabels());
  }

  /** As {@link #transcript(JsonNode, List)}, taking speaker strings apart through {@code labels}. */
  static Transcript transcript(JsonNode record, List<String> warnings, SpeakerLabels labels) throws InvalidRecord {
    String id = idOf(record);
    if (id == null) {
      throw new InvalidRecord("no id");
    }
    // Warnings in the order of the record's fields.
    String title = text(record, "title", warnings);
    String program = PrintedTurns.program(text(record, "program", warnings));
    LocalDate date = date(record, warnings);
    String url = text(record, "url", warnings);
    List<String> utt = utterances(record, warnings);
    List<String> speakers = speakers(record, utt.size(), warnings);
    return new Transcript(id, title, program, date, url, SOURCE, List.of(), turns(utt, speakers, labels));
  }

  /** The id of {@code record} when it has a usable one (text, or a number written as one); else null. */
  static String idOf(JsonNode record) {
    JsonNode id = record.get("id");
    boolean usable = id != null && (id.isTextual() || id.isIntegralNumber()) && !id.asText().isBlank();
    return usable ? id.asText().strip() : null;
  }

  private static List<Turn> turns(List<String> utt, List<String> speakers, SpeakerLabels labels)
      throws InvalidRecord {
    List<Turn> turns = new ArrayList<>(utt.size());
    for (int i = 0; i < utt.size(); i++) {
      if (utt.get(i) != null && !utt.get(i).isBlank()) {
        turns.add(PrintedTurns.turn(turns.size() + 1, speakers.get(i), utt.get(i), labels));
      }
    }
    if (turns.isEmpty()) {
      throw new InvalidRecord(utt.isEmpty() ? "no turns: field utt is empty" : "no turns: every utt entry is empty");
    }
    return turns;
  }

  /** The {@code utt} entries; one that is not text is null (left out), with a warning. */
  private static List<String> utterances(JsonNode record, List<String> warnings) throws InvalidRecord {
    JsonNode list = list(record, "utt");
    List<String> values = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      JsonNode entry = list.get(i);
      if (entry.isTextual()) {
        values.add(entry.asText());
      } else {
        values.add(null);
        if (!entry.isNull()) {
          warnings.add("field utt[" + i + "]: expected a string, found " + kind(entry) + "; the entry is left out");
        }
      }
    }
    return values;
  }

  /**
   * One speaker string per utterance. A null entry names nobody and reads as "" (an unidentified speaker, as the
   * real file means it); anything else that is not text, or an entry missing at the end, is also unidentified,
   * with a warning.
   */
  private static List<String> speakers(JsonNode record, int utterances, List<String> warnings)
      throws InvalidRecord {
    JsonNode list = list(record, "speaker");
    List<String> values = new ArrayList<>(utterances);
    for (int i = 0; i < Math.min(list.size(), utterances); i++) {
      JsonNode entry = list.get(i);
      if (!entry.isTextual() && !entry.isNull()) {
        warnings.add(
            "field speaker[" + i + "]: expected a string, found " + kind(entry)
                + "; utterance " + (i + 1) + " is kept with an unidentified speaker");
      }
      values.add(entry.isTextual() ? entry.asText() : "");
    }
    if (list.size() != utterances) {
      warnings.add(mismatch(list.size(), utterances));
    }
    while (values.size() < utterances) {
      values.add("");
    }
    return values;
  }

  private static String mismatch(int speakers, int utterances) {
    String counts = "field utt has " + entries(utterances) + " but field speaker has " + entries(speakers);
    if (speakers < utterances) {
      String which =
          speakers + 1 == utterances ? "utterance " + utterances : "utterances " + (speakers + 1) + "-" + utterances;
      return counts + "; " + which + " kept with an unidentified speaker";
    }
    return counts + "; the " + (speakers - utterances) + " speaker" + (speakers - utterances == 1 ? "" : "s")
        + " after the last utterance left out";
  }

  /** A required list. */
  private static JsonNode list(JsonNode record, String field) throws InvalidRecord {
    JsonNode list = record.get(field);
    if (list == null || list.isNull()) {
      throw new InvalidRecord("no field " + field);
    }
    if (!list.isArray()) {
      throw new InvalidRecord("field " + field + ": expected a list of strings, found " + kind(list));
    }
    return list;
  }

  /** An optional string field: null when missing, null, blank or (with a warning) not a string. */
  private static String text(JsonNode record, String field, List<String> warnings) {
    JsonNode value = record.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      warnings.add(
          "field " + field + ": expected a string, found " + kind(value) + "; the " + field + " is left empty");
      return null;
    }
    return value.asText().isBlank() ? null : value.asText().strip();
  }

  /** A date that is not one is left empty, with a warning: a guessed date would file the record under a wrong year. */
  private static LocalDate date(JsonNode record, List<String> warnings) {
    String date = text(record, "date", warnings);
    if (date == null) {
      return null;
    }
    LocalDate read = AirDates.parse(date).orElse(null);
    if (read == null) {
      warnings.add("field date: '" + date + "' is not a date; the date is left empty");
    }
    return read;
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
      default -> node.getNodeType().name().toLowerCase(Locale.ROOT);
    };
  }
}
