package org.transcriptsearch.index;

import static org.transcriptsearch.index.SchemaField.Matching.EXACT;
import static org.transcriptsearch.index.SchemaField.Matching.INT;
import static org.transcriptsearch.index.SchemaField.Matching.KEYWORD;
import static org.transcriptsearch.index.SchemaField.Matching.LONG;
import static org.transcriptsearch.index.SchemaField.Matching.NONE;
import static org.transcriptsearch.index.SchemaField.Matching.TEXT_WITH_OFFSETS;
import static org.transcriptsearch.index.SchemaField.Trait.DOC_VALUES;
import static org.transcriptsearch.index.SchemaField.Trait.MULTI_VALUED;
import static org.transcriptsearch.index.SchemaField.Trait.STORED;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.core.KeywordTokenizerFactory;
import org.apache.lucene.analysis.core.LowerCaseFilterFactory;
import org.apache.lucene.analysis.custom.CustomAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilterFactory;
import org.apache.lucene.analysis.en.PorterStemFilterFactory;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilterFactory;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizerFactory;
import org.apache.lucene.facet.FacetsConfig;
import org.transcriptsearch.speakers.SpeakerAliases;

/**
 * The one place where the index's field names, field types and analyzers are defined. The indexer, the query
 * parser and the highlighter all take their analyzer from {@link #analyzer()}.
 *
 * <p>One Lucene document is one utterance (speaker turn). Episode metadata is repeated on each utterance so a hit
 * needs no second lookup, and an episode is read back as its utterances sorted by turn.
 */
public final class Schema {
  /**
   * The version of this schema, written into every commit. An index written under another version cannot be
   * searched correctly and is refused with a message saying so; raise it whenever a field changes.
   */
  public static final String VERSION = "3";

  /** The commit user-data key of {@link #VERSION}. */
  static final String VERSION_KEY = "transcript-search.schema";

  /** Utterance id, "EPISODE-N": exact, stored, and a sort tie-breaker (doc values). */
  public static final String ID = "id";

  /** Episode (transcript) id: exact; the unit of replacement when a transcript is re-ingested. */
  public static final String EPISODE_ID = "episode_id";

  /** Turn number from 1: point for ranges, doc values for ordering, stored. */
  public static final String TURN = "turn";

  /**
   * Speaker's name as resolved in its transcript, plus every listed spelling of the person (Sergei and Sergey
   * Lavrov), analysed as a name so "speaker:kelemen" and "speaker:sergei" match.
   */
  public static final String SPEAKER = "speaker";

  /**
   * The person's key across the index (see {@code SpeakerAliases#canonicalKey}): exact and stored. Speaker facets
   * and filters count by it, so the variants of one name are one speaker.
   */
  public static final String SPEAKER_KEY = "speaker_key";

  /**
   * Doc values "key\u001fname as resolved": per key, the name forms and how often each is used, from which the
   * canonical display name (the most common full form) is chosen at search time.
   */
  public static final String SPEAKER_FORM = "speaker_form";

  /** Separates key and name in {@link #SPEAKER_FORM}. */
  public static final char FORM_SEPARATOR = '\u001f';

  /** The label as printed ("MICHELE KELEMEN, BYLINE"): stored only. */
  public static final String SPEAKER_LABEL = "speaker_label";

  /** The speaker's printed title ("Secretary"): stored only. */
  public static final String SPEAKER_TITLE = "speaker_title";

  /** The speaker's printed affiliation: stored only. */
  public static final String SPEAKER_AFFILIATION = "speaker_affiliation";

  /** How the speaker is known (labelled, inferred...): stored only. */
  public static final String ATTRIBUTION = "attribution";

  /** Role code (host, correspondent, guest, caller, unidentified, analyst, announcer): a lower-cased keyword. */
  public static final String ROLE = "role";

  /** Program's usual name, matched case-insensitively as one keyword. */
  public static final String PROGRAM = "program";

