package org.transcriptsearch.speakers;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.transcriptsearch.model.Role;

/**
 * What a speaker string says about broadcast staff: the networks and stations it names ("CNN", "CNNMONEY.COM",
 * "NPR", "WBUR-FM") and the staff words that give a role (anchor, host, correspondent, reporter, analyst,
 * contributor, commentator, announcer, caller).
 *
 * <p>Strong staff words (host, anchor, correspondent, reporter, byline, announcer, caller) give their role
 * wherever they are printed. Weaker ones give a staff role only beside a network or station, or alone: "CNN
 * CONTRIBUTOR" and "POLITICAL ANALYST" are the network's analysts, while "SENIOR ANALYST, RAND CORPORATION" is a
 * guest; "NPR SENIOR EDITOR" is staff, "EDITOR, BICYCLING MAGAZINE" a guest.
 */
final class Broadcasters {
  private static final Pattern CALLER = words("caller");
  private static final Pattern ANNOUNCER = words("announcer|narrator|voice\\s+of\\s+god");
  private static final Pattern HOST =
      words("co-?host|guest\\s+host|host|co-?anchor|anchor(?:man|woman)?|moderator|presenter");
  private static final Pattern CORRESPONDENT =
      words("correspondent|reporter|byline|bureau\\s+chief|reporting|meteorologist|weather\\s*(?:man|woman|caster)"
          + "|stringer");
  private static final Pattern ANALYST =
      words("analyst|contributor|commentator|columnist|pundit|contributing\\s+editor");
  /** Newsroom jobs: staff beside a network, otherwise a guest's position. */
  private static final Pattern NEWSROOM =
      words("editor|producer|director|writer|journalist|researcher|editorialist|political\\s+unit|digital");
  private static final String ACRONYM_ROOTS =
      "CNN|HLN|NPR|PBS|BBC|ABC|CBS|NBC|MSNBC|CNBC|ESPN|C-SPAN|CBC|ITN|ITV|UPI|AFP|AP|TBS|TNT|CNNI";
  private static final String WORD_ROOTS = "FOX|SKY|REUTERS|BLOOMBERG|AL\\s+JAZEERA|TRUTV|TELEMUNDO|UNIVISION";
  private static final String NETWORK_TAIL =
      "(?:\\s+(?:NEWS|RADIO|TELEVISION|INTERNATIONAL|WORLDWIDE|EN\\s+ESPA[NÑ]OL|HEADLINE\\s+NEWS|NEWSOURCE"
          + "|CHANNEL|WORLD\\s+SERVICE|NETWORK))*";
  private static final Pattern NETWORK =
      Pattern.compile(
          "(?<![\\p{L}-])(?:(" + ACRONYM_ROOTS + ")(MONEY|I)?|(" + WORD_ROOTS + "))(\\.(?:COM|ORG|NET))?("
              + NETWORK_TAIL + ")(?![\\p{L}])",
          Pattern.CASE_INSENSITIVE);
  /** Station call letters are only taken with their band, since "WEST" or "KING" are words too. */
  private static final Pattern STATION =
      Pattern.compile("(?<![\\p{L}])[KW][A-Z]{2,3}-(?:FM|AM|TV|DT)(?![\\p{L}])|\\bmember\\s+station\\b",
          Pattern.CASE_INSENSITIVE);

