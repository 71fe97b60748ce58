package org.transcriptsearch.speakers;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.transcriptsearch.model.Role;

/**
 * What a speaker string prints besides the name, read piece by piece (see {@link SpeakerLabel} for the grammar):
 * party and state, retirement, delivery notes, programs in quotation marks, name suffixes, and the positions and
 * organisations left over. Built once per label and not shared.
 */
final class Descriptors {
  private static final Pattern RETIRED = Pattern.compile("(?i)ret\\.?|retired");
  private static final Pattern SUFFIX = Pattern.compile("(?i)(jr|sr|ii|iii|iv)\\.?");
  private static final Pattern DEGREE = Pattern.compile("(?i)m\\.?\\s?d\\.?|ph\\.?\\s?d\\.?|esq\\.?|r\\.?n\\.?|d\\.?o\\.?");
  private static final Pattern QUOTED = Pattern.compile("[\"\u201c](.+)[\"\u201d]");
  /** Roles in the order one string's words are believed: "CNN ANCHOR AND CORRESPONDENT" is a host. */
  private static final List<Role> PRECEDENCE =
      List.of(Role.CALLER, Role.ANNOUNCER, Role.HOST, Role.CORRESPONDENT, Role.ANALYST);

  private final List<String> cues = new ArrayList<>();
  private final List<String> positions = new ArrayList<>();
  private final List<String> shows = new ArrayList<>();
  private Parties.Party party;
  private boolean retired;
  private String suffix = "";

  private Descriptors() {}

  /** The descriptors of {@code parts}: its bracketed groups and every segment after the name part. */
  static Descriptors of(LabelParts parts) {
    Descriptors d = new Descriptors();
    for (String group : parts.groups()) {
      d.group(group);
    }
    for (String segment : parts.segments().subList(1, parts.segments().size())) {
      d.segment(segment);
    }
    return d;
  }

  private void group(String group) {
    if (group.isEmpty()) {
      return;
    }
    if (DeliveryNotes.isNote(group)) {
      cues.add("(" + group + ")");
    } else if (RETIRED.matcher(group).matches()) {
      retired = true;
    } else if (party == null && Parties.of(group).isPresent()) {
      party = Parties.of(group).orElseThrow();
    } else {
      // An NPR-style description, "(Biology, McMaster University)", is read as printed, piece by piece.
      positions.add(group);
    }
  }

  private void segment(String segment) {
    if (segment.isEmpty()) {
      return;
    }
    Optional<Parties.Party> printed = Parties.of(segment);
    Matcher quoted = QUOTED.matcher(segment);
    if (SUFFIX.matcher(segment).matches()) {
      suffix = " " + NameCase.of(segment.toUpperCase(Locale.ROOT));
    } else if (DEGREE.matcher(segment).matches() || RETIRED.matcher(segment).matches()) {
      retired |= RETIRED.matcher(segment).matches();
    } else if (printed.isPresent() && party == null) {
      party = printed.get();
    } else if (party != null && party.state() == null && UsStates.named(segment).isPresent()) {
      party = party.withState(UsStates.named(segment).get());
    } else if (DeliveryNotes.isNote(segment)) {
      cues.add(segment);
    } else if (quoted.matches()) {
      shows.add(Affiliations.spelled(quoted.group(1)));
    } else {
      positions.add(segment);
    }
  }

  /** The delivery notes, in order. */
  List<String> cues() {
    return List.copyOf(cues);
  }

  /** " Jr." and the like, for the end of the name; "" when none is printed. */
  String nameSuffix() {
    return suffix;
  }

  /** {@code title}, marked retired when the string says so: "Adm. (Ret.)". */
  String title(String title) {
    if (!retired) {
      return title;
    }
    return title == null ? "(Ret.)" : title + " (Ret.)";
  }

  /** The role the descriptors give, or {@link Role#GUEST}. */
  Role role() {
    boolean broadcaster = positions.stream().anyMatch(Broadcasters::namesBroadcaster);
    boolean onlyStaff = !positions.isEmpty() && positions.stream().allMatch(Broadcasters::isOnlyStaff);
    Set<Role> found = EnumSet.noneOf(Role.class);
    for (String position : positions) {
      Broadcasters.role(position, broadcaster || onlyStaff).ifPresent(found::add);
    }
    for (Role role : PRECEDENCE) {
      if (found.contains(role)) {
        return role;
      }
    }
    // "POPPY HARLOW, CNNMONEY.COM": a network and nothing else is the network's own reporter.
    return broadcaster && onlyStaff ? Role.CORRESPONDENT : Role.GUEST;
  }

  /** The affiliation of a speaker of {@code role}. */
  String affiliation(Role role) {
    return affiliation(role, null);
  }

  /**
   * The affiliation of a speaker of {@code role}: party and state, then for staff the networks their positions
   * name (the job title is the role) and for everyone else the positions as printed, then programs.
   *
   * @param namePart a name part that is itself a staff description ("CNN CORRESPONDENT"), or null
   */
  String affiliation(Role role, String namePart) {
    Set<String> parts = new LinkedHashSet<>();
    if (party != null) {
      parts.add(party.printed());
    }
    if (namePart != null) {
      parts.addAll(Broadcasters.networks(namePart));
    }
    for (String position : positions) {
      // A guest's "SENIOR ANALYST" is their position; anyone else's staff words are said by the role.
      if (role != Role.GUEST && Broadcasters.isOnlyStaff(position)) {
        parts.addAll(Broadcasters.networks(position)); // "CNN SENIOR CORRESPONDENT": the role says the rest
      } else {
        parts.add(Affiliations.spelled(position));
      }
    }
    parts.addAll(shows);
    return parts.isEmpty() ? null : String.join(", ", parts);
  }
}
