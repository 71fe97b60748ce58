package org.transcriptsearch.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.transcriptsearch.index.IndexableLimits;
import org.transcriptsearch.index.TranscriptIndex;
import org.transcriptsearch.model.Json;
import org.transcriptsearch.model.Transcript;
import org.transcriptsearch.reader.BadInputException;
import org.transcriptsearch.reader.page.PageReader;

/**
 * Adds and removes transcripts one request at a time, for the HTTP API: a posted page, HTML page or canonical
 * JSON is read as ingest reads files, enriched the same way, written by id, committed and made searchable before
 * the call returns. Posting the same transcript again replaces it. Thread-safe.
 */
public final class TranscriptWriter {
  /** The name posted input is given in error messages. */
  static final String SOURCE = "request body";

  private static final ObjectReader ONE =
      Json.mapper().readerFor(Transcript.class).with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private static final ObjectReader MANY =
      Json.mapper().readerForListOf(Transcript.class).with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private final Store store;
  private final PageReader pages;
  private final Enricher enricher;

  /** The shapes a posted body may have. */
  public enum BodyType {
    /** A transcript page's text, as on the site or extracted from it. */
    PAGE,
    /** A transcript page's HTML. */
    HTML,
    /** Canonical JSON: one transcript object, or an array of them, as {@code parse} prints them. */
    JSON
  }

  /** A transcript written: its id and how many utterances it has. */
  public record Written(String id, int utterances) {}

  /** Where a writer writes: the embedded index, or another store searches read from. */
  public interface Store {
    /** Adds or replaces the transcripts, with the topics of each turn, all or nothing where the store can. */
    void putAll(List<Transcript> transcripts, List<List<List<String>>> turnTopics) throws IOException;

    /** Whether the store holds the transcript {@code episodeId}. */
    boolean contains(String episodeId) throws IOException;

    /** Removes the transcript {@code episodeId} and its utterances. */
    void delete(String episodeId) throws IOException;

    /** Makes every write so far durable and visible to searches. */
    void commit() throws IOException;
  }

  /** A writer into {@code index}, reading and enriching as {@code pipeline} does. */
  public TranscriptWriter(TranscriptIndex index, Pipeline pipeline) {
    this(embedded(Objects.requireNonNull(index, "index")), pipeline);
  }

  /** A writer into {@code store}, reading and enriching as {@code pipeline} does. */
  public TranscriptWriter(Store store, Pipeline pipeline) {
    this.store = Objects.requireNonNull(store, "store");
    this.pages = pipeline.pages();
    this.enricher = pipeline.enricher();
  }

  /** The embedded index as a store: a commit is followed by a refresh, so writes are searchable at once. */
  private static Store embedded(TranscriptIndex index) {
    return new Store() {
      @Override
      public void putAll(List<Transcript> transcripts, List<List<List<String>>> turnTopics) throws IOException {
        index.putAll(transcripts, turnTopics);
      }

      @Override
      public boolean contains(String episodeId) throws IOException {
        return index.contains(episodeId);
      }

      @Override
      public void delete(String episodeId) throws IOException {
        index.delete(episodeId);
      }

      @Override
      public void commit() throws IOException {
        index.commit();
        index.refresh();
      }
    };
  }

  /**
   * Reads {@code body} as {@code type}, then adds or replaces each transcript in it; they are durable and
   * searchable when this returns.
   *
   * @throws BadInputException when the body is not UTF-8 text, is malformed, or holds no transcript; nothing is
   *     written then
   */
  public List<Written> write(byte[] body, BodyType type) throws BadInputException, IOException {
    String text = PageReader.decode(body, SOURCE);
    if (text.isBlank()) {
      throw new BadInputException(SOURCE, null, "empty body: no transcript found");
    }
    return put(read(text, type));
  }

  /**
   * Removes the transcript {@code episodeId}, durably and at once visible to searches.
   *
   * @return false when there is no such transcript (nothing changes)
   */
  public synchronized boolean delete(String episodeId) throws IOException {
    if (!store.contains(episodeId)) {
      return false;
    }
    store.delete(episodeId);
    store.commit();
    return true;
  }

  private List<Transcript> read(String text, BodyType type) throws BadInputException {
    return switch (type) {
      case PAGE -> List.of(pages.parseText(text, SOURCE));
      case HTML -> List.of(pages.parseHtml(text, SOURCE));
      case JSON -> readJson(text);
    };
  }

  private static List<Transcript> readJson(String text) throws BadInputException {
    List<Transcript> transcripts;
    try {
      if (text.stripLeading().startsWith("[")) {
        transcripts = MANY.readValue(text);
      } else {
        Transcript one = ONE.readValue(text);
        transcripts = one == null ? null : List.of(one);
      }
    } catch (JsonProcessingException e) {
      throw new BadInputException(SOURCE, null, JsonlReader.reason(e), e);
    }
    if (transcripts == null) {
      throw new BadInputException(SOURCE, null, "null is not a transcript: post an object or an array of them");
    }
    if (transcripts.isEmpty()) {
      throw new BadInputException(SOURCE, null, "an empty array: no transcript found");
    }
    for (int i = 0; i < transcripts.size(); i++) {
      check(transcripts.get(i), i);
    }
    return transcripts;
  }

  private static void check(Transcript transcript, int position) throws BadInputException {
    if (transcript == null) {
      throw new BadInputException(SOURCE, "transcript " + position, "null is not a transcript");
    }
    try {
      JsonlReader.check(transcript);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new BadInputException(SOURCE, "transcript " + position, e.getMessage(), e);
    }
  }

  /**
   * Writes the batch all or nothing: every transcript is enriched and checked before any is written, then all are
   * written as one atomic update of the index, so neither a refusal nor a crash leaves part of a batch behind
   * (another request's commit makes a batch durable whole or not at all).
   *
   * <p>Not synchronized: the index writer takes concurrent writes, and a commit covers every write made before it,
   * so concurrent posts share commits instead of queueing for one each.
   */
  private List<Written> put(List<Transcript> transcripts) throws IOException, BadInputException {
    List<Enricher.Enriched> batch = new ArrayList<>(transcripts.size());
    for (int i = 0; i < transcripts.size(); i++) {
      checkIndexable(transcripts.get(i), i); // as sent: an empty program is the client's mistake, not ours to drop
      Enricher.Enriched enriched = enrich(transcripts.get(i), i);
      checkIndexable(enriched.transcript(), i); // as it would be indexed
      batch.add(enriched);
    }
    store.putAll(
        batch.stream().map(Enricher.Enriched::transcript).toList(),
        batch.stream().map(Enricher.Enriched::turnTopics).toList());
    store.commit();
    return batch.stream().map(e -> new Written(e.transcript().id(), e.transcript().turns().size())).toList();
  }

  private static void checkIndexable(Transcript transcript, int position) throws BadInputException {
    List<String> problems = IndexableLimits.problems(transcript);
    if (!problems.isEmpty()) {
      throw new BadInputException(SOURCE, record(position, transcript), String.join("; ", problems));
    }
  }

  private Enricher.Enriched enrich(Transcript transcript, int position) throws BadInputException {
    try {
      return enricher.enrich(transcript);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(SOURCE, record(position, transcript), e.getMessage(), e);
    }
  }

  /** Names a record of the body: its position and id, the id cut short when it is absurdly long. */
  private static String record(int position, Transcript transcript) {
    String id = transcript.id();
    String shown = id.length() > 60 ? id.substring(0, 60) + "..." : id;
    return "transcript " + position + " ('" + shown + "')";
  }
}
