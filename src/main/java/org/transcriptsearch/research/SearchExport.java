package org.transcriptsearch.research;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.transcriptsearch.index.Schema;
import org.transcriptsearch.index.TranscriptIndex;
import org.transcriptsearch.model.Json;
import org.transcriptsearch.search.BadRequestException;
import org.transcriptsearch.search.Citations;
import org.transcriptsearch.search.Results;
import org.transcriptsearch.search.SearchRequest;
import org.transcriptsearch.search.SearchService;

/**
 * Every hit of a search, in the search's order, streamed as CSV or JSON lines with citations, up to {@link
 * #MAX_ROWS}. CSV is UTF-8 with a byte order mark (so spreadsheets read it as UTF-8), a header row, fields quoted
 * as RFC 4180 says, and any cell that a spreadsheet would run as a formula (starting with {@code = + - @}, a tab or
 * a carriage return) prefixed with an apostrophe. Thread-safe.
 */
public final class SearchExport {
  /** The most rows one export writes; a search with more hits is cut there and says so. */
  public static final int MAX_ROWS = 10_000;

  /** Hits read per batch. */
  static final int BATCH = 500;

  /** The columns, in order. */
  public static final List<String> COLUMNS =
      List.of("id", "date", "program", "title", "speaker", "role", "text", "url", "citation", "permalink");

  private static final Set<String> STORED =
      Set.of(Schema.ID, Schema.EPISODE_ID, Schema.TURN, Schema.DATE, Schema.PROGRAM, Schema.TITLE, Schema.SPEAKER_KEY,
          Schema.ROLE, Schema.SPEAKER_TITLE, Schema.SPEAKER_AFFILIATION, Schema.TEXT, Schema.URL);

  /** The output formats. */
  public enum Format {
    CSV,
    JSONL;

    /** The format named {@code typed} (csv or jsonl); csv when null. */
    public static Format of(String typed) {
      if (typed == null || typed.isBlank()) {
        return CSV;
      }
      try {
        return valueOf(typed.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new BadRequestException("format must be csv or jsonl, was '" + typed + "'");
      }
    }

    /** The media type of the format. */
    public String mediaType() {
      return this == CSV ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8";
    }

    /** The file extension of the format. */
    public String extension() {
      return this == CSV ? "csv" : "jsonl";
    }
  }

  /** One exported hit; {@code date} is ISO (2014-03-05) or null. */
  public record Row(
      String id,
      String date,
      String program,
      String title,
      String speaker,
      String role,
      String text,
      String url,
      String citation,
      String permalink) {}

  /**
   * How many hits the search has and how many an export writes: {@code cut} when fewer than all; {@code shards}
   * present only when some shards of a SolrCloud collection did not answer, the hits being those of the shards that
   * did (null otherwise).
   */
  public record Size(long total, long written, boolean cut, Results.Shards shards) {
    /** The size of an export of every shard (or of the embedded index). */
    public Size(long total, long written, boolean cut) {
      this(total, written, cut, null);
    }
  }

  /** Told the export's size before the first row is written (an HTTP answer sets its headers there). */
  public interface Start {
    /** Returns where the rows go. */
    Writer start(Size size) throws IOException;
  }

  private static final CsvMapper CSV = new CsvMapper();
  private static final CsvSchema CSV_SCHEMA = csvSchema();

  private final SearchService search;

  /** Exports of the searches of {@code search}. */
  public SearchExport(SearchService search) {
    this.search = search;
  }

  /**
   * Writes every hit of {@code request} (its query, filters, dates and sort; size and cursor ignored), at most
   * {@code limit} (1..{@value #MAX_ROWS}), to the writer {@code start} returns; one snapshot of the index throughout.
   *
   * @throws BadRequestException for a bad query, filter or limit, before anything is written
   */
  public Size export(SearchRequest request, Format format, int limit, Start start) throws IOException {
    checkLimit(limit);
    return search.withView(view -> write(view, request, format, limit, start));
  }

  /** Refuses a {@code limit} outside 1..{@value #MAX_ROWS}, as every backend's export does. */
  public static void checkLimit(int limit) {
    if (limit < 1 || limit > MAX_ROWS) {
      throw new BadRequestException("limit must be between 1 and " + MAX_ROWS + ", was " + limit);
    }
  }

  private Size write(TranscriptIndex.View view, SearchRequest request, Format format, int limit, Start start)
      throws IOException {
    Query query = search.query(view, request);
    long total = view.facets() == null ? 0 : view.searcher().count(query);
    return write(new LuceneHits(view, request, query), total, format, limit, start);
  }

  /**
   * Where an export's hits come from, in the search's order: each backend reads them its own way, and the rows are
   * written alike.
   */
  public interface Hits {
    /** The next at most {@code n} hits after those already read, as rows; empty when there are no more. */
    List<Row> next(int n) throws IOException;
  }

  /**
   * Writes the first {@code limit} of {@code total} hits read from {@code hits} in {@code format} to the writer
   * {@code start} returns, told the export's size first.
   */
  public static Size write(Hits hits, long total, Format format, int limit, Start start) throws IOException {
    return write(hits, total, null, format, limit, start);
  }

