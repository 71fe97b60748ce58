package org.transcriptsearch.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.transcriptsearch.text.Folding;

/**
 * Stable ids for transcripts and utterances.
 *
 * <p>A transcript id is derived from its normalised title and speech only, never from the station wrapper, so the
 * same story mirrored on several sites (different boilerplate, newline style, curly or straight quotes, a lost
 * apostrophe or cue) gets one id and re-ingesting it replaces rather than duplicates.
 */
public final class TranscriptIds {
  private TranscriptIds() {}

  /** The id of a transcript with this title and these turns: 16 hex digits. */
  public static String of(String title, List<Turn> turns) {
    MessageDigest digest = sha256();
    digest.update(normalise(title == null ? "" : title).getBytes(StandardCharsets.UTF_8));
    digest.update((byte) '|');
    for (Turn turn : turns) {
      digest.update(normalise(turn.text()).getBytes(StandardCharsets.UTF_8));
      digest.update((byte) ' ');
    }
    return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
  }

  /** Fewer words than this are not a soundbite: "Thank you very much" is said in every other story. */
  public static final int SOUNDBITE_MIN_WORDS = 8;

  /**
   * The key of what a turn says, the same for the same words wherever they aired (case, punctuation and accents
   * aside), or null when the turn is too short to be told apart from common phrases: two transcripts with a turn of
   * the same key aired the same soundbite.
   */
  public static String soundbiteKey(String text) {
    String words = normalise(text);
    int count = words.isEmpty() ? 0 : 1;
    for (int i = 0; i < words.length() && count < SOUNDBITE_MIN_WORDS; i++) {
      if (words.charAt(i) == ' ') {
        count++;
      }
    }
    if (count < SOUNDBITE_MIN_WORDS) {
      return null;
    }
    // Every utterance is keyed at ingest: a 64-bit murmur hash, far cheaper than a digest, leaves a chance of a false
    // match of about one in 10^19 per pair of turns.
    byte[] bytes = words.getBytes(StandardCharsets.UTF_8);
    return HexFormat.of().toHexDigits(org.apache.lucene.util.StringHelper.murmurhash3_x64_128(bytes, 0, bytes.length, 0)[0]);
  }

  /** The id of turn {@code n} of transcript {@code transcriptId}. */
  public static String utterance(String transcriptId, int n) {
    return transcriptId + "-" + n;
  }

  /**
   * Lower case letters and digits only, words separated by single spaces: what survives every mirror of a page.
   */
  static String normalise(String text) {
    // Most speech is ASCII, and this one pass is all it needs; anything else is decomposed first.
    char[] out = new char[text.length()];
    int length = 0;
    boolean space = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= 0x80) {
        return normaliseUnicode(text);
      }
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z')) {
        if (space && length > 0) {
          out[length++] = ' ';
        }
        out[length++] = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
        space = false;
      } else if (Character.isWhitespace(c) || c == '-') {
        space = true;
      }
    }
    return new String(out, 0, length);
  }

  private static String normaliseUnicode(String text) {
    String folded = Folding.fold(text);
    char[] out = new char[folded.length()];
    int length = 0;
    boolean space = false;
    for (int i = 0; i < folded.length(); i++) {
      char c = folded.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        if (space && length > 0) {
          out[length++] = ' ';
        }
        out[length++] = c;
        space = false;
      } else if (Character.isWhitespace(c) || c == '-' || c == '\u2014' || c == '\u2013') {
        space = true;
      }
      // Apostrophes, quotes, combining accents and U+FFFD are dropped: "I'm", "Im" and "I\u2019m" agree.
    }
    return new String(out, 0, length);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
