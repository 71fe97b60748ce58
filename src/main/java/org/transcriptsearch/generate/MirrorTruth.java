package org.transcriptsearch.generate;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Collectors;
import org.transcriptsearch.model.Transcript;

/**
 * Which generated transcript is a copy of which story: a tab-separated file with the header {@value #HEADER}, one
 * line per transcript written (the story itself has damage {@code original}, an identical copy {@code identical}).
 */
public final class MirrorTruth implements Closeable {
  /** The file's name in the output folder. */
  public static final String FILE_NAME = "mirrors.tsv";

  /** Its header line. */
  public static final String HEADER = "story\tid\tsite\turl\tdamage";

  private final BufferedWriter out;
  private long lastStory = -1;

  /** Writes to {@code file}, replacing it. */
  public MirrorTruth(Path file) throws IOException {
    this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    out.write(HEADER);
    out.write('\n');
  }

  /** One line: {@code copy} is of story number {@code story}; the first line of each story is the story itself. */
  public void write(long story, MirrorCopies.Copy copy) throws IOException {
    Transcript t = copy.transcript();
    boolean first = story != lastStory;
    lastStory = story;
    String damage =
        copy.damage().isEmpty()
            ? (first ? "original" : "identical")
            : copy.damage().stream().map(d -> d.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(","));
    out.write(story + "\t" + t.id() + "\t" + nullable(t.source()) + "\t" + nullable(t.url()) + "\t" + damage + "\n");
  }

  private String nullable(String value) {
    return value == null ? "" : value;
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