  /** Topics of the utterance (mentioned, plus the episode's main topics): lower-cased keywords, multi-valued. */
  public static final String TOPIC = "topic";

  /** The episode's main topics: stored only, for the episode view. */
  public static final String EPISODE_TOPICS = "episode_topics";

  /** Air date as epoch day: point for ranges, doc values for sorting; absent when unknown. */
  public static final String DATE = "date";

  /** Story title: English text, stored. */
  public static final String TITLE = "title";

  /** Source site or collection: stored only. */
  public static final String SOURCE = "source";

  /** Published URL: stored only. */
  public static final String URL = "url";

  /** What was said: English text with offsets in the postings for the unified highlighter; stored. */
  public static final String TEXT = "text";

  /**
   * LSH band keys of the transcript's speech signature, on its first utterance only: exact terms, so a mirror of the
   * story indexed later (in this run or a later one) finds it by the bands they share.
   */
  public static final String MIRROR_BAND = "mirror_band";

  /** The transcript's speech signature (MinHash values and word count) as Base64, on its first utterance: stored. */
  public static final String MIRROR_SIGNATURE = "mirror_signature";

  /** Every copy of the story indexed as this transcript, as JSON, on its first utterance: stored only. */
  public static final String SOURCES = "sources";

  /**
   * The key of the words of the utterance (see {@code TranscriptIds#soundbiteKey}): exact and stored, absent for
   * short turns, so a soundbite aired in several stories is found as one.
   */
  public static final String SOUNDBITE = "soundbite";

  /**
   * What was said, word for word: the words as spoken (lower case, accents folded, not stemmed), indexed only. Wildcards
   * and prefixes run here ({@code negotiat*} finds negotiations and negotiators, whose stems differ), and the spell
   * checker suggests real words from it.
   */
  public static final String TEXT_SURFACE = "text_surface";

  /**
   * Sort key of spoken order: the episode id, a zero byte and the turn number zero-padded, as doc values. Sorted by
   * it, an episode's turns come in the order they were spoken (turn 2 before turn 10).
   */
  public static final String SPOKEN_ORDER = "spoken_order";

  /** The role code as doc values: who-said-the-most tallies roles (and tells anonymous speakers) in one pass. */
  public static final String ROLE_VALUE = "role_value";

  /** The program's usual name as doc values: who-said-the-most tallies programs in one pass. */
  public static final String PROGRAM_VALUE = "program_value";

  /**
   * The embedded index's static ranking features (a Lucene feature field). They are a ranking signal of this store,
   * not a field every store keeps the same way, so they are not in {@link #FIELDS}; another store ranks by its own
   * means (Solr: a RankField).
   */
  public static final class Ranking {
    /** The feature field. */
    public static final String FIELD = "features";

    /**
     * The feature of how many words an utterance has, up to {@link #SUBSTANTIVE_WORDS}: substantive turns rank above
     * one-line courtesies ("Thank you, Audie."), and turns of that length or more are all alike.
     */
    public static final String WORDS = "words";

    /** The length in words from which a turn counts as substantive: {@link #WORDS} stops growing there. */
    public static final int SUBSTANTIVE_WORDS = 12;

    private Ranking() {}
  }

  /** Cues removed from the text ("(LAUGHTER)"): stored only, multi-valued. */
  public static final String CUES = "cue";

  /** The facet dimensions; their exact values live in the facets' own doc values field. Speaker counts by key. */
  public static final String FACET_SPEAKER = "speaker";

  public static final String FACET_PROGRAM = "program";
  public static final String FACET_TOPIC = "topic";
  public static final String FACET_ROLE = "role";

  /** The facet dimensions in the order responses list them. */
  public static final List<String> FACET_DIMENSIONS =
      List.of(FACET_SPEAKER, FACET_PROGRAM, FACET_TOPIC, FACET_ROLE);

