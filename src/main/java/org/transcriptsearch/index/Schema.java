package org.transcriptsearch.index;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;
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
  public static final String VERSION = "2";

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

  /** Role code (host, correspondent, guest, caller, unidentified): a lower-cased keyword; doc values for rankings. */
  public static final String ROLE = "role";

  /** Program's usual name, matched case-insensitively as one keyword; doc values (as printed) for rankings. */
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

  /** Static ranking features (Lucene feature field): {@link #FEATURE_WORDS}. */
  public static final String FEATURES = "features";

  /**
   * The feature of how many words an utterance has, up to {@link #SUBSTANTIVE_WORDS}: substantive turns rank above
   * one-line courtesies ("Thank you, Audie."), and turns of that length or more are all alike.
   */
  public static final String FEATURE_WORDS = "words";

  /** The length in words from which a turn counts as substantive: {@link #FEATURE_WORDS} stops growing there. */
  public static final int SUBSTANTIVE_WORDS = 12;

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

  private final Analyzer analyzer;
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
    Analyzer names = nameAnalyzer();
    Analyzer keywords = keywordAnalyzer();
    Map<String, Analyzer> perField = new HashMap<>();
    NAME_ANALYZER_FIELDS.forEach(f -> perField.put(f, names));
    KEYWORD_ANALYZER_FIELDS.forEach(f -> perField.put(f, keywords));
    this.analyzer = new PerFieldAnalyzerWrapper(englishAnalyzer(), perField);
    this.facetsConfig = new FacetsConfig();
    facetsConfig.setMultiValued(FACET_TOPIC, true);
  }

  /** The analyzer of every field, for indexing, query parsing and highlighting alike. */
  public Analyzer analyzer() {
    return analyzer;
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
   * stems. No stop words, so phrases such as "the state of the union" stay exact.
   */
  private static Analyzer englishAnalyzer() {
    return analyzer(
        StandardTokenizer::new,
        tokens -> new PorterStemFilter(folded(new EnglishPossessiveFilter(tokens))),
        0);
  }

  /** Names: standard tokens, lower case, accents folded; a phrase never runs from one spelling into the next. */
  private static Analyzer nameAnalyzer() {
    return analyzer(StandardTokenizer::new, Schema::folded, 100);
  }

  /** One case- and accent-insensitive keyword. */
  private static Analyzer keywordAnalyzer() {
    return analyzer(KeywordTokenizer::new, Schema::folded, 0);
  }

  private static TokenStream folded(TokenStream tokens) {
    return new ASCIIFoldingFilter(new LowerCaseFilter(tokens));
  }

  /** An analyzer of this tokenizer and filters; query terms for wildcards are normalised by case and accents. */
  private static Analyzer analyzer(
      Supplier<Tokenizer> tokenizer, UnaryOperator<TokenStream> filters, int positionGap) {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = tokenizer.get();
        return new TokenStreamComponents(source, filters.apply(source));
      }

      @Override
      public int getPositionIncrementGap(String fieldName) {
        return positionGap;
      }

      @Override
      protected TokenStream normalize(String fieldName, TokenStream in) {
        return folded(in);
      }
    };
  }
}
