package org.transcriptsearch.model;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Air dates as the collections and pages print them, read into one ISO date. Every reader of a date goes through
 * here, so a date reads the same whatever the source.
 *
 * <p>Read: ISO dates with or without zero padding ({@code 2013-5-13}, {@code 2013-05-13}), with {@code /} or
 * {@code .} between the parts, followed by a time ({@code 2013-05-13T00:00:00}, {@code 2013-05-13 00:00:00Z});
 * {@code 20130513}; US numeric dates, month first ({@code 5/13/2013}, {@code 05-13-2013}; day first only when the
 * first number cannot be a month); month names, full or abbreviated, in either order, with or without a weekday,
 * an ordinal or a time after ({@code June 10, 2008}, {@code Tue., Jun. 10th 2008}, {@code 10 June 2008},
 * {@code June 10, 2008 5:00 AM ET}). Anything else, an impossible day ({@code 2013-02-30}) or a year outside
 * 1900-2100 is not a date.
 */
public final class AirDates {
  private static final Pattern ISO =
      Pattern.compile("(\\d{4})([-/.])(\\d{1,2})\\2(\\d{1,2})(?:(?:[TZ ]|$).*)?", Pattern.DOTALL);
  private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
  private static final Pattern NUMERIC_US = Pattern.compile("(\\d{1,2})([-/.])(\\d{1,2})\\2(\\d{4})");
  private static final String WEEKDAY =
      "(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\\.?|(?:mon|tues|wednes|thurs|fri|satur|sun)day),?\\s+";
  private static final String MONTH = "([a-z]{3,9})\\.?";
  private static final String DAY = "(\\d{1,2})(?:st|nd|rd|th)?";
  /** After the year: nothing, or a time or zone set off by a space, comma, dot or "at". */
  private static final String AFTER_YEAR = "(?:[\\s,.;\u00b7|-].*)?";
  private static final Pattern MONTH_FIRST =
      Pattern.compile(
          "(?:" + WEEKDAY + ")?" + MONTH + "\\s+" + DAY + ",?\\s+(\\d{4})" + AFTER_YEAR,
          Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  private static final Pattern DAY_FIRST =
      Pattern.compile(
          "(?:" + WEEKDAY + ")?" + DAY + "\\s+" + MONTH + ",?\\s+(\\d{4})" + AFTER_YEAR,
          Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  private static final Map<String, Integer> MONTHS =
      Map.ofEntries(
          Map.entry("jan", 1), Map.entry("january", 1), Map.entry("feb", 2), Map.entry("february", 2),
          Map.entry("mar", 3), Map.entry("march", 3), Map.entry("apr", 4), Map.entry("april", 4),
          Map.entry("may", 5), Map.entry("jun", 6), Map.entry("june", 6), Map.entry("jul", 7),
          Map.entry("july", 7), Map.entry("aug", 8), Map.entry("august", 8), Map.entry("sep", 9),
          Map.entry("sept", 9), Map.entry("september", 9), Map.entry("oct", 10), Map.entry("october", 10),
          Map.entry("nov", 11), Map.entry("november", 11), Map.entry("dec", 12), Map.entry("december", 12));
  private static final int FIRST_YEAR = 1900;
  private static final int LAST_YEAR = 2100;

  private AirDates() {}

  /**
   * The date {@code printed} names, in any of the forms above.
   *
   * @return the date, or empty when {@code printed} is null, blank or not a date
   */
  public static Optional<LocalDate> parse(String printed) {
    if (printed == null || printed.isBlank()) {
      return Optional.empty();
    }
    String text = printed.strip().replaceAll("\\s+", " ");
    Matcher m = ISO.matcher(text);
    if (m.matches()) {
      return date(m.group(1), m.group(3), m.group(4));
    }
    if ((m = COMPACT.matcher(text)).matches()) {
      return date(m.group(1), m.group(2), m.group(3));
    }
    if ((m = NUMERIC_US.matcher(text)).matches()) {
      boolean dayFirst = Integer.parseInt(m.group(1)) > 12;
      return dayFirst ? date(m.group(4), m.group(3), m.group(1)) : date(m.group(4), m.group(1), m.group(3));
    }
    if ((m = MONTH_FIRST.matcher(text)).matches()) {
      return named(m.group(3), m.group(1), m.group(2));
    }
    if ((m = DAY_FIRST.matcher(text)).matches()) {
      return named(m.group(3), m.group(2), m.group(1));
    }
    return Optional.empty();
  }

  private static Optional<LocalDate> named(String year, String month, String day) {
    Integer number = MONTHS.get(month.toLowerCase(Locale.ROOT));
    return number == null ? Optional.empty() : date(year, String.valueOf(number), day);
  }

  /** The number of the month named in English, whole or cut ("Sept", "dec"), any case; empty for no month. */
  public static java.util.OptionalInt month(String name) {
    Integer number = name == null ? null : MONTHS.get(name.toLowerCase(Locale.ROOT));
    return number == null ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(number);
  }

  /**
   * The day of these digits, when it is one between the years 1900 and 2100: month 13 or February 30th, printed
   * in a page or a record, are damage or an id, not a date.
   */
  public static Optional<LocalDate> date(String year, String month, String day) {
    int y = Integer.parseInt(year);
    if (y < FIRST_YEAR || y > LAST_YEAR) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.of(y, Integer.parseInt(month), Integer.parseInt(day)));
    } catch (DateTimeException e) {
      return Optional.empty(); // month 13, February 30th: printed, but no day
    }
  }
}
