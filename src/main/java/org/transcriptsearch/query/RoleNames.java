package org.transcriptsearch.query;

import java.util.Map;
import java.util.Optional;
import org.transcriptsearch.model.Role;
import org.transcriptsearch.text.Folding;

/**
 * The words people use for a speaker's role, in a query ({@code role:reporter}) and in the {@code role} parameter
 * alike: "reporter" is a correspondent, "anchor" a host, "newsmaker" a guest.
 */
public final class RoleNames {
  private static final Map<String, Role> SYNONYMS =
      Map.ofEntries(
          Map.entry("host", Role.HOST),
          Map.entry("hosts", Role.HOST),
          Map.entry("anchor", Role.HOST),
          Map.entry("presenter", Role.HOST),
          Map.entry("correspondent", Role.CORRESPONDENT),
          Map.entry("correspondents", Role.CORRESPONDENT),
          Map.entry("reporter", Role.CORRESPONDENT),
          Map.entry("reporters", Role.CORRESPONDENT),
          Map.entry("journalist", Role.CORRESPONDENT),
          Map.entry("byline", Role.CORRESPONDENT),
          Map.entry("guest", Role.GUEST),
          Map.entry("guests", Role.GUEST),
          Map.entry("newsmaker", Role.GUEST),
          Map.entry("interviewee", Role.GUEST),
          Map.entry("caller", Role.CALLER),
          Map.entry("callers", Role.CALLER),
          Map.entry("listener", Role.CALLER),
          Map.entry("unidentified", Role.UNIDENTIFIED),
          Map.entry("unknown", Role.UNIDENTIFIED),
          Map.entry("anonymous", Role.UNIDENTIFIED),
          Map.entry("analyst", Role.ANALYST),
          Map.entry("analysts", Role.ANALYST),
          Map.entry("commentator", Role.ANALYST),
          Map.entry("contributor", Role.ANALYST),
          Map.entry("announcer", Role.ANNOUNCER),
          Map.entry("announcers", Role.ANNOUNCER));

  private RoleNames() {}

  /** The role {@code typed} names, any case, if any. */
  public static Optional<Role> find(String typed) {
    return Optional.ofNullable(SYNONYMS.get(Folding.fold(typed.strip())));
  }

  /**
   * The role {@code typed} names.
   *
   * @throws IllegalArgumentException listing the accepted words when it names none
   */
  public static Role of(String typed) {
    return find(typed)
        .orElseThrow(
            () -> new IllegalArgumentException(
                "unknown role '" + typed + "' (expected host, correspondent, guest, caller, unidentified, analyst or"
                    + " announcer; also anchor, reporter, newsmaker, listener, anonymous, commentator)"));
  }
}
