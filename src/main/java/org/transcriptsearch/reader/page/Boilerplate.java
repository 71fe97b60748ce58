package org.transcriptsearch.reader.page;

import java.time.LocalDate;
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
              + "originally published on .*|npr logo|[•·]\\s*\\S.*|(embed\\s*)?<iframe.*|heard on .{3,60}|"
              + "embed( code)?:?|.*copy(/| and |-)paste the following code.*|<[a-z]+[\\s>].*|"
              + "copyright ©? ?(\\d{4} )?npr.*|.*for personal, noncommercial use only.*|"
              + "on-air challenge:.*|(last|next|this) week'?’?s challenge:.*|winners?:.*|submit your answer.*|"
              + "if you know the answer.*|.*listeners whose answers are correct.*|"
              + "npr transcripts are created on a rush deadline.*|audio will be available later today.*)$");
  private static final Pattern NOISE =
      Pattern.compile(
          "(?i)^(enlarge this image|toggle caption|hide caption|share|facebook|twitter|email|flipboard|"
              + "fcc public (inspection )?files?:?.*|photo credits.*:|.*/(getty images|ap|afp|reuters)|"
              + ".* for npr|(updated|published) .*\\d{4}.*|listen|download|embed|playlist|"
              + "print( friendly| this( page| story)?| version)?|printer[ -]friendly( version)?|"
              + "(https?://|www\\.)\\S+|(featured |this hour'?s |today'?s )?(guests?|panelists?)( this hour)?:?|originally (broadcast|aired) .*\\d{4}\\.?)$");
  private static final Pattern CAPTION_MARK =
      Pattern.compile(
          "(?i)^(hide caption|toggle caption|enlarge this image|.{2,80}/(getty images|ap|afp|reuters|npr|"
              + "ap photo|afp via getty images|bloomberg via getty images)|(photo|image|courtesy)( by)?:? .{2,80})$");
  private static final Pattern DATE_OR_TIME_LINE =
      Pattern.compile(
          "(?i)^((updated|published|originally (published|broadcast|aired)( on)?|aired)\\s+)?(\\w+\\.?\\s+\\d{1,2},?\\s+\\d{4})?"
              + "\\s*(at\\s*)?(\\d{1,2}:\\d{2}\\s*(am|pm|a\\.m\\.|p\\.m\\.)?\\s*(et|est|edt|ct|pt)?)?\\s*$");
  private static final Pattern FOOTER =
      Pattern.compile(
          "(?i)^(npr transcripts are created on a rush deadline.*|tags|related (stories|content).*|more stories.*|"
              + "copyright © .*|copyright\\s*(©\\s*)?(\\d{4}\\s*)?npr\\b.*|copyright\\s*(©\\s*)?\\d{4}\\b.*|© ?\\d{4} .*|.*journalism at this station is made possible.*|"
              + "(please )?(donate( today| now)?|give now|support (this station|us|npr|local|public))\\b.*|.*(comment|community) (policy|guidelines|rules).*|comments|"
              + "sign up.*newsletter.*|you may also like|recommended|see more.*|to see more, visit.*)$");
  private static final Pattern BIO =
      Pattern.compile(
          "^(\\p{Lu}[\\p{L}'’.-]+(?: \\p{Lu}[\\p{L}'’.-]+){1,3}) (is|has|was|joined|covers|reports|serves|became|"
              + "hosts|co-hosts|began|started|returned)\\b.*");
  /** The credit sites glue to the last spoken paragraph, in its "©"-less forms too: cut it, keep the speech. */
  private static final Pattern TRANSCRIPT_CREDIT =
      Pattern.compile(
          "(?i)\\s*(Transcript provided by NPR,? Copyright NPR\\.?|"
              + "Copyright (© ?)?(\\d{4} )?NPR\\.? *(To see more, visit|View this article on)\\b.*$)");
  private static final Pattern LINK_LINE =
      Pattern.compile("(?i)^((https?://|www\\.)\\S+|print( friendly| this( page| story)?)?|printer[ -]friendly( version)?)$");
  private static final Pattern GUEST_LINE =
      Pattern.compile(
          "^(?:(?:Dr|Prof|Rep|Sen|Gov|Mr|Ms|Mrs)\\.? )?\\p{Lu}[\\p{L}.'’-]+(?: \\p{Lu}[\\p{L}.'’-]+){1,3}, [^.!?]*"
              + "\\b(?!(?:of|the|and|in|on|at|for|to|a|an|by|with|from)\\b)\\p{Ll}{3,}[^.!?]*\\.?$");
  /** Puzzle pages' web copy: the challenges and how to enter, never said on the air in this form. */
  private static final Pattern WEB_COPY =
      Pattern.compile(
          "(?i)^(on-air challenge:.*|(last|next|this) week'?’?s challenge:.*|submit your answer\\.?|"
              + "if you know the answer.*(submit it|important:|phone number|listeners whose).*|"
              + ".*listeners whose answers are correct.*|important: include a phone number.*)$");

  private Boilerplate() {}

  /** What kind of header line {@code p} is. */
  static Kind header(String p) {
    if (station(p).isPresent() || PLAYER.matcher(p).matches()) {
      return Kind.PLAYER;
    }
    if (MARKER.matcher(p).matches() || HeaderFacts.isProgramAndDate(p)) {
      return Kind.MARKER;
    }
    if (NOISE.matcher(p).matches() || isDateLine(p) || (p.length() <= 160 && PageDates.broadcast(p).isPresent())) {
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
    if (!m.matches() || m.group(2).contains("NPR.") || m.group(2).matches("(?i)npr\\b.*")) {
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
    String lower = p.toLowerCase(Locale.ROOT);
    boolean dateLine = isDateLine(p) || lower.startsWith("originally published") || lower.startsWith("published ");
    return dateLine ? PageDates.in(p) : Optional.empty();
  }

  /**
   * True when {@code p} reads like a line of a guest list, "Name Surname, role, organisation": a name, a comma,
   * and words in lower case, which titles in title case do not have.
   */
  static boolean isGuestLine(String p) {
    return p.length() <= 200 && GUEST_LINE.matcher(p).matches();
  }

  /** A line that is only an address or a print link: page furniture wherever it sits, never speech. */
  static boolean isLinkLine(String p) {
    return LINK_LINE.matcher(p).matches();
  }

  /** True for puzzle pages' web copy ("On-Air Challenge: ...", "Submit Your Answer"): never speech. */
  static boolean isWebCopy(String p) {
    return WEB_COPY.matcher(p).matches();
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
