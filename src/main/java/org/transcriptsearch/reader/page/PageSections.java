package org.transcriptsearch.reader.page;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.transcriptsearch.reader.page.Boilerplate.Kind;
import org.transcriptsearch.reader.page.PageLines.Paragraph;

/**
 * Divides a page's paragraphs into header, speech and footer, and reads what the header says: the story title,
 * the date, the site and a program named outside the speech.
 *
 * @param title the story title, " : Program" suffix removed; null when the page has none
 * @param date the air or publication date printed in the header, or null
 * @param source the station of the "© YEAR Station" line, "npr.org" for npr.org layouts, or null
 * @param programHint a program named by the header or title suffix ("Heard on Morning Edition"), or null
 * @param speech the speech paragraphs, footer cut off and the NPR transcript credit removed
 * @param address an address line printed in the header (a page saved with its address), or null
 */
record PageSections(
    String title, LocalDate date, String source, String programHint, List<Paragraph> speech, String address) {

  private static final Pattern BYLINE_NAME =
      Pattern.compile("\\p{Lu}[\\p{L}.'’-]+(?: \\p{Lu}[\\p{L}.'’-]+){1,3}(?:(?:,| \\|) NPR(?: News)?)?");
  private static final Pattern BROADCAST_NOTE =
      Pattern.compile("(?i)^\\W*(\\w+ ){0,4}(was )?(originally |first )?(broadcast|aired|heard|air date)\\b");

  /**
   * Divides {@code paragraphs}.
   *
   * @param isPageSpeaker whether a name belongs to someone who speaks on the page, to recognise their bio
   * @param isHostLabel whether a printed label names a host, to recognise a teaser before the host's first turn
   * @param titleHint a title known from elsewhere (an HTML heading), or null
   */
  static PageSections of(
      List<Paragraph> paragraphs, Predicate<String> isPageSpeaker, Predicate<String> isHostLabel, String titleHint) {
    List<String> texts = paragraphs.stream().map(Paragraph::text).toList();
    int firstLabel = firstLabel(texts);
    int lastHard = -1;
    int lastPlayer = -1;
    for (int i = 0; i < firstLabel; i++) {
      Kind kind = Boilerplate.header(texts.get(i));
      lastHard = kind == Kind.PLAYER || kind == Kind.MARKER ? i : lastHard;
      lastPlayer = kind == Kind.PLAYER ? i : lastPlayer;
    }
    String teaser = teaser(texts, firstLabel);
    String title = null;
    int start = firstLabel;
    for (int i = lastHard + 1; i < firstLabel; i++) {
      String p = texts.get(i);
      if (Boilerplate.header(p) != Kind.NONE || isTeaser(p, teaser) || (i == 0 && teaser != null)
          || isCaption(texts, i, firstLabel) || isGuestList(texts, i, firstLabel) || isByline(p, isPageSpeaker)) {
        continue;
      }
      // Right after the station block or byline, a short line is the title even in sentence case with a "?".
      boolean firstAfterHeader = title == null && lastHard >= 0 && p.length() <= 150 && !p.endsWith(".");
      if (!isTitleLike(p) && !(firstAfterHeader && LabelMatcher.find(p).isEmpty() && !Cues.isOnlyCues(p))) {
        start = i;
        break;
      }
      title = p;
    }
    start = Teasers.skip(texts, start, firstLabel, isHostLabel);
    if (title == null) {
      title = lastTitleBefore(texts, lastHard, lastPlayer);
    }
    title = repeatedTitle(texts.subList(0, start)).orElse(title);
    if (titleHint != null) {
      title = titleHint;
    }
    String[] titleAndProgram = splitProgramSuffix(withProgramSuffix(texts.subList(0, firstLabel), title));
    HeaderFacts facts = HeaderFacts.read(texts.subList(0, start));
    String program = titleAndProgram[1] != null ? titleAndProgram[1] : facts.program();
    LocalDate date = broadcastDate(texts).orElse(facts.date());
    return new PageSections(
        titleAndProgram[0], date, facts.source(), program, speech(paragraphs, start, isPageSpeaker), facts.address());
  }

  /**
   * The headline as the header repeats it (npr.org prints it two or three times, once run together with the
   * teaser): more telling than position, which players, widgets and guest lists disturb.
   */
  private static Optional<String> repeatedTitle(List<String> header) {
    for (int i = 0; i < header.size(); i++) {
      String p = header.get(i);
      if (Boilerplate.header(p) != Kind.NONE || !isTitleLike(p) || p.length() < 12) {
        continue;
      }
      for (int j = 0; j < header.size(); j++) {
        String q = header.get(j);
        if (j != i && (q.equals(p) || q.startsWith(p + " : ") || (q.startsWith(p + " ") && q.length() > p.length() + 20))) {
          return Optional.of(p);
        }
      }
    }
    return Optional.empty();
  }

  /** "Originally broadcast July 23, 2013" anywhere on the page: the air date itself, so it wins. */
  private static Optional<LocalDate> broadcastDate(List<String> texts) {
    for (String p : texts) {
      Optional<LocalDate> date = PageDates.broadcast(p);
      if (date.isPresent()) {
        return date;
      }
    }
    return Optional.empty();
  }

  private static int firstLabel(List<String> texts) {
    for (int i = 0; i < texts.size(); i++) {
      if (Boilerplate.header(texts.get(i)) == Kind.NONE && LabelMatcher.find(texts.get(i)).isPresent()) {
        return i;
      }
    }
    return texts.size();
  }

  /**
   * npr.org runs the title and the teaser together on the first line; the teaser is then what follows a title
   * that the page repeats on a line of its own.
   */
  private static String teaser(List<String> texts, int end) {
    if (texts.isEmpty()) {
      return null;
    }
    String first = texts.get(0);
    for (int i = 1; i < end; i++) {
      String t = texts.get(i);
      if (isTitleLike(t) && first.length() > t.length() + 20 && first.startsWith(t)) {
        return first.substring(t.length()).strip();
      }
    }
    return null;
  }

  /** A photo caption: followed by its credit line or a "hide caption" toggle. */
  private static boolean isCaption(List<String> texts, int i, int end) {
    return Boilerplate.isCaptionMark(texts.get(i))
        || (i + 1 < end && Boilerplate.isCaptionMark(texts.get(i + 1)) && !isTitleLike(texts.get(i)));
  }

  /** A byline that is only the reporter's name ("Michele Kelemen"), someone who speaks on the page. */
  private static boolean isByline(String p, Predicate<String> isPageSpeaker) {
    return p.length() <= 60 && BYLINE_NAME.matcher(p).matches() && isPageSpeaker.test(p.replaceFirst("(,| \\|) NPR.*$", ""));
  }

  /**
   * A line of a guest list: a "Name, role, organisation" line with two commas, or one beside another such line
   * or under a "Guests" heading.
   */
  private static boolean isGuestList(List<String> texts, int i, int end) {
    String p = texts.get(i);
    if (!Boilerplate.isGuestLine(p)) {
      return false;
    }
    boolean twoCommas = p.indexOf(',') != p.lastIndexOf(',');
    boolean after = i > 0 && (Boilerplate.isGuestLine(texts.get(i - 1)) || texts.get(i - 1).matches("(?i).*guests?:?"));
    boolean before = i + 1 < end && Boilerplate.isGuestLine(texts.get(i + 1));
    return twoCommas || after || before;
  }

  private static boolean isTeaser(String p, String teaser) {
    return teaser != null && (p.equals(teaser) || p.startsWith(teaser) || teaser.startsWith(p));
  }

  private static String lastTitleBefore(List<String> texts, int lastHard, int lastPlayer) {
    for (int i = lastHard - 1; i > lastPlayer; i--) {
      if (Boilerplate.header(texts.get(i)) == Kind.NONE && isTitleLike(texts.get(i))) {
        return texts.get(i);
      }
    }
    return null;
  }

  /** Short, no closing full stop, and, when it closes with ? or !, mostly capitalised words. */
  static boolean isTitleLike(String p) {
    if (p.length() < 3 || p.length() > 200 || p.endsWith(".") || p.endsWith(":") || p.endsWith(",")) {
      return false;
    }
    String[] words = p.split("\\s+");
    if (words.length > 30 || LabelMatcher.find(p).isPresent() || Cues.isOnlyCues(p)) {
      return false;
    }
    if (p.endsWith("?") || p.endsWith("!") || p.endsWith("\"") || p.endsWith("”")) {
      long capitalised = java.util.Arrays.stream(words).filter(w -> Character.isUpperCase(w.codePointAt(0))).count();
      return capitalised * 10 >= words.length * 6L;
    }
    return true;
  }

  /** The header's "Title : Program Name" form of {@code title}, when podcast pages print one. */
  private static String withProgramSuffix(List<String> header, String title) {
    if (title == null || title.contains(" : ")) {
      return title;
    }
    return header.stream().filter(p -> p.startsWith(title + " : ")).findFirst().orElse(title);
  }

  /** "Title : Program Name" -> {"Title", "Program Name" when it is a known program}. */
  private static String[] splitProgramSuffix(String title) {
    if (title == null) {
      return new String[] {null, null};
    }
    // Browser titles end with the site: "Story : Up First : NPR".
    title = title.replaceFirst("\\s+[:|\\-–]\\s+NPR\\s*$", "");
    int at = title.lastIndexOf(" : ");
    if (at <= 0 || title.length() - at > 70) {
      return new String[] {title.strip(), null};
    }
    String suffix = title.substring(at + 3).strip();
    return new String[] {title.substring(0, at).strip(), ProgramNames.named(suffix).orElse(null)};
  }

  /** The speech paragraphs from {@code start}: footer and credit removed, stray date lines dropped. */
  private static List<Paragraph> speech(List<Paragraph> paragraphs, int start, Predicate<String> isPageSpeaker) {
    List<Paragraph> out = new ArrayList<>();
    int lastLabel = lastLabel(paragraphs);
    for (int i = start; i < paragraphs.size(); i++) {
      Paragraph p = paragraphs.get(i);
      int credit = Boilerplate.transcriptCredit(p.text());
      if (credit >= 0) {
        String before = p.text().substring(0, credit).strip();
        if (!before.isEmpty()) {
          out.add(new Paragraph(before, p.gapBefore()));
        }
        break;
      }
      if (isFooterFrom(p.text(), i, lastLabel, isPageSpeaker)) {
        break;
      }
      if (Boilerplate.isWebCopy(p.text()) && i > lastLabel) {
        break;
      }
      if (!Boilerplate.isDateLine(p.text()) && !Boilerplate.isNprOrg(p.text()) && !Boilerplate.isWebCopy(p.text())
          && !isBroadcastNote(p.text()) && !Boilerplate.isLinkLine(p.text())) {
        out.add(p);
      }
    }
    return out;
  }

  /** An editor's note that only says when the piece first aired ("This interview originally aired May 8, 2008."). */
  private static boolean isBroadcastNote(String p) {
    return p.length() <= 160 && PageDates.broadcast(p).isPresent() && BROADCAST_NOTE.matcher(p).find();
  }

  private static boolean isFooterFrom(String p, int i, int lastLabel, Predicate<String> isPageSpeaker) {
    if (LabelMatcher.find(p).isPresent()) {
      return false;
    }
    if (Boilerplate.isFooter(p)) {
      return true;
    }
    return i > lastLabel && Boilerplate.bioSubject(p).filter(isPageSpeaker).isPresent();
  }

  private static int lastLabel(List<Paragraph> paragraphs) {
    for (int i = paragraphs.size() - 1; i >= 0; i--) {
      if (LabelMatcher.find(paragraphs.get(i).text()).isPresent()) {
        return i;
      }
    }
    return -1;
  }
}
