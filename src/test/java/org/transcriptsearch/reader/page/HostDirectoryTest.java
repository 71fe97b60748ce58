package org.transcriptsearch.reader.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HostDirectoryTest {
  private final HostDirectory hosts = HostDirectory.shipped();

  @Test
  void completesUniqueSurnames() {
    assertThat(hosts.fullNameForSurname("MCEVERS")).contains("Kelly McEvers");
    assertThat(hosts.fullNameForSurname("Martinez")).contains("A Martínez");
    assertThat(hosts.fullNameForSurname("GREENE")).contains("David Greene");
    // Rachel Martin and Michel Martin: ambiguous, so no answer.
    assertThat(hosts.fullNameForSurname("MARTIN")).isEmpty();
    assertThat(hosts.fullNameForSurname("Kelemen")).isEmpty();
  }

  @Test
  void knowsHostsWhateverTheCase() {
    assertThat(hosts.isHost("audie cornish")).isTrue();
    assertThat(hosts.isHost("Michele Kelemen")).isFalse();
  }

  @Test
  void programOnlyWhenTheHostsAgreeOnOne() {
    assertThat(hosts.programOf(List.of("Kelly McEvers"))).contains("All Things Considered");
    assertThat(hosts.programOf(List.of("Rachel Martin"))).isEmpty();
    assertThat(hosts.programOf(List.of("Rachel Martin", "David Greene"))).contains("Morning Edition");
    assertThat(hosts.programOf(List.of("Rachel Martin", "Unknown Person"))).isEmpty();
    assertThat(hosts.programOf(List.of())).isEmpty();
  }

  @Test
  void everyLineOfTheShippedListIsComplete() {
    assertThat(hosts.hosts()).hasSizeGreaterThan(30);
    assertThat(hosts.hosts()).allSatisfy(h -> assertThat(h.name()).isNotBlank());
    assertThat(hosts.hosts()).allSatisfy(h -> assertThat(ProgramNames.named(h.program())).contains(h.program()));
  }
}
