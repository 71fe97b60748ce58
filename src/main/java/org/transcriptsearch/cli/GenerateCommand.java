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
import org.transcriptsearch.generate.MirrorCopies;
import org.transcriptsearch.generate.MirrorTruth;
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

  @Option(
      names = "--mirrors",
      defaultValue = "0",
      paramLabel = "SHARE",
      description = {
        "The share of stories (0 to 1) also written as 1 to 3 copies on other station sites with realistic damage",
        "(teaser kept, label lost, paragraph added, truncated ending, boilerplate); a tenth of stories then reuse a",
        "soundbite of the story before them. Writes " + MirrorTruth.FILE_NAME + ", which copy is of which story,",
        "for measuring the grouping. Default: 0."
      })
  double mirrors;

  /** Picocli creates the command. */
  public GenerateCommand() {}

  @Override
  public Integer call() throws IOException {
    if (transcripts < 0) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--transcripts must be 0 or more");
    }
    if (!(mirrors >= 0 && mirrors <= 1)) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--mirrors must be between 0 and 1");
    }
    Files.createDirectories(out);
    long start = System.nanoTime();
    long utterances = 0;
    CorpusGenerator generator = new CorpusGenerator(seed);
    int files;
    // A pool of its own: the common pool leaves one core idle on a two-core machine.
    ForkJoinPool pool = new ForkJoinPool(Runtime.getRuntime().availableProcessors());
    int written = 0;
    try (CorpusWriter writer = format.writer(out, seed);
        MirrorTruth truth = mirrors > 0 ? new MirrorTruth(out.resolve(MirrorTruth.FILE_NAME)) : null) {
      // Batches are generated in parallel while the previous batch is written, in order: output stays
      // deterministic and memory holds two batches, never the corpus.
      CompletableFuture<List<List<MirrorCopies.Copy>>> next = batch(pool, generator, 0);
      for (int from = 0; from < transcripts; from += BATCH) {
        List<List<MirrorCopies.Copy>> current = next.join();
        next = batch(pool, generator, from + BATCH);
        for (int i = 0; i < current.size(); i++) {
          for (MirrorCopies.Copy copy : current.get(i)) {
            utterances += copy.transcript().turns().size();
            writer.write(written++, copy.transcript());
            if (truth != null) {
              truth.write(from + i, copy);
            }
          }
        }
      }
      files = writer.files() + (truth != null ? 1 : 0);
    } finally {
      pool.shutdownNow();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    PrintWriter stdout = spec.commandLine().getOut();
    stdout.printf(Locale.ROOT, "generated %d transcripts, %d utterances, %d files in %s in %.2f s (%.0f utterances/s)%n",
        written, utterances, files, out, seconds, seconds > 0 ? utterances / seconds : 0.0);
    if (mirrors > 0) {
      stdout.printf(Locale.ROOT, "%d stories, %d mirror copies; which copy is of which story: %s%n",
          transcripts, written - transcripts, out.resolve(MirrorTruth.FILE_NAME));
    }
    stdout.flush();
    return 0;
  }

  private CompletableFuture<List<List<MirrorCopies.Copy>>> batch(
      ForkJoinPool pool, CorpusGenerator generator, int from) {
    int to = Math.min(transcripts, from + BATCH);
    // A parallel stream started inside the pool runs on the pool's threads.
    return CompletableFuture.supplyAsync(
        () ->
            IntStream.range(from, Math.max(from, to))
                .parallel()
                .mapToObj(i -> generator.published(i, mirrors))
                .toList(),
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
