package org.transcriptsearch.reader.page;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.transcriptsearch.reader.BadInputException;

/**
 * What a page's header lines say besides the title: a date, the station, a program named outside the speech
 * ("Heard on Morning Edition", old npr.org's "All Things Considered, June 7, 2007 · teaser"), an address line.
 */
record HeaderFacts(LocalDate date, String source, String program, String address) {
  private static final Pattern ADDRESS_LINE = Pattern.compile("(?i)https?://[^\\s<>\"]+");
  /** Old npr.org: "All Things Considered, June 7, 2007 · The Senate immigration bill stalled..." */
  private static final Pattern PROGRAM_AND_DATE = Pattern.compile("^([^,·•]{3,45}), ([A-Za-z]{3,9}\\.? \\d{1,2}, \\d{4})\\s*(?:[·•|-].*)?$");

  /** The facts of {@code header}, the first of each kind winning. */
  static HeaderFacts read(List<String> header) {
    LocalDate date = null;
    String station = null;
    boolean nprOrg = false;
    String program = null;
    String address = null;
    for (String p : header) {
      address = address != null ? address : address(p);
      date = date != null ? date : Boilerplate.date(p).orElse(null);
      station = station != null ? station : Boilerplate.station(p).orElse(null);
      nprOrg |= Boilerplate.isNprOrg(p);
      if (program == null && p.toLowerCase(Locale.ROOT).startsWith("heard on ")) {
        program = ProgramNames.named(p.substring(9)).orElse(null);
      }
      Matcher m = PROGRAM_AND_DATE.matcher(p);
      if (m.matches() && ProgramNames.named(m.group(1)).isPresent()) {
        program = program != null ? program : ProgramNames.named(m.group(1)).get();
        date = date != null ? date : PageDates.in(m.group(2)).orElse(null);
      }
    }
    return new HeaderFacts(date, station != null ? station : nprOrg ? "npr.org" : null, program, address);
  }

  /** True for old npr.org's "Program, Month D, YYYY · teaser" line: header, never speech or title. */
  static boolean isProgramAndDate(String p) {
    Matcher m = PROGRAM_AND_DATE.matcher(p);
    return m.matches() && ProgramNames.named(m.group(1)).isPresent();
  }

  private static String address(String p) {
    String a = p.startsWith("www.") ? "https://" + p : p;
    try {
      return ADDRESS_LINE.matcher(a).matches() ? PageAddresses.checked(a, "", null) : null;
    } catch (BadInputException e) {
      return null;
    }
  }
}
