package org.transcriptsearch.dedup;

import java.io.IOException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.transcriptsearch.index.Schema;
import org.transcriptsearch.index.TranscriptIndex;
import org.transcriptsearch.model.Transcript;

/**
 * Writes transcripts to the index so that the copies of one story (mirrors on several sites, identical or damaged)
 * become one transcript with a source per copy. Thread-safe: the workers of one ingest run share one instance.
 *
 * <p>A copy joins the transcript of its own id when the index has one (re-reading a copy replaces it); otherwise
 * the transcript whose speech signature is close enough ({@link Similarity}), found by the LSH band keys they share:
 * in the index as last committed (so a mirror indexed today joins the transcript indexed last week) or among the
 * transcripts this instance wrote since (so copies handled at the same moment by two workers meet). A group keeps
 * the id it was first written under and the text of its most complete copy ({@link Completeness}); the other copies
 * are listed as its sources.
 *
 * <p>Lookups read the last commit, never a near-real-time refresh: a refresh flushes the writer's buffers into small
 * segments that must then be merged (a fifth of an ingest's CPU when it refreshed every 1,000 transcripts), where
 * reopening on a commit writes nothing. So the groups written since the last {@link #commit()} are held in memory,
 * and commit every few thousand transcripts to keep that bounded.
 */
public final class MirrorGroups {

  /** Transcripts sharing bands with a copy that are compared with it, the most bands in common first. */
  static final int CANDIDATES = 16;

  private final TranscriptIndex index;
  private final Clock clock;
  private final Object lock = new Object();
  /** Groups written since the last commit, by id, and by each band key of their copies; guarded by lock. */
  private final Map<String, Group> pending = new HashMap<>();
  private final Map<String, List<Group>> pendingBands = new HashMap<>();
  /** Transcripts a copy went into, with their turns as last written; and the copies read, by source. */
  private final Map<String, Integer> touched = new ConcurrentHashMap<>();
  private final Set<org.transcriptsearch.model.Source> copies = ConcurrentHashMap.newKeySet();
  private final java.util.concurrent.atomic.AtomicLong duplicates = new java.util.concurrent.atomic.AtomicLong();
  /** Writes made so far; a group remembers the number of its last, so a commit knows which groups it holds. */
  private final java.util.concurrent.atomic.AtomicLong writes = new java.util.concurrent.atomic.AtomicLong();

  /** What a {@link #put} did. */
  public enum Outcome {
    /** The copy is a story not indexed before: a new transcript. */
    NEW,
    /** The copy's text is now the transcript's (it is the more complete copy, or a newer read of the kept one). */
    KEPT,
    /** The copy was added as a source; the transcript's text is another copy's. */
    SOURCE,
    /** The copy was already a source and not the more complete: nothing was written. */
    UNCHANGED
  }

  /** The transcript a copy went into, and how. */
  public record Put(String transcriptId, Outcome outcome) {}

  /** Groups written into {@code index}, sources first seen now. */
  public MirrorGroups(TranscriptIndex index) {
    this(index, Clock.systemUTC());
  }

  /** Groups written into {@code index}, sources first seen at {@code clock}'s time. */
  public MirrorGroups(TranscriptIndex index, Clock clock) {
    this.index = index;
    this.clock = clock;
  }

  /**
   * Writes {@code transcript} (enriched; {@code turnTopics} the topics of each turn) as a new transcript or into the
   * transcript of the story it is a copy of. Not committed: the caller commits.
   */
  public Put put(Transcript transcript, List<List<String>> turnTopics) throws IOException {
    Copy copy = new Copy(transcript, turnTopics, SpeechSignature.of(transcript));
    Group group;
    synchronized (lock) {
      group = find(transcript.id(), copy.signature());
      register(group, copy.signature());
      group.users++;
    }
    Put put = absorb(group, copy, true);
    if (put == null) {
      // Its signature was close, its words are not: a story of its own after all.
      synchronized (lock) {
        group.signatures.remove(copy.signature());
        group = pendingGroup(transcript.id(), null);
        register(group, copy.signature());
        group.users++;
      }
      put = absorb(group, copy, false);
    }
    for (var source : transcript.sourcesOrSelf()) {
      if (!copies.add(source.seenAt(null))) {
        duplicates.incrementAndGet();
      }
    }
    return put;
  }

  /** {@link Group#absorb} under the group's lock; null when {@code verify} finds the copy another story. */
  private Put absorb(Group group, Copy copy, boolean verify) throws IOException {
    group.lock.lock();
    try {
      Put put = group.absorb(copy, verify);
      if (put != null) {
        touched.put(group.id, group.kept.transcript().turns().size());
      }
      return put;
    } finally {
      group.lock.unlock();
      synchronized (lock) {
        group.users--;
      }
    }
  }

