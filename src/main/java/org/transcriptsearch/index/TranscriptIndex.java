package org.transcriptsearch.index;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.PostingsFormat;
import org.apache.lucene.codecs.bloom.BloomFilteringPostingsFormat;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.codecs.lucene104.Lucene104PostingsFormat;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValuesType;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherLifetimeManager;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.IOFunction;
import org.apache.lucene.util.IOUtils;
import org.transcriptsearch.dedup.SpeechSignature;
import org.transcriptsearch.model.Transcript;

/**
 * A transcript index on disk: writes transcripts by id (re-ingesting replaces, never duplicates) and lends
 * searchers that see the latest refreshed state, or a snapshot kept for a while for the next page of a search.
 * Thread-safe; one writable instance per directory.
 */
public final class TranscriptIndex implements Closeable, TranscriptStore {
  /** How many snapshots are kept for cursors, at most: each holds its segment files open. */
  public static final int MAX_SNAPSHOTS = 8;

  /** How long a replaced snapshot is kept for cursors, in seconds. */
  public static final int SNAPSHOT_SECONDS = 600;

  private final Schema schema;
  private final Directory directory;
  private final IndexWriter writer; // null when read-only
  private final SearcherManager searchers;
  /** Snapshots kept for the cursors that continue a relevance search (scores move when the index changes). */
  private final SearcherLifetimeManager snapshots = new SearcherLifetimeManager();
  private final UtteranceDocuments documents;
  /** Building the ordinal map costs a pass over the terms: once per reader, dropped when the reader closes. */
  private final ReaderCache<Optional<SortedSetDocValuesReaderState>> facetStates = new ReaderCache<>();
  private final List<PutListener> putListeners = new CopyOnWriteArrayList<>();
  /** Searches the slices of one search's segments in parallel; null: each search runs on its own thread alone. */
  private final ExecutorService sliceThreads;
  /**
   * Searchers of the last commit, made on first use and reopened by {@link #commit()}: unlike a near-real-time
   * refresh, reopening on a commit writes no segment, so ingest can look up what it wrote without flushing.
   */
  private volatile SearcherManager committed;

  /**
   * Told of every transcript written to an index, on the writing thread, and of when what it was told is searchable:
   * it must be quick and must not throw.
   */
  @FunctionalInterface
  public interface PutListener {
    /** {@code transcript} (enriched, with its turns' topics) was just written; it is not yet searchable. */
    void put(Transcript transcript, List<List<String>> turnTopics);

    /**
     * A refresh of the searchers is about to start: every transcript told so far is searchable once it is done, and
     * the index then runs what this returns (whether the refresh succeeded or failed, so nothing told is kept
     * waiting for a refresh that may never come).
     */
    default Runnable refreshing() {
      return () -> {};
    }
  }

  private TranscriptIndex(Schema schema, Directory directory, IndexWriter writer, int searchThreads)
      throws IOException {
    this.schema = schema;
    this.directory = directory;
    this.writer = writer;
    this.documents = new UtteranceDocuments(schema);
    this.sliceThreads = SliceThreads.pool(searchThreads);
    SearcherFactory factory = new SlicedSearchers(sliceThreads);
    try {
      this.searchers =
          writer != null ? new SearcherManager(writer, factory) : new SearcherManager(directory, factory);
    } catch (IOException | RuntimeException e) {
      if (sliceThreads != null) {
        sliceThreads.shutdown();
      }
      throw e;
    }
  }

  /** Makes the shared searchers, each searching its segment slices over {@code threads} (none: in turn). */
  private static final class SlicedSearchers extends SearcherFactory {
    private final Executor threads;

    SlicedSearchers(Executor threads) {
      this.threads = threads;
    }

    @Override
    public IndexSearcher newSearcher(IndexReader reader, IndexReader previousReader) {
      return new IndexSearcher(reader, threads);
    }
  }

