package org.transcriptsearch.speakers;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Delivery notes printed in a speaker string: how the turn reached the air, not who spoke it. "(voice-over)",
 * "(on camera)", "(through translator)", "(via telephone)", "(singing)", "(BEGIN VIDEOTAPE)", "(speaking Spanish)".
 * They are cues of the turn, never the speaker's affiliation.
 *
 * <p>Recognised by the shape of the phrase rather than a list of printed notes: a way of being seen or heard
 * (voice-over, on/off camera, on tape, off mike), a channel (via, by, on or over a telephone, satellite, Skype,
 * video link...), translation (through or via a translator or interpreter), a marker of recorded material
 * (begin, end or start of videotape, video clip, audio, soundbite, SOT...), a manner of speaking (singing,
 * laughing, whispering, speaking or in a language), or a played part ("as Hamlet"). Several notes may share one
 * bracket ("on camera, through translator").
 */
final class DeliveryNotes {
  private static final String MEDIUM =
      "(?:video\\s*tape|video\\s*clip|video|audio\\s*tape|audio\\s*clip|audio|clip|tape|sot|live\\s*feed|feed|"
          + "sound\\s*bite|soundbite|recording|excerpt|segment|film|footage|package|report|interview)";
  private static final String CHANNEL =
      "(?:(?:tele|cell\\s*|satellite\\s*|mobile\\s*|speaker\\s*)?phone|satellite|skype|web\\s*cam|webcam|"
          + "video\\s*(?:link|phone|conference|chat|call)?|broadband|zoom|facetime|radio|teleconference|"
          + "loud\\s*speaker|bull\\s*horn|megaphone|intercom|microphone|mike|internet|line|tape|air)";
  private static final Pattern NOTE =
      Pattern.compile(
          String.join(
              "|",
              "(?:begin|end|start|resume|resumes|continue|continues|continued|continuing|beginning|end\\s+of|"
                  + "start\\s+of)\\s+(?:of\\s+)?(?:a\\s+|the\\s+)?" + MEDIUM + "(?:\\s+\\w+)?",
              MEDIUM,
              "(?:voice|v)[\\s-]*over|v\\.?\\s*/?\\s*o\\.?|o\\.?\\s*c\\.?|o\\.?\\s*s\\.?",
              "(?:on|off)[\\s-]*(?:camera|cam|screen|mike|mic|stage|tape|the\\s+record)",
              "(?:through|via|with|by|thru)\\s+(?:an?\\s+|the\\s+)?(?:translator|interpreter|translation|"
                  + "interpretation)",
              "translated|translation|interpreted|in\\s+translation|dubbed|subtitled",
              "(?:via|by|on|over|from|through|in)\\s+(?:the\\s+|a\\s+)?" + CHANNEL,
              "live|taped|recorded|pre-?recorded|file|archive|archival|cont'?d|continuing|continued|sic|ph",
              "(?:speaking|in|speaks|speaking\\s+in)\\s+(?:a\\s+)?(?:foreign\\s+language|[\\p{L}-]+)",
              "foreign\\s+language|inaudible|unintelligible|crosstalk|cross\\s*talk|laughter|applause|cheering|cheers|"
                  + "music|silence|pause|commercial(?:\\s+break)?|break|sound\\s+of\\s+.+|soundbite\\s+of\\s+.+",
              "(?:singing|sings|sung|chanting|chants|laughs|laughing|crying|cries|sobbing|whispering|whispers|"
                  + "shouting|shouts|yelling|screaming|reading|reads|rapping|humming|praying|narrating|"
                  + "imitating\\s+.+|mimicking\\s+.+|as\\s+.+)(?:\\s+\\w+)?"),
          Pattern.CASE_INSENSITIVE);
  private static final Pattern SEPARATOR = Pattern.compile("\\s*(?:[,;/]|\\band\\b)\\s*", Pattern.CASE_INSENSITIVE);

  private static final Pattern TRAILING_STOPS = Pattern.compile("[.:]+$");

  private DeliveryNotes() {}

  /** Whether the whole of {@code text} (a bracket's content, or a segment of a label) is delivery notes. */
  static boolean isNote(String text) {
    String t = TRAILING_STOPS.matcher(text.strip()).replaceAll("").strip();
    if (t.isEmpty()) {
      return false;
    }
    for (String part : SEPARATOR.split(t)) {
      if (part.isBlank() || !NOTE.matcher(part.strip().toLowerCase(Locale.ROOT)).matches()) {
        return false;
      }
    }
    return true;
  }
}
