package org.transcriptsearch.speakers;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.transcriptsearch.model.Role;

/**
 * A printed speaker string taken apart, the same way for every source (NPR pages, MediaSum NPR and CNN, the
 * Interview CSVs): "MICHELE KELEMEN, BYLINE", "Senator HILLARY CLINTON (Democrat, New York)", "SEN. CHRIS VAN
 * HOLLEN (D), MARYLAND", "ADM. THAD ALLEN (RET.)", "JOHN KING, CNN ANCHOR, \"INSIDE POLITICS\"", "ANGELA MERKEL,
 * CHANCELLOR, GERMANY (through translator)", "UNIDENTIFIED MAN #2", "JOHN (Caller)".
 *
 * <p>The grammar: a name part (an optional title, the name, an optional suffix such as "Jr.") and, after commas
 * or in brackets, descriptors. Each descriptor is one of: a party, alone or with its state ("(D)", "D-MARYLAND",
 * "(R) SOUTH CAROLINA"; then a state after a comma completes it), "(RET.)", a delivery note (voice-over, on
 * camera, through translator, via telephone, singing, begin videotape...: a cue of the turn), a program in
 * quotation marks, or a position and organisation ("DIRECTOR, NATIONAL INSTITUTE OF ..."). Staff words and
 * networks give the role (see {@link Broadcasters}); a network's staff keep the network as their affiliation, and
 * guests their whole position and organisation. A name part that names no one (a placeholder, a sentence, a
 * fragment of a cue, text with a bracket left open) makes an unidentified speaker.
 *
 * @param name the name in proper case without its title ("Hillary Clinton", "Unidentified Man #2")
 * @param title a title printed before the name ("Senator", "President", "Mr.", "Adm. (Ret.)"), or null
 * @param role what the string says about the speaker's part; {@link Role#GUEST} when it says nothing
 * @param affiliation party and state ("D-Maryland"), network ("CNN"), position and organisation, or a printed
 *     description ("Democrat, New York"); null when none is printed
 * @param cues delivery notes printed in the string, as printed ("(voice-over)"): cues of the turn, not of the person
 */
public record SpeakerLabel(String name, String title, Role role, String affiliation, List<String> cues) {
  /** The name of a speaker whose label names nobody. */
  public static final String NOBODY = "Unidentified Speaker";

  /** Cue fragments printed before a name: "T.V. JOE JOHNS", "V.O. JOHN KING". */
  private static final Pattern LEADING_FRAGMENT =
      Pattern.compile("(?i)^(?:t\\.?\\s?v\\.?|v\\.?\\s?o\\.?|o\\.?\\s?c\\.?|o\\.?\\s?s\\.?|sot)\\s+(?=\\S+\\s+\\S)");
  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final Pattern CALLER = Pattern.compile("(?i)caller(\\s*#?\\s*\\d+)?");

  public SpeakerLabel {
    cues = cues == null ? List.of() : List.copyOf(cues);
  }

  /** A label with no delivery notes. */
  public SpeakerLabel(String name, String title, Role role, String affiliation) {
    this(name, title, role, affiliation, List.of());
  }

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
    String text = SPACES.matcher(label.strip()).replaceAll(" ");
    if (text.endsWith(":")) {
      text = text.substring(0, text.length() - 1).strip();
    }
    if (text.isEmpty()) {
      return null;
    }
    LabelParts parts = LabelParts.of(text);
    if (parts.damaged()) {
      return nobody(List.of());
    }
    Descriptors descriptors = Descriptors.of(parts);
    return named(parts.segments().get(0), descriptors);
  }

  private static SpeakerLabel named(String namePart, Descriptors d) {
    String part = LEADING_FRAGMENT.matcher(namePart).replaceFirst("").strip();
    if (part.isEmpty()) {
      return nobody(d.cues());
    }
    if (GenericLabels.isPlaceholder(part)) {
      return nobody(d.cues());
    }
    if (DeliveryNotes.isNote(part)) {
      // "BEGIN VIDEOTAPE", "SOUNDBITE" where a name should be: a cue of the turn, spoken by no one named.
      List<String> cues = new ArrayList<>(d.cues());
      cues.add(0, part);
      return nobody(cues);
    }
    if (GenericLabels.isUnidentified(part)) {
      return new SpeakerLabel(shouted(part), null, Role.UNIDENTIFIED, d.affiliation(Role.UNIDENTIFIED), d.cues());
    }
    if (CALLER.matcher(part).matches()) {
      return new SpeakerLabel(shouted(part), null, Role.CALLER, d.affiliation(Role.CALLER), d.cues());
    }
    if (Broadcasters.hasStaffWord(part) && Broadcasters.isOnlyStaff(part)) {
      // "HOST:", "ANNOUNCER", "CNN CORRESPONDENT" alone: the part is all the string says.
      Role role = Broadcasters.role(part, true).orElse(Role.CORRESPONDENT);
      String job = Broadcasters.withoutNetworks(part);
      return new SpeakerLabel(shouted(job.isEmpty() ? part : job), null, role, d.affiliation(role, part), d.cues());
    }
    String title = Titles.leading(part).orElse(null);
    String bare = title == null ? part : part.substring(Titles.printedLength(part, title)).strip();
    if (GenericLabels.isNotAName(bare)) {
      return nobody(d.cues());
    }
    String name = KnownNames.repair(NameCase.of(bare)) + d.nameSuffix();
    Role role = d.role();
    return new SpeakerLabel(name, d.title(title), role, d.affiliation(role), d.cues());
  }

  private static SpeakerLabel nobody(List<String> cues) {
    return new SpeakerLabel(NOBODY, null, Role.UNIDENTIFIED, null, cues);
  }

  /** Generic labels in proper case whatever their printed case: "Unidentified Male", "Caller #2". */
  private static String shouted(String text) {
    return NameCase.of(text.toUpperCase(Locale.ROOT));
  }
}
