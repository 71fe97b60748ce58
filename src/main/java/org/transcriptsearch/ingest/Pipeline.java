package org.transcriptsearch.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.transcriptsearch.index.Schema;
import org.transcriptsearch.index.TranscriptStore;
import org.transcriptsearch.reader.BadInputException;
import org.transcriptsearch.reader.page.HostDirectory;
import org.transcriptsearch.reader.page.NprPageParser;
import org.transcriptsearch.reader.page.PageReader;
import org.transcriptsearch.speakers.SpeakerAliases;
import org.transcriptsearch.topics.TopicTagger;
import org.transcriptsearch.topics.TopicTaxonomy;

/**
 * The parts of the data path wired together once: the schema, the readers of each input shape and the
 * enrichment. Built once per process and shared; every part is thread-safe.
 */
public final class Pipeline {
  private final Schema schema;
  private final PageReader pages;
  private final Enricher enricher;

  private Pipeline(Schema schema, PageReader pages, Enricher enricher) {
    this.schema = schema;
    this.pages = pages;
    this.enricher = enricher;
  }

  /** The shipped host list, topic taxonomy and speaker aliases. */
  public static Pipeline standard() {
    return of(TopicTaxonomy.bundled(), SpeakerAliases.shipped());
  }

  /**
   * The shipped data extended by the user's files.
   *
   * @param extraTopics a topic file in the taxonomy's format, or null
   * @param extraAliases a speaker alias file in the shipped format, or null
   * @throws BadInputException naming the file and line of a bad line
   */
  public static Pipeline extendedBy(Path extraTopics, Path extraAliases) throws IOException, BadInputException {
    TopicTaxonomy topics = TopicTaxonomy.bundled();
    return of(
        extraTopics == null ? topics : topics.withExtra(extraTopics),
        extraAliases == null ? SpeakerAliases.shipped() : SpeakerAliases.shippedAnd(extraAliases));
  }

  private static Pipeline of(TopicTaxonomy taxonomy, SpeakerAliases aliases) {
    return new Pipeline(
        new Schema(aliases),
        new PageReader(new NprPageParser(HostDirectory.shipped())),
        new StandardEnricher(new TopicTagger(taxonomy)));
  }

  /** The index schema. */
  public Schema schema() {
    return schema;
  }

  /** Reads transcript pages, text or HTML. */
  public PageReader pages() {
    return pages;
  }

  /**
   * This pipeline, reading the page {@code file} as published at {@code address} (the {@code --url} option).
   *
   * @throws IllegalArgumentException when {@code address} is not an http or https address
   */
  public Pipeline withPageAddress(Path file, String address) {
    return new Pipeline(schema, pages.withAddress(file, address), enricher);
  }

  /** What ingest adds to every transcript. */
  public Enricher enricher() {
    return enricher;
  }

  /** A reader for each concrete input format. */
  public Map<Format, TranscriptReader> readers() {
    return Map.of(
        Format.PAGE, this::readPage,
        Format.MEDIASUM, new MediaSumReader(),
        Format.INTERVIEW, new InterviewReader(),
        Format.JSONL, new JsonlReader());
  }

  /** An ingester into {@code index} (the embedded index or a SolrCloud collection), with these readers and enrichment. */
  public Ingester ingester(TranscriptStore index) {
    return new Ingester(index, readers(), enricher);
  }

  private void readPage(Path file, TranscriptReader.Sink sink) throws IOException {
    try {
      sink.transcript(pages.read(file));
    } catch (BadInputException e) {
      sink.bad(e);
    }
  }
}
