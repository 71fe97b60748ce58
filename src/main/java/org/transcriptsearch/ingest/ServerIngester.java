package org.transcriptsearch.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.transcriptsearch.model.Json;
import org.transcriptsearch.model.Transcript;
import org.transcriptsearch.reader.BadInputException;

/**
 * Ingest into a running server instead of an index folder: files are read here, by the same readers as a local
 * ingest (so every input format works), and the transcripts are posted to the server's {@code POST
 * /api/transcripts} as canonical JSON in batches; the server enriches and indexes them as it does any posted
 * transcript. The summary counts the same things as a local run. A transcript the server refuses is skipped with
 * the server's reason; the others go on.
 */
public final class ServerIngester {
  /** Transcripts per request at most. */
  static final int BATCH_TRANSCRIPTS = 200;

  /** Bytes per request at most: well under the server's default 10 MB body limit. */
  static final int BATCH_BYTES = 2 << 20;

  /** Attempts for a request the server could not answer (503, 5xx, a dropped connection). */
  static final int ATTEMPTS = 4;

  private static final String PATH = "/api/transcripts";

  private final URI endpoint;
  private final String token;
  private final java.util.Map<Format, TranscriptReader> readers;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build();

  /**
   * @param server the server's address, such as {@code http://127.0.0.1:7070}
   * @param token the server's admin token
   * @param pipeline whose readers read the files
   */
  public ServerIngester(URI server, String token, Pipeline pipeline) {
    this.endpoint = server.resolve(PATH);
    this.token = Objects.requireNonNull(token, "token");
    this.readers = pipeline.readers();
  }