  /**
   * Words of a job at a broadcaster that name no organisation of their own: staff words, and what qualifies them
   * ("SENIOR WHITE HOUSE CORRESPONDENT", "CHIEF POLITICAL ANALYST", "GUEST HOST").
   */
  private static final Set<String> JOB_WORDS =
      Set.of("caller", "announcer", "narrator", "host", "co-host", "cohost", "guest", "anchor", "co-anchor",
          "anchorman", "anchorwoman", "moderator", "presenter", "correspondent", "reporter", "byline", "bureau",
          "chief", "reporting", "meteorologist", "weatherman", "weatherwoman", "weathercaster", "stringer",
          "analyst", "contributor", "commentator", "columnist", "pundit", "contributing", "editor", "producer",
          "director", "writer", "journalist", "researcher", "editorialist", "unit", "digital", "senior",
          "international", "national", "special", "foreign", "political", "white", "house", "washington", "legal",
          "medical", "economic", "economics", "business", "financial", "security", "justice", "congressional",
          "pentagon", "capitol", "hill", "state", "department", "global", "affairs", "military", "sports",
          "entertainment", "weather", "investigative", "news", "and", "&", "of", "the", "for", "in", "at", "on",
          "former", "lead", "managing", "executive", "deputy", "associate", "regional", "world", "domestic",
          "health", "science", "tech", "technology", "culture", "arts", "religion", "education", "environment",
          "energy", "transportation", "crime", "court", "supreme", "immigration", "live", "morning", "evening",
          "weekend", "daily", "staff", "team", "member", "station", "male", "female", "another", "other", "second",
          "first", "media", "correspondents", "anchors", "hosts", "co", "god", "voice");
  /** A network or station as one word: "CNN", "CNNMONEY.COM", "HLN", "NPR", "WBUR-FM". */
  private static final Pattern NETWORK_WORD =
      Pattern.compile(
          "(?:(?:" + ACRONYM_ROOTS + ")(?:money|i)?|" + WORD_ROOTS + "|jazeera|espanol|español)"
              + "(?:\\.(?:com|org|net))?|[kw][a-z]{2,3}-(?:fm|am|tv|dt)",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern WORD_BREAK = Pattern.compile("[\\s,;:/\"\u201c\u201d()]+");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  private Broadcasters() {}

  private static Pattern words(String alternatives) {
    return Pattern.compile("(?<![\\p{L}])(?:" + alternatives + ")(?![\\p{L}])", Pattern.CASE_INSENSITIVE);
  }

  /** The networks and stations {@code text} names, in its order, in their usual spelling. */
  static List<String> networks(String text) {
    List<String> found = new ArrayList<>();
    Matcher m = NETWORK.matcher(text);
    while (m.find()) {
      found.add(spelled(m));
    }
    Matcher s = STATION.matcher(text);
    while (s.find()) {
      if (!s.group().toLowerCase(Locale.ROOT).contains("member")) {
        found.add(s.group().toUpperCase(Locale.ROOT));
      }
    }
    return found;
  }

  /** {@code text} without the networks and stations it names: "CNN ANNOUNCER" -> "ANNOUNCER". */
  static String withoutNetworks(String text) {
    String rest = STATION.matcher(NETWORK.matcher(text).replaceAll(" ")).replaceAll(" ").strip();
    return SPACES.matcher(rest).replaceAll(" ");
  }

  /** Whether {@code text} names a network or station. */
  static boolean namesBroadcaster(String text) {
    return NETWORK.matcher(text).find() || STATION.matcher(text).find();
  }

  /**
   * The staff role {@code text} gives, if any.
   *
   * @param staffContext whether a network or station is named beside it, or the text stands alone (no
   *     organisation printed with it), so that weak staff words are the broadcaster's
   */
  static Optional<Role> role(String text, boolean staffContext) {
    if (CALLER.matcher(text).find()) {
      return Optional.of(Role.CALLER);
    }
    if (ANNOUNCER.matcher(text).find()) {
      return Optional.of(Role.ANNOUNCER);
    }
    if (HOST.matcher(text).find()) {
      return Optional.of(Role.HOST);
    }
    if (CORRESPONDENT.matcher(text).find()) {
      return Optional.of(Role.CORRESPONDENT);
    }
    if (staffContext && ANALYST.matcher(text).find()) {
      return Optional.of(Role.ANALYST);
    }
    if (staffContext && NEWSROOM.matcher(text).find() && namesBroadcaster(text)) {
      return Optional.of(Role.CORRESPONDENT);
    }
    return Optional.empty();
  }

  /** Whether {@code text} holds a staff word of any strength. */
  static boolean hasStaffWord(String text) {
    for (Pattern p : new Pattern[] {CALLER, ANNOUNCER, HOST, CORRESPONDENT, ANALYST}) {
      if (p.matcher(text).find()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@code text} is only staff words, networks and their qualifiers ("CNN SENIOR POLITICAL ANALYST",
   * "BYLINE", "host"): a job at a broadcaster, with no organisation of its own.
   */
  static boolean isOnlyStaff(String text) {
    for (String word : WORD_BREAK.split(text.strip())) {
      String w = trimmed(word).toLowerCase(Locale.ROOT);
      if (!w.isEmpty() && !JOB_WORDS.contains(w) && !NETWORK_WORD.matcher(w).matches()) {
        return false;
      }
    }
    return true;
  }

  /** {@code word} without the full stops, hyphens and apostrophes around it. */
  private static String trimmed(String word) {
    int start = 0;
    int end = word.length();
    while (start < end && ".-'".indexOf(word.charAt(start)) >= 0) {
      start++;
    }
    while (end > start && ".-'".indexOf(word.charAt(end - 1)) >= 0) {
      end--;
    }
    return word.substring(start, end);
  }

  private static String spelled(Matcher m) {
    String printed = m.group();
    if (!NameCase.isShouting(printed)) {
      return printed.strip();
    }
    String root = m.group(1) != null ? m.group(1).toUpperCase(Locale.ROOT) : NameCase.of(m.group(3));
    String glued = m.group(2) == null ? "" : NameCase.of(m.group(2));
    String domain = m.group(4) == null ? "" : m.group(4).toLowerCase(Locale.ROOT);
    String tail = m.group(5).isBlank() ? "" : " " + NameCase.of(m.group(5));
    return root + glued + domain + tail;
  }
}
