package org.transcriptsearch.ingest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.transcriptsearch.model.Json;
import org.transcriptsearch.model.Transcript;
import org.transcriptsearch.model.Turn;
import org.transcriptsearch.reader.BadInputException;
import org.transcriptsearch.speakers.SpeakerLabels;

/**
 * MediaSum transcripts (Zhu et al., 2021): one JSON array of records ({@code news_dialogue.json}) or the same
 * records as JSON lines. See {@link MediaSumRecords} for the fields.
 *
 * <p>Streams: one record is held in memory at a time, so a file of several GB reads in flat memory. A bad record
 * is reported as "record N (id X)" with its reason and skipped; a record read in part is given with a warning for
 * each thing set aside. A JSON syntax error is reported with its line
 * and column and ends the file, since nothing after it can be trusted to start a record; what was read before
 * it is kept.
 */
public final class MediaSumReader implements TranscriptReader {
  @Override
  public void read(Path file, Sink sink) throws IOException {
    try (BufferedReader in = Inputs.open(file, sink);
        JsonParser parser = Json.mapper().createParser(in)) {
      new Records(file, parser, sink).readAll();
    }
  }

  /** The records of one file, counted as they are read. */
  private static final class Records {
    private final Path file;
    private final JsonParser parser;
    private final Sink sink;
    private int count;
    private final SpeakerLabels labels = new SpeakerLabels();
    private long cueOnly;
    private String firstCueOnly;

    Records(Path file, JsonParser parser, Sink sink) {
      this.file = file;
      this.parser = parser;
      this.sink = sink;
    }

    void readAll() throws IOException {
      try {
        JsonToken token = parser.nextToken();
        if (token == JsonToken.START_ARRAY) {
          token = parser.nextToken();
        }
        // In an array the records end at its ']'; as JSON lines they end with the file.
        while (token != null && token != JsonToken.END_ARRAY) {
          record(token);
          token = parser.nextToken();
        }
        reportCueOnly();
      } catch (JsonProcessingException e) {
        JsonLocation at = e.getLocation() == null ? parser.currentLocation() : e.getLocation();
        String where = "line " + at.getLineNr() + ", column " + at.getColumnNr() + " (record " + count + ")";
        sink.bad(bad(where, "not valid JSON, the rest of the file is not read: " + e.getOriginalMessage(), e));
      }
    }

    private void record(JsonToken token) throws IOException {
      count++;
      if (token != JsonToken.START_OBJECT) {
        String found = parser.getText();
        parser.skipChildren();
        sink.bad(bad("record " + count, "expected an object, found '" + found + "'", null));
        return;
      }
      JsonNode node = parser.readValueAsTree();
      String id = MediaSumRecords.idOf(node);
      String where = "record " + count + (id == null ? "" : " (id " + id + ")");
      Transcript transcript;
      List<String> warnings = new ArrayList<>();
      try {
        transcript = MediaSumRecords.transcript(node, warnings, labels);
      } catch (InvalidRecord e) {
        sink.bad(bad(where, e.getMessage(), e));
        return;
      }
      warnings.addAll(LoneSurrogates.warnings(node));
      warnings.forEach(w -> sink.warning(bad(where, w, null)));
      countCueOnly(transcript);
      sink.transcript(transcript);
    }

    /** Utterances that are only a cue ("(LAUGHTER)") stay turns with no text: counted, and said once per file. */
    private void countCueOnly(Transcript transcript) {
      for (Turn turn : transcript.turns()) {
        if (turn.text().isEmpty() && !turn.cues().isEmpty()) {
          cueOnly++;
          firstCueOnly = firstCueOnly == null ? turn.cues().get(turn.cues().size() - 1) : firstCueOnly;
        }
      }
    }

    private void reportCueOnly() {
      if (cueOnly > 0) {
        sink.warning(new BadInputException(file.toString(), null, String.format(
            "%,d utterance%s only a cue, such as %s; kept as cues of their turns, not as speech",
            cueOnly, cueOnly == 1 ? " is" : "s are", firstCueOnly)));
      }
    }

    private BadInputException bad(String where, String reason, Throwable cause) {
      return new BadInputException(file.toString(), where, reason, cause);
    }
  }
}