  /**
   * Commits the index, then forgets the groups the commit holds that no thread is writing: the index finds them
   * from then on, and memory holds only what was written since. Safe while other threads {@link #put}.
   */
  public void commit() throws IOException {
    long upTo = writes.get(); // every write numbered so far has returned, so the commit holds it
    index.commit();
    synchronized (lock) {
      pending.values().removeIf(group -> group.users == 0 && group.lastWrite <= upTo && forget(group));
    }
  }

  /** Transcripts the copies given to this instance went into. */
  public long transcripts() {
    return touched.size();
  }

  /** Utterances of those transcripts, as last written. */
  public long utterances() {
    return touched.values().stream().mapToLong(Integer::longValue).sum();
  }

  /**
   * Copies given to this instance (by source: id, site and address) beyond one per transcript: the mirrors that
   * joined a transcript as one more source. The same copies given again count the same.
   */
  public long mirrors() {
    return Math.max(0, copies.size() - touched.size());
  }

  /** Copies given to this instance again: the same id, site and address as a copy given before. */
  public long duplicates() {
    return duplicates.get();
  }

  /** The group of the copy's own id if there is one, else the closest similar one, else a new group. */
  private Group find(String id, SpeechSignature signature) throws IOException {
    Group own = pending.get(id);
    if (own != null) {
      return own;
    }
    return index.withCommitted(
        view -> {
          if (view.searcher().count(new TermQuery(new Term(Schema.EPISODE_ID, id))) > 0) {
            return pendingGroup(id, null);
          }
          Group best = null;
          double bestScore = 0;
          for (Candidate candidate : candidates(view.searcher(), signature)) {
            double score = Similarity.score(signature, candidate.signatures());
            if (score > bestScore) {
              best = candidate.group();
              bestScore = score;
            }
          }
          return best != null ? best : newGroup(id);
        });
  }

  private record Candidate(Group group, List<SpeechSignature> signatures) {}

  /** Groups sharing a band key with {@code signature}: pending ones, then indexed ones not pending. */
  private List<Candidate> candidates(IndexSearcher searcher, SpeechSignature signature) throws IOException {
    List<String> keys = signature.bandKeys();
    List<Candidate> out = new ArrayList<>();
    if (keys.isEmpty()) {
      return out;
    }
    List<Group> seen = new ArrayList<>();
    for (String key : keys) {
      for (Group group : pendingBands.getOrDefault(key, List.of())) {
        if (!seen.contains(group)) {
          seen.add(group);
          out.add(new Candidate(group, List.copyOf(group.signatures)));
        }
      }
    }
    StoredFields fields = searcher.storedFields();
    for (int doc : sharingMost(searcher.getIndexReader(), keys, CANDIDATES)) {
      Document first = fields.document(doc, CANDIDATE_FIELDS);
      String id = first.get(Schema.EPISODE_ID);
      SpeechSignature stored = StoredTranscripts.signature(first);
      if (!pending.containsKey(id) && stored != null) {
        out.add(new Candidate(pendingGroup(id, stored), List.of(stored)));
      }
    }
    return out;
  }

  /**
   * The documents holding most of {@code keys} in {@link Schema#MIRROR_BAND}, at most {@code limit}, the most keys
   * first and then in index order. Each segment's terms are read once and each key sought in them (the Bloom filter
   * answers most "not there"), where a query of one term clause per key had every clause look its field up and
   * build its statistics in every segment, then scored: 10% of an ingest's CPU at 3.2 million utterances
   * (src/bench/FINDINGS.md).
   */
  static List<Integer> sharingMost(IndexReader reader, List<String> keys, int limit) throws IOException {
    List<BytesRef> sought = keys.stream().map(BytesRef::new).toList();
    Map<Integer, Integer> shared = new HashMap<>();
    PostingsEnum postings = null;
    for (LeafReaderContext leaf : reader.leaves()) {
      Terms terms = leaf.reader().terms(Schema.MIRROR_BAND);
      if (terms == null) {
        continue;
      }
      TermsEnum seek = terms.iterator();
      Bits live = leaf.reader().getLiveDocs();
      for (BytesRef key : sought) {
        if (seek.seekExact(key)) {
          postings = seek.postings(postings, PostingsEnum.NONE);
          for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
            if (live == null || live.get(doc)) {
              shared.merge(leaf.docBase + doc, 1, Integer::sum);
            }
          }
        }
      }
    }
    return shared.entrySet().stream()
        .sorted(Map.Entry.<Integer, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(limit)
        .map(Map.Entry::getKey)
        .toList();
  }

