package org.transcriptsearch.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What people type, read into the query model; shown in the query syntax the response uses. */
class TypedQueryTest {
  private static String read(String typed) {
    return Describe.of(TypedQuery.parse(typed, 2));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "crimea | crimea",
        "kerry lavrov | +kerry +lavrov",
        "“self-defense forces” | \"self-defense forces\"",
        "„self-defense forces“ | \"self-defense forces\"",
        "«self-defense forces» | \"self-defense forces\"",
        "‘self-defense forces’ | \"self-defense forces\"",
        "Russia’s troops | +Russia's +troops",
        "lavrov and crimea | +lavrov +crimea",
        "lavrov AND crimea | +lavrov +crimea",
        "troops or barracks | troops OR barracks",
        "kerry lavrov OR putin | +kerry +(lavrov OR putin)",
        "crimea not russia | +crimea -russia",
        "crimea -russia | +crimea -russia",
        "NOT crimea | -crimea",
        "not crimea | -crimea",
        "!crimea | -crimea",
        "and crimea or | crimea",
        "9/11 | 9/11",
        "e-mail | e-mail",
        "negotiat* | negotiat*",
        "negotiat?ng | negotiat?ng",
        "negotiat? | negotiat?",
        "what did lavrov say about crimea? | +what +did +lavrov +say +about +crimea",
        "lavrof~ | lavrof~2",
        "lavrof~1 | lavrof~1",
        "crimea~3 | crimea~2",
        "\"self-defense forces\"~2 | \"self-defense forces\"~2",
        "crimea^2 | crimea^2",
        "speaker:lavrov crimea | +speaker:lavrov +crimea",
        "by:lavrov | speaker:lavrov",
        "speaker:\"sergey lavrov\" | speaker:\"sergey lavrov\"",
        "speaker:(lavrov OR kerry) | speaker:lavrov OR speaker:kerry",
        "program:ATC | program:\"All Things Considered\"",
        "show:totn | program:\"Talk of the Nation\"",
        "program:\"morning edition\" | program:\"morning edition\"",
        "role:reporter | role:correspondent",
        "role:anchor | role:host",
        "topic:Crimea | topic:Crimea",
        "date:2014 | date:[2014-01-01 TO 2014-12-31]",
        "date:2014-02 | date:[2014-02-01 TO 2014-02-28]",
        "date:2014-03-05 | date:[2014-03-05 TO 2014-03-05]",
        "date:[2014-01-01 TO 2014-12-31] | date:[2014-01-01 TO 2014-12-31]",
        "date:[2014 TO 2015-06] | date:[2014-01-01 TO 2015-06-30]",
        "date:{2014 TO 2016} | date:[2015-01-01 TO 2015-12-31]",
        "date:[2014 TO *] | date:[2014-01-01 TO *]",
        "date:>2014 | date:[2015-01-01 TO *]",
        "date:<=2014-06 | date:[* TO 2014-06-30]",
        "from:2014-03 | date:[2014-03-01 TO *]",
        "to:2014 | date:[* TO 2014-12-31]",
        "*:* | *:*",
        "'' | *:*",
      })
  void readsWhatPeopleType(String typed, String read) {
    assertThat(read(typed)).isEqualTo(read);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "crimea AND ( | the parenthesis at column 12 is never closed",
        "crimea) | the closing parenthesis at column 7 has no opening one",
        "\"self-defense forces | the quote at column 1 is never closed",
        "color:red | unknown field 'color' at column 1; fields are text, speaker, program, topic, role, title, date,"
            + " from, to",
        "role:pundit | unknown role 'pundit'",
        "date:yesterday | 'yesterday' at column 6 is not a date: use a day (2014-03-05), a month (2014-03) or a year"
            + " (2014)",
        "date:[2015 TO 2014] | the range at column 6 ends before it starts",
        "speaker:[a TO b] | the range at column 9 is not on a date",
        "speaker: | 'speaker:' at column 1 has no value after it",
        "*rimea | '*rimea' at column 1: a wildcard needs at least 2 characters before it",
        "c* | a wildcard needs at least 2 characters before it",
        "/cri.*/ | regular expressions (/cri.*/) are not supported",
      })
  void aQueryThatCannotBeReadSaysWhereAndWhy(String typed, String message) {
    assertThatThrownBy(() -> TypedQuery.parse(typed, 2))
        .isInstanceOf(QuerySyntaxException.class)
        .hasMessageContaining(message);
  }

  @Test
  void theModelHoldsNoSearchEngineTypes() {
    for (Class<?> kind : QueryNode.class.getPermittedSubclasses()) {
      for (var component : kind.getRecordComponents()) {
        assertThat(component.getType().getName()).as(kind.getSimpleName()).doesNotStartWith("org.apache.lucene");
      }
    }
  }
}