  /** Fields a query may name: "said by" is {@link #SPEAKER}, "mentioned" is {@link #TEXT}. */
  public static final List<String> QUERYABLE_FIELDS = List.of(TEXT, SPEAKER, PROGRAM, TOPIC, ROLE, TITLE);

  /** Fields analysed as words not stemmed, personal names among them (tokenised, lower-cased, accents folded, no stemming). */
  static final List<String> NAME_ANALYZER_FIELDS = List.of(SPEAKER, TEXT_SURFACE);

  /** Fields analysed as one case-insensitive keyword. */
  static final List<String> KEYWORD_ANALYZER_FIELDS = List.of(PROGRAM, TOPIC, ROLE);

  /**
   * Every field of an utterance document and how it is kept, for stores other than the embedded index (the SolrCloud
   * configset is generated from it). Every other analysed field is English text.
   */
  public static final List<SchemaField> FIELDS =
      List.of(
          SchemaField.of(ID, EXACT, STORED, DOC_VALUES),
          SchemaField.of(EPISODE_ID, EXACT, STORED),
          SchemaField.of(TURN, INT, STORED, DOC_VALUES),
          // The first value is the name as resolved; the others are listed spellings, matched but not shown.
          SchemaField.of(SPEAKER, SchemaField.Matching.TEXT, STORED, MULTI_VALUED),
          SchemaField.of(SPEAKER_KEY, EXACT, STORED).countedAs(FACET_SPEAKER),
          SchemaField.of(SPEAKER_FORM, NONE, DOC_VALUES),
          SchemaField.of(SPEAKER_LABEL, NONE, STORED),
          SchemaField.of(SPEAKER_TITLE, NONE, STORED),
          SchemaField.of(SPEAKER_AFFILIATION, NONE, STORED),
          SchemaField.of(ATTRIBUTION, NONE, STORED),
          SchemaField.of(ROLE, KEYWORD, STORED).countedAs(FACET_ROLE),
          SchemaField.of(PROGRAM, KEYWORD, STORED).countedAs(FACET_PROGRAM),
          SchemaField.of(TOPIC, KEYWORD, STORED, MULTI_VALUED).countedAs(FACET_TOPIC),
          SchemaField.of(EPISODE_TOPICS, NONE, STORED, MULTI_VALUED),
          SchemaField.of(DATE, LONG, STORED, DOC_VALUES),
          SchemaField.of(TITLE, SchemaField.Matching.TEXT, STORED),
          SchemaField.of(SOURCE, NONE, STORED),
          SchemaField.of(URL, NONE, STORED),
          SchemaField.of(TEXT, TEXT_WITH_OFFSETS, STORED),
          SchemaField.of(SOUNDBITE, EXACT, STORED),
          // On the first utterance of a transcript only: what its mirrors find it by, and its sources as JSON.
          SchemaField.of(MIRROR_BAND, EXACT, MULTI_VALUED),
          SchemaField.of(MIRROR_SIGNATURE, NONE, STORED),
          SchemaField.of(SOURCES, NONE, STORED),
          SchemaField.of(TEXT_SURFACE, SchemaField.Matching.TEXT),
          SchemaField.of(SPOKEN_ORDER, NONE, DOC_VALUES),
          SchemaField.of(ROLE_VALUE, NONE, DOC_VALUES),
          SchemaField.of(PROGRAM_VALUE, NONE, DOC_VALUES),
          SchemaField.of(CUES, NONE, STORED, MULTI_VALUED));

  /** The analysis chains of the index, each named for the stores that need a name for it. */
  public enum Analysis {
    /** English speech and titles. */
    ENGLISH,
    /** Personal names. */
    NAME,
    /** One case- and accent-insensitive keyword. */
    KEYWORD
  }

  private final Analyzer analyzer;
  private final Map<Analysis, CustomAnalyzer> chains;
  private final FacetsConfig facetsConfig;
  private final SpeakerAliases aliases;