  /** What a candidate's first utterance is read for: not its text, which is most of its stored bytes. */
  private static final Set<String> CANDIDATE_FIELDS = Set.of(Schema.EPISODE_ID, Schema.MIRROR_SIGNATURE);

  /** The group of a story the index does not hold, as just looked up: nothing to read back when it is written. */
  private Group newGroup(String id) {
    Group group = pendingGroup(id, null);
    if (group.users == 0 && group.lastWrite == 0) {
      group.markNew();
    }
    return group;
  }

  private Group pendingGroup(String id, SpeechSignature known) {
    return pending.computeIfAbsent(
        id,
        newId -> {
          Group group = new Group(newId);
          if (known != null) {
            group.signatures.add(known);
          }
          return group;
        });
  }

  /** The copy's band keys lead to its group from now on. */
  private void register(Group group, SpeechSignature signature) {
    group.signatures.add(signature);
    for (String key : signature.bandKeys()) {
      List<Group> groups = pendingBands.computeIfAbsent(key, k -> new ArrayList<>(1));
      if (!groups.contains(group)) {
        groups.add(group);
        group.bandKeys.add(key);
      }
    }
  }

  private boolean forget(Group group) {
    for (String key : group.bandKeys) {
      List<Group> groups = pendingBands.get(key);
      groups.remove(group);
      if (groups.isEmpty()) {
        pendingBands.remove(key);
      }
    }
    return true;
  }

  /** One copy as read and enriched. */
  record Copy(Transcript transcript, List<List<String>> turnTopics, SpeechSignature signature) {}

  /** A story's transcript: its id and, once known, the copy whose text is kept. */
  private final class Group {
    final String id;
    final ReentrantLock lock = new ReentrantLock();
    /** Guarded by the outer lock. */
    final List<SpeechSignature> signatures = new ArrayList<>();
    final List<String> bandKeys = new ArrayList<>();
    int users;
    /** The number of this group's last write, 0 before its first; written under {@link #lock}. */
    volatile long lastWrite;
    /** Guarded by {@link #lock}: the transcript as written, read from the index on first use. */
    private Copy kept;
    private boolean loaded;

    Group(String id) {
      this.id = id;
    }

    /** The index holds nothing of this story: its first write is a new transcript. */
    void markNew() {
      lock.lock();
      try {
        loaded = true;
      } finally {
        lock.unlock();
      }
    }

    /**
     * Adds {@code copy} to this story; with {@code verify}, first checks on the exact shingles of both texts that it
     * is a copy of this story (a signature only estimates) and returns null if not.
     */
    Put absorb(Copy copy, boolean verify) throws IOException {
      if (!loaded) {
        kept =
            index
                .withCommitted(view -> StoredTranscripts.read(view.searcher(), id))
                .map(s -> new Copy(s.transcript(), s.turnTopics(), s.signature()))
                .orElse(null);
        loaded = true;
      }
      var now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
      if (kept == null) {
        return write(copy, Sources.merge(List.of(), copy.transcript().sourcesOrSelf(), now), Outcome.NEW);
      }
      boolean known = Sources.containsAny(kept.transcript().sourcesOrSelf(), copy.transcript().sourcesOrSelf());
      if (verify && !known && !copy.transcript().id().equals(id) && !sameStory(copy)) {
        return null;
      }
      var sources = Sources.merge(kept.transcript().sources(), copy.transcript().sourcesOrSelf(), now);
      int order = Completeness.compare(copy, kept);
      if (order > 0 || isKept(copy.transcript())) {
        return write(copy, sources, Outcome.KEPT);
      }
      if (sources.equals(kept.transcript().sources())) {
        return new Put(id, Outcome.UNCHANGED);
      }
      return write(kept, sources, Outcome.SOURCE);
    }

    /**
     * Whether {@code read} is the copy whose text is kept, read again (perhaps corrected): its address, or with no
     * address its id and site. The last read of a copy wins, as the last read of an id always has.
     */
    private boolean isKept(Transcript read) {
      Transcript shown = kept.transcript();
      if (read.url() != null) {
        return read.url().equals(shown.url());
      }
      return shown.url() == null && read.id().equals(id) && java.util.Objects.equals(read.source(), shown.source());
    }

    private boolean sameStory(Copy copy) {
      return ShingleSet.of(copy.transcript()).sameStory(ShingleSet.of(kept.transcript()));
    }

    private Put write(Copy text, List<org.transcriptsearch.model.Source> sources, Outcome outcome)
        throws IOException {
      Transcript out = text.transcript().withIdAndSources(id, sources);
      index.put(out, text.turnTopics(), text.signature());
      lastWrite = writes.incrementAndGet();
      kept = new Copy(out, text.turnTopics(), text.signature());
      return new Put(id, outcome);
    }
  }
}
