package org.transcriptsearch.reliability;

import com.fasterxml.jackson.databind.SequenceWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.transcriptsearch.model.Attribution;
import org.transcriptsearch.model.Json;
import org.transcriptsearch.model.Role;
import org.transcriptsearch.model.Speaker;
import org.transcriptsearch.model.Transcript;
import org.transcriptsearch.model.Turn;

/** A synthetic corpus of canonical JSON lines: many small, distinct transcripts of a fixed number of turns. */
final class GeneratedCorpus {
  /** Turns in every generated transcript. */
  static final int TURNS = 3;

  private static final String[] WORDS = {
    "budget", "election", "senate", "crimea", "syria", "drought", "vaccine", "refugees", "tariffs", "climate",
    "courts", "schools", "housing", "wildfire", "border", "treaty", "protest", "economy", "pipeline", "harvest",
    "minister", "governor", "spending", "ceasefire", "inflation", "hospital", "farmers", "union", "strike", "vote"
  };
  private static final String[] PROGRAMS = {"Morning Edition", "All Things Considered", "Weekend Edition Sunday"};
  private static final String[] GUESTS = {"Ana Ruiz", "Omar Haddad", "Li Wei", "Grace Okafor", "Pavel Novak"};

  private GeneratedCorpus() {}

  /** Writes {@code count} transcripts, ids {@code gen-000000} on, to {@code file}, the same for the same seed. */
  static Path write(Path file, int count, long seed) throws IOException {
    SplittableRandom random = new SplittableRandom(seed);
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        SequenceWriter lines = Json.mapper().writer().withRootValueSeparator("\n").writeValues(out)) {
      for (int i = 0; i < count; i++) {
        lines.write(transcript(i, random));
      }
    }
    return file;
  }

  /** The id of the {@code i}th generated transcript. */
  static String id(int i) {
    return "gen-%06d".formatted(i);
  }

  private static Transcript transcript(int i, SplittableRandom random) {
    Speaker host = new Speaker("Steve Inskeep", "STEVE INSKEEP, HOST", Role.HOST, null, null);
    Speaker guest = new Speaker(GUESTS[i % GUESTS.length], null, Role.GUEST, null, null);
    List<Turn> turns = new ArrayList<>();
    for (int n = 1; n <= TURNS; n++) {
      turns.add(new Turn(n, n % 2 == 1 ? host : guest, sentence(random), Attribution.LABELLED, List.of()));
    }
    return new Transcript(id(i), "Story " + i, PROGRAMS[i % PROGRAMS.length], LocalDate.of(2015, 1, 1).plusDays(i % 3000),
        null, "generated", List.of(), turns);
  }

  private static String sentence(SplittableRandom random) {
    StringBuilder text = new StringBuilder();
    int words = 12 + random.nextInt(20);
    for (int w = 0; w < words; w++) {
      text.append(w == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
    }
    return text.append('.').toString();
  }
}
