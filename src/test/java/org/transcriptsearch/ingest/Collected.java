package org.transcriptsearch.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.transcriptsearch.model.Transcript;
import org.transcriptsearch.model.Turn;
import org.transcriptsearch.reader.BadInputException;

/** A sink that keeps what a reader gives it, for tests. */
final class Collected implements TranscriptReader.Sink {
  /** The fixture folder of the dataset readers. */
  static final Path FIXTURES = Path.of("src", "test", "resources", "fixtures");

  final List<Transcript> transcripts = new ArrayList<>();
  final List<BadInputException> problems = new ArrayList<>();
  final List<BadInputException> warnings = new ArrayList<>();

  /** Everything {@code reader} gives for {@code files}. */
  static Collected read(TranscriptReader reader, Path... files) throws IOException {
    Collected sink = new Collected();
    reader.read(List.of(files), sink);
    return sink;
  }

  @Override
  public void transcript(Transcript transcript) {
    transcripts.add(transcript);
  }

  @Override
  public void bad(BadInputException problem) {
    problems.add(problem);
  }

  @Override
  public void warning(BadInputException problem) {
    warnings.add(problem);
  }

  /** Each warning as "location: reason", the file left out. */
  List<String> warnings() {
    return warnings.stream().map(p -> p.location() + ": " + p.reason()).toList();
  }

  List<String> ids() {
    return transcripts.stream().map(Transcript::id).toList();
  }

  Transcript get(String id) {
    return transcripts.stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
  }

  /** Each problem as "location: reason", the file left out. */
  List<String> problems() {
    return problems.stream().map(p -> p.location() + ": " + p.reason()).toList();
  }

  /** Each turn as "n|name|label|role|title|affiliation|text|cues", for exact comparison. */
  static List<String> turns(Transcript t) {
    return t.turns().stream().map(Collected::turn).toList();
  }

  private static String turn(Turn u) {
    var s = u.speaker();
    return String.join(
        "|",
        String.valueOf(u.n()),
        s.name(),
        String.valueOf(s.label()),
        s.role().code(),
        String.valueOf(s.title()),
        String.valueOf(s.affiliation()),
        u.text(),
        String.join(",", u.cues()));
  }
}
