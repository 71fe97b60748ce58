package org.transcriptsearch.speakers;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.transcriptsearch.model.Role;

/**
 * A printed speaker string taken apart: "MICHELE KELEMEN, BYLINE", "Senator HILLARY CLINTON (Democrat, New
 * York)", "UNIDENTIFIED MAN #2", "NEAL CONAN, host", "JOHN (Caller)".
 *
 * <p>Shared by every reader that meets printed speaker strings (NPR pages, MediaSum, the Interview CSVs).
 *
 * @param name the name in proper case without its title ("Hillary Clinton", "Unidentified Man #2")
 * @param title a title printed before the name ("Senator", "President", "Mr."), or null
 * @param role what the string says about the speaker's part; {@link Role#GUEST} when it says nothing
 * @param affiliation a description printed with the name ("Democrat, New York", "CNN"), or null
 */
public record SpeakerLabel(String name, String title, Role role, String affiliation) {
  private static final Pattern BRACKET = Pattern.compile("^(.*?)\\s*\\((.*)\\)\\s*$");
  private static final Pattern UNIDENTIFIED =
      Pattern.compile(
          "(?i)(unidentified\\b.*|(man|woman|male|female|crowd|group|audience|protesters?|children|"
              + "voice|speaker|people)(\\s*#?\\s*\\d+)?)");
  private static final Pattern CALLER = Pattern.compile("(?i)caller(\\s*#?\\s*\\d+)?");
  private static final Pattern CORRESPONDENT_WORDS =
      Pattern.compile("(?i)\\b(byline|correspondent|reporter|editor|announcer|contributor)\\b");
  private static final Pattern HOST_WORDS = Pattern.compile("(?i)\\b(host|co-host|anchor|guest host)\\b");
  private static final Pattern CALLER_WORDS = Pattern.compile("(?i)\\bcaller\\b");

  /**
   * Takes a printed speaker string apart.
   *
   * <p>Damaged accented names are repaired against a short list of known spellings, see {@link KnownNames}:
   * "AMARTÍNEZ" and "A MARTNEZ" both give "A Martínez".
   *
   * @param label the string as printed, with or without its trailing colon
   * @return the parts, or null when the label is null or blank (an empty label names nobody)
   */
  public static SpeakerLabel parse(String label) {
    if (label == null) {
      return null;
    }
    String text = label.strip().replaceAll("\\s+", " ");
    if (text.endsWith(":")) {
      text = text.substring(0, text.length() - 1).strip();
    }
    if (text.isEmpty()) {
      return null;
    }
    String description = null;
    Matcher bracket = BRACKET.matcher(text);
    if (bracket.matches() && !bracket.group(1).isBlank()) {
      text = bracket.group(1);
      description = bracket.group(2).strip();
    }
    String rolePart = null;
    int comma = text.indexOf(',');
    if (comma >= 0) {
      rolePart = text.substring(comma + 1).strip();
      text = text.substring(0, comma).strip();
    }
    return assemble(text, rolePart, description);
  }

  private static SpeakerLabel assemble(String namePart, String rolePart, String description) {
    Role role = roleOf(rolePart, description);
    String affiliation = affiliationOf(rolePart, description);
    if (namePart.isEmpty()) {
      return new SpeakerLabel("Unidentified Speaker", null, Role.UNIDENTIFIED, affiliation);
    }
    if (UNIDENTIFIED.matcher(namePart).matches()) {
      return new SpeakerLabel(NameCase.of(namePart.toUpperCase(Locale.ROOT)), null, Role.UNIDENTIFIED, affiliation);
    }
    if (HOST_WORDS.matcher(namePart).matches() || CORRESPONDENT_WORDS.matcher(namePart).matches()) {
      // "HOST:" or "ANNOUNCER:" alone: the role is all the page says.
      Role named = HOST_WORDS.matcher(namePart).matches() ? Role.HOST : Role.CORRESPONDENT;
      return new SpeakerLabel(NameCase.of(namePart.toUpperCase(Locale.ROOT)), null, named, affiliation);
    }
    if (CALLER.matcher(namePart).matches()) {
      return new SpeakerLabel(NameCase.of(namePart.toUpperCase(Locale.ROOT)), null, Role.CALLER, affiliation);
    }
    String title = Titles.leading(namePart).orElse(null);
    String bare = title == null ? namePart : namePart.substring(Titles.printedLength(namePart, title)).strip();
    String name = KnownNames.repair(NameCase.of(bare));
    return new SpeakerLabel(name, title, role, affiliation);
  }

  private static Role roleOf(String rolePart, String description) {
    for (String part : new String[] {rolePart, description}) {
      if (part == null) {
        continue;
      }
      if (CALLER_WORDS.matcher(part).find()) {
        return Role.CALLER;
      }
      if (HOST_WORDS.matcher(part).find()) {
        return Role.HOST;
      }
      if (CORRESPONDENT_WORDS.matcher(part).find()) {
        return Role.CORRESPONDENT;
      }
    }
    return Role.GUEST;
  }

  /**
   * What is printed besides the name and the role word: "CNN" of "CNN ANCHOR", the whole bracket of "(Actor)".
   * A bracket or role part that only names the role ("(Caller)", "BYLINE") is no affiliation.
   */
  private static String affiliationOf(String rolePart, String description) {
    if (description != null && !description.isBlank() && !isOnlyRole(description)) {
      return description;
    }
    if (rolePart == null || rolePart.isBlank()) {
      return null;
    }
    String rest = stripRoleWords(rolePart);
    if (rest.isEmpty()) {
      return null;
    }
    // Short capitals are acronyms ("CNN", "BBC"), not shouted words.
    return rest.matches("[A-Z]{2,5}") ? rest : NameCase.of(rest);
  }

  private static String stripRoleWords(String rolePart) {
    String rest = rolePart;
    for (Pattern p : new Pattern[] {CALLER_WORDS, HOST_WORDS, CORRESPONDENT_WORDS}) {
      Matcher m = p.matcher(rest);
      if (m.find()) {
        // Everything from the role word on ("SENIOR INTERNATIONAL CORRESPONDENT") describes the job, not the
        // employer: keep only what precedes its first qualifying word.
        rest = rest.substring(0, m.start());
      }
    }
    rest = rest.replaceAll("(?i)\\b(senior|chief|international|national|special|foreign|political|white house)\\b.*", "");
    return rest.strip();
  }

  private static boolean isOnlyRole(String text) {
    return stripRoleWords(text).isEmpty()
        && (CALLER_WORDS.matcher(text).find()
            || HOST_WORDS.matcher(text).find()
            || CORRESPONDENT_WORDS.matcher(text).find());
  }
}