  /** A schema with the shipped speaker aliases. */
  public Schema() {
    this(SpeakerAliases.shipped());
  }

  /**
   * A schema with its own analyzers and these speaker aliases; thread-safe and meant to be shared by the whole
   * process. The indexer and the searcher of one index must use the same aliases.
   */
  public Schema(SpeakerAliases aliases) {
    this.aliases = aliases;
    this.chains = new EnumMap<>(Analysis.class);
    chains.put(Analysis.ENGLISH, englishAnalyzer());
    chains.put(Analysis.NAME, nameAnalyzer());
    chains.put(Analysis.KEYWORD, keywordAnalyzer());
    Map<String, Analyzer> perField = new HashMap<>();
    NAME_ANALYZER_FIELDS.forEach(f -> perField.put(f, chains.get(Analysis.NAME)));
    KEYWORD_ANALYZER_FIELDS.forEach(f -> perField.put(f, chains.get(Analysis.KEYWORD)));
    this.analyzer = new PerFieldAnalyzerWrapper(chains.get(Analysis.ENGLISH), perField);
    this.facetsConfig = new FacetsConfig();
    facetsConfig.setMultiValued(FACET_TOPIC, true);
  }

  /** The analyzer of every field, for indexing, query parsing and highlighting alike. */
  public Analyzer analyzer() {
    return analyzer;
  }

  /** The analysis chain that {@code field} is analysed with (English for every field not listed otherwise). */
  public static Analysis analysisOf(String field) {
    if (NAME_ANALYZER_FIELDS.contains(field)) {
      return Analysis.NAME;
    }
    return KEYWORD_ANALYZER_FIELDS.contains(field) ? Analysis.KEYWORD : Analysis.ENGLISH;
  }

  /**
   * The analyzer of one chain, as its tokenizer and filter factories with their arguments, so another store can
   * rebuild the same chain from the same factories.
   */
  public CustomAnalyzer chain(Analysis analysis) {
    return chains.get(analysis);
  }

  /** How speakers' names are keyed across the index. */
  public SpeakerAliases aliases() {
    return aliases;
  }

  /** The facet configuration (topic is multi-valued; the others hold one value per utterance). */
  public FacetsConfig facetsConfig() {
    return facetsConfig;
  }

  /**
   * English speech: standard tokens, possessives dropped, lower case, accents folded (Martínez = Martinez), Porter
   * stems. No stop words, so phrases such as "the state of the union" stay exact. Wildcard and fuzzy terms are
   * normalised by the chain's normalising filters (case and accents), as the other chains do.
   */
  private static CustomAnalyzer englishAnalyzer() {
    try {
      return CustomAnalyzer.builder()
          .withTokenizer(StandardTokenizerFactory.class)
          .addTokenFilter(EnglishPossessiveFilterFactory.class)
          .addTokenFilter(LowerCaseFilterFactory.class)
          .addTokenFilter(ASCIIFoldingFilterFactory.class)
          .addTokenFilter(PorterStemFilterFactory.class)
          .withPositionIncrementGap(0)
          .build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Names: standard tokens, lower case, accents folded; a phrase never runs from one spelling into the next. */
  private static CustomAnalyzer nameAnalyzer() {
    try {
      return CustomAnalyzer.builder()
          .withTokenizer(StandardTokenizerFactory.class)
          .addTokenFilter(LowerCaseFilterFactory.class)
          .addTokenFilter(ASCIIFoldingFilterFactory.class)
          .withPositionIncrementGap(100)
          .build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One case- and accent-insensitive keyword. */
  private static CustomAnalyzer keywordAnalyzer() {
    try {
      return CustomAnalyzer.builder()
          .withTokenizer(KeywordTokenizerFactory.class)
          .addTokenFilter(LowerCaseFilterFactory.class)
          .addTokenFilter(ASCIIFoldingFilterFactory.class)
          .withPositionIncrementGap(0)
          .build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
