package org.transcriptsearch.search;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How a quote is cited and linked: "Michele Kelemen, correspondent, on All Things Considered, March 5, 2014" and the
 * page address of its turn. Built only from what the index holds; a part that is unknown is left out.
 */
public final class Citations {
  private static final DateTimeFormatter NEWSROOM_DATE = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.US);

  private Citations() {}

  /**
   * The citation of a turn. The printed title and affiliation describe the speaker when there are any ("Foreign
   * Minister"); otherwise the role does for those whose role is their job on air (host, correspondent, caller),
   * while a guest or an unidentified voice gets no description rather than an invented one.
   *
   * @param name the speaker's display name; the only part that is required
   */
  public static String of(
      String name, String role, String title, String affiliation, String program, LocalDate date) {
    List<String> parts = new ArrayList<>();
    parts.add(name == null || name.isBlank() ? "Unidentified speaker" : name);
    String described = description(role, title, affiliation);
    if (described != null) {
      parts.add(described);
    }
    if (program != null && !program.isBlank()) {
      parts.add("on " + program);
    }
    if (date != null) {
      parts.add(NEWSROOM_DATE.format(date));
    }
    return String.join(", ", parts);
  }

  private static String description(String role, String title, String affiliation) {
    List<String> printed = new ArrayList<>();
    if (title != null && !title.isBlank()) {
      printed.add(title.strip());
    }
    if (affiliation != null && !affiliation.isBlank()) {
      printed.add(affiliation.strip());
    }
    if (!printed.isEmpty()) {
      return String.join(", ", printed);
    }
    return role != null && (role.equals("host") || role.equals("correspondent") || role.equals("caller"))
        ? role
        : null;
  }

  /** The web page's address of turn {@code turn} of transcript {@code episodeId}, relative to the server. */
  public static String permalink(String episodeId, int turn) {
    return "/?episode=" + URLEncoder.encode(episodeId, StandardCharsets.UTF_8) + "&turn=" + turn;
  }
}