  /** As {@link #write(Hits, long, Format, int, Start)}, the hits those of the shards {@code shards} says. */
  public static Size write(Hits hits, long total, Results.Shards shards, Format format, int limit, Start start)
      throws IOException {
    Size size = new Size(total, Math.min(total, limit), total > limit, shards);
    Writer out = start.start(size);
    try (SequenceWriter rows = writer(format, out)) {
      Sink sink = format == Format.CSV ? row -> rows.write(neutralised(row)) : row -> {
        out.write(Json.mapper().writeValueAsString(row));
        out.write('\n');
      };
      long written = 0;
      while (written < size.written()) {
        List<Row> batch = hits.next((int) Math.min(BATCH, size.written() - written));
        if (batch.isEmpty()) {
          break;
        }
        for (Row row : batch) {
          sink.write(row);
        }
        written += batch.size();
      }
    }
    out.flush();
    return size;
  }

  /** The hits of one query on one snapshot of the embedded index, read in batches after the last one read. */
  private final class LuceneHits implements Hits {
    private final TranscriptIndex.View view;
    private final SearchRequest request;
    private final Query query;
    private FieldDoc after;

    LuceneHits(TranscriptIndex.View view, SearchRequest request, Query query) {
      this.view = view;
      this.request = request;
      this.query = query;
    }

    @Override
    public List<Row> next(int n) throws IOException {
      if (view.facets() == null) {
        return List.of();
      }
      IndexSearcher searcher = search.timed(view.searcher());
      TopDocs page = searcher.searchAfter(after, query, n, SearchService.order(request.sort()), true);
      SearchService.checkTime(searcher);
      if (page.scoreDocs.length == 0) {
        return List.of();
      }
      after = (FieldDoc) page.scoreDocs[page.scoreDocs.length - 1];
      return rows(searcher, page.scoreDocs);
    }
  }

  private List<Row> rows(IndexSearcher searcher, ScoreDoc[] docs) throws IOException {
    StoredFields stored = searcher.storedFields();
    List<Document> read = new ArrayList<>(docs.length);
    for (ScoreDoc sd : docs) {
      read.add(stored.document(sd.doc, STORED));
    }
    Map<String, String> names =
        search.displayNames(searcher, read.stream().map(d -> d.get(Schema.SPEAKER_KEY)).distinct().toList());
    return read.stream().map(d -> row(d, names.get(d.get(Schema.SPEAKER_KEY)))).toList();
  }

  /** The row of one hit's stored fields (as the embedded index stores them), spoken by {@code name}. */
  public static Row row(Document doc, String name) {
    IndexableField day = doc.getField(Schema.DATE);
    var date = day == null ? null : java.time.LocalDate.ofEpochDay(day.numericValue().longValue());
    int turn = doc.getField(Schema.TURN).numericValue().intValue();
    return new Row(
        doc.get(Schema.ID),
        date == null ? null : date.toString(),
        doc.get(Schema.PROGRAM),
        doc.get(Schema.TITLE),
        name,
        doc.get(Schema.ROLE),
        doc.get(Schema.TEXT),
        doc.get(Schema.URL),
        Citations.of(name, doc.get(Schema.ROLE), doc.get(Schema.SPEAKER_TITLE), doc.get(Schema.SPEAKER_AFFILIATION),
            doc.get(Schema.PROGRAM), date),
        Citations.permalink(doc.get(Schema.EPISODE_ID), turn));
  }

  /** The CSV writer (header first, after the byte order mark); for JSON lines, one that writes nothing. */
  private static SequenceWriter writer(Format format, Writer out) throws IOException {
    if (format == Format.JSONL) {
      return Json.mapper().writer().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET).writeValues(Writer.nullWriter());
    }
    out.write('\uFEFF');
    return CSV.writer(CSV_SCHEMA).without(JsonGenerator.Feature.AUTO_CLOSE_TARGET).writeValues(out);
  }

  /** Where rows go. */
  private interface Sink {
    void write(Row row) throws IOException;
  }

  /** The row with every cell {@linkplain #neutralised(String) neutralised}. */
  static Row neutralised(Row r) {
    return new Row(neutralised(r.id()), neutralised(r.date()), neutralised(r.program()), neutralised(r.title()),
        neutralised(r.speaker()), neutralised(r.role()), neutralised(r.text()), neutralised(r.url()),
        neutralised(r.citation()), neutralised(r.permalink()));
  }

  private static CsvSchema csvSchema() {
    CsvSchema.Builder b = CsvSchema.builder().setUseHeader(true);
    COLUMNS.forEach(b::addColumn);
    return b.build().withLineSeparator("\r\n");
  }

  /** A cell a spreadsheet would evaluate ("=HYPERLINK(...)", "+1", "-2", "@SUM") made inert with an apostrophe. */
  public static String neutralised(String cell) {
    if (cell == null || cell.isEmpty()) {
      return cell;
    }
    char c = cell.charAt(0);
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + cell : cell;
  }
}
