package org.transcriptsearch.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

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
    StringBuilder key = new StringBuilder(normalise(title == null ? "" : title)).append('|');
    for (Turn turn : turns) {
      key.append(normalise(turn.text())).append(' ');
    }
    return sha256Hex(key.toString()).substring(0, 16);
  }

  /** The id of turn {@code n} of transcript {@code transcriptId}. */
  public static String utterance(String transcriptId, int n) {
    return transcriptId + "-" + n;
  }

  /**
   * Lower case letters and digits only, words separated by single spaces: what survives every mirror of a page.
   */
  static String normalise(String text) {
    String folded = Normalizer.normalize(text, Normalizer.Form.NFKD).toLowerCase(Locale.ROOT);
    StringBuilder out = new StringBuilder(folded.length());
    boolean space = false;
    for (int i = 0; i < folded.length(); i++) {
      char c = folded.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        if (space && !out.isEmpty()) {
          out.append(' ');
        }
        out.append(c);
        space = false;
      } else if (Character.isWhitespace(c) || c == '-' || c == '\u2014' || c == '\u2013') {
        space = true;
      }
      // Apostrophes, quotes, combining accents and U+FFFD are dropped: "I'm", "Im" and "I’m" agree.
    }
    return out.toString();
  }

  private static String sha256Hex(String s) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