  /**
   * The codec of every segment written: Lucene's, with a Bloom filter over the terms of {@link Schema#MIRROR_BAND}. Each
   * transcript indexed looks its 42 band keys up in every segment, nearly all of them absent (a mirror is rare), and
   * the filter answers most of those looks "not there" without seeking the terms dictionary: seeking was 6% of an
   * ingest's CPU (src/bench/FINDINGS.md). The filter's name is in each segment, so any reader finds it (lucene-codecs
   * registers it); segments written without it read as before.
   */
  static final Codec CODEC = new Lucene104Codec() {
    private final PostingsFormat bands = new BloomFilteringPostingsFormat(new Lucene104PostingsFormat());

    @Override
    public PostingsFormat getPostingsFormatForField(String field) {
      return Schema.MIRROR_BAND.equals(field) ? bands : super.getPostingsFormatForField(field);
    }
  };

  /**
   * Opens (creating if needed) the index at {@code dir} for reading and writing. Only one process may write an
   * index at a time; a second gets an {@link org.apache.lucene.store.LockObtainFailedException}.
   */
  public static TranscriptIndex openWritable(Path dir, Schema schema) throws IOException {
    return openWritable(dir, schema, FSDirectory::open);
  }

  /** As {@link #openWritable(Path, Schema)}, with the directory at {@code dir} opened by {@code directories}. */
  static TranscriptIndex openWritable(Path dir, Schema schema, IOFunction<Path, Directory> directories)
      throws IOException {
    Files.createDirectories(dir);
    Directory directory = directories.apply(dir);
    try {
      IndexWriterConfig config = new IndexWriterConfig(schema.analyzer()).setCodec(CODEC);
      config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
      config.setRAMBufferSizeMB(256);
      IndexWriter writer = new IndexWriter(directory, config);
      try {
        if (DirectoryReader.indexExists(directory)) {
          checkVersion(dir, versionOf(writer.getLiveCommitData()), writer.getDocStats().numDocs);
        }
        writer.setLiveCommitData(Map.of(Schema.VERSION_KEY, Schema.VERSION).entrySet());
        writer.commit(); // an empty index is written at once, so readers never find a half-made one
        return new TranscriptIndex(schema, directory, writer, SliceThreads.byDefault());
      } catch (IOException | RuntimeException e) {
        writer.rollback();
        throw e;
      }
    } catch (IOException | RuntimeException e) {
      directory.close();
      throw e;
    }
  }

  /**
   * A writable index held in memory only, for short-lived uses such as matching a few new transcripts against
   * saved searches with the same documents, analyzers and queries as the index on disk.
   */
  public static TranscriptIndex inMemory(Schema schema) throws IOException {
    Directory directory = new ByteBuffersDirectory();
    // Held in memory for a few transcripts: too small for its searches to gain from more threads.
    return new TranscriptIndex(
        schema, directory, new IndexWriter(directory, new IndexWriterConfig(schema.analyzer()).setCodec(CODEC)), 0);
  }

  /**
   * Opens the index at {@code dir} for searching only (another process may be writing it).
   *
   * @throws java.nio.file.NoSuchFileException if there is no index there
   */
  public static TranscriptIndex openReadOnly(Path dir, Schema schema) throws IOException {
    return openReadOnly(dir, schema, SliceThreads.byDefault());
  }

  /**
   * As {@link #openReadOnly(Path, Schema)}, each search spreading its segments over at most {@code searchThreads}
   * threads beside its own (0: each search runs on its own thread alone). The default is one per core beyond the
   * first.
   *
   * @throws java.nio.file.NoSuchFileException if there is no index there
   */
  public static TranscriptIndex openReadOnly(Path dir, Schema schema, int searchThreads) throws IOException {
    return openReadOnly(dir, schema, searchThreads, FSDirectory::open);
  }