  /**
   * Reads {@code paths} (files, or folders read recursively in name order) and posts what they hold.
   *
   * @throws IOException when the server cannot be reached, refuses the token, or keeps failing: the run stops
   *     there, and what was posted before stays indexed
   */
  public IngestSummary ingest(List<Path> paths, Format format, Ingester.Progress progress) throws IOException {
    InputPlan plan = InputPlan.of(paths, format);
    Run run = new Run(progress);
    plan.problems().forEach(run::bad);
    List<InputPlan.Input> inputs = plan.inputs();
    run.bytes.total(bytes(inputs));
    try {
      for (int i = 0; i < inputs.size(); i++) {
        progress.file(inputs.get(i).shown(), i, inputs.size());
        read(inputs.get(i), run);
        run.done(bytes(List.of(inputs.get(i))));
      }
      run.flush();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    long utterances = run.posted.values().stream().mapToLong(Integer::longValue).sum();
    return new IngestSummary(
        plan.fileCount(), run.posted.size(), utterances, run.duplicates, run.skipped, plan.ignored(), run.warnings);
  }

  /** The size of the inputs' files, for progress by bytes; a file that cannot be sized counts for nothing. */
  private static long bytes(List<InputPlan.Input> inputs) {
    long total = 0;
    for (InputPlan.Input input : inputs) {
      for (Path file : input.files()) {
        try {
          total += java.nio.file.Files.size(file);
        } catch (IOException e) {
          // reported by the reader when it opens the file
        }
      }
    }
    return total;
  }

  private void read(InputPlan.Input input, Run run) throws IOException {
    String name = input.files().size() == 1 ? input.files().get(0).toString() : input.files().toString();
    run.input = name;
    try {
      readers.get(input.format()).read(input.files(), run);
    } catch (UncheckedIOException e) {
      throw e.getCause(); // the server failed: not the input's fault, so stop
    } catch (CharacterCodingException e) {
      run.bad(new BadInputException(name, null, "not UTF-8 text; reading stopped at the bad bytes", e));
    } catch (IOException e) {
      run.bad(new BadInputException(name, null, "cannot read: " + e, e));
    }
  }

  /** One transcript waiting to be posted: its JSON and the input it came from, for messages. */
  private record Pending(String id, String from, byte[] json, int utterances) {}

  /** The state of one run: counts, and the batch being filled. */
  private final class Run implements TranscriptReader.Sink {
    private final Ingester.Progress progress;
    /** Utterances of each transcript the server took, by id: the last copy of an id is the one indexed. */
    private final Map<String, Integer> posted = new LinkedHashMap<>();
    private final List<IngestSummary.Skipped> skipped = new ArrayList<>();
    private final List<IngestSummary.Skipped> warnings = new ArrayList<>();
    private final List<Pending> batch = new ArrayList<>();
    private int batchBytes;
    private String input = "";
    private long utterances;
    private long duplicates;
    private final BytesProgress bytes = new BytesProgress();

    Run(Ingester.Progress progress) {
      this.progress = progress;
    }

    /** The input under way is read whole. */
    void done(long inputBytes) {
      bytes.inputDone(inputBytes);
      progress.status(status());
    }

    @Override
    public void bytesRead(long count) {
      bytes.read(count);
    }

    private IngestStatus status() {
      return bytes.status(posted.size(), utterances);
    }

    @Override
    public void transcript(Transcript read) {
      byte[] json;
      try {
        json = Json.mapper().writeValueAsBytes(read);
      } catch (IOException e) {
        bad(new BadInputException(input, "transcript " + read.id(), "cannot be written as JSON: " + e, e));
        return;
      }
      if (!batch.isEmpty() && (batch.size() >= BATCH_TRANSCRIPTS || batchBytes + json.length > BATCH_BYTES)) {
        flush();
      }
      batch.add(new Pending(read.id(), input, json, read.turns().size()));
      batchBytes += json.length;
    }

    /** Posts the batch; on a refusal of the whole batch, each transcript alone, so only the bad ones are lost. */
    void flush() {
      if (batch.isEmpty()) {
        return;
      }
      List<Pending> sending = List.copyOf(batch);
      batch.clear();
      batchBytes = 0;
      Answer answer = post(sending);
      if (answer.ok()) {
        sending.forEach(this::count);
      } else if (sending.size() == 1) {
        Pending one = sending.get(0);
        skipped.add(new IngestSummary.Skipped(one.from() + ": transcript " + one.id(), answer.reason()));
      } else {
        for (Pending one : sending) {
          batch.add(one);
          flush();
        }
      }
    }

    private void count(Pending one) {
      Integer before = posted.put(one.id(), one.utterances());
      if (before != null) {
        duplicates++; // a mirror of a story already given: it replaces the first copy
        utterances -= before;
      }
      utterances += one.utterances();
      progress.transcript(posted.size(), utterances);
      progress.status(status());
    }

    @Override
    public void bad(BadInputException problem) {
      skipped.add(IngestSummary.Skipped.of(problem));
    }

    @Override
    public void warning(BadInputException problem) {
      warnings.add(IngestSummary.Skipped.of(problem));
    }
  }

  /** The server's answer to one batch: accepted, or refused for a reason that is the batch's fault. */
  private record Answer(boolean ok, String reason) {}

  private Answer post(List<Pending> batch) {
    byte[] body = body(batch);
    HttpRequest request =
        HttpRequest.newBuilder(endpoint)
            .timeout(Duration.ofMinutes(2))
            .header("Content-Type", "application/json; charset=utf-8")
            .header("Authorization", "Bearer " + token)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    for (int attempt = 1; ; attempt++) {
      HttpResponse<String> response = send(request, attempt);
      int status = response == null ? 0 : response.statusCode();
      if (status == 201) {
        return new Answer(true, null);
      }
      if (status == 400 || status == 413 || status == 415) {
        return new Answer(false, "refused by the server (" + status + "): " + detail(response));
      }
      if (status == 401 || status == 403) {
        throw new UncheckedIOException(new IOException(
            "the server at " + endpoint.resolve("/") + " refused the admin token (" + status + "): " + detail(response)
                + "; set TRANSCRIPT_SEARCH_ADMIN_TOKEN to the token the server was started with"));
      }
      if (attempt >= ATTEMPTS) {
        throw new UncheckedIOException(new IOException(
            "the server at " + endpoint.resolve("/") + " kept failing: "
                + (response == null ? "no answer" : status + " " + detail(response))));
      }
      pause(attempt);
    }
  }

  /** The response, or null when the connection failed in a way worth retrying. */
  private HttpResponse<String> send(HttpRequest request, int attempt) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (ConnectException e) {
      throw new UncheckedIOException(new IOException(
          "cannot reach a server at " + endpoint.resolve("/") + " (" + e.getMessage()
              + "); is transcript-search serve running there?", e));
    } catch (IOException e) {
      if (attempt >= ATTEMPTS) {
        throw new UncheckedIOException(
            new IOException("the connection to " + endpoint.resolve("/") + " kept failing: " + e, e));
      }
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UncheckedIOException(new IOException("interrupted while posting to " + endpoint, e));
    }
  }

  private static void pause(int attempt) {
    try {
      Thread.sleep(500L << attempt);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static byte[] body(List<Pending> batch) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write('[');
    for (int i = 0; i < batch.size(); i++) {
      if (i > 0) {
        out.write(',');
      }
      out.writeBytes(batch.get(i).json());
    }
    out.write(']');
    return out.toByteArray();
  }

  /** The {@code detail} of an API error, or the start of whatever else came back. */
  private static String detail(HttpResponse<String> response) {
    String body = response.body() == null ? "" : response.body();
    try {
      JsonNode error = Json.mapper().readTree(body);
      if (error != null && error.hasNonNull("detail")) {
        return error.get("detail").asText();
      }
    } catch (IOException e) {
      // not an API error: show the body itself
    }
    return body.length() > 200 ? body.substring(0, 200) + "..." : body;
  }
}
