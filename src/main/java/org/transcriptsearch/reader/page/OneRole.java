package org.transcriptsearch.reader.page;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.transcriptsearch.model.Attribution;
import org.transcriptsearch.model.Role;
import org.transcriptsearch.model.Speaker;
import org.transcriptsearch.model.Turn;

/**
 * One person, one role on a page: a host inferred at the opening and later labelled without a role is a host
 * throughout. A role a label prints (other than the guest a bare name defaults to) wins; else host, if any turn
 * says so; else what the turns say.
 */
final class OneRole {
  private OneRole() {}

  /** {@code turns} with each speaker name given one role. */
  static List<Turn> perPerson(List<Turn> turns) {
    Map<String, Role> roles = new HashMap<>();
    for (Turn t : turns) {
      Role r = t.speaker().role();
      if (r == Role.UNIDENTIFIED) {
        continue;
      }
      Role known = roles.get(t.speaker().name());
      boolean printed = t.attribution() == Attribution.LABELLED && r != Role.GUEST;
      if (known == null || (printed && known == Role.GUEST) || (r == Role.HOST && known == Role.GUEST)) {
        roles.put(t.speaker().name(), r);
      }
    }
    List<Turn> out = new ArrayList<>(turns.size());
    for (Turn t : turns) {
      Speaker s = t.speaker();
      Role role = roles.getOrDefault(s.name(), s.role());
      out.add(role == s.role() ? t : new Turn(t.n(), new Speaker(s.name(), s.label(), role, s.title(), s.affiliation()), t.text(), t.attribution(), t.cues()));
    }
    return out;
  }
}
