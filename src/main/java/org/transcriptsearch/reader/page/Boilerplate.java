package org.transcriptsearch.reader.page;

import java.time.LocalDate;
import java.time.Month;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises the lines that sites wrap around a transcript: station blocks, audio players, bylines, publication
 * lines, npr.org player bullets, and the footers after the speech (disclaimers, tags, bios, donation pleas).
 */
final class Boilerplate {
  /** What a header line is. */
  enum Kind {
    /** Not boilerplate: a title, a teaser or speech. */
    NONE,
    /** A station block or audio player line: nothing before it is the story. */
    PLAYER,
    /** A line that comes between the title and the speech ("By X | NPR", "Transcript"). */
    MARKER,
    /** Noise that may sit anywhere in the header (captions, share buttons, date lines). */
    NOISE
  }

  private static final Pattern STATION = Pattern.compile("^(?:©|\\(c\\)|Copyright ©?)\\s*(\\d{4})\\s+(.{2,80})$");
  private static final Pattern PLAYER =
      Pattern.compile(
          "(?i)^(play live radio|next up:?|(0:00\\s*)+|available on air stations|listen live|listen · [\\d:]+|"
              + "live radio|all streams|on air now|playing:?|schedule|donate|menu|search|close|"
              + "public media from .*|npr for .*|news and music for .*|your .*(npr|public radio) station.*)$");
  private static final Pattern MARKER =
      Pattern.compile(
          "(?i)^(transcript|we get support from:?|become a (supporter|sponsor|member)|by [^|]{2,80}\\|\\s*npr|"
              + "by [\\p{Lu}][\\p{L}.'’-]+( [\\p{Lu}][\\p{L}.'’-]+){0,3}( and [\\p{Lu}][\\p{L}.'’ -]+)?|"
              + "originally published on .*|npr logo|[•·]\\s*\\w+.*|<iframe.*|heard on .{3,60}|"
              + "copyright © .*npr.*|.*for personal, noncommercial use only.*|"
              + "npr transcripts are created on a rush deadline.*|audio will be available later today.*)$");
  private static final Pattern NOISE =
      Pattern.compile(
          "(?i)^(enlarge this image|toggle caption|hide caption|share|facebook|twitter|email|flipboard|"
              + "fcc public (inspection )?files?:?.*|photo credits.*:|.*/(getty images|ap|afp|reuters)|"
              + ".* for npr|(updated|published) .*\\d{4}.*|listen|download|embed|playlist)$");
  private static final Pattern CAPTION_MARK =
      Pattern.compile(
          "(?i)^(hide caption|toggle caption|enlarge this image|.{2,80}/(getty images|ap|afp|reuters|npr|"
              + "ap photo|afp via getty images|bloomberg via getty images)|(photo|image|courtesy)( by)?:? .{2,80})$");
  private static final Pattern DATE =
      Pattern.compile(
          "(?i)\\b(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|"
              + "oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?\\s+(\\d{1,2}),?\\s+(\\d{4})");
  private static final Pattern DATE_OR_TIME_LINE =
      Pattern.compile(
          "(?i)^((updated|published|originally published( on)?|aired)\\s+)?(\\w+\\.?\\s+\\d{1,2},?\\s+\\d{4})?"
              + "\\s*(at\\s*)?(\\d{1,2}:\\d{2}\\s*(am|pm|a\\.m\\.|p\\.m\\.)?\\s*(et|est|edt|ct|pt)?)?\\s*$");
  private static final Pattern FOOTER =
      Pattern.compile(
          "(?i)^(npr transcripts are created on a rush deadline.*|tags|related (stories|content).*|more stories.*|"
              + "copyright © .*|© \\d{4} .*|.*journalism at this station is made possible.*|"
              + "(please )?(donate( today| now)?|give now|support (this station|us|npr|local|public))\\b.*|.*(comment|community) (policy|guidelines|rules).*|comments|"
              + "sign up.*newsletter.*|you may also like|recommended|see more.*|to see more, visit.*)$");
  private static final Pattern BIO =
      Pattern.compile(
          "^(\\p{Lu}[\\p{L}'’.-]+(?: \\p{Lu}[\\p{L}'’.-]+){1,3}) (is|has|was|joined|covers|reports|serves|became|"
              + "hosts|co-hosts|began|started|returned)\\b.*");
  private static final Pattern TRANSCRIPT_CREDIT =
      Pattern.compile("(?i)\\s*Transcript provided by NPR,? Copyright NPR\\.?");

  private Boilerplate() {}

  /** What kind of header line {@code p} is. */
  static Kind header(String p) {
    if (station(p).isPresent() || PLAYER.matcher(p).matches()) {
      return Kind.PLAYER;
    }
    if (MARKER.matcher(p).matches()) {
      return Kind.MARKER;
    }
    if (NOISE.matcher(p).matches() || isDateLine(p)) {
      return Kind.NOISE;
    }
    return Kind.NONE;
  }

  /** A line that is only a date or a time ("March 5, 2014", "6:12 PM ET"): never speech. */
  static boolean isDateLine(String p) {
    return p.length() <= 60 && p.chars().anyMatch(Character::isDigit) && DATE_OR_TIME_LINE.matcher(p).matches();
  }

  /** A photo credit or caption toggle: the paragraph before it is a caption, not speech. */
  static boolean isCaptionMark(String p) {
    return CAPTION_MARK.matcher(p).matches();
  }

  /** The station named by a "© 2024 Station Name" line; never used for dates, the year is the crawl year. */
  static Optional<String> station(String p) {
    Matcher m = STATION.matcher(p);
    if (!m.matches() || m.group(2).contains("NPR.")) {
      return Optional.empty();
    }
    return Optional.of(m.group(2).strip());
  }

  /** True for npr.org's own page furniture: player bullets, the embedded player, "NPR logo", its copyright. */
  static boolean isNprOrg(String p) {
    return p.startsWith("•") || p.startsWith("<iframe") || p.equalsIgnoreCase("NPR logo")
        || p.contains("For personal, noncommercial use only");
  }

  /** The date of an "Originally published on ..." line or a date line, if {@code p} is one. */
  static Optional<LocalDate> date(String p) {
    boolean dateLine = isDateLine(p) || p.toLowerCase(Locale.ROOT).startsWith("originally published");
    Matcher m = DATE.matcher(p);
    if (!dateLine || !m.find()) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.of(Integer.parseInt(m.group(3)), month(m.group(1)), Integer.parseInt(m.group(2))));
    } catch (java.time.DateTimeException e) {
      // An impossible date ("February 30") is a damaged line, not a date.
      return Optional.empty();
    }
  }

  private static Month month(String name) {
    String prefix = name.substring(0, 3).toUpperCase(Locale.ROOT);
    for (Month m : Month.values()) {
      if (m.name().startsWith(prefix)) {
        return m;
      }
    }
    throw new java.time.DateTimeException("no month " + name);
  }

  /** True when {@code p}, after the speech has begun, starts the footer: everything from it on is dropped. */
  static boolean isFooter(String p) {
    return FOOTER.matcher(p).matches();
  }

  /** The person a bio paragraph ("Michele Kelemen has been with NPR...") is about, if {@code p} opens like one. */
  static Optional<String> bioSubject(String p) {
    Matcher m = BIO.matcher(p);
    return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
  }

  /** Where "Transcript provided by NPR, Copyright NPR." starts in {@code p}, or -1. */
  static int transcriptCredit(String p) {
    Matcher m = TRANSCRIPT_CREDIT.matcher(p);
    return m.find() ? m.start() : -1;
  }
}
