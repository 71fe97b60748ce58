package org.transcriptsearch.query;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A day, a month or a year as people write them in a query or a parameter: {@code 2014-03-05}, {@code 2014-03},
 * {@code 2014}. As a start ({@code from=2014}) it is its first day, as an end ({@code to=2014}) its last.
 *
 * @param first the first day of the period
 * @param last the last day of the period
 */
public record DatePeriod(LocalDate first, LocalDate last) {
  private static final Pattern SHAPE = Pattern.compile("(\\d{4})(?:[-/](\\d{1,2})(?:[-/](\\d{1,2}))?)?");

  /** The period {@code typed} names, or empty when it is not a year, a month or a day. */
  public static Optional<DatePeriod> parse(String typed) {
    Matcher m = SHAPE.matcher(typed.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    try {
      int year = Integer.parseInt(m.group(1));
      if (m.group(2) == null) {
        return Optional.of(new DatePeriod(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)));
      }
      YearMonth month = YearMonth.of(year, Integer.parseInt(m.group(2)));
      if (m.group(3) == null) {
        return Optional.of(new DatePeriod(month.atDay(1), month.atEndOfMonth()));
      }
      LocalDate day = month.atDay(Integer.parseInt(m.group(3)));
      return Optional.of(new DatePeriod(day, day));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  /**
   * The first day of {@code typed} (a day, month or year).
   *
   * @throws IllegalArgumentException saying what is accepted when {@code typed} is none of them
   */
  public static LocalDate start(String typed) {
    return require(typed).first();
  }

  /**
   * The last day of {@code typed} (a day, month or year).
   *
   * @throws IllegalArgumentException saying what is accepted when {@code typed} is none of them
   */
  public static LocalDate end(String typed) {
    return require(typed).last();
  }

  private static DatePeriod require(String typed) {
    return parse(typed)
        .orElseThrow(
            () -> new IllegalArgumentException(
                "'" + typed + "' is not a date: use a day (2014-03-05), a month (2014-03) or a year (2014)"));
  }
}