  /**
   * As {@link #openReadOnly(Path, Schema, int)}, with the directory at {@code dir} opened by {@code directories}:
   * tests wrap the real directory to make one of its calls fail.
   */
  static TranscriptIndex openReadOnly(Path dir, Schema schema, int searchThreads,
      IOFunction<Path, Directory> directories) throws IOException {
    Directory directory = directories.apply(dir);
    if (!DirectoryReader.indexExists(directory)) {
      directory.close();
      throw new java.nio.file.NoSuchFileException(dir.toString(), null, "no index here; run the index command first");
    }
    try {
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        checkVersion(dir, reader.getIndexCommit().getUserData().get(Schema.VERSION_KEY), reader.numDocs());
      }
      return new TranscriptIndex(schema, directory, null, searchThreads);
    } catch (IOException | RuntimeException e) {
      IOUtils.closeWhileSuppressingExceptions(e, directory); // opening the searchers can fail too
      throw e;
    }
  }

  private static String versionOf(Iterable<Map.Entry<String, String>> commitData) {
    if (commitData != null) {
      for (Map.Entry<String, String> entry : commitData) {
        if (entry.getKey().equals(Schema.VERSION_KEY)) {
          return entry.getValue();
        }
      }
    }
    return null;
  }

  /** Refuses a non-empty index written under another schema: its fields would be misread. */
  private static void checkVersion(Path dir, String version, int docs) throws IOException {
    if (docs > 0 && !Schema.VERSION.equals(version)) {
      throw new IOException(
          "the index at " + dir + " was written by another version of transcript-search (schema "
              + (version == null ? "unknown" : version) + ", this is " + Schema.VERSION
              + "); delete the folder and index again");
    }
  }

  /** The schema this index was opened with. */
  public Schema schema() {
    return schema;
  }

  /**
   * Adds or replaces a transcript, with the topics of each turn: all of its utterances are replaced atomically by
   * id, so a re-ingest never duplicates and a transcript that lost turns leaves no stale ones behind.
   */
  @Override
  public void put(Transcript transcript, List<List<String>> turnTopics) throws IOException {
    checkIndexable(transcript);
    List<Document> docs = documents.of(transcript, turnTopics);
    requireWriter().updateDocuments(new Term(Schema.EPISODE_ID, transcript.id()), docs);
    for (PutListener listener : putListeners) {
      listener.put(transcript, turnTopics);
    }
  }

  /** Tells {@code listener} of every transcript written from now on (the server's alert matching listens so). */
  public void addPutListener(PutListener listener) {
    putListeners.add(listener);
  }

  /** As {@link #put(Transcript, List)}, with the transcript's speech signature already computed. */
  public void put(Transcript transcript, List<List<String>> turnTopics, SpeechSignature signature)
      throws IOException {
    checkIndexable(transcript);
    List<Document> docs = documents.of(transcript, turnTopics, signature);
    requireWriter().updateDocuments(new Term(Schema.EPISODE_ID, transcript.id()), docs);
    for (PutListener listener : putListeners) {
      listener.put(transcript, turnTopics);
    }
  }

  /**
   * Adds or replaces several transcripts as one atomic change: searchers and commits see all of them or none, and
   * when one document is refused nothing of the batch is written.
   *
   * @param turnTopics for each transcript, the topics of each of its turns
   */
  public void putAll(List<Transcript> transcripts, List<List<List<String>>> turnTopics) throws IOException {
    if (transcripts.size() != turnTopics.size()) {
      throw new IllegalArgumentException(transcripts.size() + " transcripts but topics for " + turnTopics.size());
    }
    transcripts.forEach(TranscriptIndex::checkIndexable);
    Map<String, List<Document>> byId = new LinkedHashMap<>(); // the last copy of an id wins, as with put
    for (int i = 0; i < transcripts.size(); i++) {
      byId.put(transcripts.get(i).id(), documents.of(transcripts.get(i), turnTopics.get(i)));
    }
    List<Document> docs = byId.values().stream().flatMap(List::stream).toList();
    List<BytesRef> ids = byId.keySet().stream().map(BytesRef::new).toList();
    requireWriter().updateDocuments(new TermInSetQuery(Schema.EPISODE_ID, ids), docs);
    for (PutListener listener : putListeners) {
      for (int i = 0; i < transcripts.size(); i++) {
        listener.put(transcripts.get(i), turnTopics.get(i));
      }
    }
  }

  /**
   * Refuses a transcript Lucene would refuse half-way (an empty facet value, a term over its limit), with the field
   * named, before anything of it is written.
   */
  private static void checkIndexable(Transcript transcript) {
    List<String> problems = IndexableLimits.problems(transcript);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
  }

  /** Removes a transcript and its utterances; a no-op for an unknown id. */
  public void delete(String episodeId) throws IOException {
    requireWriter().deleteDocuments(new Term(Schema.EPISODE_ID, episodeId));
  }

  /** Whether the latest refreshed view holds the transcript {@code episodeId}. */
  public boolean contains(String episodeId) throws IOException {
    return withSearcher(view -> view.searcher().count(new TermQuery(new Term(Schema.EPISODE_ID, episodeId))) > 0);
  }

  /** Makes every write so far durable: a crash after this loses none of it. */
  @Override
  public void commit() throws IOException {
    requireWriter().commit();
    SearcherManager last = committed;
    if (last != null) {
      last.maybeRefreshBlocking();
    }
    if (!putListeners.isEmpty()) {
      refresh(); // what a listener was told of is searchable at each commit, a long ingest's included
    }
  }

  /**
   * Runs {@code fn} with a searcher of the index as last committed (on a read-only index: as last refreshed). It
   * does not show writes made since the last {@link #commit()}, and asking for it never flushes a segment.
   */
  public <T> T withCommitted(SearcherFunction<T> fn) throws IOException {
    if (writer == null) {
      return withSearcher(fn);
    }
    SearcherManager manager = committedSearchers();
    IndexSearcher searcher = manager.acquire();
    try {
      return fn.apply(new View(searcher, null));
    } finally {
      manager.release(searcher);
    }
  }

  private SearcherManager committedSearchers() throws IOException {
    SearcherManager manager = committed;
    if (manager == null) {
      synchronized (this) {
        manager = committed;
        if (manager == null) {
          if (!DirectoryReader.indexExists(directory)) {
            writer.commit(); // an index held in memory has no commit until its first
          }
          manager = new SearcherManager(directory, null);
          committed = manager;
        }
      }
    }
    return manager;
  }

  /**
   * Makes writes visible to searchers acquired after this returns (near-real-time; not durable), then tells the
   * {@link PutListener}s that what they were told of before the call is searchable.
   */
  public void refresh() throws IOException {
    List<Runnable> searchable = new ArrayList<>(putListeners.size());
    for (PutListener listener : putListeners) {
      searchable.add(listener.refreshing());
    }
    try {
      searchers.maybeRefreshBlocking(); // takes the refresh lock, then reopens: every write made before is seen
    } finally {
      searchable.forEach(Runnable::run);
    }
  }

  /** A function run with a borrowed searcher. */
  @FunctionalInterface
  public interface SearcherFunction<T> {
    /** Runs with {@code view}, which is valid only during the call. */
    T apply(View view) throws IOException;
  }

  /** A point-in-time view of the index: a searcher and its facet state (null when nothing has facets yet). */
  public record View(IndexSearcher searcher, SortedSetDocValuesReaderState facets) {}

  /** Runs {@code fn} with a searcher borrowed for the call and always released. */
  public <T> T withSearcher(SearcherFunction<T> fn) throws IOException {
    IndexSearcher searcher = searchers.acquire();
    try {
      return fn.apply(new View(searcher, facetState(searcher.getIndexReader())));
    } finally {
      searchers.release(searcher);
    }
  }

  /**
   * Keeps the snapshot {@code view} shows, so later pages of a search can be computed from it, and returns its
   * version for {@link #withSnapshot}. The newest {@value #MAX_SNAPSHOTS} snapshots are kept, each for up to
   * {@value #SNAPSHOT_SECONDS} seconds after a newer one replaced it.
   */
  public long keep(View view) throws IOException {
    long version = snapshots.record(view.searcher());
    snapshots.prune(new KeepNewest(MAX_SNAPSHOTS, SNAPSHOT_SECONDS));
    return version;
  }

  /**
   * Runs {@code fn} with the snapshot of {@code version} kept by {@link #keep}, or with the latest one when that
   * is the same version (as in another process reading an unchanged index).
   *
   * @throws ExpiredSnapshotException when that snapshot is no longer kept and the index has changed since
   */
  public <T> T withSnapshot(long version, SearcherFunction<T> fn) throws IOException {
    IndexSearcher searcher = snapshots.acquire(version);
    if (searcher == null) { // not kept (another process, a restart): still good if the index is unchanged since
      return withSearcher(
          view -> {
            if (!(view.searcher().getIndexReader() instanceof DirectoryReader r) || r.getVersion() != version) {
              throw new ExpiredSnapshotException(version);
            }
            return fn.apply(view);
          });
    }
    try {
      return fn.apply(new View(searcher, facetState(searcher.getIndexReader())));
    } finally {
      snapshots.release(searcher);
    }
  }

  /** The snapshot a cursor was made on is no longer kept. */
  public static final class ExpiredSnapshotException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ExpiredSnapshotException(long version) {
      super("index snapshot " + version + " is no longer kept");
    }
  }

  /** Prunes all but the newest {@code keep} snapshots, and those replaced more than {@code seconds} ago. */
  private static final class KeepNewest implements SearcherLifetimeManager.Pruner {
    private final int keep;
    private final double seconds;
    private int seen;

    KeepNewest(int keep, double seconds) {
      this.keep = keep;
      this.seconds = seconds;
    }

    @Override
    public boolean doPrune(double ageSec, IndexSearcher searcher) {
      return ++seen > keep || ageSec > seconds; // called newest first
    }
  }

  private SortedSetDocValuesReaderState facetState(IndexReader reader) throws IOException {
    return facetStates
        .get(
            reader,
            r ->
                hasFacets(r)
                    ? Optional.of(new DefaultSortedSetDocValuesReaderState(r, schema.facetsConfig()))
                    : Optional.empty())
        .orElse(null);
  }

  private static boolean hasFacets(IndexReader reader) {
    FieldInfo info = FieldInfos.getMergedFieldInfos(reader).fieldInfo(FacetsConfig.DEFAULT_INDEX_FIELD_NAME);
    return info != null && info.getDocValuesType() != DocValuesType.NONE;
  }

  /**
   * The threads this index's searchers search segment slices on, for a searcher made per request over one of its
   * readers and for counting facets segment by segment; null when each search runs on its own thread alone. A task
   * handed to it while its threads are busy runs on the thread that hands it over.
   */
  public ExecutorService sliceExecutor() {
    return sliceThreads;
  }

  /**
   * {@link #sliceExecutor()} when one of its threads is idle now, else null: a request that starts while the others
   * keep every core busy searches on its own thread alone: spreading it would only add hand-offs (per-slice
   * collectors, their merge, tasks), which cost about 5% more CPU per search at 8 clients on 2 cores (within the
   * noise of a shared machine). A lone request is spread.
   */
  public ExecutorService idleSliceExecutor() {
    if (sliceThreads instanceof java.util.concurrent.ThreadPoolExecutor pool
        && pool.getActiveCount() >= pool.getMaximumPoolSize()) {
      return null;
    }
    return sliceThreads;
  }

  private IndexWriter requireWriter() {
    if (writer == null) {
      throw new IllegalStateException("this index was opened read-only");
    }
    return writer;
  }

  /** Commits pending writes (if writable) and closes the index: everything is closed even when one part fails. */
  @Override
  public void close() throws IOException {
    IOUtils.close(snapshots, searchers, committed, writer, directory, sliceThreads == null ? null : sliceThreads::shutdown);
    // the writer commits on close by default; a null is skipped
  }
}
