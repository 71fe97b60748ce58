package org.transcriptsearch.reader.page;

import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.transcriptsearch.model.AirDates;

/**
 * The dates a page prints or its address carries: "March 5, 2014", "Sept. 8, 2013", "8 December 2013", an
 * address's {@code /2014/03/05/}, and "Originally broadcast July 23, 2013", which names the air date itself.
 *
 * <p>These find a date inside a page's text; a date field on its own is read by {@link AirDates}, which also
 * names the months and says which days are days.
 */
final class PageDates {
  private static final String MONTH =
      "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|"
          + "oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
  private static final Pattern MONTH_DAY_YEAR = Pattern.compile("(?i)\\b" + MONTH + "\\s+(\\d{1,2}),?\\s+(\\d{4})\\b");
  private static final Pattern DAY_MONTH_YEAR = Pattern.compile("(?i)\\b(\\d{1,2})\\s+" + MONTH + ",?\\s+(\\d{4})\\b");
  /** npr.org puts the publication day in the path (/2014/03/05/286476200/slug), station sites often /2014-03-05/slug. */
  private static final Pattern ADDRESS_DATE =
      Pattern.compile("/((?:19|20)\\d{2})([/-])(\\d{1,2})\\2(\\d{1,2})(?=/|$|[?#-])");
  /**
   * "Originally broadcast July 23, 2013", "This interview originally aired on May 8, 2008.", "This segment aired on
   * October 9, 2014.", "Aired: ..." : a note of when the piece went out.
   */
  private static final Pattern BROADCAST =
      Pattern.compile(
          "(?i)(?:\\boriginally\\s+(?:broadcast|aired|heard)|\\b(?:segment|story|interview|program|programme|episode|"
              + "conversation|show|report|piece)\\s+(?:was\\s+|first\\s+)*(?:broadcast|aired)|^\\W*(?:first\\s+)?(?:aired|"
              + "broadcast|air date):?)\\s+(?:on\\s+)?(?:\\w+day,?\\s+)?");

  private PageDates() {}

  /** The first date written out in {@code text}, month first or day first; impossible dates are no date. */
  static Optional<LocalDate> in(String text) {
    Matcher m = MONTH_DAY_YEAR.matcher(text);
    Optional<LocalDate> monthFirst = m.find() ? date(m.group(3), month(m.group(1)), m.group(2)) : Optional.empty();
    if (monthFirst.isPresent()) {
      return monthFirst;
    }
    Matcher d = DAY_MONTH_YEAR.matcher(text);
    return d.find() ? date(d.group(3), month(d.group(2)), d.group(1)) : Optional.empty();
  }

  /**
   * The date in an address's path ({@code https://www.npr.org/2014/03/05/286476200/slug} or a station's {@code
   * /news/2014-03-05/slug}), if it has one.
   */
  static Optional<LocalDate> ofAddress(String address) {
    if (address == null) {
      return Optional.empty();
    }
    Matcher m = ADDRESS_DATE.matcher(address);
    return m.find() ? date(m.group(1), m.group(3), m.group(4)) : Optional.empty();
  }

  /** The air date an "Originally broadcast/aired DATE" note in {@code text} gives, if it has one. */
  static Optional<LocalDate> broadcast(String text) {
    Matcher m = BROADCAST.matcher(text);
    while (m.find()) {
      String after = text.substring(m.end(), Math.min(text.length(), m.end() + 40));
      Optional<LocalDate> date = in(after).filter(d -> startsWithDate(after));
      if (date.isPresent()) {
        return date;
      }
    }
    return Optional.empty();
  }

  private static boolean startsWithDate(String text) {
    Matcher m = MONTH_DAY_YEAR.matcher(text);
    Matcher d = DAY_MONTH_YEAR.matcher(text);
    return (m.find() && m.start() == 0) || (d.find() && d.start() == 0);
  }

  private static Optional<LocalDate> date(String year, String month, String day) {
    return AirDates.date(year, month, day);
  }

  private static String month(String name) {
    return String.valueOf(AirDates.month(name).orElseThrow(() -> new IllegalArgumentException("no month " + name)));
  }
}
