package org.transcriptsearch.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where things are by default: under the clone the program belongs to, whichever folder it is run from. The run
 * script names the clone; a jar run alone finds it from where it lies (the clone's {@code target/}); else the
 * working directory. The sample corpus ships inside the jar too, for a jar copied anywhere.
 */
final class Defaults {
  /** Where the sample corpus lies on the class path (copied there from index-data/transcripts by the build). */
  static final String BUNDLED_SAMPLE = "/org/transcriptsearch/sample";

  private Defaults() {}

  /** The project folder: named by the run script, else the clone the jar is in, else the working directory. */
  static Path home() {
    String named = System.getProperty("transcript.search.home");
    if (named != null) {
      return Path.of(named);
    }
    Path jar = jar();
    if (jar != null && jar.getParent() != null && jar.getParent().getParent() != null) {
      Path clone = jar.getParent().getParent(); // <clone>/target/transcript-search.jar
      if (Files.isDirectory(clone.resolve("index-data"))) {
        return clone;
      }
    }
    return Path.of(".");
  }

  /** The jar this program runs from, or null when it runs from class folders (tests, an IDE). */
  static Path jar() {
    try {
      URL location = Defaults.class.getProtectionDomain().getCodeSource().getLocation();
      Path path = Path.of(location.toURI());
      return Files.isRegularFile(path) && path.toString().endsWith(".jar") ? path.toAbsolutePath() : null;
    } catch (URISyntaxException | RuntimeException e) {
      return null;
    }
  }

  /** index-data/index: the default index. */
  static Path index() {
    return home().resolve("index-data").resolve("index");
  }

  /**
   * The bundled sample corpus: index-data/transcripts of the clone, else the copy inside the jar, extracted to a
   * temporary folder (removed when the program ends).
   */
  static Path sampleCorpus() {
    Path clone = home().resolve("index-data").resolve("transcripts");
    if (Files.isDirectory(clone)) {
      return clone;
    }
    try {
      return bundledSample();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the sample corpus inside the program", e);
    }
  }

  private static Path bundledSample() throws IOException {
    URL url = Defaults.class.getResource(BUNDLED_SAMPLE);
    if (url == null) {
      throw new IOException("the sample corpus is not bundled (" + BUNDLED_SAMPLE + ")");
    }
    try {
      URI uri = url.toURI();
      if (!"jar".equals(uri.getScheme())) {
        return Path.of(uri);
      }
      try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
        return copy(jar.getPath(BUNDLED_SAMPLE));
      }
    } catch (URISyntaxException e) {
      throw new IOException(e);
    }
  }

  private static Path copy(Path bundled) throws IOException {
    Path out = Files.createTempDirectory("transcript-search-sample");
    out.toFile().deleteOnExit(); // registered first, so deleted after the files in it
    List<Path> files;
    try (Stream<Path> listing = Files.list(bundled)) {
      files = listing.filter(Files::isRegularFile).toList();
    }
    for (Path file : files) {
      Path copy = out.resolve(file.getFileName().toString());
      Files.copy(file, copy);
      copy.toFile().deleteOnExit();
    }
    return out;
  }
}
