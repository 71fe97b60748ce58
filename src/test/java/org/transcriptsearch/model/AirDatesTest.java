package org.transcriptsearch.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every form of date the collections and pages print, read to one ISO date; what is not a date, read as none. */
class AirDatesTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "2013-5-13 | 2013-05-13",
        "2013-05-13 | 2013-05-13",
        "2013-5-3 | 2013-05-03",
        "2013-05-13T00:00:00 | 2013-05-13",
        "2013-05-13T14:30:00.000-04:00 | 2013-05-13",
        "2013-05-13 00:00:00 | 2013-05-13",
        "2013-05-13Z | 2013-05-13",
        "2013/5/13 | 2013-05-13",
        "2013.05.13 | 2013-05-13",
        "20130513 | 2013-05-13",
        "5/13/2013 | 2013-05-13",
        "05-13-2013 | 2013-05-13",
        "13/5/2013 | 2013-05-13",
        "'June 10, 2008' | 2008-06-10",
        "'JUNE 10, 2008' | 2008-06-10",
        "June 10 2008 | 2008-06-10",
        "'Jun. 10, 2008' | 2008-06-10",
        "'Sept. 9, 2008' | 2008-09-09",
        "'Sep 9, 2008' | 2008-09-09",
        "'June 10th, 2008' | 2008-06-10",
        "'Tuesday, June 10, 2008' | 2008-06-10",
        "'Tue., June 10, 2008' | 2008-06-10",
        "10 June 2008 | 2008-06-10",
        "'10 June, 2008' | 2008-06-10",
        "'June 10, 2008 5:00 AM ET' | 2008-06-10",
        "'  June   10,  2008  ' | 2008-06-10",
        "'March 1, 2014 \u00b7 4:35 PM ET' | 2014-03-01",
      })
  void readsEveryPrintedForm(String printed, String iso) {
    assertThat(AirDates.parse(printed)).contains(LocalDate.parse(iso));
  }

  @ParameterizedTest(name = "[{index}] ''{0}''")
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "June 2012", "2013-02-30", "2013-13-01", "13/13/2013", "Juno 10, 2008", "yesterday", "2013", "0213-05-13",
        "3013-05-13", "2013-05-1345", "June 32, 2008", "12345678", " "
      })
  void whatIsNotADateIsNone(String printed) {
    assertThat(AirDates.parse(printed)).isEmpty();
  }
}
