package org.transcriptsearch.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import java.util.concurrent.Callable;
import org.transcriptsearch.generate.CorpusGenerator;
import org.transcriptsearch.generate.CorpusWriter;
import org.transcriptsearch.generate.Format;
import org.transcriptsearch.model.Transcript;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code generate}: writes a synthetic corpus of realistic shape for scale tests and benchmarks. */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = {
      "Writes a synthetic corpus of NPR-like transcripts for scale tests and benchmarks.",
      "The same seed always writes the same bytes."
    })
public final class GenerateCommand implements Callable<Integer> {
  /** Transcripts generated together; two batches are in memory at a time. */
  private static final int BATCH = 512;

  @Spec CommandSpec spec;

  @Option(names = "--transcripts", required = true, paramLabel = "N", description = "How many transcripts to write.")
  int transcripts;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "The folder to write into (created).")
  Path out;

  @Option(
      names = "--format",
      defaultValue = "jsonl",
      paramLabel = "FORMAT",
      converter = FormatConverter.class,
      description = "page (one NPR page per file), jsonl (canonical) or mediasum (one JSON array). Default: jsonl.")
  Format format;

  @Option(names = "--seed", defaultValue = "42", paramLabel = "S", description = "Random seed. Default: 42.")
  long seed;

  /** Picocli creates the command. */
  public GenerateCommand() {}

  @Override
  public Integer call() throws IOException {
    if (transcripts < 0) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--transcripts must be 0 or more");
    }
    Files.createDirectories(out);
    long start = System.nanoTime();
    long utterances = 0;
    CorpusGenerator generator = new CorpusGenerator(seed);
    int files;
    // A pool of its own: the common pool leaves one core idle on a two-core machine.
    ForkJoinPool pool = new ForkJoinPool(Runtime.getRuntime().availableProcessors());
    try (CorpusWriter writer = format.writer(out, seed)) {
      // Batches are generated in parallel while the previous batch is written, in order: output stays
      // deterministic and memory holds two batches, never the corpus.
      CompletableFuture<List<Transcript>> next = batch(pool, generator, 0);
      for (int from = 0; from < transcripts; from += BATCH) {
        List<Transcript> current = next.join();
        next = batch(pool, generator, from + BATCH);
        for (int i = 0; i < current.size(); i++) {
          utterances += current.get(i).turns().size();
          writer.write(from + i, current.get(i));
        }
      }
      files = writer.files();
    } finally {
      pool.shutdownNow();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    PrintWriter stdout = spec.commandLine().getOut();
    stdout.printf(Locale.ROOT, "generated %d transcripts, %d utterances, %d files in %s in %.2f s (%.0f utterances/s)%n",
        transcripts, utterances, files, out, seconds, seconds > 0 ? utterances / seconds : 0.0);
    stdout.flush();
    return 0;
  }

  private CompletableFuture<List<Transcript>> batch(ForkJoinPool pool, CorpusGenerator generator, int from) {
    int to = Math.min(transcripts, from + BATCH);
    // A parallel stream started inside the pool runs on the pool's threads.
    return CompletableFuture.supplyAsync(
        () -> IntStream.range(from, Math.max(from, to)).parallel().mapToObj(generator::transcript).toList(),
        pool);
  }

  /** Reads format names in any case. */
  static final class FormatConverter implements picocli.CommandLine.ITypeConverter<Format> {
    @Override
    public Format convert(String value) {
      try {
        return Format.valueOf(value.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new picocli.CommandLine.TypeConversionException(
            "unknown format '" + value + "' (expected page, jsonl or mediasum)");
      }
    }
  }
}
